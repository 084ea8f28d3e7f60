/**
 * After printing (issue 18, item 1): an order that turns refunded, closed or address-changed once
 * its label exists must be intercepted (拦截) with the carrier before it reaches the buyer. The
 * notice stays until the merchant marks it handled.
 * @module
 */
import type { Instant } from '../types.js';
import { addressChange, type AddressBaseline } from './address-fingerprint.js';
import type { GateOrder } from './check.js';
import { flagsWithStatus } from './order-flags.js';

/** Why a printed order needs intercepting. */
export type InterceptReason = 'refund' | 'after-sale' | 'closed' | 'address-changed';

/** The notice text the panel shows. */
export const INTERCEPT_LABEL = '已打印，需拦截';

/**
 * What is recorded when an order's label is printed: no receiver text, only the tracking number,
 * the carrier code and the address fingerprints seen up to printing.
 * @example
 * const p: PrintedRecord = { orderId: '1', printedAt: 0, trackingNumber: 'JT0001234567', carrier: 'JTSD' };
 */
export interface PrintedRecord {
  readonly orderId: string;
  readonly printedAt: Instant;
  readonly trackingNumber?: string;
  readonly carrier?: string;
  readonly address?: AddressBaseline;
  /** Reasons the merchant already marked handled; a new reason raises the notice again. */
  readonly handled?: readonly InterceptReason[];
}

/**
 * The notice for one printed order.
 * @example
 * const n: InterceptNotice = { orderId: '1', reasons: ['refund'], label: '已打印，需拦截', printedAt: 0 };
 */
export interface InterceptNotice {
  readonly orderId: string;
  readonly reasons: readonly InterceptReason[];
  readonly label: typeof INTERCEPT_LABEL;
  readonly printedAt: Instant;
  readonly trackingNumber?: string;
  readonly carrier?: string;
}

/**
 * Whether a printed order now needs intercepting. Rule: refund (requested or done), an open
 * after-sales ticket, closed/cancelled, or an address fingerprint that differs from the one
 * recorded at printing raise `已打印，需拦截` with the tracking number and carrier; reasons in
 * `record.handled` are left out; no reason left → `undefined`. Records of another order → `undefined`.
 * @example
 * interceptNotice({ orderId: '1', printedAt: 0, trackingNumber: 'JT0001234567', carrier: 'JTSD' },
 *   { platform: 'wechat', orderId: '1', status: 'printed', createdAt: 0, flags: { refund: 'requested' } });
 * // { orderId: '1', reasons: ['refund'], label: '已打印，需拦截', trackingNumber: 'JT0001234567', carrier: 'JTSD', printedAt: 0 }
 */
export function interceptNotice(record: PrintedRecord, order: GateOrder): InterceptNotice | undefined {
  if (!record || !order || record.orderId !== order.orderId) return undefined;
  const f = flagsWithStatus(order.status, order.flags);
  const found: InterceptReason[] = [];
  if (f.refund !== undefined) found.push('refund');
  if (f.afterSale === true) found.push('after-sale');
  if (f.closed === true) found.push('closed');
  if (addressChange(record.address, order.address) === 'changed') found.push('address-changed');
  const handled = new Set(record.handled ?? []);
  const reasons = found.filter((r) => !handled.has(r));
  if (reasons.length === 0) return undefined;
  return {
    orderId: order.orderId,
    reasons,
    label: INTERCEPT_LABEL,
    printedAt: record.printedAt,
    ...(record.trackingNumber !== undefined ? { trackingNumber: record.trackingNumber } : {}),
    ...(record.carrier !== undefined ? { carrier: record.carrier } : {}),
  };
}

/**
 * Mark reasons handled on a printed record (the merchant intercepted the parcel or decided to let
 * it go). Rule: the union of the old and new reasons, each once, in a fixed order; idempotent.
 * @example
 * markHandled({ orderId: '1', printedAt: 0 }, ['refund']).handled; // ['refund']
 */
export function markHandled(record: PrintedRecord, reasons: readonly InterceptReason[]): PrintedRecord {
  const all = new Set([...(record.handled ?? []), ...reasons]);
  const order: readonly InterceptReason[] = ['refund', 'after-sale', 'closed', 'address-changed'];
  return { ...record, handled: order.filter((r) => all.has(r)) };
}
