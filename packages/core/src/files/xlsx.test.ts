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

  it('refuses an archive without a workbook, and reports damaged or non-ZIP input', () => {
    const plain = zipSync({
      'xl/worksheets/sheet1.xml': strToU8(SHEET),
      'xl/sharedStrings.xml': strToU8(SST),
    });
    expect(readXlsxRows(plain)).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
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

/** Sheet XML with one header row and one order row (inline strings). */
function ordersSheet(orderId: string): string {
  const row = (r: number, cells: string[]): string =>
    `<row r="${r}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v, 'inlineStr')).join('')}</row>`;
  return `<worksheet><sheetData>${row(1, ['订单号', '商品名称', '商品数量', '下单时间', '订单状态'])}${row(2, [orderId, '保温杯', '1', '2026-11-03 12:00:00', '待发货'])}</sheetData></worksheet>`;
}

/** Set the declared uncompressed size of `name` in the central directory (a lying archive). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const want = strToU8(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const n = view.getUint16(p + 28, true);
    if (n === want.length && want.every((b, i) => out[p + 46 + i] === b)) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

/** Overwrite the first compressed byte of `name` with an invalid deflate block type. */
function corruptData(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const want = strToU8(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const n = view.getUint16(p + 28, true);
    if (n === want.length && want.every((b, i) => out[p + 46 + i] === b)) {
      const local = view.getUint32(p + 42, true);
      const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      out[data] = 0xff;
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('readXlsxRows: hostile workbooks (issue 14)', { timeout: 120_000 }, () => {
  const ROOT_RELS =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const book = (sheets: string, view = ''): string =>
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${view}<sheets>${sheets}</sheets></workbook>`;
  const rels = (targets: Record<string, string>): string =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(
      targets,
    )
      .map(
        ([id, t]) =>
          `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`,
      )
      .join('')}</Relationships>`;
  const zip = (files: Record<string, string>): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  const orderIds = (bytes: Uint8Array): string[] => parseOrderFile(bytes).orders.map((o) => o.order.orderId);

  it('never reads a worksheet the workbook does not name in place of a missing one', () => {
    // The workbook names sheet "订单" at a part the archive lacks; another worksheet is present.
    const bytes = zip({
      '_rels/.rels': ROOT_RELS,
      'xl/workbook.xml': book('<sheet name="订单" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/orders.xml' }),
      'xl/worksheets/sheet1.xml': ordersSheet('6921000000000666'),
    });
    const r = readXlsxRows(bytes);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
    expect(!r.ok && r.error.message).toContain('订单');
    expect(orderIds(bytes)).toEqual([]);
  });

  it('reads the active tab when visible, else the first visible sheet; never a hidden sheet', () => {
    const files = {
      '_rels/.rels': ROOT_RELS,
      'xl/_rels/workbook.xml.rels': rels({
        rId1: 'worksheets/hidden.xml',
        rId2: 'worksheets/shown.xml',
        rId3: 'worksheets/third.xml',
      }),
      'xl/worksheets/hidden.xml': ordersSheet('6921000000000666'),
      'xl/worksheets/shown.xml': ordersSheet('6921000000000001'),
      'xl/worksheets/third.xml': ordersSheet('6921000000000003'),
    };
    const sheets =
      '<sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/><sheet name="订单" sheetId="2" r:id="rId2"/><sheet name="其他" sheetId="3" r:id="rId3"/>';
    const first = zip({ ...files, 'xl/workbook.xml': book(sheets) });
    expect(readXlsxRows(first)).toMatchObject({
      ok: true,
      sheet: 'xl/worksheets/shown.xml',
      sheetName: '订单',
    });
    expect(orderIds(first)).toEqual(['6921000000000001']);
    const active = zip({
      ...files,
      'xl/workbook.xml': book(sheets, '<bookViews><workbookView activeTab="2"/></bookViews>'),
    });
    expect(orderIds(active)).toEqual(['6921000000000003']);
    const hiddenActive = zip({
      ...files,
      'xl/workbook.xml': book(sheets, '<bookViews><workbookView activeTab="0"/></bookViews>'),
    });
    expect(orderIds(hiddenActive)).toEqual(['6921000000000001']);
    const allHidden = zip({
      ...files,
      'xl/workbook.xml': book('<sheet name="隐藏" sheetId="1" state="veryHidden" r:id="rId1"/>'),
    });
    expect(readXlsxRows(allHidden)).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
  });

  it('follows the package relationships to a workbook that is not at xl/workbook.xml', () => {
    const bytes = zip({
      '_rels/.rels': ROOT_RELS.replace('xl/workbook.xml', '/book/main.xml'),
      'book/main.xml': book('<sheet name="订单" sheetId="1" r:id="rId7"/>'),
      'book/_rels/main.xml.rels': rels({ rId7: '../data/s.xml' }),
      'data/s.xml': ordersSheet('6921000000000002'),
      'xl/workbook.xml': book('<sheet name="诱饵" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': ordersSheet('6921000000000666'),
    });
    expect(readXlsxRows(bytes)).toMatchObject({ ok: true, sheet: 'data/s.xml' });
    expect(orderIds(bytes)).toEqual(['6921000000000002']);
  });

  it('refuses a relationship that points outside the package, and two entries with one name', () => {
    const outside = zip({
      'xl/workbook.xml': book('<sheet name="订单" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels({ rId1: '../../etc/sheet.xml' }),
      'xl/worksheets/sheet1.xml': ordersSheet('6921000000000666'),
    });
    expect(readXlsxRows(outside)).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
    // Same name twice (different case): which one a spreadsheet shows is not defined.
    const twice = zip({
      'xl/workbook.xml': book('<sheet name="订单" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': ordersSheet('6921000000000001'),
      'xl/worksheets/SHEET1.xml': ordersSheet('6921000000000666'),
    });
    expect(readXlsxRows(twice)).toMatchObject({ ok: false, error: { code: 'not-xlsx' } });
  });

  it('inflates only the parts it reads: a broken unnamed part does not matter', () => {
    const good = zip({
      'xl/workbook.xml': book('<sheet name="订单" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': ordersSheet('6921000000000001'),
      'xl/worksheets/sheet9.xml': ordersSheet('6921000000000666'),
    });
    // Corrupt sheet9's deflate stream: inflating it would fail; it is never inflated.
    const bytes = corruptData(good, 'xl/worksheets/sheet9.xml');
    expect(readXlsxRows(corruptData(good, 'xl/worksheets/sheet1.xml'))).toMatchObject({
      ok: false,
      error: { code: 'not-xlsx' },
    });
    expect(orderIds(bytes)).toEqual(['6921000000000001']);
  });

  it('caps the sum of the declared sizes of the parts read, before inflating', () => {
    const bytes = xlsx();
    const ok = readXlsxRows(bytes);
    expect(ok.ok).toBe(true);
    const sst = SST.length * 3; // UTF-8 upper bound: every part is under this
    expect(readXlsxRows(bytes, { maxPartBytes: sst + SHEET.length * 3 })).toMatchObject({ ok: true });
    // Each part is under the part limit; together they are over the total.
    expect(
      readXlsxRows(bytes, { maxPartBytes: SHEET.length * 3, maxTotalBytes: strToU8(SHEET).length + 10 }),
    ).toMatchObject({ ok: false, error: { code: 'xlsx-too-large' } });
    // A bomb that declares its true size (8 MiB) is refused by the declared size alone.
    const big = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(140_000);
    const bomb = zipSync({
      'xl/workbook.xml': strToU8(book('<sheet name="订单" sheetId="1" r:id="rId1"/>')),
      'xl/_rels/workbook.xml.rels': strToU8(rels({ rId1: 'worksheets/sheet1.xml' })),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${big}</sheetData></worksheet>`),
    });
    expect(bomb.length).toBeLessThan(200_000);
    expect(readXlsxRows(bomb, { maxTotalBytes: 4 << 20 })).toMatchObject({
      ok: false,
      error: { code: 'xlsx-too-large' },
    });
  });

  it('stops a part that inflates past the size it declares (a lying zip bomb)', () => {
    const big = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(140_000);
    const honest = zipSync({
      'xl/workbook.xml': strToU8(book('<sheet name="订单" sheetId="1" r:id="rId1"/>')),
      'xl/_rels/workbook.xml.rels': strToU8(rels({ rId1: 'worksheets/sheet1.xml' })),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${big}</sheetData></worksheet>`),
    });
    // It claims 1 KB but inflates to ~8 MB.
    const lying = declareSize(honest, 'xl/worksheets/sheet1.xml', 1024);
    const r = readXlsxRows(lying);
    expect(r).toMatchObject({ ok: false, error: { code: 'xlsx-too-large' } });
    expect(!r.ok && r.error.message).toContain('declares');
  });
});
