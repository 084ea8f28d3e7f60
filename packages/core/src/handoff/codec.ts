/**
 * The version-1 body encoding of a batch: a compact binary form that knows the data, laid out
 * in columns so like sits next to like before deflate. What it knows:
 * - order ids that are all digits of one length are a first value and signed deltas (ids of one
 *   shop and day are close together); other ids carry their digit count or are text;
 * - item (name + SKU), remark, carrier, masked name, masked address and virtual main number are
 *   interned per batch: a repeat is a small index, not the text again;
 * - a masked mobile `132****3639` is 3 bytes, or 1 byte when its last 4 digits are the virtual
 *   extension (the WeChat rule, seed 002: `店小二(转3639)` / `132****3639`);
 * - a virtual number is a 5-byte main number (interned: platforms reuse a pool) and a 2-byte
 *   extension;
 * - the base64 body of platform ciphertext is packed 6 bits a character (3/4 of its text) into a
 *   separate `raw` part that is not deflated: it does not compress, and deflate is slow on it.
 * - optional trailing sections, each a tag byte and its column, written only when some order needs
 *   them (so a batch without them encodes exactly as before): tag 1 = routes, one byte per order
 *   (0 none, 1 `platform-dropship`; issue 17).
 * `batchId` and `expiresAt` are not in the body: they travel in the header, bound as AAD.
 * @module
 */
import type { VirtualNumber } from '../types.js';
import { ByteReader, ByteWriter } from './bytes.js';
import { BATCH_LIMITS } from './check.js';
import type { HandoffBatch, HandoffItem, HandoffOrder } from './types.js';

/**
 * UTF-8 bytes of at most `chars` UTF-16 units: 3 per unit (a surrogate pair is 2 units, 4
 * bytes). The decoder refuses a longer string before reading it (issue 14 item 3).
 */
const bytesFor = (chars: number): number => chars * 3;
const TEXT_BYTES = bytesFor(BATCH_LIMITS.text);
const CARRIER_BYTES = bytesFor(BATCH_LIMITS.carrier);
const CIPHER_BYTES = bytesFor(BATCH_LIMITS.cipher);
const ORDER_ID_BYTES = bytesFor(BATCH_LIMITS.orderId);

const PLATFORMS = ['douyin', 'wechat', 'jd'] as const;

/** Receiver flag bits (one byte per order). */
const F_NAME = 1;
const F_PHONE_SHIFT = 1; // 2 bits: 0 none, 1 masked mobile, 2 masked mobile ending in the extension, 3 text
const F_ADDRESS = 8;
const F_VIRTUAL = 16;
const F_CNAME = 32;
const F_CPHONE = 64;
const F_CADDRESS = 128;

const MASKED_MOBILE = /^1([0-9]{2})\*{4}([0-9]{4})$/u;

/** Trailing section tags, written in increasing order, each at most once. */
const SECTION_ROUTES = 1;
/** The merchant's note to the supplier (issue 21). */
const SECTION_NOTE = 2;
/** Route codes of the routes section (index = code). */
const ROUTE_CODES = [undefined, 'platform-dropship'] as const;

/**
 * Intern table for one column: ref 0 = absent, 1 = new value follows (one string, or two for a
 * pair), k + 2 = table entry k.
 */
class Interner {
  private readonly map = new Map<string, number>();
  constructor(private readonly w: ByteWriter) {}
  put(s: string | undefined, second?: string): void {
    if (s === undefined) {
      this.w.varint(0);
      return;
    }
    const key = second === undefined ? s : JSON.stringify([s, second]);
    const k = this.map.get(key);
    if (k !== undefined) {
      this.w.varint(k + 2);
      return;
    }
    this.map.set(key, this.map.size);
    this.w.varint(1);
    this.w.string(s);
    if (second !== undefined) this.w.string(second);
  }
}

class Uninterner {
  private readonly list: (readonly [string, string])[] = [];
  /** `maxBytes`: the largest UTF-8 size of one value (of each half of a pair). */
  constructor(
    private readonly r: ByteReader,
    private readonly maxBytes: number,
    private readonly pairs = false,
  ) {}
  getPair(): readonly [string, string] | undefined {
    const ref = this.r.varint();
    if (ref === 0) return undefined;
    if (ref === 1) {
      const s = this.r.string(this.maxBytes);
      const pair = [s, this.pairs ? this.r.string(this.maxBytes) : ''] as const;
      this.list.push(pair);
      return pair;
    }
    const pair = this.list[ref - 2];
    return pair === undefined ? this.r.fail(undefined) : pair;
  }
  get(): string | undefined {
    return this.getPair()?.[0];
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = /* @__PURE__ */ (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Pack base64 characters as 6-bit values: lossless for any run of the alphabet (padding bits too). */
function packSextets(s: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    acc = ((acc & 0xff) << 6) | B64_VALUE[s.charCodeAt(i)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  if (bits > 0) out[o] = (acc << (8 - bits)) & 255;
  return out;
}

function unpackSextets(b: Uint8Array, chars: number): string {
  let s = '';
  let acc = 0;
  let bits = 0;
  let i = 0;
  while (s.length < chars) {
    if (bits < 6) {
      acc = ((acc & 0xff) << 8) | (b[i++] ?? 0);
      bits += 8;
    }
    bits -= 6;
    s += B64[(acc >> bits) & 63];
  }
  return s;
}

/**
 * Split platform ciphertext into a template (`\0` where the body was) and the body packed as
 * 6-bit values (3/4 of its text). The body is the longest run of base64 characters between the
 * separators `#` `$` `~` (its `=` padding stays in the template).
 */
function splitCipher(s: string): { template: string; chars?: number; blob?: Uint8Array } {
  if (s.includes('\0')) return { template: s };
  let best: { start: number; end: number } | undefined;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const inAlphabet = c < 128 && B64_VALUE[c]! >= 0;
    if (inAlphabet && start < 0) start = i;
    else if (!inAlphabet && start >= 0) {
      if (i - start >= 8 && (best === undefined || i - start > best.end - best.start))
        best = { start, end: i };
      start = -1;
    }
  }
  if (best === undefined) return { template: s };
  const body = s.slice(best.start, best.end);
  return {
    template: s.slice(0, best.start) + '\0' + s.slice(best.end),
    chars: body.length,
    blob: packSextets(body),
  };
}

function isDigits(s: string): boolean {
  return /^[0-9]{1,40}$/u.test(s);
}

function writeOrderIds(w: ByteWriter, ids: readonly string[]): void {
  const len = ids[0]?.length ?? 0;
  if (ids.length > 0 && ids.every((id) => id.length === len && isDigits(id))) {
    // Mode 1: one digit count, first value, then signed deltas.
    w.byte(1);
    w.varint(len);
    let prev = 0n;
    for (const id of ids) {
      const v = BigInt(id);
      w.bigSvarint(v - prev);
      prev = v;
    }
    return;
  }
  // Mode 0: per id, digit count and value (0 = text follows).
  w.byte(0);
  for (const id of ids) {
    if (isDigits(id)) {
      w.varint(id.length);
      w.bigVarint(BigInt(id));
    } else {
      w.varint(0);
      w.string(id);
    }
  }
}

function readOrderIds(r: ByteReader, n: number): string[] {
  const mode = r.byte();
  const ids: string[] = [];
  if (mode === 1) {
    const len = r.varint();
    if (len < 1 || len > 40) return r.fail([]);
    let prev = 0n;
    for (let i = 0; i < n && !r.failed; i++) {
      prev += r.bigSvarint(20);
      const s = prev.toString().padStart(len, '0');
      if (prev < 0n || s.length !== len) return r.fail([]);
      ids.push(s);
    }
    return ids;
  }
  if (mode !== 0) return r.fail([]);
  for (let i = 0; i < n && !r.failed; i++) {
    const len = r.varint();
    if (len === 0) ids.push(r.string(ORDER_ID_BYTES));
    else {
      const v = r.bigVarint(20);
      const s = v.toString().padStart(len, '0');
      if (len > 40 || s.length !== len) return r.fail([]);
      ids.push(s);
    }
  }
  return ids;
}

/** The two parts of an encoded body: `text` is deflated, `raw` (packed ciphertext) is not. */
export interface EncodedBody {
  readonly text: Uint8Array;
  readonly raw: Uint8Array;
}

/**
 * Encode a checked batch (see `checkBatch`) as the version-1 body: `text` (everything but the
 * ciphertext bodies, deflated by sealBatch) and `raw` (ciphertext bodies packed 6 bits a
 * character, stored as they are: random bytes do not compress, and deflating them is slow).
 * @example
 * const { text, raw } = encodeBody(checked);
 */
export function encodeBody(b: HandoffBatch): EncodedBody {
  const w = new ByteWriter();
  w.string(b.shop);
  const p = (PLATFORMS as readonly string[]).indexOf(b.platform);
  if (p >= 0) w.byte(p);
  else {
    w.byte(255);
    w.string(b.platform);
  }
  w.varint(b.expiresAt - b.createdAt);
  const orders = b.orders;
  w.varint(orders.length);
  writeOrderIds(
    w,
    orders.map((o) => o.orderId),
  );
  for (const o of orders) w.varint(o.items.length);
  const products = new Interner(w);
  for (const o of orders) for (const it of o.items) products.put(it.name, it.sku ?? '');
  for (const o of orders) for (const it of o.items) w.varint(it.quantity);
  const remarks = new Interner(w);
  for (const o of orders) remarks.put(o.remark);
  const carriers = new Interner(w);
  for (const o of orders) carriers.put(o.carrier);

  // Receiver flags.
  const phoneKinds: number[] = [];
  for (const o of orders) {
    const r = o.receiver;
    let kind = 0;
    if (r.phone !== undefined) {
      const m = MASKED_MOBILE.exec(r.phone);
      kind = m ? (r.virtual !== undefined && m[2] === r.virtual.ext ? 2 : 1) : 3;
    }
    phoneKinds.push(kind);
    w.byte(
      (r.name !== undefined ? F_NAME : 0) |
        (kind << F_PHONE_SHIFT) |
        (r.address !== undefined ? F_ADDRESS : 0) |
        (r.virtual !== undefined ? F_VIRTUAL : 0) |
        (r.cipher?.name !== undefined ? F_CNAME : 0) |
        (r.cipher?.phone !== undefined ? F_CPHONE : 0) |
        (r.cipher?.address !== undefined ? F_CADDRESS : 0),
    );
  }
  const names = new Interner(w);
  for (const o of orders) if (o.receiver.name !== undefined) names.put(o.receiver.name);
  const phoneText = new Interner(w);
  orders.forEach((o, i) => {
    const phone = o.receiver.phone;
    const kind = phoneKinds[i];
    if (phone === undefined) return;
    const m = MASKED_MOBILE.exec(phone);
    if (kind === 2 && m) w.byte(Number(m[1]));
    else if (kind === 1 && m) {
      const v = Number(m[1]) * 10_000 + Number(m[2]);
      w.byte(v >> 16);
      w.byte(v >> 8);
      w.byte(v);
    } else phoneText.put(phone);
  });
  const addresses = new Interner(w);
  for (const o of orders) if (o.receiver.address !== undefined) addresses.put(o.receiver.address);
  const mains = new Map<string, number>();
  for (const o of orders) {
    const v = o.receiver.virtual;
    if (v === undefined) continue;
    const k = mains.get(v.main);
    if (k !== undefined) w.varint(k + 1);
    else {
      mains.set(v.main, mains.size);
      w.varint(0);
      const n = Number(v.main);
      w.byte(Math.floor(n / 2 ** 32));
      w.byte(n >>> 24);
      w.byte(n >>> 16);
      w.byte(n >>> 8);
      w.byte(n);
    }
  }
  for (const o of orders) {
    const v = o.receiver.virtual;
    if (v === undefined) continue;
    const e = Number(v.ext);
    w.byte(e >> 8);
    w.byte(e);
  }
  // Ciphertext: templates first (text), bodies last (incompressible bytes).
  const templates = new Interner(w);
  const blobs: { chars: number; blob: Uint8Array }[] = [];
  for (const o of orders) {
    for (const key of ['name', 'phone', 'address'] as const) {
      const c = o.receiver.cipher?.[key];
      if (c === undefined) continue;
      const { template, chars, blob } = splitCipher(c);
      templates.put(template);
      if (blob && chars !== undefined) blobs.push({ chars, blob });
    }
  }
  const rw = new ByteWriter();
  for (const { chars, blob } of blobs) {
    w.varint(chars);
    rw.bytes(blob);
  }
  if (orders.some((o) => o.route !== undefined)) {
    w.byte(SECTION_ROUTES);
    for (const o of orders) w.byte(ROUTE_CODES.indexOf(o.route));
  }
  if (b.note !== undefined && b.note !== '') {
    w.byte(SECTION_NOTE);
    w.string(b.note);
  }
  return { text: w.finish(), raw: rw.finish() };
}

/** Result of `decodeBody`: the batch, or why not (`too-large`: a `BATCH_LIMITS` limit is exceeded). */
export type DecodedBody =
  | { readonly ok: true; readonly value: HandoffBatch }
  | { readonly ok: false; readonly code: 'too-large' | 'malformed'; readonly field?: string };

const MALFORMED = { ok: false, code: 'malformed' } as const;

/**
 * Decode a version-1 body. Rule (issue 14 item 3): the batch limits (`BATCH_LIMITS`: orders,
 * items per order, items in all, text sizes) are checked as each count or length is read,
 * before anything is allocated for it, so a small body that states millions of orders fails at
 * once with `too-large` and the field; anything else that does not decode is `malformed`. The
 * caller still checks the decoded batch (`checkBatch`). Never throws.
 * @example
 * decodeBody(encodeBody(checked), { batchId: checked.batchId, expiresAt: checked.expiresAt }); // { ok: true, value: checked }
 */
export function decodeBody(
  body: EncodedBody,
  header: { readonly batchId: string; readonly expiresAt: number },
): DecodedBody {
  const bytes = body.text;
  const r = new ByteReader(bytes);
  const rr = new ByteReader(body.raw);
  const tooLarge = (field: string): DecodedBody => ({ ok: false, code: 'too-large', field });
  const shop = r.string(TEXT_BYTES);
  const p = r.byte();
  const platform = p === 255 ? r.string(32) : PLATFORMS[p];
  if (platform === undefined) return MALFORMED;
  const createdAt = header.expiresAt - r.varint();
  const n = r.varint();
  if (r.failed) return MALFORMED;
  if (n > BATCH_LIMITS.orders) return tooLarge('orders');
  if (n > bytes.length) return MALFORMED;
  const ids = readOrderIds(r, n);
  const itemCounts: number[] = [];
  let totalItems = 0;
  for (let i = 0; i < n && !r.failed; i++) {
    const count = r.varint();
    if (count > BATCH_LIMITS.itemsPerOrder) return tooLarge(`orders[${i}].items`);
    totalItems += count;
    if (totalItems > BATCH_LIMITS.items) return tooLarge('items');
    itemCounts.push(count);
  }
  if (r.failed || totalItems > bytes.length) return MALFORMED;
  const productsIn = new Uninterner(r, TEXT_BYTES, true);
  const products: { name: string; sku: string }[] = [];
  for (let i = 0; i < totalItems && !r.failed; i++) {
    const [name, sku] = productsIn.getPair() ?? ['', ''];
    products.push({ name, sku });
  }
  const quantities: number[] = [];
  for (let i = 0; i < totalItems && !r.failed; i++) quantities.push(r.varint());
  const remarksIn = new Uninterner(r, TEXT_BYTES);
  const remarks: (string | undefined)[] = [];
  for (let i = 0; i < n && !r.failed; i++) remarks.push(remarksIn.get());
  const carriersIn = new Uninterner(r, CARRIER_BYTES);
  const carriers: (string | undefined)[] = [];
  for (let i = 0; i < n && !r.failed; i++) carriers.push(carriersIn.get());
  const flags: number[] = [];
  for (let i = 0; i < n && !r.failed; i++) flags.push(r.byte());
  if (r.failed) return MALFORMED;

  const namesIn = new Uninterner(r, TEXT_BYTES);
  const nameOf: (string | undefined)[] = flags.map((f) => (f & F_NAME ? (namesIn.get() ?? '') : undefined));
  const phoneIn = new Uninterner(r, TEXT_BYTES);
  const phoneOf: (string | number | undefined)[] = flags.map((f) => {
    const kind = (f >> F_PHONE_SHIFT) & 3;
    if (kind === 0) return undefined;
    if (kind === 2) {
      const prefix = r.byte(); // completed with the extension below
      return prefix > 99 ? r.fail(undefined) : prefix;
    }
    if (kind === 1) {
      const v = (r.byte() << 16) | (r.byte() << 8) | r.byte();
      if (v >= 1_000_000) return r.fail(undefined);
      return `1${String(Math.floor(v / 10_000)).padStart(2, '0')}****${String(v % 10_000).padStart(4, '0')}`;
    }
    return phoneIn.get() ?? '';
  });
  const addressesIn = new Uninterner(r, TEXT_BYTES);
  const addressOf = flags.map((f) => (f & F_ADDRESS ? (addressesIn.get() ?? '') : undefined));
  const mainList: string[] = [];
  const mainOf = flags.map((f) => {
    if (!(f & F_VIRTUAL)) return undefined;
    const ref = r.varint();
    if (ref > 0) return mainList[ref - 1] ?? r.fail(undefined);
    const b = r.bytes(5);
    if (r.failed) return undefined;
    const v = b[0]! * 2 ** 32 + ((b[1]! << 24) >>> 0) + (b[2]! << 16) + (b[3]! << 8) + b[4]!;
    const s = String(v);
    if (s.length !== 11 || s[0] !== '1') return r.fail(undefined);
    mainList.push(s);
    return s;
  });
  const extOf = flags.map((f) => {
    if (!(f & F_VIRTUAL)) return undefined;
    const e = (r.byte() << 8) | r.byte();
    return e > 9999 ? r.fail(undefined) : String(e).padStart(4, '0');
  });
  const templatesIn = new Uninterner(r, CIPHER_BYTES);
  const cipherTemplates = flags.map((f) => ({
    name: f & F_CNAME ? (templatesIn.get() ?? '') : undefined,
    phone: f & F_CPHONE ? (templatesIn.get() ?? '') : undefined,
    address: f & F_CADDRESS ? (templatesIn.get() ?? '') : undefined,
  }));
  const fill = (t: string | undefined): string | undefined => {
    if (t === undefined || r.failed) return t;
    const at = t.indexOf('\0');
    if (at < 0) return t;
    const chars = r.varint();
    if (chars > BATCH_LIMITS.cipher) return r.fail(t);
    const blob = rr.bytes(Math.ceil((chars * 6) / 8));
    if (rr.failed) return r.fail(t);
    return t.slice(0, at) + unpackSextets(blob, chars) + t.slice(at + 1);
  };
  const ciphers = cipherTemplates.map((c) => ({
    name: fill(c.name),
    phone: fill(c.phone),
    address: fill(c.address),
  }));
  const routeOf: (HandoffOrder['route'] | undefined)[] = [];
  let note: string | undefined;
  // Optional trailing sections, in increasing tag order, each at most once; an unknown tag is
  // not a body this code wrote.
  let lastSection = 0;
  while (!r.failed && r.remaining > 0) {
    const tag = r.byte();
    if (tag <= lastSection) return MALFORMED;
    lastSection = tag;
    if (tag === SECTION_ROUTES) {
      let any = false;
      for (let i = 0; i < n && !r.failed; i++) {
        const c = r.byte();
        if (c >= ROUTE_CODES.length) return MALFORMED;
        any ||= c > 0;
        routeOf.push(ROUTE_CODES[c]);
      }
      // sealBatch writes the section only when an order has a route.
      if (!any) return MALFORMED;
    } else if (tag === SECTION_NOTE) {
      note = r.string(TEXT_BYTES);
      // Written only when there is a note.
      if (note === '') return MALFORMED;
    } else return MALFORMED;
  }
  if (r.failed || r.remaining !== 0 || rr.remaining !== 0) return MALFORMED;

  const orders: HandoffOrder[] = [];
  let item = 0;
  for (let i = 0; i < n; i++) {
    const items: HandoffItem[] = [];
    for (let k = 0; k < itemCounts[i]!; k++, item++) {
      const pr = products[item]!;
      const quantity = quantities[item]!;
      items.push(pr.sku === '' ? { name: pr.name, quantity } : { name: pr.name, sku: pr.sku, quantity });
    }
    const receiver: {
      name?: string;
      phone?: string;
      address?: string;
      virtual?: VirtualNumber;
      cipher?: { name?: string; phone?: string; address?: string };
    } = {};
    if (nameOf[i] !== undefined) receiver.name = nameOf[i];
    const main = mainOf[i];
    const ext = extOf[i];
    const phone = phoneOf[i];
    if (typeof phone === 'number') {
      if (ext === undefined) return MALFORMED;
      receiver.phone = `1${String(phone).padStart(2, '0')}****${ext}`;
    } else if (phone !== undefined) receiver.phone = phone;
    if (addressOf[i] !== undefined) receiver.address = addressOf[i];
    if (main !== undefined && ext !== undefined) receiver.virtual = { main, ext };
    const c = ciphers[i]!;
    if (c.name !== undefined || c.phone !== undefined || c.address !== undefined) {
      const cipher: { name?: string; phone?: string; address?: string } = {};
      if (c.name !== undefined) cipher.name = c.name;
      if (c.phone !== undefined) cipher.phone = c.phone;
      if (c.address !== undefined) cipher.address = c.address;
      receiver.cipher = cipher;
    }
    const order: HandoffOrder = {
      orderId: ids[i]!,
      items,
      ...(remarks[i] !== undefined ? { remark: remarks[i] } : {}),
      receiver,
      ...(carriers[i] !== undefined ? { carrier: carriers[i] } : {}),
      ...(routeOf[i] !== undefined ? { route: routeOf[i] } : {}),
    };
    orders.push(order);
  }
  return {
    ok: true,
    value: {
      shop,
      platform: platform as HandoffBatch['platform'],
      batchId: header.batchId,
      createdAt,
      expiresAt: header.expiresAt,
      orders,
      ...(note !== undefined ? { note } : {}),
    },
  };
}
