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
  let t = value.trim();
  if (t.length >= 3 && t.charCodeAt(0) === 61 && t.charCodeAt(1) === 34 && t.endsWith('"')) {
    t = t.slice(2, -1).replaceAll('""', '"').trim();
  }
  return t;
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
  return typeof value === 'string' && value.length <= 32 && SCIENTIFIC.test(value);
}
