/**
 * Cleaning export cells. Chinese back-office exports protect long numbers (order ids, tracking
 * numbers, phones) from Excel's 15-digit float rounding in two ways, both undone here:
 * - an Excel text formula `="3718000000000001"` (also written quoted: `"=""3718…"""`);
 * - a leading tab `\t3718000000000001` (Excel keeps tab-led cells as text).
 * Surrounding whitespace (spaces, tabs, no-break spaces, ideographic spaces) is trimmed.
 * @module
 */

/**
 * Clean one cell: unwrap `="…"`, drop leading/trailing tabs and whitespace. Never throws.
 * @example
 * cleanCell('="3718000000000001"'); // '3718000000000001'
 * cleanCell('\t3718000000000001'); // '3718000000000001'
 * cleanCell(' 保温杯 '); // '保温杯'
 */
export function cleanCell(value: string): string {
  if (typeof value !== 'string') return '';
  let t = trimmed(value);
  if (
    t.length >= 3 &&
    t.charCodeAt(0) === 61 &&
    t.charCodeAt(1) === 34 &&
    t.charCodeAt(t.length - 1) === 34
  ) {
    t = t.slice(2, -1);
    if (t.includes('""')) t = t.replaceAll('""', '"');
    t = trimmed(t);
  }
  return t;
}

/** Whether `c` is a code unit `String.prototype.trim` removes (white space or a line terminator). */
function isTrimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  // Han characters and everything else past the ideographic space: only the BOM.
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Whether a cell is empty once cleaned (`cleanCell(value) === ''`), without building the
 * cleaned text: blank, or an Excel guard around blanks (`="  "`). Never throws.
 * @example
 * isBlankCell(' \t'); // true
 * isBlankCell('=" "'); // true
 * isBlankCell('="3718"'); // false
 */
export function isBlankCell(value: string): boolean {
  if (typeof value !== 'string') return true;
  let a = 0;
  let b = value.length;
  while (a < b && isTrimmable(value.charCodeAt(a))) a++;
  while (b > a && isTrimmable(value.charCodeAt(b - 1))) b--;
  if (a === b) return true;
  if (
    b - a < 3 ||
    value.charCodeAt(a) !== 61 ||
    value.charCodeAt(a + 1) !== 34 ||
    value.charCodeAt(b - 1) !== 34
  )
    return false;
  // The guard's text is blank when it holds only blanks (a quote in it stays as text).
  for (let i = a + 2; i < b - 1; i++) if (!isTrimmable(value.charCodeAt(i))) return false;
  return true;
}

/** `s.trim()`, without the call when neither end needs it (most cells of an export). */
function trimmed(s: string): string {
  const n = s.length;
  if (n === 0 || (!isTrimmable(s.charCodeAt(0)) && !isTrimmable(s.charCodeAt(n - 1)))) return s;
  return s.trim();
}

/** Excel's rendering of a long number that lost its digits: `3.71801E+15`. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d{1,3}$/iu;

/**
 * Whether a cell is a number Excel rendered in scientific notation (`3.71801E+15`): an order or
 * tracking number that has lost digits and cannot be trusted.
 * @example
 * isScientificNumber('3.71801E+15'); // true
 * isScientificNumber('3718000000000001'); // false
 */
export function isScientificNumber(value: string): boolean {
  if (typeof value !== 'string' || value.length < 4 || value.length > 32) return false;
  // The second character of `3E+15` / `3.7E+15` (most cells, order ids among them, fail here).
  const c = value.charCodeAt(1);
  return (c === 46 || c === 69 || c === 101) && SCIENTIFIC.test(value);
}
