import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createOrderFileReader, parseOrderFile } from './read-orders.js';
import { isZip, readXlsxRows } from './xlsx.js';

const RUNS = 1000;

const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId3"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/orders.xml"/></Relationships>';

/** Shared strings: header names, a rich-text run pair, a phonetic run that must be skipped. */
const HEADER = [
  '订单号',
  '商品名称',
  '商品数量',
  '收件人姓名',
  '收件人手机号',
  '虚拟号分机号',
  '下单时间',
  '订单状态',
  '买家备注',
];
const SHARED = [...HEADER, '张*', '待发货', '13240968483-9647'];
const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${SHARED.length + 1}">${SHARED.map(
  (s) => `<si><t>${s}</t></si>`,
).join(
  '',
)}<si><r><rPr><b/></rPr><t xml:space="preserve">保温杯 </t></r><r><t>&lt;限定&gt;</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></si></sst>`;
const RICH = SHARED.length;

function cell(ref: string, v: string, t?: string): string {
  return t === 'inlineStr'
    ? `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`
    : `<c r="${ref}"${t ? ` t="${t}"` : ''}><v>${v}</v></c>`;
}

const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${HEADER.map((_, i) => cell(`${String.fromCharCode(65 + i)}1`, String(i), 's')).join('')}</row>
<row r="2">${cell('A2', '3718000000000001', 'str')}${cell('B2', String(RICH), 's')}${cell('C2', '2')}${cell('D2', '9', 's')}${cell('E2', '11', 's')}${cell('F2', '9647', 'inlineStr')}${cell('G2', '46000.5')}${cell('H2', '10', 's')}${cell('I2', '第一行_x000D_&#10;第二行', 'str')}</row>
<row r="3"/>
<row r="5">${cell('A5', '3718000000000002', 'inlineStr')}${cell('B5', '杯套', 'inlineStr')}${cell('G5', '2026-11-03 12:00:00', 'inlineStr')}${cell('H5', '10', 's')}${cell('C5', '1')}</row>
<row r="6">${cell('A6', '3718000000000003')}${cell('B6', '杯', 'inlineStr')}${cell('C6', '1')}${cell('G6', '46000')}${cell('H6', '10', 's')}</row>
</sheetData></worksheet>`;

function xlsx(files: Record<string, string> = {}, level?: 0): Uint8Array {
  const base: Record<string, string> = {
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': RELS,
    'xl/sharedStrings.xml': SST,
    'xl/worksheets/orders.xml': SHEET,
    'xl/worksheets/sheet2.xml':
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>',
    ...files,
  };
  // Level 0 (stored) keeps the 1,000-run properties fast; deflated parts are covered by the
  // other tests' default level.
  return zipSync(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, strToU8(v)])), {
    level: level ?? 6,
  });
}

describe('readXlsxRows', { timeout: 120_000 }, () => {
  it('reads the first sheet (through the workbook relationships), shared, rich, inline and number cells', () => {
    const r = readXlsxRows(xlsx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet).toBe('xl/worksheets/orders.xml');
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3, 5, 6]);
    expect(r.records[0]?.fields).toEqual(HEADER);
    expect(r.records[1]?.fields).toEqual([
      '3718000000000001',
      '保温杯 <限定>',
      '2',
      '张*',
      '13240968483-9647',
      '9647',
      '46000.5',
      '待发货',
      '第一行\r\n第二行',
    ]);
    expect(r.records[2]?.fields).toEqual(Array(9).fill(''));
    // Sparse cells land in their columns; rows are padded to the sheet width.
    expect(r.records[3]?.fields).toEqual([
      '3718000000000002',
      '杯套',
      '1',
      '',
      '',
      '',
      '2026-11-03 12:00:00',
      '待发货',
      '',
    ]);
    // A 16-digit id stored as a number may have been rounded by Excel: flagged.
    expect(r.records[4]?.issues).toEqual(['number-precision']);
  });

  it('turns a workbook into orders with row numbers as lines', () => {
    const r = parseOrderFile(xlsx());
    expect(r.format).toBe('xlsx');
    expect(r.platform).toBe('wechat');
    expect(r.orders.map((o) => [o.order.orderId, o.rows[0]?.line, o.order.createdAt])).toEqual([
      ['3718000000000001', 2, Date.parse('2025-12-09T04:00:00Z')],
      ['3718000000000002', 5, Date.parse('2026-11-03T04:00:00Z')],
      ['3718000000000003', 6, Date.parse('2025-12-08T16:00:00Z')],
    ]);
    expect(r.orders[0]?.order.receiver).toEqual({
      name: '张*',
      virtual: { main: '13240968483', ext: '9647' },
    });
    expect(r.orders[0]?.order.items).toEqual([{ name: '保温杯 <限定>', quantity: 2 }]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'blank-line'],
      [6, 'number-precision'],
    ]);
  });

  it('a workbook pushed in chunks is buffered and read at the end, with the same result', () => {
    const bytes = xlsx();
    const reader = createOrderFileReader();
    const early = [
      reader.push(bytes.subarray(0, 3)),
      reader.push(bytes.subarray(3, 500)),
      reader.push(bytes.subarray(500)),
    ];
    expect(early.every((b) => b.orders.length === 0 && b.problems.length === 0)).toBe(true);
    const last = reader.end();
    const whole = parseOrderFile(bytes);
    expect(last).toEqual({ orders: whole.orders, problems: whole.problems });
    expect(reader.summary()).toMatchObject({
      format: 'xlsx',
      platform: 'wechat',
      orderCount: 3,
      encoding: undefined,
    });
  });

  it('falls back to sheet1 without a workbook, and reports damaged or non-ZIP input', () => {
    const plain = zipSync({
      'xl/worksheets/sheet1.xml': strToU8(SHEET),
      'xl/sharedStrings.xml': strToU8(SST),
    });
    const r = readXlsxRows(plain);
    expect(r.ok && r.records[0]?.fields).toEqual(HEADER);
    expect(readXlsxRows(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
    const broken = xlsx().slice(0, 200);
    expect(readXlsxRows(broken)).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
    expect(readXlsxRows(zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({
      ok: false,
      error: { code: 'not-xlsx' },
    });
    expect(parseOrderFile(broken).problems.map((p) => [p.line, p.code])).toEqual([[0, 'not-xlsx']]);
  });

  it('refuses parts larger than the limit (zip bombs)', () => {
    expect(readXlsxRows(xlsx(), { maxPartBytes: 100 })).toMatchObject({
      ok: false,
      error: { code: 'xlsx-too-large' },
    });
  });

  it('reads a 100,000-character cell', () => {
    const long = '杯'.repeat(100_000);
    const sheet = `<worksheet><sheetData><row r="1">${cell('A1', long, 'inlineStr')}</row></sheetData></worksheet>`;
    const r = readXlsxRows(xlsx({ 'xl/worksheets/orders.xml': sheet }));
    expect(r.ok && r.records[0]?.fields[0]?.length).toBe(100_000);
  });

  it('never throws on arbitrary bytes, with or without a ZIP signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (b, sig) => {
        const bytes = sig ? new Uint8Array([0x50, 0x4b, 3, 4, ...b]) : b;
        expect(isZip(bytes)).toBe(sig || (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4));
        expect(() => readXlsxRows(bytes)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary sheet XML', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<row',
            '<row r="2">',
            '</row>',
            '<c r="B1" t="s">',
            '<c',
            '</c>',
            '<v>',
            '</v>',
            '<is><t>',
            '</t>',
            '&#99999999;',
            '&lt;',
            '_x00',
            '/>',
            '>',
            '1',
            'x',
          ),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          const sheet = `<worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`;
          expect(() => readXlsxRows(xlsx({ 'xl/worksheets/orders.xml': sheet }, 0))).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });
});
