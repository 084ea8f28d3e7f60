/**
 * One parcel for a merge group: the bulk-ship rows that give every order of the group the same
 * tracking number, and the order that one label is laid out from.
 * @module
 */
import type { BulkShipRow } from '../files/bulk-ship.js';
import type { OrderItem, OrderView } from '../types.js';
import type { MergeGroup } from './merge-groups.js';

/**
 * Bulk-ship rows for a shipped group. Rule: one row per order id of the group, each with the
 * group's carrier and tracking number (platforms accept one tracking number on several orders).
 * @example
 * groupShipRows({ id: 'x', basis: 'shown', orderIds: ['1', '2'] }, 'ZTO', '78901234567890');
 * // [{ orderId: '1', carrier: 'ZTO', trackingNumber: '78901234567890' }, { orderId: '2', carrier: 'ZTO', trackingNumber: '78901234567890' }]
 */
export function groupShipRows(
  group: MergeGroup,
  carrier: string,
  trackingNumber: string,
): readonly BulkShipRow[] {
  return (group?.orderIds ?? []).map((orderId) => ({ orderId, carrier, trackingNumber }));
}

/** Most orders one merged label lists; a larger group is refused (split it). */
export const MAX_MERGED_ORDERS = 20;

/**
 * The order one label of a merge group is laid out from, or `undefined` when the orders are not
 * one group (fewer than two, more than `MAX_MERGED_ORDERS`, or another shop, platform or receiver
 * virtual number). Rule: the receiver of the first order by id (all share it), every order's items
 * in id order, and a remark listing all order ids (`合并N单:id1 id2 …`) before the masked remarks,
 * so the label's custom area carries every order id.
 * @example
 * const base = { platform: 'douyin' as const, shopId: 's', status: 'awaiting_shipment' as const, createdAt: 0, receiver: { name: '张*' } };
 * mergedLabelOrder([{ ...base, orderId: '2', items: [{ name: 'B', quantity: 1 }] }, { ...base, orderId: '1', items: [{ name: 'A', quantity: 2 }] }])?.remark;
 * // '合并2单:1 2'
 */
export function mergedLabelOrder(orders: readonly OrderView[]): OrderView | undefined {
  const list = (Array.isArray(orders) ? orders : []) as readonly OrderView[];
  if (list.length < 2 || list.length > MAX_MERGED_ORDERS) return undefined;
  const sorted = [...list].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  const first = sorted[0] as OrderView;
  const v = first.receiver?.virtual;
  for (const o of sorted) {
    if (o.platform !== first.platform || o.shopId !== first.shopId) return undefined;
    const ov = o.receiver?.virtual;
    if ((ov?.main ?? '') !== (v?.main ?? '')) return undefined;
  }
  const ids = sorted.map((o) => o.orderId);
  if (new Set(ids).size !== ids.length) return undefined;
  const items: OrderItem[] = sorted.flatMap((o) => o.items ?? []);
  const remarks = sorted.map((o) => o.remark ?? '').filter((r) => r !== '');
  return {
    ...first,
    items,
    remark: [`合并${ids.length}单:${ids.join(' ')}`, ...remarks].join(' '),
  };
}
