import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv, type CsvRecord } from './csv-parse.js';
import { createReferenceCsvParser } from './csv-parse.reference.test-helper.js';
import { writeCsv } from './csv-write.js';

const RUNS = 1000;

/** Feed `text` cut at the given positions. */
function chunked(
  text: string,
  cuts: number[],
  maxRecordChars?: number,
  create: typeof createCsvParser = createCsvParser,
): CsvRecord[] {
  const p = create(maxRecordChars === undefined ? {} : { maxRecordChars });
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: CsvRecord[] = [];
  let last = 0;
  for (const c of points) {
    out.push(...p.push(text.slice(last, c)));
    last = c;
  }
  out.push(...p.push(text.slice(last)));
  out.push(...p.end());
  return out;
}

/** Number of physical lines of a text (a trailing line break opens no new line). */
function physicalLines(text: string): number {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (s === '') return 0;
  const breaks = s.match(/\r\n|\r|\n/gu)?.length ?? 0;
  return /(?:\r\n|\r|\n)$/u.test(s) ? breaks : breaks + 1;
}

/** Text built from the characters that matter to CSV, plus some others. */
const csvText = fc
  .array(fc.constantFrom('a', 'b', ',', '"', '\r', '\n', '\r\n', '=', '\t', ' ', '订', '😀', '\uFEFF'), {
    maxLength: 60,
  })
  .map((a) => a.join(''));

describe('parseCsv: known answers', { timeout: 120_000 }, () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const recs = parseCsv('订单号,商品\r\n"123","保温杯, 500ml"\r\n"a ""q""","x\r\ny"\r\n');
    expect(recs.map((r) => r.fields)).toEqual([
      ['订单号', '商品'],
      ['123', '保温杯, 500ml'],
      ['a "q"', 'x\r\ny'],
    ]);
    expect(recs.map((r) => [r.line, r.endLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
    expect(recs.every((r) => r.ok && r.issues.length === 0)).toBe(true);
  });

  it('drops a BOM at the start only, and accepts LF, CR and CRLF line ends', () => {
    expect(parseCsv('\uFEFFa,b\nc\rd\r\ne').map((r) => r.fields)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(parseCsv('a,\uFEFFb').map((r) => r.fields)).toEqual([['a', '\uFEFFb']]);
  });

  it('keeps empty fields, blank lines and a last line without a line end', () => {
    expect(parseCsv('a,,\n\n,b').map((r) => r.fields)).toEqual([['a', '', ''], [''], ['', 'b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('keeps Excel text guards ="…" as written, without flagging them', () => {
    const [r] = parseCsv('="3718000000000001",x\n');
    expect(r?.fields).toEqual(['="3718000000000001"', 'x']);
    expect(r?.issues).toEqual([]);
  });

  it('flags, but keeps, stray quotes and text after a closing quote', () => {
    const [a, b] = parseCsv('5"屏,x\n"ab"c,d\n');
    expect(a?.fields).toEqual(['5"屏', 'x']);
    expect(a?.issues).toEqual(['stray-quote']);
    expect(b?.fields).toEqual(['abc', 'd']);
    expect(b?.issues).toEqual(['text-after-quote']);
  });

  it('reports an unclosed quote on its line and goes on reading the lines below it', () => {
    const recs = parseCsv('h1,h2\n1,"oops\n2,b\n3,c\n');
    expect(recs.map((r) => [r.line, r.ok, r.fields])).toEqual([
      [1, true, ['h1', 'h2']],
      [2, false, []],
      [3, true, ['2', 'b']],
      [4, true, ['3', 'c']],
    ]);
    expect(recs[1]?.issues).toEqual(['unterminated-quote']);
  });

  it('bounds an open record: beyond maxRecordChars its first line is reported and reading resumes', () => {
    const text = `a\n"${'x'.repeat(50)}\nb,c\nd\n`;
    const recs = chunked(text, [5, 20, 40, 57], 30);
    expect(recs.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect(recs[1]?.issues).toEqual(['record-too-long']);
    expect(recs[2]?.fields).toEqual(['b', 'c']);
  });

  it('skips the rest of a too-long line that has no line break yet', () => {
    const recs = chunked(`a\n${'y'.repeat(100)}\nb\n`, [10, 40, 70], 30);
    expect(recs.map((r) => [r.line, r.ok, r.fields])).toEqual([
      [1, true, ['a']],
      [2, false, []],
      [3, true, ['b']],
    ]);
  });

  it('reads a 100,000-character cell and a 100,000-character line', () => {
    const cell = '订'.repeat(100_000);
    const [r] = parseCsv(`"${cell}",x\n`);
    expect(r?.fields[0]?.length).toBe(100_000);
    const line = Array.from({ length: 34_000 }, (_, i) => `c${i % 10}`).join(',');
    expect(line.length).toBeGreaterThanOrEqual(100_000);
    const recs = chunked(`${line}\n${line}`, [777, 65_536, 150_001]);
    expect(recs.map((x) => x.fields.length)).toEqual([34_000, 34_000]);
    const quoted = `"${'"",'.repeat(40_000)}"\n`;
    expect(parseCsv(quoted)[0]?.fields[0]).toBe('",'.repeat(40_000));
  });
});

describe('parseCsv: properties', { timeout: 120_000 }, () => {
  it('writeCsv → parseCsv gives the rows back, for arbitrary strings (quotes, commas, line breaks, emoji)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc
        .array(fc.constantFrom('"', ',', '\n', '\r', '\r\n', '😀', '订', 'a', ' ', '\uFEFF', '='), {
          maxLength: 10,
        })
        .map((a) => a.join('')),
    );
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.boolean(), fc.constantFrom('\r\n' as const, '\n' as const), (rs, bom, eol) => {
        // A row of one empty field is a blank line; it reads back as [''] too.
        const text = writeCsv(rs, { bom, eol, guard: false });
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rs);
      }),
      { numRuns: RUNS },
    );
  });

  it('chunk boundaries anywhere give the same records', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 4, max: 40 }),
        (t, cuts, max) => {
          expect(chunked(t, cuts)).toEqual(parseCsv(t));
          // With a small record limit too (recovery paths).
          expect(chunked(t, cuts, max)).toEqual(chunked(t, [], max));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives the records of the character-by-character tokenizer, for any text, chunking and limit', () => {
    // Line breaks, quotes and delimiters dense enough that searches run past chunk ends, records
    // recover from a limit mid-chunk, and quoted fields hold line breaks.
    const dense = fc
      .array(fc.constantFrom('a', ',', '"', '""', '\r', '\n', '\r\n', '="', '订', ' '), { maxLength: 80 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(csvText, dense),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (t, cuts, max) => {
          expect(chunked(t, cuts, max)).toEqual(chunked(t, cuts, max, createReferenceCsvParser));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('gives the records of the character-by-character tokenizer on export-like files, whole records many to a chunk (property)', () => {
    // Rows of real-looking cells (guards, quoted commas, quotes and line breaks, stray quotes,
    // text after a closing quote, blanks), any line ends, cut anywhere: whole records are read
    // by field, the rest by the state machine, and both must agree with the oracle.
    const cell = fc.constantFrom(
      '="6921000000000001"',
      '保温杯',
      '"茶叶, 明前龙井"',
      '"""限定"" 马克杯"',
      '"请发中通,谢谢\n周末不在家"',
      '"a\r\nb"',
      '"x\ry"',
      '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##',
      '5"屏',
      '"a"b',
      '',
      ' ',
      '"',
      '=""',
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(','));
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    const file = fc
      .tuple(fc.array(fc.tuple(row, eol), { maxLength: 30 }), fc.boolean())
      .map(([rows, bom]) => (bom ? '\uFEFF' : '') + rows.map(([r, e]) => r + e).join(''));
    fc.assert(
      fc.property(
        file,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        (t, cuts, max) => {
          expect(chunked(t, cuts, max)).toEqual(chunked(t, cuts, max, createReferenceCsvParser));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (t, cuts) => {
          expect(() => chunked(t, cuts)).not.toThrow();
          expect(() => chunked(t, cuts, 8)).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('accounts for every physical line exactly once, in order', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 4, max: 1000 }), (t, max) => {
        const recs = chunked(t, [], max);
        let next = 1;
        for (const r of recs) {
          expect(r.line).toBe(next);
          expect(r.endLine).toBeGreaterThanOrEqual(r.line);
          next = r.endLine + 1;
        }
        expect(next - 1).toBe(physicalLines(t));
      }),
      { numRuns: RUNS },
    );
  });

  it('reports rows with an unclosed quote at their own line number', () => {
    const goodCell = fc.stringMatching(/^[a-z0-9订]{0,5}$/u);
    const line = fc.oneof(
      fc
        .array(goodCell, { minLength: 1, maxLength: 4 })
        .map((cells) => ({ text: cells.join(','), bad: false })),
      goodCell.map((c) => ({ text: `${c},"${c}`, bad: true })),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        // An unclosed quote swallows the lines below it until EOF; then its line is reported
        // and the lines below are read again. Only the LAST bad line is reported for sure:
        // the one before may be closed by a later quote. Keep one bad line to test exactly.
        const firstBad = lines.findIndex((l) => l.bad);
        const ls = lines.map((l, i) => (l.bad && i !== firstBad ? { text: 'ok', bad: false } : l));
        const recs = parseCsv(ls.map((l) => l.text).join('\n') + '\n');
        const bad = recs.filter((r) => !r.ok).map((r) => r.line);
        expect(bad).toEqual(firstBad >= 0 ? [firstBad + 1] : []);
        expect(recs.filter((r) => r.ok).map((r) => r.line)).toEqual(
          ls.map((_, i) => i + 1).filter((n) => n !== firstBad + 1),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
