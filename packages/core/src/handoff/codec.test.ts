import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './bytes.js';
import { BATCH_LIMITS, checkBatch } from './check.js';
import { decodeBody, encodeBody } from './codec.js';
import { batchArb, smallBatch } from './fixtures.test-helper.js';

const header = (b: { batchId: string; expiresAt: number }) => ({
  batchId: b.batchId,
  expiresAt: b.expiresAt,
});

describe('encodeBody / decodeBody (format 1)', () => {
  it('round-trips the small batch exactly', () => {
    const b = smallBatch();
    expect(decodeBody(encodeBody(b), header(b))).toEqual({ ok: true, value: b });
  });

  it("carries routes and a virtual order's detailed address in a trailing section (issue 17)", () => {
    const b = smallBatch();
    const [v, c] = b.orders as [(typeof b.orders)[number], (typeof b.orders)[number]];
    const routed = {
      ...b,
      orders: [
        { ...v, receiver: { ...v.receiver, address: '广东省广州市天河区花城广场888号' } },
        { ...c, route: 'platform-dropship' as const },
      ],
    };
    expect(checkBatch(routed).ok).toBe(true);
    const enc = encodeBody(routed);
    expect(decodeBody(enc, header(routed))).toEqual({ ok: true, value: routed });
    // Without routes the body is what it was before the section existed.
    const plain = encodeBody({ ...routed, orders: [routed.orders[0]!, c] });
    expect(enc.text.length).toBe(plain.text.length + 1 + 2);
    expect(Array.from(enc.text.subarray(0, plain.text.length))).toEqual(Array.from(plain.text));
    // An unknown section tag, an unknown route code, an all-empty routes section, an empty note,
    // or sections out of order / repeated are malformed.
    for (const tail of [
      [3, 0, 1],
      [2, 0],
      [2, 1, 0x41, 1, 0, 1],
      [1, 0, 1, 1, 0, 1],
      [1, 0, 2],
      [1, 0, 0],
    ]) {
      const text = new Uint8Array([...plain.text, ...tail]);
      expect(decodeBody({ text, raw: enc.raw }, header(routed))).toMatchObject({
        ok: false,
        code: 'malformed',
      });
    }
  });

  it("carries the merchant's note to the supplier in its own trailing section (issue 21)", () => {
    const b = { ...smallBatch(), note: '周五前发出，顺丰到付' };
    const checked = checkBatch(b);
    expect(checked).toMatchObject({ ok: true, value: { note: '周五前发出，顺丰到付' } });
    const enc = encodeBody(b);
    expect(decodeBody(enc, header(b))).toEqual({ ok: true, value: b });
    const without = encodeBody(smallBatch());
    expect(Array.from(enc.text.subarray(0, without.text.length))).toEqual(Array.from(without.text));
    // The note is free text: masked like a remark, and a number that survives is refused.
    const blank = checkBatch({ ...b, note: '   ' });
    expect(blank.ok && blank.value.note).toBe(undefined);
    expect(checkBatch({ ...b, note: 'x'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-batch', field: 'note' },
    });
    const masked = checkBatch({ ...b, note: '有问题打 13812345678' });
    expect(masked.ok && masked.value.note).toBe('有问题打 138****5678');
  });

  it('round-trips every checked batch (property, 1,000 runs)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(batchArb(8), (raw) => {
        const checked = checkBatch(raw);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        const b = checked.value;
        expect(decodeBody(encodeBody(b), header(b))).toEqual({ ok: true, value: b });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps leading zeros, mixed id shapes and non-canonical base64 bodies', () => {
    const b = {
      ...smallBatch(),
      orders: [
        { orderId: '0000000000000000001', items: [{ name: 'a', quantity: 1 }], receiver: {} },
        { orderId: '9999999999999999999', items: [{ name: 'a', quantity: 1 }], receiver: {} },
        { orderId: '0000000000000000000', items: [{ name: 'b', quantity: 3 }], receiver: {} },
        {
          orderId: 'JD-ABC',
          items: [{ name: 'b', quantity: 3 }],
          receiver: { cipher: { name: '#AB#abcdefgh+/Z=#1##' } },
        },
        { orderId: '7', items: [{ name: 'c', sku: 'x', quantity: 1 }], receiver: { phone: '010-****5678' } },
      ],
    };
    expect(decodeBody(encodeBody(b), header(b))).toEqual({ ok: true, value: b });
  });

  it('stores a 19-digit order id, masked phone and virtual number in few bytes', () => {
    const one = (orderId: string) => ({
      ...smallBatch(),
      shop: '',
      orders: [
        {
          orderId,
          items: [{ name: 'x', quantity: 1 }],
          receiver: { phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
        },
      ],
    });
    const size = encodeBody(one('3718000000000001234')).text.length;
    // shop 1, platform 1, ttl 4, count 1, ids 1+1+9, items 1+1+2+1+1, remark 1, carrier 1,
    // flags 1, phone 1 (last 4 = extension), main 1+5, ext 2.
    expect(size).toBeLessThanOrEqual(37);
    const json = JSON.stringify(one('3718000000000001234').orders).length;
    expect(size).toBeLessThan(json / 3);
  });

  it('never throws on arbitrary bytes (1,000 runs) and rejects trailing bytes', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeBody(
          { text: bytes, raw: bytes.subarray(bytes.length >> 1) },
          { batchId: 'x', expiresAt: 1e12 },
        );
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
    const b = smallBatch();
    const { text, raw } = encodeBody(b);
    const longer = new Uint8Array(text.length + 1);
    longer.set(text);
    expect(decodeBody({ text: longer, raw }, header(b))).toEqual({ ok: false, code: 'malformed' });
    expect(decodeBody({ text: text.subarray(0, text.length - 1), raw }, header(b))).toEqual({
      ok: false,
      code: 'malformed',
    });
    expect(decodeBody({ text, raw: raw.subarray(1) }, header(b))).toEqual({ ok: false, code: 'malformed' });
    expect(decodeBody({ text, raw: new Uint8Array([...raw, 0]) }, header(b))).toEqual({
      ok: false,
      code: 'malformed',
    });
  });

  // Issue 14 item 3: limits are checked as counts and lengths are read, before allocating.
  it('refuses a body past the batch limits with too-large and the field, before reading on', () => {
    const start = (orders: number): ByteWriter => {
      const w = new ByteWriter();
      w.string('店'); // shop
      w.byte(1); // wechat
      w.varint(1000); // expiresAt - createdAt
      w.varint(orders);
      return w;
    };
    const h = { batchId: 'b', expiresAt: 1e12 };
    // Millions of orders stated in a few bytes, followed by 16 MiB of zeros (a decoded bomb).
    const many = start(3_000_000).finish();
    const bomb = new Uint8Array(16 * 1024 * 1024);
    bomb.set(many);
    expect(decodeBody({ text: bomb, raw: new Uint8Array(0) }, h)).toEqual({
      ok: false,
      code: 'too-large',
      field: 'orders',
    });
    expect(
      decodeBody({ text: start(BATCH_LIMITS.orders + 1).finish(), raw: new Uint8Array(0) }, h),
    ).toMatchObject({
      code: 'too-large',
      field: 'orders',
    });
    // Items per order, then items in all.
    const perOrder = start(2);
    perOrder.byte(1); // ids: one length, deltas
    perOrder.varint(3);
    perOrder.varint(200); // +100
    perOrder.varint(2); // +1
    perOrder.varint(1);
    perOrder.varint(BATCH_LIMITS.itemsPerOrder + 1);
    expect(decodeBody({ text: perOrder.finish(), raw: new Uint8Array(0) }, h)).toMatchObject({
      code: 'too-large',
      field: 'orders[1].items',
    });
    const n = Math.ceil(BATCH_LIMITS.items / BATCH_LIMITS.itemsPerOrder) + 1;
    const all = start(n);
    all.byte(0); // ids one by one
    for (let i = 0; i < n; i++) {
      all.varint(3);
      all.bigVarint(BigInt(100 + i));
    }
    for (let i = 0; i < n; i++) all.varint(BATCH_LIMITS.itemsPerOrder);
    const body = new Uint8Array(4 * 1024 * 1024); // room for what the counts would need
    body.set(all.finish());
    expect(decodeBody({ text: body, raw: new Uint8Array(0) }, h)).toMatchObject({
      code: 'too-large',
      field: 'items',
    });
    // A shop name longer than the text limit is refused before it is decoded.
    const longShop = new ByteWriter();
    longShop.string('店'.repeat(BATCH_LIMITS.text + 1));
    longShop.byte(1);
    longShop.varint(1000);
    longShop.varint(0);
    longShop.byte(0);
    longShop.byte(0);
    expect(decodeBody({ text: longShop.finish(), raw: new Uint8Array(0) }, h)).toEqual({
      ok: false,
      code: 'malformed',
    });
  });
});
