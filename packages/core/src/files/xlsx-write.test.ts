import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readXlsxRows } from './xlsx.js';
import { writeXlsx } from './xlsx-write.js';
import { HOSTILE_CELLS } from './formula.test-util.js';

const RUNS = 1000;

function back(bytes: Uint8Array): string[][] {
  const r = readXlsxRows(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.records.map((x) => [...x.fields]);
}

/**
 * What a reader sees: empty cells are not stored, so trailing ones vanish and every row is
 * padded to the widest stored row.
 */
function padded(rows: readonly (readonly string[])[]): string[][] {
  const trimmed = rows.map((r) => {
    let n = r.length;
    while (n > 0 && r[n - 1] === '') n--;
    return r.slice(0, n);
  });
  const width = Math.max(0, ...trimmed.map((r) => r.length));
  return trimmed.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

describe('writeXlsx', { timeout: 120_000 }, () => {
  it('writes a workbook Excel opens: content types, relationships, one sheet of inline strings', () => {
    const bytes = writeXlsx(
      [
        ['订单号', '快递单号'],
        ['3718000000000001', '=1+1'],
      ],
      { sheetName: '发货[1]' },
    );
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t>3718000000000001</t></is></c>');
    // A text cell is never a formula: `=1+1` is kept as text, no guard needed.
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(new TextDecoder().decode(files['xl/workbook.xml'])).toContain(
      '<sheet name="发货1" sheetId="1" r:id="rId1"/>',
    );
    expect(back(bytes)).toEqual([
      ['订单号', '快递单号'],
      ['3718000000000001', '=1+1'],
    ]);
  });

  it('escapes XML specials, control characters, CR and literal _xHHHH_ text', () => {
    const cells = ['a<b>&"\'', 'x\r\ny\tz', '\u0001\u001f', '_x0041_', 'lone \ud800 half', '😀', ' lead', ''];
    const bytes = writeXlsx([cells]);
    expect(back(bytes)).toEqual(padded([cells]));
  });

  it('column names past Z', () => {
    const row = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const sheet = new TextDecoder().decode(unzipSync(writeXlsx([row]))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="AD1" t="inlineStr">');
    expect(back(writeXlsx([row]))).toEqual([row]);
  });

  it('never throws on junk', () => {
    expect(() => writeXlsx(null as unknown as string[][])).not.toThrow();
    expect(back(writeXlsx([[1, null, 'a'], 'x'] as unknown as string[][]))).toEqual([
      ['', '', 'a'],
      ['', '', ''],
    ]);
  });

  it('property: readXlsxRows(writeXlsx(rows)) gives the rows back, for arbitrary strings', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc
        .array(fc.constantFrom('<', '&', '_x0041_', '_x', '\r', '\n', '\u0000', '😀', '订', ' ', '"'), {
          maxLength: 6,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }), (rows) => {
        expect(back(writeXlsx(rows))).toEqual(padded(rows));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('writeXlsx: formula injection (issue 14)', { timeout: 120_000 }, () => {
  it('a formula-looking cell (any form) is an inline string, never a formula, and reads back exactly', () => {
    const rows = [['订单号', '备注'], ...HOSTILE_CELLS.map((h, i) => [String(3718000000000000 + i), h])];
    const bytes = writeXlsx(rows);
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toMatch(/<f[\s>]/u);
    expect(sheet.match(/<c /gu)?.length).toBe(sheet.match(/t="inlineStr"/gu)?.length);
    expect(back(bytes).map((r) => r[1])).toEqual(['备注', ...HOSTILE_CELLS]);
  });
});
