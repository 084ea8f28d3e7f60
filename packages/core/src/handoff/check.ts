/**
 * The gate in front of sealing: validates a batch, passes remarks through `maskText`, and
 * refuses buyer plaintext (DESIGN.md invariant 1; issue 9 item 1):
 * - a real mobile number anywhere (receiver fields, remark after masking, item names and SKUs,
 *   carrier, shop name). Virtual numbers (`13240968483-9647`) are platform routing and pass.
 * - a real phone (mobile or landline, or seven digits or more without a mask) in
 *   `receiver.phone` or `receiver.cipher.phone`;
 * - a plaintext full name together with a detailed address. A masked name (`张*`), ciphertext or
 *   the placeholder of the WeChat virtual-number form (`店小二(转3639)`) may travel with a
 *   detailed address, because that is the form the platform prescribes for shipping.
 * - a detailed address without a virtual number (issue 17, DESIGN.md invariant 1): the one
 *   exception to "no detailed address" is the delivery address of a virtual-number order, which
 *   the platform's label rule prints beside `店小二(转NNNN)`; any other order ships by ciphertext
 *   or the platform's own drop-ship and needs no address.
 * @module
 */
import { classifyField } from '../classify/classify-field.js';
import { foldWidth } from '../classify/normalize.js';
import { maskAddress } from '../mask/mask-address.js';
import { maskMobilesIn, maskText } from '../mask/mask-text.js';
import { parseVirtualNumber } from '../virtual/parse.js';
import { fail, type HandoffResult } from './errors.js';
import type { HandoffBatch, HandoffOrder, HandoffReceiver, HandoffRoute } from './types.js';

/** The routes `HandoffOrder.route` may name. */
const ROUTES: readonly HandoffRoute[] = ['platform-dropship'];

/** Limits on a batch's shape; larger values are refused as `invalid-batch`. */
export const BATCH_LIMITS = {
  orders: 20_000,
  itemsPerOrder: 200,
  /** Item lines in the whole batch (bounds what opening a link may allocate). */
  items: 100_000,
  /** Characters of a text field (shop, item name, SKU, remark, receiver text). */
  text: 1_000,
  /** Characters of one ciphertext field. */
  cipher: 4_096,
  /** Characters of a carrier. */
  carrier: 64,
  orderId: 64,
  batchId: 64,
  quantity: 1_000_000,
  /** Instants are stored as 48-bit epoch milliseconds (until the year 10889). */
  instant: 2 ** 48 - 1,
} as const;

/** The WeChat virtual-number placeholder form: `店小二(转3639)`. */
const PLACEHOLDER_FORM = /^(.{0,16}?)[(（][转轉][0-9]{4}[)）]$/u;
/** Placeholder receiver names used instead of the buyer's name. */
const PLACEHOLDER_NAMES = new Set(['店小二', '收件人', '买家', '顾客', '客户', '用户']);

const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/u;

/**
 * Whether free text holds a real mobile number (virtual numbers excepted). Linear time.
 * @example
 * containsMobile('请打138 1234 5678'); // true
 * containsMobile('13240968483-9647'); // false (a virtual number)
 * containsMobile('138****5678'); // false
 */
export function containsMobile(text: string): boolean {
  if (typeof text !== 'string' || text.length < 11) return false;
  // Fast path: fewer than 11 digits (ASCII or full-width) cannot hold a mobile number.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 11; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++;
  }
  if (digits < 11) return false;
  // Issue 14, item 4: the same finder as maskText (+86, spaces, dashes, dots, full-width, glued).
  return maskMobilesIn(text) !== text;
}

/**
 * Whether a receiver name is a placeholder rather than the buyer's name (`店小二(转3639)`, `店小二`).
 * @example
 * isPlaceholderName('店小二(转3639)'); // true
 * isPlaceholderName('张三'); // false
 */
export function isPlaceholderName(name: string): boolean {
  const t = foldWidth(name).trim();
  const m = PLACEHOLDER_FORM.exec(t);
  const body = (m ? (m[1] ?? '') : t).trim();
  return m !== null ? body === '' || PLACEHOLDER_NAMES.has(body) : PLACEHOLDER_NAMES.has(body);
}

/**
 * Whether an address is a plaintext detailed address (more than province / city / district).
 * @example
 * isDetailedAddress('广东省广州市天河区花城广场888号'); // true
 * isDetailedAddress('广东省广州市天河区****'); // false
 * isDetailedAddress('广东省广州市天河区'); // false
 */
export function isDetailedAddress(address: string): boolean {
  const m = maskAddress(address);
  return m.form === 'plain' && m.detail;
}

type CheckCode = 'plaintext' | 'invalid-batch';
type Where = { orderId?: string; field?: string };

/** A lone surrogate (ill-formed UTF-16) would not survive UTF-8: refuse it. */
const LONE_SURROGATE = /\p{Cs}/u;

function text(v: unknown, max: number, optional: boolean): string | undefined | false {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v.length > max || LONE_SURROGATE.test(v)) return false;
  return v;
}

/** `Array.isArray` without narrowing to `any[]`. */
function isList(v: unknown): boolean {
  return Array.isArray(v);
}

function instantOk(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= BATCH_LIMITS.instant;
}

/**
 * Validate a batch, mask its remarks, and refuse buyer plaintext. Returns the batch as it will
 * be sealed (remarks masked, optional empty strings dropped). Never throws.
 * @example
 * const r = checkBatch({ shop: 'S', platform: 'jd', batchId: 'b1', createdAt: 0, expiresAt: 1,
 *   orders: [{ orderId: '1', items: [{ name: '杯', quantity: 1 }], receiver: { phone: '13812345678' } }] });
 * r.ok; // false: { code: 'plaintext', orderId: '1', field: 'receiver.phone', ... }
 */
export function checkBatch(batch: HandoffBatch): HandoffResult<HandoffBatch, CheckCode> {
  const bad = (message: string, where?: Where) => fail<CheckCode>('invalid-batch', message, where);
  const plain = (message: string, where: Where) => fail<CheckCode>('plaintext', message, where);
  if (typeof batch !== 'object' || batch === null) return bad('not a batch object');
  if (typeof batch.batchId !== 'string' || !BATCH_ID.test(batch.batchId))
    return bad('batchId must be 1–64 characters from A–Z a–z 0–9 - _', { field: 'batchId' });
  const shop = text(batch.shop, BATCH_LIMITS.text, false);
  if (shop === false || shop === undefined) return bad('shop must be a string', { field: 'shop' });
  if (containsMobile(shop)) return plain('the shop name holds a mobile number', { field: 'shop' });
  if (typeof batch.platform !== 'string' || !/^[a-z0-9-]{1,32}$/u.test(batch.platform))
    return bad('platform must be a platform id such as douyin, wechat or jd', { field: 'platform' });
  if (!instantOk(batch.createdAt) || !instantOk(batch.expiresAt) || batch.expiresAt <= batch.createdAt)
    return bad('createdAt and expiresAt must be epoch ms with expiresAt after createdAt', {
      field: 'expiresAt',
    });
  if (!isList(batch.orders) || batch.orders.length > BATCH_LIMITS.orders)
    return bad(`orders must be a list of at most ${BATCH_LIMITS.orders}`, { field: 'orders' });
  const rawNote = text(batch.note, BATCH_LIMITS.text, true);
  if (rawNote === false) return bad('note must be a string of at most 1000 characters', { field: 'note' });
  // The merchant's note is free text like a remark: masked, then scanned for a mobile number.
  const note = rawNote === undefined ? '' : maskText(rawNote.trim()).value;
  if (containsMobile(note)) return plain('the note holds a mobile number', { field: 'note' });
  let items = 0;
  for (const o of batch.orders) items += isList(o?.items) ? o.items.length : 0;
  if (items > BATCH_LIMITS.items)
    return bad(`a batch holds at most ${BATCH_LIMITS.items} item lines`, { field: 'orders' });
  const seen = new Set<string>();
  const orders: HandoffOrder[] = [];
  for (const o of batch.orders) {
    if (typeof o !== 'object' || o === null) return bad('an order is not an object', { field: 'orders' });
    const orderId = o.orderId;
    if (typeof orderId !== 'string' || orderId === '' || orderId.length > BATCH_LIMITS.orderId)
      return bad('orderId must be 1–64 characters', { field: 'orderId' });
    if (seen.has(orderId)) return bad(`order ${orderId} appears twice`, { orderId, field: 'orderId' });
    seen.add(orderId);
    const r = checkOrder(o, orderId);
    if (!r.ok) return r;
    orders.push(r.value);
  }
  return {
    ok: true,
    value: {
      shop,
      platform: batch.platform,
      batchId: batch.batchId,
      createdAt: batch.createdAt,
      expiresAt: batch.expiresAt,
      orders,
      ...(note !== '' ? { note } : {}),
    },
  };
}

function checkOrder(o: HandoffOrder, orderId: string): HandoffResult<HandoffOrder, CheckCode> {
  const bad = (message: string, field: string) =>
    fail<CheckCode>('invalid-batch', message, { orderId, field });
  const plain = (message: string, field: string) => fail<CheckCode>('plaintext', message, { orderId, field });
  if (!isList(o.items) || o.items.length === 0 || o.items.length > BATCH_LIMITS.itemsPerOrder)
    return bad(`an order has 1–${BATCH_LIMITS.itemsPerOrder} items`, 'items');
  const items = [];
  for (let i = 0; i < o.items.length; i++) {
    const it = o.items[i];
    if (typeof it !== 'object' || it === null) return bad('an item is not an object', `items[${i}]`);
    const name = text(it.name, BATCH_LIMITS.text, false);
    if (name === false || name === undefined || name === '')
      return bad('item name must be 1–1000 characters', `items[${i}].name`);
    if (containsMobile(name)) return plain('the item name holds a mobile number', `items[${i}].name`);
    const sku = text(it.sku, BATCH_LIMITS.text, true);
    if (sku === false) return bad('SKU must be a string', `items[${i}].sku`);
    if (sku !== undefined && containsMobile(sku))
      return plain('the SKU holds a mobile number', `items[${i}].sku`);
    const q = it.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > BATCH_LIMITS.quantity)
      return bad('quantity must be a whole number from 1 to 1,000,000', `items[${i}].quantity`);
    items.push(sku === undefined || sku === '' ? { name, quantity: q } : { name, sku, quantity: q });
  }
  const rawRemark = text(o.remark, BATCH_LIMITS.text, true);
  if (rawRemark === false) return bad('remark must be a string of at most 1000 characters', 'remark');
  // Issue 9: remarks pass through maskText; whatever it misses is caught by the scan below.
  const remark = rawRemark === undefined ? '' : maskText(rawRemark).value;
  if (containsMobile(remark)) return plain('the remark holds a mobile number', 'remark');
  const carrier = text(o.carrier, BATCH_LIMITS.carrier, true);
  if (carrier === false)
    return bad(`carrier must be a string of at most ${BATCH_LIMITS.carrier} characters`, 'carrier');
  if (carrier !== undefined && containsMobile(carrier))
    return plain('the carrier holds a mobile number', 'carrier');
  const route = o.route as unknown;
  if (route !== undefined && !(ROUTES as readonly unknown[]).includes(route))
    return bad(`route must be one of ${ROUTES.join(', ')}`, 'route');
  const rec = checkReceiver(o.receiver, orderId);
  if (!rec.ok) return rec;
  return {
    ok: true,
    value: {
      orderId,
      items,
      ...(remark !== '' ? { remark } : {}),
      receiver: rec.value,
      ...(carrier !== undefined && carrier !== '' ? { carrier } : {}),
      ...(route !== undefined ? { route: route as HandoffRoute } : {}),
    },
  };
}

function checkReceiver(r: HandoffReceiver, orderId: string): HandoffResult<HandoffReceiver, CheckCode> {
  const bad = (message: string, field: string) =>
    fail<CheckCode>('invalid-batch', message, { orderId, field });
  const plain = (message: string, field: string) => fail<CheckCode>('plaintext', message, { orderId, field });
  if (typeof r !== 'object' || r === null) return bad('receiver must be an object', 'receiver');
  const out: {
    name?: string;
    phone?: string;
    address?: string;
    virtual?: { main: string; ext: string };
    cipher?: { name?: string; phone?: string; address?: string };
  } = {};
  for (const key of ['name', 'phone', 'address'] as const) {
    const v = text(r[key], BATCH_LIMITS.text, true);
    if (v === false) return bad(`receiver ${key} must be a string`, `receiver.${key}`);
    if (v === undefined || v.trim() === '') continue;
    if (containsMobile(v)) return plain(`the receiver ${key} holds a mobile number`, `receiver.${key}`);
    out[key] = v;
  }
  if (out.phone !== undefined) {
    const c = classifyField(out.phone, 'phone');
    if (c.form === 'plain')
      return plain('the receiver phone is a real phone number; give the masked reference', 'receiver.phone');
    if (c.form === 'invalid') {
      // Seven or more digits and no mask: some real number (a landline, a digit missing).
      const digitCount = foldWidth(out.phone).replace(/[^0-9]/gu, '').length;
      if (digitCount >= 7 && !/[*＊●]/u.test(out.phone))
        return plain(
          'the receiver phone looks like a real phone number; give the masked reference',
          'receiver.phone',
        );
      return bad(`the receiver phone is not a masked phone: ${c.reason ?? 'invalid'}`, 'receiver.phone');
    }
  }
  if (r.virtual !== undefined) {
    const v = r.virtual as unknown;
    const main = typeof v === 'object' && v !== null ? (v as { main?: unknown }).main : undefined;
    const ext = typeof v === 'object' && v !== null ? (v as { ext?: unknown }).ext : undefined;
    const parsed =
      typeof main === 'string' && typeof ext === 'string' ? parseVirtualNumber(`${main}-${ext}`) : null;
    if (!parsed || parsed.main !== main || parsed.ext !== ext)
      return bad('virtual must be { main: 11 digits, ext: 4 digits }', 'receiver.virtual');
    out.virtual = { main: parsed.main, ext: parsed.ext };
  }
  if (r.cipher !== undefined) {
    if (typeof r.cipher !== 'object' || r.cipher === null)
      return bad('cipher must be an object', 'receiver.cipher');
    const cipher: { name?: string; phone?: string; address?: string } = {};
    for (const key of ['name', 'phone', 'address'] as const) {
      const v = text(r.cipher[key], BATCH_LIMITS.cipher, true);
      if (v === false) return bad(`cipher ${key} must be a string`, `receiver.cipher.${key}`);
      if (v === undefined || v === '') continue;
      const c = classifyField(v, key);
      if (c.form !== 'ciphertext') {
        if (c.form === 'plain' || containsMobile(v))
          return plain(
            `receiver.cipher.${key} is plaintext, not platform ciphertext`,
            `receiver.cipher.${key}`,
          );
        return bad(`receiver.cipher.${key} is not platform ciphertext`, `receiver.cipher.${key}`);
      }
      cipher[key] = v;
    }
    if (Object.keys(cipher).length > 0) out.cipher = cipher;
  }
  if (out.name !== undefined && out.address !== undefined) {
    const nameForm = classifyField(out.name, 'name').form;
    if (nameForm === 'plain' && !isPlaceholderName(out.name) && isDetailedAddress(out.address))
      return plain(
        'a plaintext full name with a detailed address; give the masked name or a placeholder',
        'receiver.name',
      );
  }
  // Issue 17: a detailed address travels only beside a virtual number (the label rule needs it).
  if (out.address !== undefined && out.virtual === undefined && isDetailedAddress(out.address))
    return plain(
      'a detailed address travels only with a virtual-number order; give the masked address',
      'receiver.address',
    );
  return { ok: true, value: out };
}
