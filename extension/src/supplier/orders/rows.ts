/**
 * What the supplier entered per order (carrier, tracking number, cannot-ship and why), in page
 * memory only, and the results the return code is sealed from. Pure: the page's reducer
 * (`../batch-state.ts`) and the order table read and write rows through these functions.
 * @module
 */
import type { HandoffOrder, ReturnResult } from '@shipmask/core';
import { readTrackingText, WAYBILL } from '../tracking/tracking';

/** One order's entry on the page. */
export interface Row {
  readonly carrier: string;
  readonly waybill: string;
  readonly cannot: boolean;
  readonly reason: string;
}

/** Rows by order id (an order never touched has none). */
export type Rows = Readonly<Record<string, Row>>;

/** The entry of an order nobody touched. */
export const EMPTY_ROW: Row = { carrier: '', waybill: '', cannot: false, reason: '' };

/**
 * The row of an order, empty when untouched.
 * @example
 * rowOf({}, '6920…').waybill; // ''
 */
export function rowOf(rows: Rows, orderId: string): Row {
  return rows[orderId] ?? EMPTY_ROW;
}

/**
 * The carrier an order ships with. Rule: the supplier's choice on the row, else the merchant's
 * preference sealed in the batch, else the page's default carrier.
 * @example
 * carrierOf({}, [{ orderId: '1', items: [], receiver: {}, carrier: 'SF' }], '1', 'ZTO'); // 'SF'
 */
export function carrierOf(
  rows: Rows,
  orders: readonly HandoffOrder[],
  orderId: string,
  defaultCarrier: string,
): string {
  return rowOf(rows, orderId).carrier || orders.find((o) => o.orderId === orderId)?.carrier || defaultCarrier;
}

/**
 * Rows with one order's entry changed (the other fields of that entry kept).
 * @example
 * withRow({}, '1', { waybill: 'ZT7890123456' })['1']; // { carrier: '', waybill: 'ZT7890123456', cannot: false, reason: '' }
 */
export function withRow(rows: Rows, orderId: string, patch: Partial<Row>): Rows {
  return { ...rows, [orderId]: { ...rowOf(rows, orderId), ...patch } };
}

/**
 * A typed tracking number that is not a waybill number (shown red; empty is not "bad").
 * @example
 * waybillIsBad({ ...EMPTY_ROW, waybill: '12' }); // true
 */
export function waybillIsBad(row: Row): boolean {
  const w = row.waybill.trim();
  return w !== '' && !WAYBILL.test(w);
}

/** Rows after a paste or CSV import, and what was read. */
export interface TrackingApplied {
  readonly rows: Rows;
  readonly applied: number;
  readonly skipped: number;
}

/**
 * Fill tracking numbers from pasted lines or a print-software CSV (`../tracking/tracking.ts` reads them).
 * Rule: only orders of the batch get a number; bare numbers fill orders without one, in order;
 * a filled order is no longer marked cannot-ship; a carrier read with the number replaces the row's.
 * @example
 * withTracking({}, orders, '6920000000000000001 ZT78901234567890').applied; // 1
 */
export function withTracking(rows: Rows, orders: readonly HandoffOrder[], text: string): TrackingApplied {
  const filled = new Set(
    orders.filter((o) => rowOf(rows, o.orderId).waybill.trim() !== '').map((o) => o.orderId),
  );
  const read = readTrackingText(
    text,
    orders.map((o) => o.orderId),
    filled,
  );
  const next: Record<string, Row> = { ...rows };
  for (const e of read.entries) {
    next[e.orderId] = {
      ...(next[e.orderId] ?? EMPTY_ROW),
      waybill: e.waybill,
      cannot: false,
      ...(e.carrier ? { carrier: e.carrier } : {}),
    };
  }
  return { rows: next, applied: read.entries.length, skipped: read.skipped };
}

/**
 * The results a return code carries. Rule: one per order OF THE BATCH, in batch order (a row for
 * any other id is ignored): cannot-ship with its reason (`-` when blank), else shipped when the
 * trimmed tracking number is a waybill number; otherwise the order is left out (still open).
 * @example
 * resultsOf(orders, { '1': { ...EMPTY_ROW, waybill: 'ZT7890123456' } }, 'ZTO');
 * // [{ orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: 'ZT7890123456' }]
 */
export function resultsOf(
  orders: readonly HandoffOrder[],
  rows: Rows,
  defaultCarrier: string,
): ReturnResult[] {
  const out: ReturnResult[] = [];
  for (const o of orders) {
    const r = rowOf(rows, o.orderId);
    if (r.cannot) out.push({ orderId: o.orderId, status: 'cannot-ship', reason: r.reason.trim() || '-' });
    else if (WAYBILL.test(r.waybill.trim()))
      out.push({
        orderId: o.orderId,
        status: 'shipped',
        carrier: carrierOf(rows, orders, o.orderId, defaultCarrier),
        waybill: r.waybill.trim(),
      });
  }
  return out;
}
