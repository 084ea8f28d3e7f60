import { passphraseStrength } from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATED_MIN_BITS, generatePassphrase, type RandomBytes } from './passphrase';

/** A seeded byte source (xorshift32) for reproducible draws. */
function seeded(seed: number): RandomBytes {
  let x = seed >>> 0 || 1;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
}

describe('generatePassphrase', () => {
  it('gives five groups of four digits from the Web Crypto source, each acceptable', () => {
    for (let i = 0; i < 20; i++) {
      const p = generatePassphrase();
      expect(p).toMatch(/^\d{4}(?:-\d{4}){4}$/u);
      expect(passphraseStrength(p).acceptable).toBe(true);
    }
  });

  it('property: every generated passphrase reaches GENERATED_MIN_BITS', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const s = passphraseStrength(generatePassphrase(seeded(seed)));
        return s.bits >= GENERATED_MIN_BITS && s.acceptable;
      }),
      { numRuns: 300 },
    );
  });

  it('draws digits uniformly (bytes 250-255 rejected)', () => {
    const counts = Array.from({ length: 10 }, () => 0);
    const random = seeded(7);
    for (let i = 0; i < 500; i++)
      for (const c of generatePassphrase(random).replaceAll('-', '')) counts[Number(c)]!++;
    const n = 500 * 20;
    // Chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value.
    const chi = counts.reduce((a, c) => a + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
    // Only rejected bytes: never a digit.
    expect(() => generatePassphrase((k) => new Uint8Array(k).fill(255))).toThrow(/random source/u);
    // A constant usable byte gives a weak passphrase every time: refused, not returned.
    expect(() => generatePassphrase((k) => new Uint8Array(k).fill(3))).toThrow(/required strength/u);
  });
});
