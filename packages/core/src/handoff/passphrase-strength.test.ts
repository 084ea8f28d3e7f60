import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_BITS,
  PASSPHRASE_SCAN_LIMIT,
  STRONG_PASSPHRASE_BITS,
  passphraseStrength,
} from './passphrase-strength.js';

const bits = (s: string): number => passphraseStrength(s).bits;

describe('passphraseStrength', () => {
  it('refuses the passphrases people reach for first, and names why', () => {
    const cases: [string, string][] = [
      ['123456', 'common'],
      ['password2024', 'common'],
      ['woaini5201314', 'common'],
      ['13812345678', 'mobile'],
      ['19900101', 'date'],
      ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'repeats'],
      ['abcdefghijklmnopqrstuvwxyz', 'sequence'],
      ['茶杯-42', 'too-short'],
    ];
    for (const [p, why] of cases) {
      const s = passphraseStrength(p);
      expect(s.acceptable, p).toBe(false);
      expect(s.level, p).toBe('weak');
      expect(s.problems, p).toContain(why);
    }
  });

  it('accepts long mixed passphrases and rates random ones strong', () => {
    expect(passphraseStrength('Tea-Cup-42!').acceptable).toBe(true);
    expect(passphraseStrength('Zq8#mL2!vP9@').level).toBe('strong');
    expect(passphraseStrength('kettle-violet-42-harbor').acceptable).toBe(true);
  });

  it('is empty for an empty or non-string value, never throws', () => {
    for (const v of ['', undefined, null, 42, {}, []])
      expect(passphraseStrength(v)).toEqual({ bits: 0, level: 'empty', acceptable: false, problems: [] });
  });

  it('reads full-width digits and letters as what they are (NFKC)', () => {
    expect(bits('１２３４５６')).toBe(bits('123456'));
    expect(bits('Ｔｅａ－Ｃｕｐ－４２！')).toBe(bits('Tea-Cup-42!'));
  });

  it('examines a bounded prefix: 200k characters take well under a second', () => {
    const t = performance.now();
    const s = passphraseStrength('x1'.repeat(100_000));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(s.problems).toContain('repeats');
    expect(s.acceptable).toBe(false);
  });

  it('property: never throws, bits finite, level agrees with the thresholds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ maxLength: 300 }),
          fc.string({ unit: fc.constantFrom(...'0123456789abcAB-茶杯１'), maxLength: 300 }),
        ),
        (p) => {
          const s = passphraseStrength(p);
          const level =
            p === ''
              ? 'empty'
              : s.bits < MIN_PASSPHRASE_BITS
                ? 'weak'
                : s.bits < STRONG_PASSPHRASE_BITS
                  ? 'fair'
                  : 'strong';
          // At most log2(100 + 95) bits per examined code point (after NFKC, which may expand).
          const examined = Math.min(Array.from(p.normalize('NFKC')).length, PASSPHRASE_SCAN_LIMIT);
          return (
            Number.isFinite(s.bits) &&
            s.bits >= 0 &&
            s.acceptable === s.bits >= MIN_PASSPHRASE_BITS &&
            s.level === level &&
            s.bits <= examined * 7.7 + 0.1
          );
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('property: typing a unit k times adds at most log2(k) bits to the unit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 20 }), (unit, k) => {
        fc.pre(Array.from(unit).length * k <= PASSPHRASE_SCAN_LIMIT);
        fc.pre(unit.normalize('NFKC') === unit);
        expect(bits(unit.repeat(k))).toBeLessThanOrEqual(bits(unit) + Math.log2(k) + 0.1);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('property: one character repeated, or a run of steps, is never acceptable at any length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1 }), fc.integer({ min: 1, max: 400 }), (c, n) => {
        expect(passphraseStrength(c.repeat(n)).acceptable).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 8, max: 200 }), (start, n) => {
        const s = Array.from({ length: n }, (_, i) =>
          String.fromCharCode(0x30 + ((start - 0x30 + i) % 10)),
        ).join('');
        expect(passphraseStrength(s).acceptable).toBe(false);
      }),
    );
  }, 30_000);

  it('property: a mobile number inside a passphrase is flagged and costs little', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9][0-9]{9}$/u),
        fc.string({ maxLength: 4 }).filter((s) => !/[0-9０-９]/u.test(s)),
        (mobile, rest) => {
          const s = passphraseStrength(`${rest}${mobile}`);
          expect(s.problems).toContain('mobile');
          expect(s.bits).toBeLessThanOrEqual(Array.from(rest.normalize('NFKC')).length * 7.7 + 12 + 0.2);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);
});
