import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse.js';
import { bulkShipHeaders, writeBulkShipFile } from './bulk-ship.js';
import { readXlsxRows } from './xlsx.js';
import { writeXlsx } from './xlsx-write.js';
import { HOSTILE_CELLS, hostileCellArb, runsAsFormula } from './formula.test-util.js';

const RUNS = 1000;

describe('writeBulkShipFile: known answers', { timeout: 120_000 }, () => {
  const rows = [
    { orderId: '6921000000000001', carrier: 'ZTO', trackingNumber: '78901234567890' },
    { orderId: '6921000000000002', carrier: '极兔速递', trackingNumber: 'JT0001234567890' },
    { orderId: '6921000000000003', carrier: 'sf', trackingNumber: 'SF1234567890123' },
  ];
  it('Douyin: 订单编号, 快递公司, 快递单号, Douyin carrier names, BOM + CRLF', () => {
    const f = writeBulkShipFile('douyin', rows);
    expect(f.csv).toBe(
      '\uFEFF订单编号,快递公司,快递单号\r\n' +
        '6921000000000001,中通快递,78901234567890\r\n' +
        '6921000000000002,极兔速递,JT0001234567890\r\n' +
        '6921000000000003,顺丰速运,SF1234567890123\r\n',
    );
    expect(f).toMatchObject({ written: 3, problems: [], fileName: 'douyin-bulk-ship.csv' });
  });
  it('WeChat: 订单号, 快递公司, 快递单号, WeChat carrier names', () => {
    expect(writeBulkShipFile('wechat', rows).csv.split('\r\n')).toEqual([
      '\uFEFF订单号,快递公司,快递单号',
      '6921000000000001,中通,78901234567890',
      '6921000000000002,极兔,JT0001234567890',
      '6921000000000003,顺丰,SF1234567890123',
      '',
    ]);
  });
  it('JD: 订单号, 物流公司, 运单号, JD carrier names, overridable', () => {
    const f = writeBulkShipFile('jd', rows, { carrierNames: { SF: '顺丰速运' } });
    expect(f.csv.split('\r\n')).toEqual([
      '\uFEFF订单号,物流公司,运单号',
      '6921000000000001,中通快递,78901234567890',
      '6921000000000002,极兔速递,JT0001234567890',
      '6921000000000003,顺丰速运,SF1234567890123',
      '',
    ]);
    expect(bulkShipHeaders.jd).toEqual(['订单号', '物流公司', '运单号']);
  });
  it('the same file as XLSX: long ids stay text', () => {
    const f = writeBulkShipFile('jd', rows);
    const x = readXlsxRows(writeXlsx(f.table));
    expect(x.ok && x.records.map((r) => r.fields)).toEqual([
      ['订单号', '物流公司', '运单号'],
      ['6921000000000001', '中通快递', '78901234567890'],
      ['6921000000000002', '极兔速递', 'JT0001234567890'],
      ['6921000000000003', '顺丰快递', 'SF1234567890123'],
    ]);
  });

  it('leaves out and reports bad rows; unwraps ="…" ids; never writes a formula', () => {
    const f = writeBulkShipFile('douyin', [
      { orderId: '="6921000000000001"', carrier: '中通', trackingNumber: '\t78901234567890' },
      { orderId: '=HYPERLINK("http://evil","x")', carrier: 'ZTO', trackingNumber: '78901234567890' },
      { orderId: '6921000000000002', carrier: '某某物流', trackingNumber: '78901234567890' },
      { orderId: '6921000000000003', carrier: 'ZTO', trackingNumber: '=1+1' },
      { orderId: '6921000000000004', carrier: 'ZTO', trackingNumber: '-2+3' },
      { orderId: '6921000000000001', carrier: 'ZTO', trackingNumber: '78901234567891' },
      null as unknown as { orderId: string; carrier: string; trackingNumber: string },
    ]);
    expect(f.csv).toBe('\uFEFF订单编号,快递公司,快递单号\r\n6921000000000001,中通快递,78901234567890\r\n');
    expect(f.problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'bad-order-id'],
      [2, 'unknown-carrier'],
      [3, 'bad-tracking-number'],
      [4, 'bad-tracking-number'],
      [5, 'duplicate-order'],
      [6, 'bad-order-id'],
    ]);
  });
});

describe('writeBulkShipFile: unknown platforms', { timeout: 120_000 }, () => {
  it('writes nothing and reports every row', () => {
    const row = { orderId: '1', carrier: 'ZTO', trackingNumber: '78901234567890' };
    for (const p of ['taobao', '__proto__', 'toString']) {
      const f = writeBulkShipFile(p as 'jd', [row, row]);
      expect(f).toMatchObject({ csv: '', written: 0 });
      expect(f.problems.map((x) => x.code)).toEqual(['unknown-platform', 'unknown-platform']);
    }
  });
});

describe('writeBulkShipFile: properties', { timeout: 120_000 }, () => {
  it('every row is written or reported; no cell starts a formula; the file parses back to what was written', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.stringMatching(/^[0-9]{12,19}$/u),
      fc.stringMatching(/^[=+\-@"',\r\n0-9A-Z]{1,12}$/u),
      hostileCellArb,
      hostileCellArb.map((h) => h + '6921000000000001'),
    );
    const carrier = fc.oneof(
      fc.constantFrom('ZTO', '中通', 'YTO', '韵达快递', 'jtsd', '顺丰', 'EMS', '德邦'),
      text,
    );
    fc.assert(
      fc.property(
        fc.constantFrom('douyin', 'wechat', 'jd'),
        fc.array(fc.record({ orderId: text, carrier, trackingNumber: text }), { maxLength: 10 }),
        (platform, rows) => {
          const f = writeBulkShipFile(platform, rows);
          expect(f.written + f.problems.length).toBe(rows.length);
          const back = parseCsv(f.csv).map((r) => r.fields);
          expect(back[0]).toEqual([...bulkShipHeaders[platform]]);
          expect(back).toHaveLength(f.written + 1);
          for (const r of back.slice(1)) {
            expect(r).toHaveLength(3);
            for (const c of r) expect(runsAsFormula(c)).toBe(false);
          }
          for (const r of f.table) for (const c of r) expect(runsAsFormula(c)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('hostile order ids, carriers and tracking numbers (full-width, zero-width-prefixed) never reach the file', () => {
    for (const platform of ['douyin', 'wechat', 'jd'] as const) {
      const rows = HOSTILE_CELLS.flatMap((h, i) => [
        { orderId: h, carrier: 'ZTO', trackingNumber: '78901234567890' },
        { orderId: `692100000000${1000 + i}`, carrier: h, trackingNumber: '78901234567890' },
        { orderId: `692100000001${1000 + i}`, carrier: 'ZTO', trackingNumber: h + '78901234567890' },
      ]);
      const f = writeBulkShipFile(platform, rows);
      expect(f.written).toBe(0);
      expect(f.problems).toHaveLength(rows.length);
      for (const r of parseCsv(f.csv).map((x) => x.fields))
        for (const c of r) expect(runsAsFormula(c)).toBe(false);
    }
  });
});
