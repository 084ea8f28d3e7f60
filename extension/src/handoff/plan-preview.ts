/**
 * The hand-off page's preview of how each selected order will travel (issue 17), with the same
 * core rule the background seals by (`planHandoffOrder`): `label` (virtual number + address: the
 * supplier prints the label), `platform` (platform 代发: ciphertext or masked only), or
 * `needs-address` (a virtual-number order with no address yet: shown before sealing, never
 * sealed unusable), or `assigned` (the page shows it already assigned to a supplier through the
 * platform's drop-ship: excluded from the hand-off, with that reason).
 * @module
 */
import { handoffOrderFromView, planHandoffOrder, type OrderView } from '@shipmask/core';
import type { HandoffExtra } from '../messages/handoff';

/** How one order will travel. */
export type PreviewKind = 'label' | 'platform' | 'needs-address' | 'assigned';

/** Counts and the orders still needing an address. */
export interface PlanPreview {
  readonly kinds: ReadonlyMap<string, PreviewKind>;
  readonly label: number;
  readonly platform: number;
  readonly needsAddress: readonly string[];
  /** Orders already assigned to a supplier through the platform: excluded from the hand-off. */
  readonly assigned: readonly string[];
}

/**
 * Preview the plan of a selection with the export's extras and the addresses in page memory.
 * @example
 * previewPlan(orders, extras, addresses).needsAddress; // ['3718000000000002']
 */
export function previewPlan(
  orders: readonly OrderView[],
  extras: readonly HandoffExtra[],
  addresses: ReadonlyMap<string, string>,
): PlanPreview {
  const byId = new Map(extras.map((e) => [e.orderId, e]));
  const kinds = new Map<string, PreviewKind>();
  const needsAddress: string[] = [];
  const assigned: string[] = [];
  let label = 0;
  let platform = 0;
  for (const o of orders) {
    if (o.platformDropship) {
      kinds.set(o.orderId, 'assigned');
      assigned.push(o.orderId);
      continue;
    }
    const e = byId.get(o.orderId);
    const view: OrderView = e
      ? {
          ...o,
          receiver: {
            ...o.receiver,
            ...(e.cipher ? { cipher: { ...o.receiver.cipher, ...e.cipher } } : {}),
            ...(e.virtual && !o.receiver.virtual ? { virtual: e.virtual } : {}),
          },
        }
      : o;
    const p = planHandoffOrder(handoffOrderFromView(view), addresses.get(o.orderId));
    kinds.set(o.orderId, p.kind);
    if (p.kind === 'label') label++;
    else if (p.kind === 'platform') platform++;
    else needsAddress.push(o.orderId);
  }
  return { kinds, label, platform, needsAddress, assigned };
}
