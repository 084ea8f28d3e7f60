/**
 * JD's three order-export modes (seed 003), written from `OrderView`s:
 * - `none`: no receiver information (the columns are left out);
 * - `masked`: receiver with masked name, address and number (free on JD);
 * - `virtual`: the virtual number ("11+4") in the phone column (on JD this needs a prepaid
 *   virtual-number service pack: `virtualCount` tells how many numbers the file uses).
 * Columns follow JD's export: 订单号, 商品ID, 商品名称, 订购数量, [客户姓名, 客户地址, 联系电话],
 * 订单状态, 下单时间, 订单备注, 商品类目, 快递公司, 运单号; one row per order item.
 * Every receiver value is passed through the masks again on the way out (idempotent), so a
 * plaintext value that slipped into an `OrderView` still leaves masked (invariant 1).
 * @module
 */
import { maskAddress, maskName, maskPhone, maskText } from '../mask/index.js';
import { CHINA_OFFSET_MS } from '../time/china-time.js';
import type { Instant, OrderItem, OrderView } from '../types.js';
import { formatVirtualNumber } from '../virtual/parse.js';
import { shipCarrierNames, type ShipCarrierCode } from './carrier-names.js';
import { writeCsv } from './csv-write.js';
import { orderStatusText } from './status.js';

/**
 * JD's export modes.
 * @example
 * const mode: JdExportMode = 'masked';
 */
export type JdExportMode = 'none' | 'masked' | 'virtual';

/** Result of `exportJdOrders`. */
export interface JdExport {
  readonly csv: string;
  /** The same cells, header first, for `writeXlsx(table)` (XLSX keeps long ids as text). */
  readonly table: readonly (readonly string[])[];
  readonly mode: JdExportMode;
  /** Rows written (one per item). */
  readonly rows: number;
  /** Orders whose virtual number went into the file (`virtual` mode). */
  readonly virtualCount: number;
  /** Orders without a virtual number in `virtual` mode (their phone cell is left empty). */
  readonly withoutVirtual: readonly string[];
}

/**
 * Header row of each JD export mode.
 * @example
 * jdExportHeaders('none').includes('联系电话'); // false
 */
export function jdExportHeaders(mode: JdExportMode): string[] {
  const receiver = mode === 'none' ? [] : ['客户姓名', '客户地址', '联系电话'];
  return [
    '订单号',
    '商品ID',
    '商品名称',
    '订购数量',
    ...receiver,
    '订单状态',
    '下单时间',
    '订单备注',
    '商品类目',
    '快递公司',
    '运单号',
  ];
}

/**
 * Format an instant as JD's back-office writes times: `YYYY-MM-DD HH:mm:ss`, China time.
 * @example
 * formatExportTime(Date.parse('2026-11-03T04:34:56Z')); // '2026-11-03 12:34:56'
 */
export function formatExportTime(instant: Instant): string {
  if (typeof instant !== 'number' || !Number.isFinite(instant)) return '';
  const d = new Date(instant + CHINA_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function carrierName(code: string | undefined): string {
  if (code === undefined) return '';
  const names: Readonly<Record<string, string>> = shipCarrierNames.jd;
  return Object.hasOwn(names, code) ? (names[code as ShipCarrierCode] ?? code) : code;
}

/**
 * Write JD orders in one of JD's three export modes. Never throws.
 * @example
 * const o = { platform: 'jd', shopId: 's', orderId: '300000000001', status: 'awaiting_shipment',
 *   createdAt: Date.parse('2026-11-03T04:00:00Z'), items: [{ name: '保温杯', sku: '100012', quantity: 1 }],
 *   receiver: { name: '张*', address: '北京市朝阳区****', virtual: { main: '13240968483', ext: '9647' } } } as const;
 * exportJdOrders([o], 'virtual').csv.split('\r\n')[1];
 * // '300000000001,100012,保温杯,1,张*,北京市朝阳区****,13240968483-9647,等待出库,2026-11-03 12:00:00,,,,'
 */
export function exportJdOrders(orders: readonly OrderView[], mode: JdExportMode): JdExport {
  const m: JdExportMode = mode === 'masked' || mode === 'virtual' ? mode : 'none';
  const out: string[][] = [jdExportHeaders(m)];
  let virtualCount = 0;
  const withoutVirtual: string[] = [];
  for (const o of Array.isArray(orders) ? (orders as readonly OrderView[]) : []) {
    if (!o || typeof o.orderId !== 'string') continue;
    const r: OrderView['receiver'] = o.receiver && typeof o.receiver === 'object' ? o.receiver : {};
    let receiver: string[] = [];
    if (m !== 'none') {
      const name = maskName(typeof r.name === 'string' ? r.name : '').value;
      const address = maskAddress(typeof r.address === 'string' ? r.address : '').value;
      let phone = '';
      if (m === 'virtual') {
        if (r.virtual && typeof r.virtual.main === 'string' && typeof r.virtual.ext === 'string') {
          phone = formatVirtualNumber(r.virtual);
          virtualCount++;
        } else withoutVirtual.push(o.orderId);
      } else {
        const p = maskPhone(typeof r.phone === 'string' ? r.phone : '');
        phone = p.form === 'virtual' ? '' : p.value;
      }
      receiver = [name, address, phone];
    }
    const remark = maskText(typeof o.remark === 'string' ? o.remark : '').value;
    const list = Array.isArray(o.items)
      ? (o.items as readonly OrderItem[]).filter((x) => x && typeof x === 'object')
      : [];
    const items = list.length > 0 ? list : [{ name: '', quantity: 0 }];
    for (const item of items) {
      out.push([
        o.orderId,
        typeof item.sku === 'string' ? item.sku : '',
        typeof item.name === 'string' ? item.name : '',
        Number.isInteger(item.quantity) && item.quantity > 0 ? String(item.quantity) : '',
        ...receiver,
        orderStatusText('jd', o.status),
        formatExportTime(o.createdAt),
        remark,
        typeof o.category === 'string' ? o.category : '',
        carrierName(typeof o.carrier === 'string' ? o.carrier : undefined),
        typeof o.trackingNumber === 'string' ? o.trackingNumber : '',
      ]);
    }
  }
  return { csv: writeCsv(out), table: out, mode: m, rows: out.length - 1, virtualCount, withoutVirtual };
}
