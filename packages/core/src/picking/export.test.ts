import { describe, expect, it } from 'vitest';
import { parseCsv } from '../files/csv-parse.js';
import { readXlsxRows } from '../files/xlsx.js';
import { packingTable, pickingTable, tableFile } from './export.js';
import { packingSlips } from './packing-slip.js';
import { pickingList } from './picking-list.js';

const orders = [
  {
    platform: 'jd' as const,
    shopId: 's',
    orderId: '1',
    status: 'awaiting_shipment' as const,
    createdAt: 0,
    items: [
      { name: '=杯', sku: 'A', quantity: 2 },
      { name: '盖', quantity: 1 },
    ],
    remark: '轻放',
    receiver: { name: '李*', phone: '138****5678', address: '北京市朝阳区****' },
  },
  {
    platform: 'jd' as const,
    shopId: 's',
    orderId: '2',
    status: 'awaiting_shipment' as const,
    createdAt: 0,
    items: [{ name: '=杯', sku: 'A', quantity: 1 }],
    receiver: {},
  },
];

describe('picking and packing exports', () => {
  it('picking table with a total row', () => {
    expect(pickingTable(pickingList(orders))).toEqual([
      ['商家编码', '商品名称', '规格', '数量', '订单数'],
      ['A', '=杯', '', '3', '2'],
      ['', '盖', '', '1', '1'],
      ['合计', '', '', '4', '2'],
    ]);
  });
  it('packing table: one row per item, receiver on the first', () => {
    const t = packingTable(packingSlips(orders));
    expect(t).toHaveLength(4);
    expect(t[1]).toEqual(['1', 'A', '=杯', '', '2', '轻放', '李*', '138****5678', '北京市朝阳区****']);
    expect(t[2]?.slice(5)).toEqual(['', '', '', '']);
  });
  it('CSV guards formula cells and round-trips; XLSX round-trips', () => {
    const rows = pickingTable(pickingList(orders));
    const csv = tableFile(rows, 'csv', '备货单');
    expect(csv.name).toBe('备货单.csv');
    expect(typeof csv.data === 'string' && csv.data.includes("'=杯")).toBe(true);
    const parsed = parseCsv(csv.data as string).map((r) => r.fields);
    expect(parsed[1]).toEqual(['A', "'=杯", '', '3', '2']);
    expect(parsed.slice(2)).toEqual(rows.slice(2));
    const x = tableFile(rows, 'xlsx', '备货单');
    const back = readXlsxRows(x.data as Uint8Array);
    expect(back.ok && back.records.map((r) => r.fields)).toEqual(rows);
  });
});
