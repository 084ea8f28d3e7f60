/**
 * Planning a hand-off before sealing (issue 17), in the background: each selected order becomes
 * a `label` order (virtual number + the detailed delivery address the merchant supplied from page
 * memory), a `platform-dropship` order (ciphertext or masked only: printed through the platform's
 * own drop-ship), or a refusal. Rules:
 * - a detailed address is accepted ONLY for an order with a virtual number (DESIGN.md invariant 1);
 *   one given for any other order refuses the whole request (`address-without-virtual`), never
 *   silently dropped;
 * - a virtual-number order the supplier could not print (no address, no ciphertext) refuses the
 *   request (`needs-address`), never sealed unusable;
 * - an order the page shows as assigned to a supplier through the platform (`platformDropship`)
 *   refuses the request (`platform-assigned`): the merchant can no longer take a waybill for it;
 * - what is KEPT in the batch record is the masked form: the detailed address exists only in the
 *   sealed link (`recordOrders`).
 * @module
 */
import { planHandoffOrder, type HandoffOrder, type OrderView } from '@shipmask/core';

/** Why a selection cannot be sealed as asked. */
export interface PlanRefusal {
  readonly ok: false;
  readonly code: 'needs-address' | 'address-without-virtual' | 'unknown-order' | 'platform-assigned';
  readonly message: string;
  readonly orderId: string;
}

/**
 * Plan the orders of one seal request.
 * @example
 * const p = planSeal(views, new Map([['3718…', '广东省广州市天河区花城广场888号']]), { carrier: 'ZTO' });
 * if (p.ok) sealBatch({ …, orders: p.orders }, …);
 */
export function planSeal(
  views: readonly OrderView[],
  addresses: ReadonlyMap<string, string>,
  toOrder: (view: OrderView) => HandoffOrder,
): { readonly ok: true; readonly orders: readonly HandoffOrder[] } | PlanRefusal {
  const ids = new Set(views.map((v) => v.orderId));
  for (const id of addresses.keys())
    if (!ids.has(id))
      return {
        ok: false,
        code: 'unknown-order',
        message: 'an address names an order outside the selection',
        orderId: id,
      };
  const orders: HandoffOrder[] = [];
  for (const view of views) {
    if (view.platformDropship)
      return {
        ok: false,
        code: 'platform-assigned',
        message: "the order is already assigned to a supplier through the platform's drop-ship",
        orderId: view.orderId,
      };
    const address = addresses.get(view.orderId);
    if (address !== undefined && !view.receiver.virtual)
      return {
        ok: false,
        code: 'address-without-virtual',
        message: 'a detailed address may travel only with a virtual-number order',
        orderId: view.orderId,
      };
    const plan = planHandoffOrder(toOrder(view), address);
    if (plan.kind === 'needs-address')
      return {
        ok: false,
        code: 'needs-address',
        message:
          'a virtual-number order needs its delivery address (drop the platform export) or leave it out',
        orderId: plan.orderId,
      };
    orders.push(plan.order);
  }
  return { ok: true, orders };
}

/**
 * The orders as the batch record keeps them: the sealed orders with each receiver address put
 * back to the masked form the stored view has (or none).
 * @example
 * recordOrders(sealed.batch.orders, views)[0]?.receiver.address; // '广东省广州市天河区****'
 */
export function recordOrders(sealed: readonly HandoffOrder[], views: readonly OrderView[]): HandoffOrder[] {
  const masked = new Map(views.map((v) => [v.orderId, v.receiver.address]));
  return sealed.map((o) => {
    const { address: _detailed, ...receiver } = o.receiver;
    const m = masked.get(o.orderId);
    return { ...o, receiver: m ? { ...receiver, address: m } : receiver };
  });
}
