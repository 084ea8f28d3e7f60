import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '../types.js';
import { parseCsv } from './csv-parse.js';
import { exportJdOrders, formatExportTime, jdExportHeaders } from './jd-export.js';
import { parseOrderFile } from './read-orders.js';
import { HOSTILE_CELLS, hostileCellArb, runsAsFormula } from './formula.test-util.js';
import { readXlsxRows } from './xlsx.js';
import { writeXlsx } from './xlsx-write.js';

const RUNS = 1000;

const ORDERS: OrderView[] = [
  {
    platform: 'jd',
    shopId: 'jd-demo',
    orderId: '300000000001',
    status: 'awaiting_shipment',
    category: '家居用品',
    createdAt: Date.parse('2026-11-03T04:00:00Z'),
    items: [
      { name: '保温杯', sku: '100012', quantity: 2 },
      { name: '杯套, 蓝色', sku: '100013', quantity: 1 },
    ],
    remark: '放门口',
    receiver: {
      name: '王*',
      phone: '138****1234',
      address: '北京市朝阳区****',
      virtual: { main: '13240968483', ext: '9647' },
    },
  },
  {
    platform: 'jd',
    shopId: 'jd-demo',
    orderId: '300000000002',
    status: 'shipped',
    createdAt: Date.parse('2026-11-03T06:30:15Z'),
    items: [{ name: '杯', quantity: 1 }],
    receiver: { name: '赵*', phone: '139****0000', address: '上海市浦东新区****' },
    carrier: 'JD',
    trackingNumber: 'JDVA00000000001',
  },
];

describe('exportJdOrders: the three modes', { timeout: 120_000 }, () => {
  it('none: no receiver columns at all', () => {
    const e = exportJdOrders(ORDERS, 'none');
    expect(e.csv.split('\r\n')).toEqual([
      '\uFEFF订单号,商品ID,商品名称,订购数量,订单状态,下单时间,订单备注,商品类目,快递公司,运单号',
      '300000000001,100012,保温杯,2,等待出库,2026-11-03 12:00:00,放门口,家居用品,,',
      '300000000001,100013,"杯套, 蓝色",1,等待出库,2026-11-03 12:00:00,放门口,家居用品,,',
      '300000000002,,杯,1,等待确认收货,2026-11-03 14:30:15,,,京东快递,JDVA00000000001',
      '',
    ]);
    expect(e).toMatchObject({ mode: 'none', rows: 3, virtualCount: 0, withoutVirtual: [] });
  });
  it('masked: masked name, address and number', () => {
    expect(exportJdOrders(ORDERS, 'masked').csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF订单号,商品ID,商品名称,订购数量,客户姓名,客户地址,联系电话,订单状态,下单时间,订单备注,商品类目,快递公司,运单号',
      '300000000001,100012,保温杯,2,王*,北京市朝阳区****,138****1234,等待出库,2026-11-03 12:00:00,放门口,家居用品,,',
    ]);
  });
  it('virtual: the 11+4 number; orders without one are listed and left empty', () => {
    const e = exportJdOrders(ORDERS, 'virtual');
    expect(e.csv.split('\r\n').slice(1, 4)).toEqual([
      '300000000001,100012,保温杯,2,王*,北京市朝阳区****,13240968483-9647,等待出库,2026-11-03 12:00:00,放门口,家居用品,,',
      '300000000001,100013,"杯套, 蓝色",1,王*,北京市朝阳区****,13240968483-9647,等待出库,2026-11-03 12:00:00,放门口,家居用品,,',
      '300000000002,,杯,1,赵*,上海市浦东新区****,,等待确认收货,2026-11-03 14:30:15,,,京东快递,JDVA00000000001',
    ]);
    expect(e).toMatchObject({ virtualCount: 1, withoutVirtual: ['300000000002'] });
  });
  it('each mode reads back as a JD export with the same orders', () => {
    for (const mode of ['none', 'masked', 'virtual'] as const) {
      const back = parseOrderFile(exportJdOrders(ORDERS, mode).csv, { platform: 'jd', shopId: 'jd-demo' });
      expect(back.problems, mode).toEqual([]);
      expect(
        back.orders.map((o) => [o.order.orderId, o.order.items, o.order.status, o.order.createdAt]),
      ).toEqual(ORDERS.map((o) => [o.orderId, o.items, o.status, o.createdAt]));
    }
    expect(jdExportHeaders('masked')).toHaveLength(13);
    expect(formatExportTime(Number.NaN)).toBe('');
  });
});

describe('exportJdOrders: junk input', { timeout: 120_000 }, () => {
  it('never throws on values that are not order views', () => {
    const junk = [
      null,
      {},
      { orderId: '1', items: null, receiver: null },
      {
        orderId: '2',
        items: [null, { name: 5, quantity: -1 }],
        receiver: { virtual: {} },
        status: 'x',
        createdAt: 'x',
      },
    ] as unknown as OrderView[];
    for (const mode of ['none', 'masked', 'virtual', 'bogus'] as const) {
      const e = exportJdOrders(junk, mode as 'none');
      expect(e.rows).toBe(2);
    }
    expect(exportJdOrders(null as unknown as OrderView[], 'none').rows).toBe(0);
  });
});

describe('exportJdOrders: invariant 1', { timeout: 120_000 }, () => {
  it('property: plaintext that slipped into an OrderView leaves masked, in every mode', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/u);
    const name = fc.tuple(fc.constantFrom('张', '欧阳', '李'), fc.stringMatching(/^[伟芳娜敏静丽强]{1,3}$/u));
    const detail = fc.integer({ min: 1, max: 9999 }).map((n) => `花城大道${n}号`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, mobile, detail), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'none' | 'masked' | 'virtual'>('none', 'masked', 'virtual'),
        (rows, mode) => {
          const orders: OrderView[] = rows.map(([[s, g], m, d], i) => ({
            platform: 'jd',
            shopId: 's',
            orderId: String(300000000000 + i),
            status: 'awaiting_shipment',
            createdAt: 0,
            items: [{ name: '杯', quantity: 1 }],
            remark: `电话${m}`,
            receiver: { name: s + g, phone: m, address: `广东省广州市天河区${d}` },
          }));
          const csv = exportJdOrders(orders, mode).csv;
          for (const [[s, g], m, d] of rows) {
            expect(csv).not.toContain(m);
            expect(csv).not.toContain(d);
            expect(csv).not.toContain(s + g);
          }
          expect(parseCsv(csv).length).toBe(rows.length + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('exportJdOrders: formula injection (issue 14)', { timeout: 120_000 }, () => {
  const hostileOrder = (h: string, i: number): OrderView => ({
    platform: 'jd',
    shopId: 'jd-demo',
    orderId: h,
    status: 'awaiting_shipment',
    category: h,
    createdAt: Date.parse('2026-11-03T04:00:00Z') + i,
    items: [{ name: h, sku: h, quantity: 1 }],
    remark: h,
    receiver: { name: h, phone: h, address: h, virtual: { main: '13240968483', ext: '9647' } },
    carrier: h,
    trackingNumber: h,
  });

  it('every cell of every mode that starts a formula (any form) is guarded in the CSV', () => {
    const orders = HOSTILE_CELLS.map(hostileOrder);
    for (const mode of ['none', 'masked', 'virtual'] as const) {
      const e = exportJdOrders(orders, mode);
      const rows = parseCsv(e.csv).map((r) => r.fields);
      expect(rows).toHaveLength(orders.length + 1);
      for (const r of rows) for (const c of r) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false);
      // The remark column is written (masked) and guarded, not dropped.
      const remarkAt = jdExportHeaders(mode).indexOf('订单备注');
      expect(rows[1]?.[remarkAt]).toBe(`'${HOSTILE_CELLS[0]}`);
    }
  });

  it('property: hostile text in any order field never reads back as a formula, in CSV or XLSX', () => {
    fc.assert(
      fc.property(
        fc.array(hostileCellArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'none' | 'masked' | 'virtual'>('none', 'masked', 'virtual'),
        (hs, mode) => {
          const e = exportJdOrders(hs.map(hostileOrder), mode);
          for (const r of parseCsv(e.csv).map((x) => x.fields))
            for (const c of r) expect(runsAsFormula(c)).toBe(false);
          // XLSX: cells are inline strings, never formulas; they read back exactly as the table.
          const bytes = writeXlsx(e.table);
          const sheet = unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array();
          expect(new TextDecoder().decode(sheet)).not.toMatch(/<f[\s>]/u);
          const x = readXlsxRows(bytes);
          expect(x.ok && x.records.slice(1).map((r) => r.fields[2])).toEqual(hs);
        },
      ),
      { numRuns: 100 },
    );
  });
});
