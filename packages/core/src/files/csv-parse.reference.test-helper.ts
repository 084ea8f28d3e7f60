/**
 * The CSV tokenizer as it was before its scans used the engine's string search (a test oracle,
 * test-only: excluded from the build): one test per character, no positions kept between
 * steps. `createCsvParser` must give the same records for every input and chunking.
 * @module
 */
import type { CsvIssueCode, CsvParseOptions, CsvParser, CsvRecord } from './csv-parse.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;
const DEFAULT_MAX_RECORD = 4_194_304;

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
  SkipLine,
}

/**
 * The reference tokenizer (see the module comment).
 * @example
 * const p = createReferenceCsvParser();
 * p.push('a,"b\r\nc"\r\n'); // [{ line: 1, endLine: 2, fields: ['a', 'b\r\nc'], ok: true, issues: [] }]
 */
export function createReferenceCsvParser(options: CsvParseOptions = {}): CsvParser {
  const delimiter =
    typeof options.delimiter === 'string' && options.delimiter.length === 1
      ? options.delimiter.charCodeAt(0)
      : 44;
  const maxRecord =
    typeof options.maxRecordChars === 'number' && options.maxRecordChars >= 1
      ? options.maxRecordChars
      : DEFAULT_MAX_RECORD;

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
    for (; i < n; i++) {
      // Fast paths: a run of ordinary characters inside a field changes no state but the line
      // count (quoted line breaks) and `prevCR`.
      if (state === S.Unquoted) {
        let j = i;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === delimiter || d === QUOTE || d === CR || d === LF) break;
          j++;
        }
        if (j > i) {
          prevCR = false;
          i = j;
          if (i >= n) break;
        }
      } else if (state === S.Quoted) {
        let j = i;
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
