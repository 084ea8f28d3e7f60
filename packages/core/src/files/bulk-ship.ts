/**
 * Bulk-ship import files (批量发货): the file a merchant uploads to mark many orders shipped
 * with their tracking numbers. One row per order, columns per platform:
 * - Douyin 抖店: 订单编号, 快递公司, 快递单号
 * - WeChat Channels shop 视频号小店: 订单号, 快递公司, 快递单号
 * - JD 京东: 订单号, 物流公司, 运单号
 * Written as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-injection guard. Carrier codes
 * are written as the platform's own carrier names (`shipCarrierNames`). The file carries no
 * receiver data at all.
 * @module
 */
import type { PlatformId } from '../types.js';
import { readCarrier, shipCarrierNames, type ShipCarrierCode } from './carrier-names.js';
import { cleanCell } from './cells.js';
import { writeCsv } from './csv-write.js';

/**
 * One shipped order: order id, carrier (code or any known name) and tracking number.
 * @example
 * const row: BulkShipRow = { orderId: '6921000000000001', carrier: '中通', trackingNumber: '78901234567890' };
 */
export interface BulkShipRow {
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** Why a row was left out of a bulk-ship file. */
export type BulkShipProblemCode =
  'bad-order-id' | 'unknown-carrier' | 'bad-tracking-number' | 'duplicate-order' | 'unknown-platform';

/** A row left out, by its index in the input. */
export interface BulkShipProblem {
  readonly index: number;
  readonly orderId: string;
  readonly code: BulkShipProblemCode;
  readonly message: string;
}

/** Result of `writeBulkShipFile`. */
export interface BulkShipFile {
  /** The CSV text (encode with `TextEncoder` for the file). */
  readonly csv: string;
  /** The same cells, header first, for `writeXlsx(table)` when the platform wants XLSX. */
  readonly table: readonly (readonly string[])[];
  /** Suggested file name. */
  readonly fileName: string;
  /** Rows written. */
  readonly written: number;
  /** Rows left out, with why. */
  readonly problems: readonly BulkShipProblem[];
}

/** Options of `writeBulkShipFile`. */
export interface BulkShipOptions {
  /** Override carrier names for this platform (when its list differs from the defaults). */
  readonly carrierNames?: Readonly<Partial<Record<ShipCarrierCode, string>>>;
}

/**
 * Header row of each platform's bulk-ship file.
 * @example
 * bulkShipHeaders.jd; // ['订单号', '物流公司', '运单号']
 */
export const bulkShipHeaders: Readonly<Record<PlatformId, readonly [string, string, string]>> = {
  douyin: ['订单编号', '快递公司', '快递单号'],
  wechat: ['订单号', '快递公司', '快递单号'],
  jd: ['订单号', '物流公司', '运单号'],
};

const ORDER_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/u;
/** Tracking numbers: letters and digits (SF `SF1234…`, JD `JDVA…`, J&T `JT…`), 6–40 long. */
const TRACKING = /^[0-9A-Za-z][0-9A-Za-z-]{5,39}$/u;

/**
 * Write a platform's bulk-ship import file. Rows with an invalid order id, an unknown carrier,
 * an invalid tracking number or an order id already written are left out and reported. Never
 * throws.
 * @example
 * const f = writeBulkShipFile('douyin', [{ orderId: '6921000000000001', carrier: 'ZTO', trackingNumber: '78901234567890' }]);
 * f.csv; // '\uFEFF订单编号,快递公司,快递单号\r\n6921000000000001,中通快递,78901234567890\r\n'
 */
export function writeBulkShipFile(
  platform: PlatformId,
  rows: readonly BulkShipRow[],
  options: BulkShipOptions = {},
): BulkShipFile {
  const list = Array.isArray(rows) ? (rows as readonly BulkShipRow[]) : [];
  if (!Object.hasOwn(bulkShipHeaders, platform)) {
    return {
      csv: '',
      table: [],
      fileName: 'bulk-ship.csv',
      written: 0,
      problems: list.map((_, index) => ({
        index,
        orderId: '',
        code: 'unknown-platform' as const,
        message: 'no bulk-ship format is known for this platform',
      })),
    };
  }
  const headers = bulkShipHeaders[platform];
  const names: Partial<Record<ShipCarrierCode, string>> = { ...shipCarrierNames[platform] };
  for (const [code, name] of Object.entries(options.carrierNames ?? {}))
    if (Object.hasOwn(shipCarrierNames.douyin, code) && typeof name === 'string')
      names[code as ShipCarrierCode] = name;
  const out: string[][] = [[...headers]];
  const problems: BulkShipProblem[] = [];
  const seen = new Set<string>();
  list.forEach((row: BulkShipRow, index) => {
    const orderId = cleanCell(typeof row?.orderId === 'string' ? row.orderId : '');
    const fail = (code: BulkShipProblemCode, message: string): void => {
      problems.push({ index, orderId, code, message });
    };
    if (!ORDER_ID.test(orderId)) return fail('bad-order-id', 'the order id is not a platform order number');
    if (seen.has(orderId)) return fail('duplicate-order', 'this order is already in the file');
    const code = readCarrier(typeof row.carrier === 'string' ? row.carrier : '');
    const name = code === undefined ? undefined : names[code];
    if (name === undefined || name === '')
      return fail('unknown-carrier', `the carrier is not one ${platform} accepts in a bulk-ship file`);
    const tracking = cleanCell(typeof row.trackingNumber === 'string' ? row.trackingNumber : '');
    if (!TRACKING.test(tracking))
      return fail('bad-tracking-number', 'the tracking number is not 6–40 letters/digits');
    seen.add(orderId);
    out.push([orderId, name, tracking]);
  });
  return {
    csv: writeCsv(out),
    table: out,
    fileName: `${platform}-bulk-ship.csv`,
    written: out.length - 1,
    problems,
  };
}
