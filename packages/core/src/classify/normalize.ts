/**
 * Width folding shared by classification, masking and virtual numbers. Full-width ASCII
 * (U+FF01–U+FF5E, e.g. `１３２`, `－`, `＊`) becomes ASCII and the ideographic space U+3000 a
 * space. Every mapping is one UTF-16 unit to one, so positions in the folded string are the
 * positions in the original (maskText relies on this).
 * @module
 */

/**
 * Fold full-width ASCII to ASCII, keeping the length and every position.
 * @example
 * foldWidth('１３２４０９６８４８３－９６４７'); // '13240968483-9647'
 */
export function foldWidth(s: string): string {
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      if (out === undefined) out = s.slice(0, i);
      out += c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0);
    } else if (out !== undefined) {
      out += s[i];
    }
  }
  return out ?? s;
}

/**
 * Whether a UTF-16 unit is an ASCII digit.
 * @example
 * isDigitCode('7'.charCodeAt(0)); // true
 */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the string is non-empty and all ASCII digits.
 * @example
 * isAllDigits('13240968483'); // true
 */
export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Mainland mobile number rule: 11 digits, `1` then `3`–`9`.
 * @example
 * isMobileDigits('13240968483'); // true
 * isMobileDigits('12240968483'); // false
 */
export function isMobileDigits(s: string): boolean {
  if (s.length !== 11 || s.charCodeAt(0) !== 49) return false;
  const second = s.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Whether the string may contain whitespace (ASCII controls and space, NBSP, U+1680, the U+2000
 * block, U+3000, BOM): a cheap pre-check before a `/\s+/gu` replace.
 * @example
 * mayHaveWhitespace('张三'); // false
 * mayHaveWhitespace('张 三'); // true
 */
export function mayHaveWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x205f) || c === 0x3000 || c === 0xfeff)
      return true;
  }
  return false;
}

/**
 * Whether a code point is a CJK ideograph (URO, Extension A, B–H, compatibility ideographs, 〇).
 * @example
 * isHanCodePoint('张'.codePointAt(0)!); // true
 */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}
