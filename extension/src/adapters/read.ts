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

/** Phones, ID numbers and extensions all need digits: text without any skips `maskText`. */
const DIGIT = /[0-9\uFF10-\uFF19]/u;

/** Free text (item names, remarks) with phones and ID numbers masked; item names repeat. */
const freeText = cleanTextMemo((text) => (DIGIT.test(text) ? maskText(text).value : text));

// Already-masked names and addresses repeat across a page's rows: mask each distinct one once.
const maskNameOnce = maskedMemo(maskName);
/** An address's form (classifyField) and its mask in one remembered result. */
const maskAddressOnce = maskedMemo((text: string) => ({
  ...maskAddress(text),
  form: classifyField(text, 'address').form,
}));

/**
 * Where a row's fields are: its element, or every block of a row that spans several siblings
 * (content-based detection's `group` rows); the first block holding a field wins.
 */
type Scope = Element | readonly Element[];

function find(scope: Scope, selector: string, at?: number): Element | null {
  if (!Array.isArray(scope)) {
    const root = scope as Element;
    return selector === ':scope' ? root : root.querySelector(selector);
  }
  const blocks = scope as readonly Element[];
  for (const block of at === undefined ? blocks : blocks.slice(at, at + 1)) {
    const el = block.matches(selector) ? block : block.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** Read a field's raw text (or attribute) from inside `root`. Raw text never leaves this module. */
function raw(root: Scope, rule: FieldRule | undefined): string | undefined {
  if (!rule) return undefined;
  const el = find(root, rule.selector, rule.block);
  if (!el) return undefined;
  const text = (rule.attr ? el.getAttribute(rule.attr) : el.textContent) ?? '';
  if (!rule.pattern) return text.trim();
  const m = rule.pattern.exec(text);
  return m ? (m[1] ?? m[0]).trim() : undefined;
}

function instant(root: Scope, rule: FieldRule | undefined): number | undefined {
  const text = raw(root, rule);
  return text ? parseChinaDateTime(text) : undefined;
}

type Cipher = { name?: string; phone?: string; address?: string };

/** A dedicated ciphertext field (Douyin shows it beside the masked value on some pages). */
function cipherField(row: Scope, rule: FieldRule | undefined, kind: 'name' | 'phone' | 'address') {
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
    if (sku) item.sku = sku;
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
 * `blocks`: a row that spans several sibling elements (an order header row and the rows under it,
 * as content-based detection finds them); fields are looked up in each block in turn.
 * @example
 * const summary = readRow(row, douyin, 'shop1', Date.now(), false);
 */
export function readRow(
  row: Element,
  adapter: SiteAdapter,
  shopId: string,
  now: number,
  detail = true,
  blocks?: readonly Element[],
): RowRead | undefined {
  const f = adapter.fields;
  const scope: Scope = blocks ?? row;
  const orderId = raw(scope, f.orderId);
  if (!orderId) return undefined;
  let revealed = false;

  const receiver: { -readonly [K in keyof ReceiverView]: ReceiverView[K] } = {};
  const cipher: Cipher = {};
  let ciphered = false;

  const vnText = raw(scope, f.virtualNumber);
  const vn: VirtualNumber | null = vnText ? parseVirtualNumber(vnText) : null;
  if (vn) receiver.virtual = vn;

  const phoneText = raw(scope, f.receiverPhone);
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
  const nameText = raw(scope, f.receiverName);
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
  const addressText = raw(scope, f.receiverAddress);
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
    const name = cipherField(scope, f.cipherName, 'name');
    const phone = cipherField(scope, f.cipherPhone, 'phone');
    const address = cipherField(scope, f.cipherAddress, 'address');
    if (name) cipher.name = name;
    if (phone) cipher.phone = phone;
    if (address) cipher.address = address;
    ciphered ||= Boolean(name || phone || address);
  }
  if (ciphered) receiver.cipher = cipher;
  if (f.phoneInvalid && raw(scope, f.phoneInvalid) !== undefined) receiver.phoneInvalid = true;

  const items = detail ? readItems(row, adapter) : [];
  const statusText = raw(scope, f.status) ?? '';
  const status: OrderStatus = adapter.statuses[statusText] ?? 'awaiting_shipment';
  const category = raw(scope, f.category);
  const remarkText = detail ? raw(scope, f.remark) : undefined;
  const receivedAt = instant(scope, f.receivedAt);
  const completedAt = instant(scope, f.completedAt);

  const order: { -readonly [K in keyof OrderView]: OrderView[K] } = {
    platform: adapter.platform,
    shopId,
    orderId,
    status,
    createdAt: instant(scope, f.createdAt) ?? now,
    items,
    receiver,
  };
  if (category) order.category = category;
  if (remarkText) order.remark = freeText(remarkText);
  if (receivedAt !== undefined) order.receivedAt = receivedAt;
  if (completedAt !== undefined) order.completedAt = completedAt;
  return { element: row, order, revealed };
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
