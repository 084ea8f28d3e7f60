/**
 * Problems found while reading an order file: every input line ends up either in an order or
 * in one of these, never dropped silently.
 * @module
 */

/**
 * What went wrong (or was noteworthy) on a line.
 * - errors (the row is NOT in the orders): `unterminated-quote`, `record-too-long`,
 *   `field-count`, `missing-order-id`, `bad-order-id`, `order-id-scientific`, `bad-quantity`,
 *   `bad-date`, `unknown-status`, `no-header`, and the file-level `not-xlsx`, `xlsx-too-large`,
 *   `unknown-platform`, `missing-columns`;
 * - warnings (the row is in the orders, changed or flagged): `plaintext` (buyer plaintext was
 *   masked on the way in), `invalid-field`, `virtual-mismatch`, `order-split`, `stray-quote`,
 *   `text-after-quote`, `number-precision`, `tracking-scientific`, `decode-replaced`,
 *   `missing-column`;
 * - info (the line holds no order): `preamble` (text above the header), `blank-line`,
 *   `repeated-header`;
 * - `problems-omitted` (warning, line 0): the list was capped (`maxProblems`); its message says
 *   how many problems of each severity were counted but not listed.
 */
export type FileProblemCode =
  | 'unterminated-quote'
  | 'record-too-long'
  | 'field-count'
  | 'missing-order-id'
  | 'bad-order-id'
  | 'order-id-scientific'
  | 'bad-quantity'
  | 'bad-date'
  | 'unknown-status'
  | 'no-header'
  | 'not-xlsx'
  | 'xlsx-too-large'
  | 'unknown-platform'
  | 'missing-columns'
  | 'plaintext'
  | 'invalid-field'
  | 'virtual-mismatch'
  | 'order-split'
  | 'stray-quote'
  | 'text-after-quote'
  | 'number-precision'
  | 'tracking-scientific'
  | 'decode-replaced'
  | 'missing-column'
  | 'preamble'
  | 'blank-line'
  | 'repeated-header'
  | 'problems-omitted';

/** How bad a problem is: `error` = the row was not read into an order. */
export type FileProblemSeverity = 'error' | 'warning' | 'info';

/**
 * One reported problem.
 * @example
 * const p: FileProblem = { line: 5, endLine: 5, code: 'bad-quantity', severity: 'error',
 *   column: '商品数量', orderId: '3718000000000002', message: 'the quantity is not a whole number of at least 1' };
 */
export interface FileProblem {
  /** First physical line (CSV) or row number (XLSX), 1-based; 0 for the file as a whole. */
  readonly line: number;
  /** Last line of a record that spans lines (quoted line breaks). */
  readonly endLine: number;
  readonly code: FileProblemCode;
  readonly severity: FileProblemSeverity;
  /** The header name of the column concerned, when one is. */
  readonly column?: string;
  /** The order id of the row, when it was read. */
  readonly orderId?: string;
  /** Plain-English explanation (never contains the offending buyer value). */
  readonly message: string;
}

const SEVERITY: Readonly<Record<FileProblemCode, FileProblemSeverity>> = {
  'unterminated-quote': 'error',
  'record-too-long': 'error',
  'field-count': 'error',
  'missing-order-id': 'error',
  'bad-order-id': 'error',
  'order-id-scientific': 'error',
  'bad-quantity': 'error',
  'bad-date': 'error',
  'unknown-status': 'error',
  'no-header': 'error',
  'not-xlsx': 'error',
  'xlsx-too-large': 'error',
  'unknown-platform': 'error',
  'missing-columns': 'error',
  plaintext: 'warning',
  'invalid-field': 'warning',
  'virtual-mismatch': 'warning',
  'order-split': 'warning',
  'stray-quote': 'warning',
  'text-after-quote': 'warning',
  'number-precision': 'warning',
  'tracking-scientific': 'warning',
  'decode-replaced': 'warning',
  'missing-column': 'warning',
  preamble: 'info',
  'blank-line': 'info',
  'repeated-header': 'info',
  'problems-omitted': 'warning',
};

/**
 * The severity of a problem code.
 * @example
 * problemSeverity('plaintext'); // 'warning'
 * problemSeverity('bad-quantity'); // 'error'
 */
export function problemSeverity(code: FileProblemCode): FileProblemSeverity {
  return SEVERITY[code] ?? 'error';
}

/**
 * Build a problem (internal helper).
 * @example
 * problem('bad-date', 7, 7, 'not a date').severity; // 'error'
 */
export function problem(
  code: FileProblemCode,
  line: number,
  endLine: number,
  message: string,
  extra: { column?: string; orderId?: string } = {},
): FileProblem {
  return {
    line,
    endLine,
    code,
    severity: problemSeverity(code),
    ...(extra.column !== undefined ? { column: extra.column } : {}),
    ...(extra.orderId !== undefined ? { orderId: extra.orderId } : {}),
    message,
  };
}
