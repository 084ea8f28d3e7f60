import {
  classifyField,
  maskName,
  maskPhone,
  maskText,
  parseChinaDateTime,
  parseVirtualNumber,
  type FieldForm,
  type OrderItem,
  type OrderStatus,
  type OrderView,
  type ReceiverView,
  type VirtualNumber,
} from '@shipmask/core';
import { maskAddressOnce } from './address-memo';
import { cleanTextMemo, maskedMemo } from './masked-memo';
import { linesOf, nameAndAddress, phoneIn, splitReceiver, type ReceiverParts } from './receiver-lines';
import { queryAllFirst, queryFirst, rowScope, variantsOf } from './select';
import type { FieldRule, SiteAdapter } from './types';

/** One order row as read off the page. */
export interface RowRead {
  readonly element: Element;
  readonly order: OrderView;
  /** The page currently shows plaintext for this row (the merchant revealed it). */
  readonly revealed: boolean;
  /** The elements of the order as read (its row, and a table order's group rows). */
  readonly parts?: readonly Element[];
}

/**
 * Free text (item names, SKUs, category, remarks) through `maskText`: phones, ID numbers,
 * detailed addresses and names are masked (issue 20: addresses need no digit, so every text
 * goes through). Item names repeat across rows: each distinct text is masked once.
 */
const freeText = cleanTextMemo((text) => maskText(text).value);

// Already-masked names and addresses repeat across a page's rows: mask each distinct one once.
const maskNameOnce = maskedMemo(maskName);

/**
 * The form `classifyField(text, 'address')` gives, from the same memo the row reads use: the gate's
 * address fingerprint (facts.ts) classifies the address the row read has just masked.
 * @example
 * shownAddressForm('广东省广州市天河区****'); // 'masked'
 */
export function shownAddressForm(text: string): FieldForm {
  return maskAddressOnce(text).form;
}

/** Elements tried per variant for a rule with a pattern (a header has a few spans). */
const MAX_CANDIDATES = 12;

/**
 * What one `readRow` call has already asked the DOM: several fields query the same elements (抖店's
 * order id, 下单时间 and 完成时间 all sit in the header spans), and a field the row lacks tries
 * every variant. Lives for one call only: a platform re-renders rows in place, so nothing read
 * here may outlive the read (and no raw text outlives it either).
 */
interface RowCache {
  readonly found: Map<Element, Map<string, NodeListOf<Element>>>;
  readonly text: Map<Element, string>;
}
let rowCache: RowCache | undefined;

/** `querySelectorAll` (a static list), asked once per part and selector during a read. */
function queryAll(part: Element, selector: string): NodeListOf<Element> {
  if (!rowCache) return part.querySelectorAll(selector);
  let byPart = rowCache.found.get(part);
  if (!byPart) rowCache.found.set(part, (byPart = new Map<string, NodeListOf<Element>>()));
  let found = byPart.get(selector);
  if (!found) byPart.set(selector, (found = part.querySelectorAll(selector)));
  return found;
}

function textOf(el: Element): string {
  if (!rowCache) return el.textContent ?? '';
  let t = rowCache.text.get(el);
  if (t === undefined) rowCache.text.set(el, (t = el.textContent ?? ''));
  return t;
}

/**
 * Read a field's raw text (or attribute) from inside `scope` (the elements of one order). Raw
 * text never leaves this module. With a pattern, the first element (of the first variant that
 * has one) whose text matches gives the value.
 */
function raw(all: readonly Element[], rule: FieldRule | undefined): string | undefined {
  if (!rule) return undefined;
  // A detected row spanning several siblings may say which one holds the field.
  const scope = rule.block === undefined ? all : all.slice(rule.block, rule.block + 1);
  if (!scope.length) return undefined;
  const read = (el: Element): string => (rule.attr ? (el.getAttribute(rule.attr) ?? '') : textOf(el));
  if (rule.selector === ':scope') return match(read(scope[0]!), rule.pattern);
  if (!rule.pattern) {
    const el = queryFirst(scope, rule.selector);
    return el ? read(el).trim() : undefined;
  }
  for (const v of variantsOf(rule.selector)) {
    for (const part of scope) {
      const found = queryAll(part, v);
      for (let i = 0; i < found.length && i < MAX_CANDIDATES; i++) {
        const value = match(read(found[i]!), rule.pattern);
        if (value !== undefined) return value;
      }
    }
  }
  return undefined;
}

function match(text: string, pattern: RegExp | undefined): string | undefined {
  if (!pattern) return text.trim();
  const m = pattern.exec(text);
  return m ? (m[1] ?? m[0]).trim() : undefined;
}

function instant(root: readonly Element[], rule: FieldRule | undefined): number | undefined {
  const text = raw(root, rule);
  return text ? parseChinaDateTime(text) : undefined;
}

type Cipher = { name?: string; phone?: string; address?: string };

/** A dedicated ciphertext field (Douyin shows it beside the masked value on some pages). */
function cipherField(
  row: readonly Element[],
  rule: FieldRule | undefined,
  kind: 'name' | 'phone' | 'address',
) {
  const text = raw(row, rule);
  return text && classifyField(text, kind).form === 'ciphertext' ? text : undefined;
}

function readItems(row: readonly Element[], adapter: SiteAdapter): OrderItem[] {
  const items: OrderItem[] = [];
  const spec = adapter.items;
  if (!spec) return items;
  // The quantity rule, applied to each quantity element itself.
  const qRule: FieldRule | undefined = adapter.quantities && { ...adapter.quantities, selector: ':scope' };
  const quantities = adapter.quantities && queryAllFirst(row, adapter.quantities.selector);
  const lines = queryAllFirst(row, spec.row);
  for (let index = 0; index < lines.length; index++) {
    const line = [lines[index]!];
    const name = raw(line, spec.name);
    if (!name) continue;
    const q = quantities?.[index];
    const qty = Number(raw(line, spec.quantity) ?? (q ? raw([q], qRule) : undefined) ?? '1');
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
 * `blocks`: the elements of one order as content-based detection found them (an order header
 * row and the rows under it), instead of the adapter's `rowGroup`.
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
  rowCache = { found: new Map(), text: new Map() };
  try {
    return readRowCached(row, adapter, shopId, now, detail, blocks);
  } finally {
    rowCache = undefined;
  }
}

function readRowCached(
  row: Element,
  adapter: SiteAdapter,
  shopId: string,
  now: number,
  detail: boolean,
  blocks: readonly Element[] | undefined,
): RowRead | undefined {
  const f = adapter.fields;
  const scope = blocks ? [...blocks] : rowScope(row, adapter.rowGroup, adapter.row);
  const orderId = raw(scope, f.orderId);
  if (!orderId) return undefined;
  let revealed = false;
  const cell = readReceiverCell(scope, f.receiver);

  const receiver: { -readonly [K in keyof ReceiverView]: ReceiverView[K] } = {};
  const cipher: Cipher = {};
  let ciphered = false;

  const vnText = raw(scope, f.virtualNumber);
  const vn: VirtualNumber | null = vnText ? parseVirtualNumber(vnText) : null;
  if (vn) receiver.virtual = vn;

  const phoneRaw = raw(scope, f.receiverPhone);
  const phoneText = phoneRaw !== undefined ? phoneIn(phoneRaw) : cell.phone;
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
  // A dedicated address may hold the name too (`王**，陕西…`): split it by what core reads.
  const addressRaw = raw(scope, f.receiverAddress);
  const addressParts = addressRaw !== undefined ? nameAndAddress(addressRaw) : {};
  const nameText = raw(scope, f.receiverName) ?? addressParts.name ?? cell.name;
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
  const addressText = addressRaw !== undefined ? addressParts.address : cell.address;
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

  const items = detail ? readItems(scope, adapter) : [];
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
  if (category) order.category = freeText(category);
  if (remarkText) order.remark = freeText(remarkText);
  if (receivedAt !== undefined) order.receivedAt = receivedAt;
  if (completedAt !== undefined) order.completedAt = completedAt;
  // Issue 17: assigned to a supplier through the platform: marked, never handed off again.
  if (f.platformDropship && raw(scope, f.platformDropship) !== undefined) order.platformDropship = true;
  return { element: row, order, revealed, parts: scope };
}

/**
 * The order id of one row, or undefined (the same rule `readRow` uses; nothing else is read).
 * @example
 * readOrderId(row, douyin); // '6920000000000000001'
 */
export function readOrderId(row: Element, adapter: SiteAdapter): string | undefined {
  return raw([row], adapter.fields.orderId) || undefined;
}

/**
 * The receiver address of one row as the page shows it NOW, raw (masked, or plaintext after the
 * merchant's reveal), with a name that shares its text (`王小明，四川省…`) split off. Only for the
 * print-time address channel (content/address-reply.ts), which checks the text with core at once,
 * hands it only to the asking extension page, and keeps nothing; every other reader gets masked
 * values from `readRow`. Undefined when the row shows no address.
 * @example
 * readAddressText(row, wechat); // '广东省广州市天河区花城广场888号' after 查看, '广东省广州市天河区****' before
 */
export function readAddressText(
  row: Element,
  adapter: SiteAdapter,
  blocks?: readonly Element[],
): string | undefined {
  const f = adapter.fields;
  const scope = blocks ? [...blocks] : rowScope(row, adapter.rowGroup, adapter.row);
  const addressRaw = raw(scope, f.receiverAddress);
  const text =
    addressRaw !== undefined
      ? nameAndAddress(addressRaw).address
      : readReceiverCell(scope, f.receiver).address;
  return text || undefined;
}

/** The raw parts of the one-cell receiver, if the adapter has one (raw text: mask at once). */
function readReceiverCell(scope: readonly Element[], rule: FieldRule | undefined): ReceiverParts {
  if (!rule) return {};
  const el = queryFirst(scope, rule.selector);
  return el ? splitReceiver(linesOf(el)) : {};
}

/**
 * The shop id the page shows, or `default`. `roots`: where to look (the document and the open
 * shadow roots the watcher found).
 * @example
 * readShopId(document, douyin); // '68923417'
 */
export function readShopId(
  doc: Document,
  adapter: SiteAdapter,
  roots: readonly ParentNode[] = [doc],
): string {
  if (!adapter.shop) return 'default';
  const rules: readonly FieldRule[] = 'selector' in adapter.shop ? [adapter.shop] : adapter.shop;
  for (const rule of rules) {
    for (const v of variantsOf(rule.selector)) {
      for (const root of roots) {
        const el = root.querySelector(v);
        const value = el ? raw([el], { ...rule, selector: ':scope' }) : undefined;
        if (value) return value;
      }
    }
  }
  // A list drawn in a same-origin child frame: the shop is named in the shell around it.
  const parentDoc = sameOriginParent(doc);
  return parentDoc ? readShopId(parentDoc, adapter) : 'default';
}

/** Longest shop name taken from a page (the popup's own limit). */
const SHOP_NAME_CHARS = 100;
/** A run of 7+ digits is a number, not a name (a shop name never needs to carry a phone). */
const LONG_DIGITS = /[0-9０-９]{7,}/u;

/**
 * The shop's display name as the page shows it (issue 21), or `undefined`: trimmed, at most
 * 100 characters, and never text holding a long number. Like `readShopId`, a list in a
 * same-origin frame finds the name in the shell around it.
 * @example
 * readShopName(document, douyin); // '山茶小铺'
 */
export function readShopName(
  doc: Document,
  adapter: SiteAdapter,
  roots: readonly ParentNode[] = [doc],
): string | undefined {
  if (!adapter.shopName) return undefined;
  const rules: readonly FieldRule[] = 'selector' in adapter.shopName ? [adapter.shopName] : adapter.shopName;
  for (const rule of rules) {
    for (const v of variantsOf(rule.selector)) {
      for (const root of roots) {
        const el = root.querySelector(v);
        const value = el ? raw([el], { ...rule, selector: ':scope' })?.trim() : undefined;
        if (value && value.length <= SHOP_NAME_CHARS && !LONG_DIGITS.test(value)) return value;
      }
    }
  }
  const parentDoc = sameOriginParent(doc);
  return parentDoc ? readShopName(parentDoc, adapter) : undefined;
}

/** The parent frame's document when it is a different, same-origin document; else undefined. */
function sameOriginParent(doc: Document): Document | undefined {
  try {
    const win = doc.defaultView;
    const parent = win?.parent;
    if (!parent || parent === win) return undefined;
    return parent.document;
  } catch {
    // Cross-origin parent: out of reach, as it should be.
    return undefined;
  }
}

/**
 * The page's remaining-views counter, if shown (optional: no platform's counter is public).
 * @example
 * readCounter(document, wechat, roots); // 497
 */
export function readCounter(
  doc: Document,
  adapter: SiteAdapter,
  roots: readonly ParentNode[] = [doc],
): number | undefined {
  if (!adapter.counter) return undefined;
  let el: Element | null = null;
  for (const v of variantsOf(adapter.counter.selector)) {
    for (const root of roots) if ((el = root.querySelector(v))) break;
    if (el) break;
  }
  const m = el ? adapter.counter.pattern.exec(el.textContent ?? '') : null;
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
