import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflateWith, INFLATE_CHUNK_BYTES, inflateWith } from './compress.js';
import { dictionaryV1 } from './dictionary.js';

const dict = dictionaryV1();

describe('deflateWith / inflateWith', () => {
  it('round-trips with the preset dictionary, and the dictionary shortens region text', () => {
    const text = new TextEncoder().encode('广东省广州市天河区****浙江省金华市义乌市****保温杯 500ml 黑色');
    const packed = deflateWith(text, dict);
    expect(inflateWith(packed, dict, text.length, 1 << 20)).toEqual({ ok: true, value: text });
    expect(packed.length).toBeLessThan(deflateWith(text, new Uint8Array(0)).length / 2);
  });

  it('round-trips any bytes (1,000 runs)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        expect(inflateWith(deflateWith(b, dict), dict, b.length, 1 << 20)).toEqual({ ok: true, value: b });
      }),
      { numRuns: 1000 },
    );
  });

  it('a "zip bomb" never allocates past the stated size; a size above the limit is too-large', () => {
    const bomb = deflateWith(new Uint8Array(8 * 1024 * 1024), dict); // 8 MiB of zeros, ~8 KB packed
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(inflateWith(bomb, dict, 1000, 1 << 20)).toMatchObject({ ok: false, code: 'corrupt' });
    expect(inflateWith(bomb, dict, 8 * 1024 * 1024, 1 << 20)).toEqual({
      ok: false,
      code: 'too-large',
      read: 0,
    });
    expect(inflateWith(bomb, dict, -1, 1 << 20)).toEqual({ ok: false, code: 'corrupt', read: 0 });
  });

  // Issue 14 item 3: output past the stated size stops the inflation (CPU bounded, not only
  // memory). The old whole-buffer inflate read all of the input (and did all its work).
  it(
    'stops reading a bomb within one chunk after its output passes the stated size',
    { timeout: 60_000 },
    () => {
      const bomb = deflateWith(new Uint8Array(32 * 1024 * 1024), dict); // 32 MiB of zeros, ~32 KB packed
      expect(bomb.length).toBeGreaterThan(7 * INFLATE_CHUNK_BYTES);
      for (const size of [0, 1000, 1 << 20]) {
        const r = inflateWith(bomb, dict, size, 1 << 24);
        expect(r).toMatchObject({ ok: false, code: 'corrupt' });
        // 1 MiB of output needs ~1 KB of input: the inflater stops in the chunk that passes it.
        expect(!r.ok && r.read).toBeLessThanOrEqual(2 * INFLATE_CHUNK_BYTES);
      }
      // Right size, cut stream: corrupt after reading all of it.
      const small = deflateWith(new Uint8Array(100_000).fill(7), dict);
      expect(inflateWith(small.subarray(0, small.length - 2), dict, 100_000, 1 << 20)).toMatchObject({
        ok: false,
        code: 'corrupt',
      });
      expect(inflateWith(small, dict, 100_000, 1 << 20)).toEqual({
        ok: true,
        value: new Uint8Array(100_000).fill(7),
      });
    },
  );

  it(
    'wrong dictionary, garbage and empty input are corrupt, never a throw (1,000 runs)',
    { timeout: 60_000 },
    () => {
      const text = new TextEncoder().encode('广东省广州市天河区****');
      const packed = deflateWith(text, dict);
      const r = inflateWith(packed, new Uint8Array(0), text.length, 1 << 20);
      expect(r.ok && r.value).not.toEqual(text);
      expect(inflateWith(new Uint8Array(0), dict, 0, 10).ok).toBe(false);
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(5000), (b, size) => {
          const out = inflateWith(b, dict, size, 1 << 20);
          expect(typeof out.ok).toBe('boolean');
        }),
        { numRuns: 1000 },
      );
    },
  );
});
