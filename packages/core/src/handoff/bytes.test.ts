import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from './bytes.js';

describe('ByteWriter / ByteReader', () => {
  it('known answers: LEB128 and UTF-8 strings', () => {
    const w = new ByteWriter();
    w.varint(300);
    w.string('张*');
    w.svarint(-1);
    w.uint48(2 ** 48 - 1);
    expect([...w.finish()]).toEqual([172, 2, 4, 229, 188, 160, 42, 1, 255, 255, 255, 255, 255, 255]);
  });

  it('round-trips mixed values (1,000 runs)', { timeout: 60_000 }, () => {
    const value = fc.oneof(
      fc.record({ t: fc.constant('u' as const), v: fc.maxSafeNat() }),
      fc.record({ t: fc.constant('s' as const), v: fc.integer({ min: -(2 ** 52), max: 2 ** 52 - 1 }) }),
      fc.record({ t: fc.constant('b' as const), v: fc.bigInt({ min: 0n, max: 10n ** 40n }) }),
      fc.record({ t: fc.constant('z' as const), v: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }) }),
      fc.record({ t: fc.constant('str' as const), v: fc.string({ unit: 'grapheme', maxLength: 30 }) }),
      fc.record({ t: fc.constant('i' as const), v: fc.integer({ min: 0, max: 2 ** 48 - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (vs) => {
        const w = new ByteWriter();
        for (const x of vs) {
          if (x.t === 'u') w.varint(x.v);
          else if (x.t === 's') w.svarint(x.v);
          else if (x.t === 'b') w.bigVarint(x.v);
          else if (x.t === 'z') w.bigSvarint(x.v);
          else if (x.t === 'str') w.string(x.v);
          else w.uint48(x.v);
        }
        const r = new ByteReader(w.finish());
        const back = vs.map((x) => {
          if (x.t === 'u') return { t: x.t, v: r.varint() };
          if (x.t === 's') return { t: x.t, v: r.svarint() };
          if (x.t === 'b') return { t: x.t, v: r.bigVarint(20) };
          if (x.t === 'z') return { t: x.t, v: r.bigSvarint(20) };
          if (x.t === 'str') return { t: x.t, v: r.string() };
          return { t: x.t, v: r.uint48() };
        });
        expect(r.failed).toBe(false);
        expect(r.remaining).toBe(0);
        expect(back).toEqual(vs);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary bytes; reads past the end, non-minimal varints and bad UTF-8 fail', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const r = new ByteReader(b);
        r.varint();
        r.string();
        r.bigSvarint();
        r.uint48();
        r.bytes(3);
        expect(typeof r.failed).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
    expect(Object.assign(new ByteReader(new Uint8Array([0x80, 0x00])), {}).varint()).toBe(0);
    const nonMinimal = new ByteReader(new Uint8Array([0x80, 0x00]));
    nonMinimal.varint();
    expect(nonMinimal.failed).toBe(true);
    const badUtf8 = new ByteReader(new Uint8Array([2, 0xc3, 0x28]));
    expect(badUtf8.string()).toBe('');
    expect(badUtf8.failed).toBe(true);
    const short = new ByteReader(new Uint8Array([5, 65]));
    short.string();
    expect(short.failed).toBe(true);
  });
});
