/**
 * `shippable(order)`: whether an order may get a waybill label now. Only orders waiting for
 * shipment (待发货, including those already printed but not shipped) become labels: a closed,
 * after-sale, shipped or completed order would use a waybill number the back-office then refuses.
 * Orders in a platform's exempt categories (虚拟商品, 教育培训, 旅游休闲, 生活服务 …) are services:
 * nothing is shipped, whatever their status.
 * @module
 */
import { isExemptCategory } from '../platform/exempt.js';
import type { OrderStatus, OrderView } from '../types.js';

/** Statuses in which a parcel is still to be sent (待发货; 已打单 is still 待发货 on every platform). */
const SHIPPABLE: ReadonlySet<string> = new Set<OrderStatus>(['awaiting_shipment', 'printed']);

/**
 * Why an order gets no label: `no-shipment-needed` (a service in an exempt category: 无需发货) or
 * `not-awaiting-shipment` (its status, e.g. `shipped`, says it is not 待发货).
 * @example
 * const r = shippable(order);
 * if (!r.ok) list(order.orderId, r.code, r.status);
 */
export type ShippableResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'no-shipment-needed' | 'not-awaiting-shipment';
      /** The order's status as read (for the reason line); `unknown` if it was not a known status. */
      readonly status: OrderStatus | 'unknown';
      readonly message: string;
    };

const STATUSES: ReadonlySet<string> = new Set<OrderStatus>([
  'unpaid',
  'awaiting_shipment',
  'printed',
  'shipped',
  'received',
  'completed',
  'after_sale',
  'cancelled',
]);

/**
 * Whether `order` may get a label now (see the module comment). Exempt category first (a service
 * never ships), then the status. Never throws: a missing or unknown status is not shippable.
 * @example
 * shippable({ ...order, status: 'awaiting_shipment' }); // { ok: true }
 * shippable({ ...order, status: 'after_sale' }).ok; // false, code 'not-awaiting-shipment'
 * shippable({ ...order, platform: 'wechat', category: '生活服务' }).ok; // false, code 'no-shipment-needed'
 */
export function shippable(order: OrderView): ShippableResult {
  const raw = (order as { status?: unknown }).status;
  const status: OrderStatus | 'unknown' =
    typeof raw === 'string' && STATUSES.has(raw) ? (raw as OrderStatus) : 'unknown';
  const category = (order as { category?: unknown }).category;
  if (typeof category === 'string' && isExemptCategory(order.platform, category))
    return {
      ok: false,
      code: 'no-shipment-needed',
      status,
      message: `a service order (${category}): nothing to ship`,
    };
  if (SHIPPABLE.has(status)) return { ok: true };
  return {
    ok: false,
    code: 'not-awaiting-shipment',
    status,
    message: `status ${status}: not awaiting shipment`,
  };
}
