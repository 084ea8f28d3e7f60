import {
  classifyField,
  maskAddress,
  maskName,
  maskPhone,
  maskText,
  parseChinaDateTime,
  parseVirtualNumber,
  type OrderItem,
  type OrderStatus,
  type OrderView,
  type ReceiverView,
  type VirtualNumber,
} from '@shipmask/core';
import { cleanTextMemo, maskedMemo } from './masked-memo';
import type { FieldRule, SiteAdapter } from './types';

/** One order row as read off the page. */
export interface RowRead {
  readonly element: Element;
  readonly order: OrderView;
  /** The page currently shows plaintext for this row (the merchant revealed it). */
  readonly revealed: boolean;
}

/**
 * Free text (item names, SKUs, category, remarks) through `maskText`: phones, ID numbers,
 * detailed addresses and names are masked (issue 20: addresses need no digit, so every text
 * goes through). Item names repeat across rows: each distinct text is masked once.
 */
const freeText = cleanTextMemo((text) => maskText(text).value);

// Already-masked names and addresses repeat across a page's rows: mask each distinct one once.
const maskNameOnce = maskedMemo(maskName);
/** An address's form (classifyField) and its mask in one remembered result. */
const maskAddressOnce = maskedMemo((text: string) => ({
  ...maskAddress(text),
  form: classifyField(text, 'address').form,
}));

/** Read a field's raw text (or attribute) from inside `root`. Raw text never leaves this module. */
function raw(root: Element, rule: FieldRule | undefined): string | undefined {
  if (!rule) return undefined;
  const el = rule.selector === ':scope' ? root : root.querySelector(rule.selector);
  if (!el) return undefined;
  const text = (rule.attr ? el.getAttribute(rule.attr) : el.textContent) ?? '';
  if (!rule.pattern) return text.trim();
  const m = rule.pattern.exec(text);
  return m ? (m[1] ?? m[0]).trim() : undefined;
}

function instant(root: Element, rule: FieldRule | undefined): number | undefined {
  const text = raw(root, rule);
  return text ? parseChinaDateTime(text) : undefined;
}

type Cipher = { name?: string; phone?: string; address?: string };

/** A dedicated ciphertext field (Douyin shows it beside the masked value on some pages). */
function cipherField(row: Element, rule: FieldRule | undefined, kind: 'name' | 'phone' | 'address') {
  const text = raw(row, rule);
  return text && classifyField(text, kind).form === 'ciphertext' ? text : undefined;
}

function readItems(row: Element, adapter: SiteAdapter): OrderItem[] {
  const items: OrderItem[] = [];
  const spec = adapter.items;
  if (!spec) return items;
  // The quantity rule, applied to each quantity element itself.
  const qRule: FieldRule | undefined = adapter.quantities && { ...adapter.quantities, selector: ':scope' };
  const quantities = adapter.quantities && row.querySelectorAll(adapter.quantities.selector);
  const lines = row.querySelectorAll(spec.row);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const name = raw(line, spec.name);
    if (!name) continue;
    const q = quantities?.[index];
    const qty = Number(raw(line, spec.quantity) ?? (q ? raw(q, qRule) : undefined) ?? '1');
    const sku = raw(line, spec.sku);
    const item: { -readonly [K in keyof OrderItem]: OrderItem[K] } = {
      name: freeText(name),
      quantity: Number.isFinite(qty) && qty > 0 ? qty : 1,
    };
    if (sku) item.sku = freeText(sku);
    items.push(item);
  }
  return items;
}

/**
 * Read one order row into a masked `OrderView`. Whatever the page shows — masked, ciphertext,
 * virtual number, or plaintext after a reveal — only masked / ciphertext / virtual values come out
 * (invariant 1). Returns undefined when the row has no order id.
 *
 * `detail: false` reads a summary: no items (empty) and no remark. A page swap reads summaries
 * (badges, the order volume and retention need no more); an order's detail is read when the
 * merchant selects it.
 * @example
 * const summary = readRow(row, douyin, 'shop1', Date.now(), false);
 */
export function readRow(
  row: Element,
  adapter: SiteAdapter,
  shopId: string,
  now: number,
  detail = true,
): RowRead | undefined {
  const f = adapter.fields;
  const orderId = raw(row, f.orderId);
  if (!orderId) return undefined;
  let revealed = false;

  const receiver: { -readonly [K in keyof ReceiverView]: ReceiverView[K] } = {};
  const cipher: Cipher = {};
  let ciphered = false;

  const vnText = raw(row, f.virtualNumber);
  const vn: VirtualNumber | null = vnText ? parseVirtualNumber(vnText) : null;
  if (vn) receiver.virtual = vn;

  const phoneText = raw(row, f.receiverPhone);
  // A mask reports the input's form exactly as classifyField would (core contract test): one
  // parse per value, not two.
  if (phoneText) {
    const masked = maskPhone(phoneText);
    if (masked.form === 'ciphertext') {
      cipher.phone = phoneText;
      ciphered = true;
    } else if (masked.form === 'virtual') receiver.virtual ??= parseVirtualNumber(phoneText) ?? undefined;
    else {
      if (masked.form === 'plain') revealed = true;
      if (masked.value) receiver.phone = masked.value;
      if (masked.form === 'invalid') receiver.phoneInvalid = true;
    }
  }
  const nameText = raw(row, f.receiverName);
  if (nameText) {
    const masked = maskNameOnce(nameText);
    if (masked.form === 'ciphertext') {
      cipher.name = nameText;
      ciphered = true;
    } else {
      if (masked.form === 'plain') revealed = true;
      if (masked.value) receiver.name = masked.value;
    }
  }
  const addressText = raw(row, f.receiverAddress);
  if (addressText) {
    const masked = maskAddressOnce(addressText);
    if (masked.form === 'ciphertext') {
      cipher.address = addressText;
      ciphered = true;
    } else {
      if (masked.form === 'plain') revealed = true;
      if (masked.value) receiver.address = masked.value;
    }
  }
  if (f.cipherName || f.cipherPhone || f.cipherAddress) {
    const name = cipherField(row, f.cipherName, 'name');
    const phone = cipherField(row, f.cipherPhone, 'phone');
    const address = cipherField(row, f.cipherAddress, 'address');
    if (name) cipher.name = name;
    if (phone) cipher.phone = phone;
    if (address) cipher.address = address;
    ciphered ||= Boolean(name || phone || address);
  }
  if (ciphered) receiver.cipher = cipher;
  if (f.phoneInvalid && raw(row, f.phoneInvalid) !== undefined) receiver.phoneInvalid = true;

  const items = detail ? readItems(row, adapter) : [];
  const statusText = raw(row, f.status) ?? '';
  const status: OrderStatus = adapter.statuses[statusText] ?? 'awaiting_shipment';
  const category = raw(row, f.category);
  const remarkText = detail ? raw(row, f.remark) : undefined;
  const receivedAt = instant(row, f.receivedAt);
  const completedAt = instant(row, f.completedAt);

  const order: { -readonly [K in keyof OrderView]: OrderView[K] } = {
    platform: adapter.platform,
    shopId,
    orderId,
    status,
    createdAt: instant(row, f.createdAt) ?? now,
    items,
    receiver,
  };
  if (category) order.category = freeText(category);
  if (remarkText) order.remark = freeText(remarkText);
  if (receivedAt !== undefined) order.receivedAt = receivedAt;
  if (completedAt !== undefined) order.completedAt = completedAt;
  return { element: row, order, revealed };
}

/**
 * The order id of one row, or undefined (the same rule `readRow` uses; nothing else is read).
 * @example
 * readOrderId(row, douyin); // '6920000000000000001'
 */
export function readOrderId(row: Element, adapter: SiteAdapter): string | undefined {
  return raw(row, adapter.fields.orderId) || undefined;
}

/** The shop id the page shows, or `default`. */
export function readShopId(doc: Document, adapter: SiteAdapter): string {
  if (!adapter.shop) return 'default';
  return raw(doc.documentElement, adapter.shop) || 'default';
}

/** The page's remaining-views counter, if shown. */
export function readCounter(doc: Document, adapter: SiteAdapter): number | undefined {
  if (!adapter.counter) return undefined;
  const el = doc.querySelector(adapter.counter.selector);
  const m = el ? adapter.counter.pattern.exec(el.textContent ?? '') : null;
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
