/**
 * What every seal checks first, for one supplier (`handoff/seal`) or several
 * (`handoff/seal-suppliers`): every selected order is stored, and none is held by the exception
 * gate without an explicit override (issue 18; the gate logs each override).
 * @module
 */
import type { HoldReason, OrderView } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import { ordersByIds } from '../../storage/handoff-store';
import type { GateService } from '../gate';

/** Why a seal is refused before anything is planned. */
export interface SealRefusal {
  readonly ok: false;
  readonly code: 'missing-orders' | 'held';
  readonly message: string;
  readonly orderId: string;
}

/**
 * The selected orders, or the refusal: `missing-orders` names the first order not stored,
 * `held` the first order the gate holds (with every reason), unless overridden.
 * @example
 * const r = await sealableOrders(store, gate, shop, ['6921…'], []);
 * if ('ok' in r) return r; // refused
 */
export async function sealableOrders(
  store: Store,
  gate: GateService | undefined,
  shop: ShopRef,
  orderIds: readonly string[],
  overrides: readonly { readonly orderId: string; readonly reason: HoldReason }[] | undefined,
): Promise<{ readonly orders: OrderView[] } | SealRefusal> {
  const { orders, missing } = await ordersByIds(store, shop, orderIds);
  if (missing.length > 0)
    return {
      ok: false,
      code: 'missing-orders',
      message: `${missing.length} selected orders are not stored (open them in the back-office first)`,
      orderId: missing[0]!,
    };
  if (gate) {
    const g = await gate.check(shop, orderIds, 'seal', overrides);
    const first = g.held[0];
    if (first)
      return {
        ok: false,
        code: 'held',
        message: `${g.held.length} orders are held by the exception gate (${first.holds
          .map((h) => h.reason)
          .join(', ')}); override each to go on`,
        orderId: first.orderId,
      };
  }
  return { orders };
}
