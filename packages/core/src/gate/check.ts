/**
 * The exception gate (issue 18, item 1): before a label is printed, a batch is sealed for a
 * supplier or a bulk-ship file is written, each order's state as the page last showed it is
 * re-checked, and orders that would become a loss are held with a typed reason until the
 * merchant overrides that reason explicitly (the extension logs the override).
 * @module
 */
import type { Instant, OrderStatus, PlatformId, VirtualNumber } from '../types.js';
import { virtualNumberValidity } from '../virtual/validity.js';
import { addressChange, type AddressBaseline, type AddressFingerprint } from './address-fingerprint.js';
import { flagsWithStatus, type OrderFlags } from './order-flags.js';

/**
 * Why an order is held:
 * - `refund`: the buyer asked for (or got) a refund;
 * - `after-sale`: an after-sales ticket is open;
 * - `closed`: the order is closed or cancelled;
 * - `address-changed`: the shown address differs from the one recorded when first seen/printed;
 * - `supplier-assigned`: the platform assigned the order to a supplier (代发), who ships it;
 * - `virtual-expired`: the order's virtual number is no longer callable (a courier cannot reach the buyer).
 */
export type HoldReason =
  'refund' | 'after-sale' | 'closed' | 'address-changed' | 'supplier-assigned' | 'virtual-expired';

/** Every hold reason, in the order the panel lists them. */
export const HOLD_REASONS: readonly HoldReason[] = [
  'refund',
  'after-sale',
  'closed',
  'address-changed',
  'supplier-assigned',
  'virtual-expired',
];

/** The step an order is about to take. */
export type GateAction = 'print' | 'seal' | 'bulk-ship';

/**
 * What the gate reads of an order: its normalised status, the page's exception flags, the current
 * address fingerprint and the dates that decide virtual-number validity. No receiver text.
 * @example
 * const o: GateOrder = { platform: 'wechat', orderId: '1', status: 'awaiting_shipment', createdAt: 0, flags: { refund: 'requested' } };
 */
export interface GateOrder {
  readonly platform: PlatformId;
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly createdAt: Instant;
  readonly receivedAt?: Instant;
  readonly completedAt?: Instant;
  readonly afterSaleAt?: Instant;
  readonly receiver?: { readonly virtual?: VirtualNumber };
  readonly flags?: OrderFlags;
  /** The fingerprint of the address as the page shows it now (`addressFingerprint`). */
  readonly address?: AddressFingerprint;
}

/** One reason an order is held, with an English detail for logs and tooltips. */
export interface Hold {
  readonly reason: HoldReason;
  readonly detail: string;
}

/**
 * Which reasons hold an order at which step. A setting; the default holds every reason at every
 * step except `virtual-expired` at `bulk-ship` (the label is already printed; the file only
 * reports tracking numbers).
 * @example
 * defaultHoldOn['bulk-ship'].includes('virtual-expired'); // false
 */
export const defaultHoldOn: Readonly<Record<GateAction, readonly HoldReason[]>> = {
  print: HOLD_REASONS,
  seal: HOLD_REASONS,
  'bulk-ship': HOLD_REASONS.filter((r) => r !== 'virtual-expired'),
};

/** Gate settings; every field optional. */
export interface GateSettings {
  readonly holdOn?: Partial<Record<GateAction, readonly HoldReason[]>>;
}

/**
 * The holds on one order for one step at `now`. Rule: refund requested or refunded → `refund`;
 * after-sales ticket or status `after_sale` → `after-sale`; closed/cancelled → `closed`; the
 * current address fingerprint differs from the recorded one of the same form → `address-changed`;
 * assigned to a supplier through the platform → `supplier-assigned`; a virtual number whose
 * validity (`virtualNumberValidity`) is `expired` or `reobtainable` → `virtual-expired`. Only the
 * reasons enabled for `action` count. An empty list means the order may go on.
 * @example
 * checkOrder({ platform: 'douyin', orderId: '1', status: 'awaiting_shipment', createdAt: 0, flags: { refund: 'requested' } }, undefined, 0, 'print');
 * // [{ reason: 'refund', detail: 'the buyer asked for a refund' }]
 */
export function checkOrder(
  order: GateOrder,
  baseline: AddressBaseline | undefined,
  now: Instant,
  action: GateAction,
  settings: GateSettings = {},
): readonly Hold[] {
  const enabled = settings.holdOn?.[action] ?? defaultHoldOn[action];
  if (!order || enabled.length === 0) return [];
  const holds: Hold[] = [];
  const f = flagsWithStatus(order.status, order.flags);
  if (enabled.includes('refund') && f.refund !== undefined)
    holds.push({
      reason: 'refund',
      detail: f.refund === 'refunded' ? 'the order was refunded' : 'the buyer asked for a refund',
    });
  if (enabled.includes('after-sale') && f.afterSale === true)
    holds.push({ reason: 'after-sale', detail: 'an after-sales request is open' });
  if (enabled.includes('closed') && f.closed === true)
    holds.push({ reason: 'closed', detail: 'the order is closed or cancelled' });
  if (enabled.includes('address-changed') && addressChange(baseline, order.address) === 'changed')
    holds.push({
      reason: 'address-changed',
      detail: 'the address differs from the one recorded when the order was first seen',
    });
  if (enabled.includes('supplier-assigned') && f.supplierAssigned === true)
    holds.push({ reason: 'supplier-assigned', detail: 'the platform assigned the order to a supplier' });
  if (enabled.includes('virtual-expired') && order.receiver?.virtual) {
    const v = virtualNumberValidity(
      order.platform,
      {
        createdAt: order.createdAt,
        ...(order.receivedAt !== undefined ? { receivedAt: order.receivedAt } : {}),
        ...(order.completedAt !== undefined ? { completedAt: order.completedAt } : {}),
        ...(order.afterSaleAt !== undefined ? { afterSaleAt: order.afterSaleAt } : {}),
      },
      now,
    );
    if (v.state === 'expired' || v.state === 'reobtainable')
      holds.push({
        reason: 'virtual-expired',
        detail:
          v.state === 'reobtainable'
            ? 'the virtual number expired; obtain a new one first'
            : 'the virtual number expired',
      });
  }
  return holds;
}

/**
 * An explicit override of one hold reason on one order (the extension logs each one).
 * @example
 * const o: GateOverride = { orderId: '1', reason: 'address-changed' };
 */
export interface GateOverride {
  readonly orderId: string;
  readonly reason: HoldReason;
}

/** Inputs of `gateOrders` besides the orders. */
export interface GateRun {
  readonly now: Instant;
  readonly action: GateAction;
  /** The recorded address baseline of an order, if any. */
  readonly baseline?: (orderId: string) => AddressBaseline | undefined;
  readonly overrides?: readonly GateOverride[];
  readonly settings?: GateSettings;
}

/** The outcome of a gate run: orders that go on, orders held, and overrides that were used. */
export interface GateResult<T extends GateOrder> {
  /** Orders that go on, in input order (no holds, or every hold overridden). */
  readonly pass: readonly T[];
  /** Orders held, in input order, with the reasons not overridden. */
  readonly held: readonly { readonly order: T; readonly holds: readonly Hold[] }[];
  /** Overrides that released a hold in this run (to log). */
  readonly overridden: readonly GateOverride[];
}

/**
 * Run the gate over a selection. Rule: `checkOrder` per order; an order passes when each of its
 * holds has an override for that order and reason; an override of another reason releases
 * nothing. Order-independent: each order's verdict depends only on itself.
 * @example
 * const r = gateOrders([{ platform: 'jd', orderId: '1', status: 'cancelled', createdAt: 0 }], { now: 0, action: 'print' });
 * r.held[0]?.holds[0]?.reason; // 'closed'
 */
export function gateOrders<T extends GateOrder>(orders: readonly T[], run: GateRun): GateResult<T> {
  const allowed = new Set<string>();
  for (const o of run.overrides ?? []) allowed.add(`${o.reason}\u0000${o.orderId}`);
  const pass: T[] = [];
  const held: { order: T; holds: readonly Hold[] }[] = [];
  const overridden: GateOverride[] = [];
  for (const order of (Array.isArray(orders) ? orders : []) as readonly T[]) {
    const holds = checkOrder(order, run.baseline?.(order.orderId), run.now, run.action, run.settings);
    if (holds.length === 0) {
      pass.push(order);
      continue;
    }
    const left = holds.filter((h) => !allowed.has(`${h.reason}\u0000${order.orderId}`));
    if (left.length === 0) {
      pass.push(order);
      for (const h of holds) overridden.push({ orderId: order.orderId, reason: h.reason });
    } else held.push({ order, holds: left });
  }
  return { pass, held, overridden };
}
