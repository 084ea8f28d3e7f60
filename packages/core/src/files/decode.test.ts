import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteDecoder, decodeBytes } from './decode.js';

const RUNS = 1000;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `订单号,商品名称,商品数量,下单时间,订单状态\r\n3718000000000001,保温杯,1,2026-11-03 12:00:00,待发货\r\n` in GBK. */
const GBK_EXPORT = new Uint8Array([
  182, 169, 181, 165, 186, 197, 44, 201, 204, 198, 183, 195, 251, 179, 198, 44, 201, 204, 198, 183, 202, 253,
  193, 191, 44, 207, 194, 181, 165, 202, 177, 188, 228, 44, 182, 169, 181, 165, 215, 180, 204, 172, 13, 10,
  51, 55, 49, 56, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 49, 44, 177, 163, 206, 194, 177, 173, 44, 49,
  44, 50, 48, 50, 54, 45, 49, 49, 45, 48, 51, 32, 49, 50, 58, 48, 48, 58, 48, 48, 44, 180, 253, 183, 162, 187,
  245, 13, 10,
]);
const GBK_TEXT =
  '订单号,商品名称,商品数量,下单时间,订单状态\r\n3718000000000001,保温杯,1,2026-11-03 12:00:00,待发货\r\n';

function decodeChunked(
  bytes: Uint8Array,
  cuts: number[],
  sniffBytes?: number,
): { text: string; enc?: string } {
  const d = createByteDecoder(sniffBytes === undefined ? {} : { sniffBytes });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let last = 0;
  for (const c of points) {
    text += d.push(bytes.subarray(last, c));
    last = c;
  }
  text += d.push(bytes.subarray(last)) + d.end();
  return { text, ...(d.encoding !== undefined ? { enc: d.encoding } : {}) };
}

describe('createByteDecoder: known answers', { timeout: 120_000 }, () => {
  it('UTF-8 with a BOM: the BOM is dropped', () => {
    const r = decodeBytes(utf8('\uFEFF订单号'));
    expect(r).toEqual({ text: '订单号', encoding: 'utf-8', replaced: 0 });
  });

  it('GBK bytes (an export saved again by Excel on Chinese Windows) are read as GB18030', () => {
    expect(decodeBytes(GBK_EXPORT)).toEqual({ text: GBK_TEXT, encoding: 'gb18030', replaced: 0 });
    expect(decodeChunked(GBK_EXPORT, [1, 7, 50], 8)).toEqual({ text: GBK_TEXT, enc: 'gb18030' });
  });

  it('UTF-16 with a BOM, both byte orders', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0xa2, 0x8b, 0x55, 0x53])).text).toBe('订单');
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0x8b, 0xa2, 0x53, 0x55])).text).toBe('订单');
  });

  it('counts invalid bytes after the sniff window as replacements', () => {
    const d = createByteDecoder({ sniffBytes: 4 });
    const text = d.push(utf8('abcdefgh')) + d.push(new Uint8Array([0xff, 0x41])) + d.end();
    expect(text).toBe('abcdefgh\uFFFDA');
    expect(d.replaced).toBe(1);
    expect(d.encoding).toBe('utf-8');
  });

  it('honours a forced encoding and ignores non-byte input', () => {
    const d = createByteDecoder({ encoding: 'gb18030' });
    expect(d.push(new Uint8Array([0xd5, 0xc5])) + d.end()).toBe('张');
    expect(createByteDecoder().push('x' as unknown as Uint8Array)).toBe('');
  });
});

describe('createByteDecoder: properties', { timeout: 120_000 }, () => {
  it('UTF-8 text split at any byte (inside characters too) decodes to the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 4, max: 64 }),
        (s, cuts, sniff) => {
          const bytes = utf8(s);
          const r = decodeChunked(bytes, cuts, sniff);
          expect(r.text).toBe(s.startsWith('\uFEFF') ? s.slice(1) : s);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary bytes, and chunking does not change the text once sniffed the same', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const whole = decodeBytes(bytes);
        // With a window larger than the input, the encoding is decided on all bytes either way.
        expect(decodeChunked(bytes, cuts, 1000).text).toBe(whole.text);
      }),
      { numRuns: RUNS },
    );
  });
});
