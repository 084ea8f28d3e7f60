/**
 * An incremental CSV tokenizer (RFC 4180 plus the leniency real exports need): feed text in
 * chunks of any size, get records out with the physical line numbers they came from.
 *
 * - Fields are separated by `,` (or the given delimiter); records end at `\r\n`, `\n` or `\r`.
 * - Quoted fields (`"…"`) may hold delimiters, quotes (doubled: `""`) and line breaks.
 * - A leading byte-order mark (U+FEFF) at the start of the stream is dropped.
 * - Excel text guards `="0123"` are kept as written (`="0123"`); `cleanCell` unwraps them.
 * - Lenient, but never silent: a quote inside an unquoted field (`5"屏`) or text after a closing
 *   quote (`"a"b`) is kept literally and flagged on the record (`stray-quote`,
 *   `text-after-quote`). A quote that is never closed does not swallow the rest of the file: at
 *   the end of input (or once the open record exceeds `maxRecordChars`) its first line is reported
 *   as `unterminated-quote` / `record-too-long` and parsing resumes on the next line.
 *
 * Chunk boundaries never change the result: `parseCsv(a + b)` equals feeding `a` then `b`.
 * @module
 */

/**
 * Why a record is not clean. `unterminated-quote` and `record-too-long` make it unusable;
 * `number-precision` comes only from XLSX rows (a number cell with more than 15 digits).
 */
export type CsvIssueCode =
  'unterminated-quote' | 'record-too-long' | 'stray-quote' | 'text-after-quote' | 'number-precision';

/**
 * One record (row) of a CSV file.
 * @example
 * const r: CsvRecord = { line: 3, endLine: 4, fields: ['1', 'a\nb'], ok: true, issues: [] };
 */
export interface CsvRecord {
  /** First physical line of the record (1-based; a quoted line break starts a new line). */
  readonly line: number;
  /** Last physical line of the record (greater than `line` when a quoted field spans lines). */
  readonly endLine: number;
  /** The fields as written (quotes removed, `""` unescaped); empty when `ok` is false. */
  readonly fields: readonly string[];
  /** False when the record could not be read (`unterminated-quote`, `record-too-long`). */
  readonly ok: boolean;
  /** What was irregular about the record; empty for a clean record. */
  readonly issues: readonly CsvIssueCode[];
}

/** Options of the CSV tokenizer. */
export interface CsvParseOptions {
  /** Field separator, one character; default `,`. */
  readonly delimiter?: string;
  /**
   * Longest record kept in memory while it is still open (characters); beyond this its first
   * line is reported as `record-too-long` and parsing resumes on the next line. Default
   * 4,194,304.
   */
  readonly maxRecordChars?: number;
}

/** An incremental CSV tokenizer: `push` chunks, then `end` once. */
export interface CsvParser {
  /** Feed the next chunk of text; returns the records completed by it. */
  push(chunk: string): CsvRecord[];
  /** Signal the end of input; returns the last records (including any unterminated one). */
  end(): CsvRecord[];
}

const QUOTE = 34;
const EQUALS = 61;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;
const DEFAULT_MAX_RECORD = 4_194_304;
/** The issues of every clean record (one shared, frozen array). */
const NO_ISSUES: readonly CsvIssueCode[] = Object.freeze([]);

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
  SkipLine,
}

/** Where `c` next occurs in `s` from `from`, or `s.length` when it does not. */
function nextAt(s: string, c: string, from: number): number {
  const k = s.indexOf(c, from);
  return k < 0 ? s.length : k;
}

/**
 * Create an incremental CSV tokenizer. Never throws on any input.
 * @example
 * const p = createCsvParser();
 * p.push('订单号,商品\r\n"123","保温杯, 500ml');
 * p.push('"\r\n');
 * p.end(); // []  (records came out of the pushes)
 * // the pushes returned: [{ line: 1, fields: ['订单号', '商品'], … }, { line: 2, fields: ['123', '保温杯, 500ml'], … }]
 */
export function createCsvParser(options: CsvParseOptions = {}): CsvParser {
  const delimiter =
    typeof options.delimiter === 'string' && options.delimiter.length === 1
      ? options.delimiter.charCodeAt(0)
      : 44;
  const maxRecord =
    typeof options.maxRecordChars === 'number' && options.maxRecordChars >= 1
      ? options.maxRecordChars
      : DEFAULT_MAX_RECORD;

  const delimiterText = String.fromCharCode(delimiter);

  let state: S = S.FieldStart;
  let fields: string[] = [];
  let field = '';
  let issues: CsvIssueCode[] = [];
  /** Stray quotes in the current field (forgiven for an Excel guard `="…"`). */
  let strayInField = false;
  /** Physical line of the next character. */
  let line = 1;
  let prevCR = false;
  /** A record just ended at `\r`: a following `\n` belongs to that line break. */
  let skipLF = false;
  let started = false;
  /** Whether a record is open (some character of it has been read). */
  let open = false;
  let recordLine = 1;
  /** Raw text of the open record from earlier chunks (for recovery). */
  let raw = '';
  let out: CsvRecord[] = [];

  function pushField(): void {
    if (strayInField && !(field.length >= 3 && field.startsWith('="') && field.endsWith('"'))) {
      if (!issues.includes('stray-quote')) issues.push('stray-quote');
    }
    fields.push(field);
    field = '';
    strayInField = false;
  }

  function endRecord(endLine: number): void {
    out.push({ line: recordLine, endLine, fields, ok: true, issues });
    fields = [];
    issues = [];
    open = false;
    raw = '';
    state = S.FieldStart;
  }

  function resetRecord(): void {
    fields = [];
    field = '';
    issues = [];
    strayInField = false;
    open = false;
    state = S.FieldStart;
  }

  /** Whether `readWhole` may run: the delimiter is none of the characters it searches for apart. */
  const wholeRecords = delimiter !== QUOTE && delimiter !== CR && delimiter !== LF;

  /**
   * Read the records of `s` that start at `start` (a record start: no record open, no `\n` of a
   * `\r\n` pending) and end within `s`, a field at a time: the engine's string search finds the
   * next delimiter, line break and quote, each kept until passed, and a field is one slice
   * (quoted: `""` unescaped only when present). A record that does not end in `s`, is longer than
   * `maxRecordChars`, or has text after a closing quote is left to the state machine (from its
   * first character, nothing of it taken). Returns where that record starts, or `s.length`.
   */
  function readWhole(s: string, start: number): number {
    const n = s.length;
    let p = start;
    let nextDelim = -1;
    let nextQuote = -1;
    let nextCR = -1;
    let nextLF = -1;
    while (p < n) {
      const recStart = p;
      /** Physical line of the next character of this record. */
      let l = line;
      const f: string[] = [];
      let stray = false;
      /** The line break that ends the record. */
      let e: number;
      for (;;) {
        if (p >= n) return recStart;
        if (s.charCodeAt(p) === QUOTE) {
          let q = s.indexOf('"', p + 1);
          let escaped = false;
          // `""` inside quotes is a quote; a quote as the text's last character may be either.
          while (q >= 0 && q < n - 1 && s.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            q = s.indexOf('"', q + 2);
          }
          if (q < 0 || q >= n - 1) return recStart;
          if (nextCR <= p) nextCR = nextAt(s, '\r', p + 1);
          if (nextLF <= p) nextLF = nextAt(s, '\n', p + 1);
          if (nextCR < q || nextLF < q) {
            // Quoted line breaks: `\r\n`, `\r` and `\n` each start one new line.
            let prev = false;
            for (let k = p + 1; k < q; k++) {
              const d = s.charCodeAt(k);
              if (d === CR) {
                l++;
                prev = true;
              } else {
                if (d === LF && !prev) l++;
                prev = false;
              }
            }
          }
          const v = s.slice(p + 1, q);
          f.push(escaped ? v.replaceAll('""', '"') : v);
          const c = s.charCodeAt(q + 1);
          if (c === delimiter) {
            p = q + 2;
            continue;
          }
          if (c === CR || c === LF) {
            e = q + 1;
            break;
          }
          return recStart; // text after the closing quote
        }
        if (nextDelim < p) nextDelim = nextAt(s, delimiterText, p);
        if (nextCR < p) nextCR = nextAt(s, '\r', p);
        if (nextLF < p) nextLF = nextAt(s, '\n', p);
        const eol = nextCR < nextLF ? nextCR : nextLF;
        const end = nextDelim < eol ? nextDelim : eol;
        if (end >= n) return recStart;
        const v = s.slice(p, end);
        if (nextQuote < p) nextQuote = nextAt(s, '"', p);
        // A quote in an unquoted field is kept as text and flagged, unless the field is an
        // Excel guard `="…"`.
        if (
          nextQuote < end &&
          !(
            end - p >= 3 &&
            s.charCodeAt(p) === EQUALS &&
            s.charCodeAt(p + 1) === QUOTE &&
            s.charCodeAt(end - 1) === QUOTE
          )
        )
          stray = true;
        f.push(v);
        if (end === eol) {
          e = end;
          break;
        }
        p = end + 1;
      }
      if (e - recStart > maxRecord) return recStart;
      out.push({ line, endLine: l, fields: f, ok: true, issues: stray ? ['stray-quote'] : NO_ISSUES });
      line = l + 1;
      prevCR = false;
      if (s.charCodeAt(e) === CR) {
        if (e + 1 >= n) {
          // A `\n` at the start of the next text belongs to this line break.
          prevCR = true;
          skipLF = true;
          return n;
        }
        p = s.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
      } else p = e + 1;
    }
    return p;
  }

  /** Run the state machine over `s`. Records go to `out`; an open record's text goes to `raw`. */
  function feed(text: string): void {
    let s = text;
    let n = s.length;
    let i = 0;
    if (!started && n > 0) {
      started = true;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    /** Where the open record started in `s` (0 when it started in an earlier chunk). */
    let recStart = open ? 0 : i;
    /** Start of the pending run of ordinary characters of the current field. */
    let run = state === S.Unquoted || state === S.Quoted ? i : -1;
    // Where the next delimiter, quote and line breaks are (n: none left), found by the engine's
    // string search and kept until passed: one search per field, not one test per character.
    let nextDelim = -1;
    let nextQuote = -1;
    let nextCR = -1;
    let nextLF = -1;
    for (; i < n; i++) {
      if (state === S.FieldStart && !open && !skipLF && wholeRecords) {
        i = readWhole(s, i);
        if (i >= n) break;
      }
      // Fast paths: a run of ordinary characters inside a field changes no state but the line
      // count (quoted line breaks) and `prevCR`.
      if (state === S.Unquoted) {
        if (nextDelim < i) nextDelim = nextAt(s, delimiterText, i);
        if (nextQuote < i) nextQuote = nextAt(s, '"', i);
        if (nextCR < i) nextCR = nextAt(s, '\r', i);
        if (nextLF < i) nextLF = nextAt(s, '\n', i);
        let j = nextDelim;
        if (nextQuote < j) j = nextQuote;
        if (nextCR < j) j = nextCR;
        if (nextLF < j) j = nextLF;
        if (j > i) {
          prevCR = false;
          i = j;
          if (i >= n) break;
        }
      } else if (state === S.Quoted) {
        if (nextQuote < i) nextQuote = nextAt(s, '"', i);
        if (nextCR < i) nextCR = nextAt(s, '\r', i);
        if (nextLF < i) nextLF = nextAt(s, '\n', i);
        // No line break before the closing quote (most quoted fields): nothing to count.
        const fast = nextCR >= nextQuote && nextLF >= nextQuote;
        let j = i;
        if (fast && nextQuote > i) {
          j = nextQuote;
          prevCR = false;
        }
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === QUOTE) break;
          if (d === CR) {
            line++;
            prevCR = true;
          } else {
            if (d === LF && !prevCR) line++;
            prevCR = false;
          }
          j++;
        }
        i = j;
        if (i >= n) break;
      }
      const c = s.charCodeAt(i);
      const lineHere = line;
      if (c === CR) line++;
      else if (c === LF && !prevCR) line++;
      const wasCR = prevCR;
      prevCR = c === CR;

      if (state === S.SkipLine) {
        if (c === CR || c === LF) {
          state = S.FieldStart;
          skipLF = c === CR;
        }
        continue;
      }
      if (skipLF) {
        skipLF = false;
        if (c === LF && wasCR) continue;
      }
      if (!open) {
        open = true;
        recordLine = lineHere;
        recStart = i;
      }
      if ((c === CR || c === LF) && state !== S.Quoted && raw.length + (i - recStart) > maxRecord) {
        // The record ends here but is too long: same outcome as when it is caught open at a
        // chunk end, so chunking never changes the result.
        s = recover('record-too-long', raw + s.slice(recStart, i)) + s.slice(i);
        n = s.length;
        nextDelim = -1;
        nextQuote = -1;
        nextCR = -1;
        nextLF = -1;
        i = -1;
        recStart = 0;
        run = -1;
        continue;
      }
      switch (state) {
        case S.FieldStart:
          if (c === QUOTE) {
            state = S.Quoted;
            run = i + 1;
          } else if (c === delimiter) {
            fields.push('');
          } else if (c === CR || c === LF) {
            fields.push('');
            endRecord(lineHere);
            skipLF = c === CR;
          } else {
            state = S.Unquoted;
            run = i;
          }
          break;
        case S.Unquoted:
          if (c === delimiter) {
            field += s.slice(run, i);
            run = -1;
            pushField();
            state = S.FieldStart;
          } else if (c === CR || c === LF) {
            field += s.slice(run, i);
            run = -1;
            pushField();
            endRecord(lineHere);
            skipLF = c === CR;
          } else if (c === QUOTE) {
            strayInField = true;
          }
          break;
        case S.Quoted:
          if (c === QUOTE) {
            field += s.slice(run, i);
            run = -1;
            state = S.QuoteSeen;
          }
          break;
        case S.QuoteSeen:
          if (c === QUOTE) {
            field += '"';
            state = S.Quoted;
            run = i + 1;
          } else if (c === delimiter) {
            pushField();
            state = S.FieldStart;
          } else if (c === CR || c === LF) {
            pushField();
            endRecord(lineHere);
            skipLF = c === CR;
          } else {
            if (!issues.includes('text-after-quote')) issues.push('text-after-quote');
            state = S.Unquoted;
            run = i;
          }
          break;
      }
    }
    if (run >= 0) field += s.slice(run);
    if (open) raw += s.slice(recStart);
  }

  /**
   * Report a too-long or unterminated record's first line as unusable; return the text to read
   * next (the record's text after its first line), so an unmatched quote costs one line, not
   * the rest of the file. A record without a line break yet: skip to the end of its line.
   */
  function recover(code: 'unterminated-quote' | 'record-too-long', text: string): string {
    const first = recordLine;
    resetRecord();
    raw = '';
    out.push({ line: first, endLine: first, fields: [], ok: false, issues: [code] });
    let k = 0;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      if (c === CR || c === LF) break;
      k++;
    }
    prevCR = false;
    skipLF = false;
    if (k >= text.length) {
      line = first;
      state = S.SkipLine;
      return '';
    }
    line = first + 1;
    let rest = k + 1;
    if (text.charCodeAt(k) === CR && text.charCodeAt(rest) === LF) rest++;
    else if (text.charCodeAt(k) === CR && rest >= text.length) {
      // `\r` at the very end of the text: a following `\n` belongs to it.
      skipLF = true;
      prevCR = true;
    }
    return text.slice(rest);
  }

  return {
    push(chunk: string): CsvRecord[] {
      out = [];
      if (typeof chunk !== 'string' || chunk.length === 0) return out;
      feed(chunk);
      while (open && raw.length > maxRecord) feed(recover('record-too-long', raw));
      return out;
    },
    end(): CsvRecord[] {
      out = [];
      // Each round either closes the record or drops its first line, so this ends.
      while (open) {
        if (state === S.Quoted) {
          feed(recover('unterminated-quote', raw));
          continue;
        }
        if (state === S.Unquoted || state === S.QuoteSeen || state === S.FieldStart) {
          pushField();
          endRecord(line);
        }
      }
      return out;
    },
  };
}

/**
 * Parse a whole CSV text. Never throws.
 * @example
 * parseCsv('a,"b ""q"""\r\n1,2\r\n').map((r) => r.fields); // [['a', 'b "q"'], ['1', '2']]
 * parseCsv('\uFEFFx\n"oops\ny\n').map((r) => [r.line, r.ok]); // [[1, true], [2, false], [3, true]]
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvRecord[] {
  const p = createCsvParser(options);
  const a = p.push(typeof text === 'string' ? text : '');
  const b = p.end();
  return b.length === 0 ? a : a.concat(b);
}
