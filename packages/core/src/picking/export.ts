/**
 * Picking lists and packing slips as tables, CSV and XLSX, through core's writers (formula
 * injection guarded in CSV; inline strings in XLSX).
 * @module
 */
import { writeCsv } from '../files/csv-write.js';
import { writeXlsx } from '../files/xlsx-write.js';
import type { PackingSlip } from './packing-slip.js';
import type { PickingList } from './picking-list.js';

/** Header of the picking-list table. */
export const PICKING_HEADERS = ['商家编码', '商品名称', '规格', '数量', '订单数'] as const;
/** Header of the packing-slip table. */
export const PACKING_HEADERS = [
  '订单号',
  '商家编码',
  '商品名称',
  '规格',
  '数量',
  '备注',
  '收件人',
  '电话',
  '地址',
] as const;

/**
 * The picking list as rows: the header, one row per line, then a total row (`合计`, total
 * quantity, order count).
 * @example
 * pickingTable({ lines: [{ sku: 'A', name: '杯', spec: '', quantity: 2, orders: 1 }], orderCount: 1, totalQuantity: 2, problems: [] });
 * // [['商家编码','商品名称','规格','数量','订单数'], ['A','杯','','2','1'], ['合计','','','2','1']]
 */
export function pickingTable(list: PickingList): readonly (readonly string[])[] {
  return [
    [...PICKING_HEADERS],
    ...list.lines.map((l) => [l.sku, l.name, l.spec, String(l.quantity), String(l.orders)]),
    ['合计', '', '', String(list.totalQuantity), String(list.orderCount)],
  ];
}

/**
 * Packing slips as rows: the header, then one row per item (the order's remark and receiver on
 * its first item's row only).
 * @example
 * packingTable([{ orderId: '1', items: [{ sku: '', name: '杯', spec: '', quantity: 1 }], remark: '', receiver: { name: '张*', phone: '', address: '' } }])[1];
 * // ['1', '', '杯', '', '1', '', '张*', '', '']
 */
export function packingTable(slips: readonly PackingSlip[]): readonly (readonly string[])[] {
  const rows: string[][] = [[...PACKING_HEADERS]];
  for (const s of slips) {
    const items = s.items.length > 0 ? s.items : [{ sku: '', name: '', spec: '', quantity: 0 }];
    items.forEach((it, i) => {
      const head = i === 0;
      rows.push([
        s.orderId,
        it.sku,
        it.name,
        it.spec,
        String(it.quantity),
        head ? s.remark : '',
        head ? s.receiver.name : '',
        head ? s.receiver.phone : '',
        head ? s.receiver.address : '',
      ]);
    });
  }
  return rows;
}

/**
 * A table as a file in the chosen format: CSV (UTF-8 with BOM, CRLF, formula cells guarded) as
 * text, or XLSX as bytes.
 * @example
 * tableFile([['a']], 'csv', '备货单'); // { name: '备货单.csv', mime: 'text/csv;charset=utf-8', data: '\uFEFFa\r\n' }
 */
export function tableFile(
  rows: readonly (readonly string[])[],
  format: 'csv' | 'xlsx',
  baseName: string,
): { readonly name: string; readonly mime: string; readonly data: string | Uint8Array } {
  if (format === 'xlsx')
    return {
      name: `${baseName}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: writeXlsx(rows, { sheetName: baseName.slice(0, 31) }),
    };
  return { name: `${baseName}.csv`, mime: 'text/csv;charset=utf-8', data: writeCsv(rows) };
}
