/**
 * Character hygiene for label text (internal): control characters never reach a label line, and
 * characters XML 1.0 forbids never reach an SVG. Char-code loops, no regex over control ranges.
 * @module
 */

const isControl = (c: number): boolean =>
  c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;

/**
 * One printable line: control characters and line breaks become spaces, runs of white space
 * collapse to one, ends are trimmed; a non-string gives `''`.
 * @example
 * cleanLine('广州\n天河\t 区'); // '广州 天河 区'
 */
export function cleanLine(s: unknown): string {
  if (typeof s !== 'string') return '';
  let i0 = 0;
  while (i0 < s.length && !isControl(s.charCodeAt(i0))) i0++;
  if (i0 === s.length) return s.replace(/\s+/gu, ' ').trim();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isControl(c) ? ' ' : s[i];
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/**
 * Drops what XML 1.0 forbids in character data: C0 controls other than tab, LF and CR, lone
 * surrogates, and U+FFFE / U+FFFF.
 * @example
 * stripXmlInvalid('a\u0000b\ud800c'); // 'abc'
 */
export function stripXmlInvalid(s: string): string {
  let clean = true;
  for (let i = 0; i < s.length && clean; i++) {
    const c = s.charCodeAt(i);
    clean = c >= 0x20 ? c < 0xd800 || (c > 0xdfff && c < 0xfffe) : c === 0x09 || c === 0x0a || c === 0x0d;
  }
  if (clean) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    out += s[i]!;
  }
  return out;
}
