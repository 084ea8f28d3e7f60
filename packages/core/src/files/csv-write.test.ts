import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse.js';
import { csvField, guardCell, startsFormula, writeCsv } from './csv-write.js';
import { HOSTILE_CELLS, hostileCellArb, runsAsFormula } from './formula.test-util.js';

const RUNS = 1000;

describe('writeCsv: known answers', { timeout: 120_000 }, () => {
  it('writes a BOM, CRLF after every row, and quotes only where needed', () => {
    expect(
      writeCsv([
        ['订单号', '备注'],
        ['3718000000000001', '保温杯, 500ml'],
        ['1', '5"屏\n第二行'],
      ]),
    ).toBe('\uFEFF订单号,备注\r\n3718000000000001,"保温杯, 500ml"\r\n1,"5""屏\n第二行"\r\n');
    expect(writeCsv([], { bom: false })).toBe('');
    expect(writeCsv([['a']], { eol: '\n', bom: false })).toBe('a\n');
  });

  it('guards cells that a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])
      expect(guardCell(c), c).toBe(`'${c}`);
    for (const c of ['', 'a=1', '1-2', "'=1", '保温杯', ' 保温杯', '\u200B保温杯', '#Zx3#'])
      expect(guardCell(c), c).toBe(c);
    expect(writeCsv([["=cmd|' /C calc'!A0", 'ok']], { bom: false })).toBe("'=cmd|' /C calc'!A0,ok\r\n");
    expect(writeCsv([['=1+1']], { bom: false, guard: false })).toBe('=1+1\r\n');
  });

  it('guards full-width, small, zero-width-prefixed, NUL, whitespace-prefixed and bidi-prefixed starts', () => {
    for (const c of HOSTILE_CELLS) {
      expect(startsFormula(c), JSON.stringify(c)).toBe(true);
      expect(guardCell(c), JSON.stringify(c)).toBe(`'${c}`);
    }
    const back = parseCsv(writeCsv([[...HOSTILE_CELLS]], { bom: false }))[0]?.fields ?? [];
    expect(back).toEqual(HOSTILE_CELLS.map((c) => `'${c}`));
  });

  it('is linear on a 100k-character cell (ignorable prefix, then a trigger)', () => {
    const long = '\u200B'.repeat(100_000) + '=1';
    expect(startsFormula(long)).toBe(true);
    expect(startsFormula(' '.repeat(100_000) + '保温杯')).toBe(false);
  });

  it('quotes a field that starts with a BOM so it survives a reader dropping the file BOM', () => {
    expect(csvField('\uFEFFa')).toBe('"\uFEFFa"');
    expect(parseCsv(writeCsv([['\uFEFFa']], { bom: false }))[0]?.fields).toEqual(['\uFEFFa']);
  });

  it('writes non-string cells as empty and never throws on junk rows', () => {
    const junk = [[1, null, 'a'], 'x', null] as unknown as string[][];
    expect(writeCsv(junk, { bom: false })).toBe(',,a\r\n\r\n\r\n');
  });
});

describe('writeCsv: properties', { timeout: 120_000 }, () => {
  it('with the guard on, every cell reads back as guardCell(cell), and no cell starts a formula', () => {
    const rows = fc.array(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 5 }),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const back = parseCsv(writeCsv(rs)).map((r) => r.fields);
        expect(back).toEqual(rs.map((r) => r.map(guardCell)));
        for (const r of back) for (const c of r) expect(runsAsFormula(c)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('no hostile cell (any invisible prefix, any trigger) reads back as a formula', () => {
    fc.assert(
      fc.property(fc.array(hostileCellArb, { minLength: 1, maxLength: 6 }), (cells) => {
        const back = parseCsv(writeCsv([cells], { bom: false }))[0]?.fields ?? [];
        expect(back).toEqual(cells.map((c) => `'${c}`));
        for (const c of back) expect(runsAsFormula(c)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('guardCell is idempotent on its own output and changes at most one leading character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const g = guardCell(s);
        expect(guardCell(g)).toBe(g);
        expect(g === s || g === `'${s}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
