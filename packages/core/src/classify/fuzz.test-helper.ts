/**
 * fast-check arbitraries for the property tests of classify / mask / virtual: strings mixing
 * Chinese text, ASCII and full-width digits, mask and ciphertext separators, emoji, surrogate
 * pairs and lone surrogates. Test-only (excluded from the build).
 * @module
 */
import fc from 'fast-check';

/** Tricky single units and pieces. */
const pieces = [
  '*',
  '＊',
  '#',
  '$',
  '~',
  '-',
  '－',
  ',',
  '，',
  '转',
  '(',
  '）',
  '+86',
  ' ',
  '\u3000',
  '\t',
  '·',
  '😀',
  '👨‍👩‍👧',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '𠮷',
  '省',
  '市',
  '区',
  '广东省',
  '北京市',
  '广州市',
  '天河区',
  '欧阳',
  '张',
  'AgAAAA',
  '==',
  '０',
  '１',
  '９',
];

/** One ASCII or full-width digit. */
export const anyDigit: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.integer({ min: 0xff10, max: 0xff19 }).map((c) => String.fromCharCode(c)),
);

/** Arbitrary text: a mix of tricky pieces, digits, CJK and any code point. */
export const fuzzText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      anyDigit,
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));

/** A valid mainland mobile number (11 ASCII digits, `1[3-9]…`). */
export const mobile: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 3, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest.join('')}`);

/** Full-width form of ASCII digits. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Number of runs for every property (issue 3: at least 1,000). */
export const RUNS = { numRuns: 1000 } as const;

/**
 * A mobile number as people write it (issue 14, item 4): tight, with `+86` / `0086` / `86`,
 * with spaces, dashes or dots between the 3-4-4 groups, in ASCII or full-width digits. Gives
 * the written form and its 11 digits.
 */
export const writtenMobile: fc.Arbitrary<{ readonly written: string; readonly digits: string }> = fc
  .tuple(
    mobile,
    fc.constantFrom('', '+86', '+86 ', '0086', '86-', '+86-'),
    fc.constantFrom('', ' ', '-', '.'),
    fc.boolean(),
  )
  .map(([digits, cc, sep, wide]) => {
    const grouped = `${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
    const written = cc + grouped;
    return { written: wide ? toFullWidth(written) : written, digits };
  });
