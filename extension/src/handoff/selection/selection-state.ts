/**
 * The selection the hand-off page seals: where it comes from (the page URL), the shop, its
 * orders and the ones not stored, and the merchant leaving orders out. Pure.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { PlanPreview } from '../plan-preview';

/** Where the selection comes from. */
export interface SelectionSource {
  /** The overlay's stored selection. */
  readonly sel?: string;
  readonly shop?: ShopRef;
  readonly orderIds?: string[];
}

/**
 * Read the selection from the page URL. Rule: `?sel=<id>` (the overlay's selection) wins; else
 * `?platform=&shopId=&orders=id,id` for a known platform with a shop and at least the parameter
 * (empty ids dropped); anything else is no selection (the page shows the batches only).
 * @example
 * selectionOf('?platform=jd&shopId=s1&orders=1,,2'); // { shop: { platform: 'jd', shopId: 's1' }, orderIds: ['1', '2'] }
 */
export function selectionOf(search: string): SelectionSource {
  const q = new URLSearchParams(search);
  const sel = q.get('sel');
  if (sel) return { sel };
  const platform = q.get('platform');
  const shopId = q.get('shopId');
  const orders = q.get('orders');
  if ((platform === 'douyin' || platform === 'wechat' || platform === 'jd') && shopId && orders) {
    return { shop: { platform, shopId }, orderIds: orders.split(',').filter((x) => x !== '') };
  }
  return {};
}

/** The selection on the page. */
export interface SelectionState {
  readonly shop?: ShopRef | undefined;
  readonly orders: readonly OrderView[];
  /** Order ids of the selection that are not stored. */
  readonly missing: readonly string[];
}

/** No selection. */
export const SELECTION_START: SelectionState = { orders: [], missing: [] };

/** What happens to the selection. */
export type SelectionAction =
  | { readonly type: 'shop'; readonly shop: ShopRef }
  | { readonly type: 'loaded'; readonly orders: readonly OrderView[]; readonly missing: readonly string[] }
  | { readonly type: 'leave-out'; readonly orderIds: readonly string[] };

/**
 * The selection after an action. Rules: the shop is known before its orders load (a failed load
 * leaves the shop with no orders); leaving orders out removes exactly those, keeping the order
 * of the rest.
 * @example
 * selectionReducer(s, { type: 'leave-out', orderIds: ['2'] }).orders.map((o) => o.orderId); // ['1', '3']
 */
export function selectionReducer(s: SelectionState, a: SelectionAction): SelectionState {
  switch (a.type) {
    case 'shop':
      return { ...s, shop: a.shop };
    case 'loaded':
      return { ...s, orders: a.orders, missing: a.missing };
    case 'leave-out': {
      const out = new Set(a.orderIds);
      return { ...s, orders: s.orders.filter((o) => !out.has(o.orderId)) };
    }
  }
}

/**
 * Whether the selection can be sealed. Rule: at least one order not already assigned through the
 * platform, and no virtual-number order still waiting for its address (issue 17).
 * @example
 * isSealable(orders, previewPlan(orders, [], new Map())); // false while needsAddress is not empty
 */
export function isSealable(orders: readonly OrderView[], plan: PlanPreview): boolean {
  return orders.length > plan.assigned.length && plan.needsAddress.length === 0;
}

/**
 * The orders a seal request names. Rule: orders already with a supplier through the platform's
 * drop-ship are excluded (issue 17).
 * @example
 * sealOrderIds([{ orderId: '1', platformDropship: true, … }, { orderId: '2', … }]); // ['2']
 */
export function sealOrderIds(orders: readonly OrderView[]): string[] {
  return orders.filter((o) => !o.platformDropship).map((o) => o.orderId);
}
