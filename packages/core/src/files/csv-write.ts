/**
 * Writing CSV the way Chinese back-office importers and Excel read it: UTF-8 with a byte-order
 * mark (so Excel on Windows does not guess GBK), CRLF line ends, RFC 4180 quoting, and a guard
 * against formula injection (CSV injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with `'`, so a spreadsheet shows it as text instead of
 * running it.
 * @module
 */

/** Options of `writeCsv`. */
export interface CsvWriteOptions {
  /** Start with U+FEFF (the UTF-8 byte-order mark once encoded). Default true. */
  readonly bom?: boolean;
  /** Line end after every row. Default `\r\n`. */
  readonly eol?: '\r\n' | '\n';
  /** Prefix formula-like cells with `'` (see `guardCell`). Default true. */
  readonly guard?: boolean;
  /** Field separator, one character. Default `,`. */
  readonly delimiter?: string;
}

/**
 * Characters skipped before the first visible one: a spreadsheet (or a CSV importer that trims)
 * may drop them and then read what follows as a formula. NUL, whitespace (ASCII, no-break,
 * ideographic), the soft hyphen, the Mongolian vowel separator, zero-width and bidi marks
 * (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069) and the BOM / zero-width no-break
 * space U+FEFF.
 */
const IGNORABLE = /^[\0\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/u;
/**
 * First visible characters that start a formula: `=`, `+`, `-`, `@` (OWASP), their full-width
 * forms `＝ ＋ － ＠` (a Chinese input method types these, and spreadsheets in East Asian locales
 * normalise them), the small forms `﹦ ﹢ ﹣ ﹫` and the minus sign `−`.
 */
const TRIGGER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/u;
/** Control characters OWASP lists as formula starts (tab, CR), with LF and NUL. */
const CONTROL = /[\0\t\r\n]/u;

/**
 * Whether a spreadsheet could read `cell` as a formula: its leading run of ignorable characters
 * (whitespace, zero-width and bidi marks, the BOM, NUL) holds a NUL, tab, CR or LF, or the first
 * character after that run is `=`, `+`, `-`, `@`, one of their full-width (`＝ ＋ － ＠`) or small
 * forms, or `−`. Linear in the cell's length.
 * @example
 * startsFormula('=1+1'); // true
 * startsFormula('\u200B=HYPERLINK("http://x")'); // true (zero-width prefix)
 * startsFormula('＝1+1'); // true (full-width)
 * startsFormula('YT1234567890'); // false
 */
export function startsFormula(cell: string): boolean {
  if (typeof cell !== 'string' || cell === '') return false;
  const prefix = IGNORABLE.exec(cell)?.[0] ?? '';
  if (CONTROL.test(prefix)) return true;
  return TRIGGER.test(cell.slice(prefix.length, prefix.length + 1));
}

/**
 * Guard one cell against formula injection: prefix `'` when `startsFormula(cell)`. Other cells
 * are returned unchanged; a guarded cell is never guarded again (it starts with `'`).
 * @example
 * guardCell('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * guardCell('-5'); // "'-5"
 * guardCell('＠SUM(A1)'); // "'＠SUM(A1)"
 * guardCell('\u200B+1'); // "'\u200B+1"
 * guardCell('YT1234567890'); // 'YT1234567890'
 */
export function guardCell(cell: string): string {
  const s = typeof cell === 'string' ? cell : '';
  return startsFormula(s) ? `'${s}` : s;
}

/**
 * Quote one field when needed: it holds the delimiter, a quote, a line break, or starts with a
 * byte-order mark (which a reader would drop at the start of a file). Quotes are doubled.
 * @example
 * csvField('保温杯, 500ml'); // '"保温杯, 500ml"'
 * csvField('5"屏'); // '"5""屏"'
 * csvField('plain'); // 'plain'
 */
export function csvField(value: string, delimiter = ','): string {
  const s = typeof value === 'string' ? value : '';
  const needs =
    s.includes(delimiter) ||
    s.includes('"') ||
    s.includes('\n') ||
    s.includes('\r') ||
    s.charCodeAt(0) === 0xfeff;
  return needs ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Write rows as CSV text. Every row ends with the line end. Never throws; non-string cells are
 * written as empty. Encode the result with `new TextEncoder().encode(...)` for a UTF-8 file.
 * @example
 * writeCsv([['订单号', '快递单号'], ['3718000000000001', 'YT1234567890']]);
 * // '\uFEFF订单号,快递单号\r\n3718000000000001,YT1234567890\r\n'
 * writeCsv([['=1+1']], { bom: false }); // "'=1+1\r\n"
 */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const bom = options.bom !== false;
  const eol = options.eol === '\n' ? '\n' : '\r\n';
  const guard = options.guard !== false;
  const delimiter =
    typeof options.delimiter === 'string' && options.delimiter.length === 1 ? options.delimiter : ',';
  const parts: string[] = bom ? ['\uFEFF'] : [];
  if (!Array.isArray(rows)) return parts.join('');
  for (const row of rows) {
    const cells = Array.isArray(row) ? row : [];
    const line = cells.map((c: unknown) => {
      const s = typeof c === 'string' ? c : '';
      return csvField(guard ? guardCell(s) : s, delimiter);
    });
    parts.push(line.join(delimiter), eol);
  }
  return parts.join('');
}
