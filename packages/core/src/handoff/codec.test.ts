import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBatch } from './check.js';
import { decodeBody, encodeBody } from './codec.js';
import { batchArb, smallBatch } from './fixtures.test-helper.js';

const header = (b: { batchId: string; expiresAt: number }) => ({
  batchId: b.batchId,
  expiresAt: b.expiresAt,
});

describe('encodeBody / decodeBody (format 1)', () => {
  it('round-trips the small batch exactly', () => {
    const b = smallBatch();
    expect(decodeBody(encodeBody(b), header(b))).toEqual(b);
  });

  it('round-trips every checked batch (property, 1,000 runs)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(batchArb(8), (raw) => {
        const checked = checkBatch(raw);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        const b = checked.value;
        expect(decodeBody(encodeBody(b), header(b))).toEqual(b);
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
    expect(decodeBody(encodeBody(b), header(b))).toEqual(b);
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
        expect(r === undefined || typeof r === 'object').toBe(true);
      }),
      { numRuns: 1000 },
    );
    const b = smallBatch();
    const { text, raw } = encodeBody(b);
    const longer = new Uint8Array(text.length + 1);
    longer.set(text);
    expect(decodeBody({ text: longer, raw }, header(b))).toBeUndefined();
    expect(decodeBody({ text: text.subarray(0, text.length - 1), raw }, header(b))).toBeUndefined();
    expect(decodeBody({ text, raw: raw.subarray(1) }, header(b))).toBeUndefined();
    expect(decodeBody({ text, raw: new Uint8Array([...raw, 0]) }, header(b))).toBeUndefined();
  });
});
