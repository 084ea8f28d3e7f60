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

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * Guard one cell against formula injection: prefix `'` when it starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return. Other cells are returned unchanged.
 * @example
 * guardCell('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * guardCell('-5'); // "'-5"
 * guardCell('YT1234567890'); // 'YT1234567890'
 */
export function guardCell(cell: string): string {
  const s = typeof cell === 'string' ? cell : '';
  return FORMULA_START.test(s) ? `'${s}` : s;
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
