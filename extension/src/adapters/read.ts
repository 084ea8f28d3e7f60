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
import { maskedMemo } from './masked-memo';
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
function maskFreeText(text: string): string {
  return DIGIT.test(text) ? maskText(text).value : text;
}

// Already-masked names and addresses repeat across a page's rows: mask each distinct one once.
const maskNameOnce = maskedMemo(maskName);
const maskAddressOnce = maskedMemo(maskAddress);

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

/**
 * Read one order row into a masked `OrderView`. Whatever the page shows — masked, ciphertext,
 * virtual number, or plaintext after a reveal — only masked / ciphertext / virtual values come out
 * (invariant 1). Returns undefined when the row has no order id.
 */
export function readRow(
  row: Element,
  adapter: SiteAdapter,
  shopId: string,
  now: number,
): RowRead | undefined {
  const f = adapter.fields;
  const orderId = raw(row, f.orderId);
  if (!orderId) return undefined;
  let revealed = false;

  const receiver: { -readonly [K in keyof ReceiverView]: ReceiverView[K] } = {};
  const cipher: { name?: string; phone?: string; address?: string } = {};

  const vnText = raw(row, f.virtualNumber);
  const vn: VirtualNumber | null = vnText ? parseVirtualNumber(vnText) : null;
  if (vn) receiver.virtual = vn;

  const phoneText = raw(row, f.receiverPhone);
  // A mask reports the input's form exactly as classifyField would (core contract test): one
  // parse per value, not two.
  if (phoneText) {
    const masked = maskPhone(phoneText);
    if (masked.form === 'ciphertext') cipher.phone = phoneText;
    else if (masked.form === 'virtual') receiver.virtual ??= parseVirtualNumber(phoneText) ?? undefined;
    else {
      if (masked.form === 'plain') revealed = true;
      if (masked.value) receiver.phone = masked.value;
      if (masked.form === 'invalid') receiver.phoneInvalid = true;
    }
  }
  const nameText = raw(row, f.receiverName);
  if (nameText) {
    const masked = maskNameOnce(nameText);
    if (masked.form === 'ciphertext') cipher.name = nameText;
    else {
      if (masked.form === 'plain') revealed = true;
      if (masked.value) receiver.name = masked.value;
    }
  }
  const addressText = raw(row, f.receiverAddress);
  if (addressText) {
    const c = classifyField(addressText, 'address');
    if (c.form === 'ciphertext') cipher.address = addressText;
    else {
      if (c.form === 'plain') revealed = true;
      const masked = maskAddressOnce(addressText);
      if (masked.value) receiver.address = masked.value;
    }
  }
  for (const [key, rule] of [
    ['name', f.cipherName],
    ['phone', f.cipherPhone],
    ['address', f.cipherAddress],
  ] as const) {
    const text = raw(row, rule);
    if (text && classifyField(text, key === 'phone' ? 'phone' : key).form === 'ciphertext')
      cipher[key] = text;
  }
  if (Object.keys(cipher).length) receiver.cipher = cipher;
  if (f.phoneInvalid && raw(row, f.phoneInvalid) !== undefined) receiver.phoneInvalid = true;

  const items: OrderItem[] = [];
  if (adapter.items) {
    const quantities = adapter.quantities
      ? Array.from(row.querySelectorAll(adapter.quantities.selector), (el) =>
          raw(el, { ...adapter.quantities!, selector: ':scope' }),
        )
      : [];
    Array.from(row.querySelectorAll(adapter.items.row)).forEach((line, index) => {
      const name = raw(line, adapter.items!.name);
      if (!name) return;
      const qty = Number(raw(line, adapter.items!.quantity) ?? quantities[index] ?? '1');
      const sku = raw(line, adapter.items!.sku);
      items.push({
        name: maskFreeText(name),
        quantity: Number.isFinite(qty) && qty > 0 ? qty : 1,
        ...(sku ? { sku } : {}),
      });
    });
  }
  const statusText = raw(row, f.status) ?? '';
  const status: OrderStatus = adapter.statuses[statusText] ?? 'awaiting_shipment';
  const category = raw(row, f.category);
  const remarkText = raw(row, f.remark);
  const createdAt = instant(row, f.createdAt) ?? now;
  const receivedAt = instant(row, f.receivedAt);
  const completedAt = instant(row, f.completedAt);

  const order: OrderView = {
    platform: adapter.platform,
    shopId,
    orderId,
    status,
    createdAt,
    items,
    receiver,
    ...(category ? { category } : {}),
    ...(remarkText ? { remark: maskFreeText(remarkText) } : {}),
    ...(receivedAt !== undefined ? { receivedAt } : {}),
    ...(completedAt !== undefined ? { completedAt } : {}),
  };
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
