/**
 * Handlers of the exception gate, deadlines and merge hints (issue 18), and the checks the print
 * and hand-off handlers run before a job is created or a batch is sealed: an order that the page
 * last showed as refunded, after-sale, closed, address-changed, assigned to a supplier or with an
 * expired virtual number does not reach a label, a sealed batch or a bulk-ship file without an
 * explicit, logged override.
 * @module
 */
import {
  deadlinesPerDay,
  dueLists,
  gateOrders,
  interceptNotice,
  markHandled,
  mergeGroups,
  shipBy,
  type AddressBaseline,
  type GateAction,
  type GateOrder,
  type GateOverride,
  type Instant,
  type InterceptNotice,
  type OrderView,
} from '@shipmask/core';
import type { GateCheckResult, GateOverview } from '../../messages/gate';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import { GateStore, type GateEntry, type GateRecords } from './store';
import type { Locks } from '../shared/locks';
import type { Handlers } from '../shared/handlers';
import { HandlerRefusal } from '../shared/refusal';

type GateTypes = 'gate/facts' | 'gate/key' | 'gate/check' | 'gate/overview' | 'gate/handled';

/** The gate handlers (spread into the service's handlers). */
export type GateHandlers = Pick<Handlers, GateTypes>;

/** Thrown when the gate holds orders of a job or batch; the router replies `held`. */
export class GateHeld extends HandlerRefusal {
  override readonly name = 'GateHeld';
  constructor(readonly held: GateCheckResult['held']) {
    super(
      'held',
      `held by the exception gate: ${held
        .slice(0, 5)
        .map((h) => `${h.orderId} (${h.holds.map((x) => x.reason).join(', ')})`)
        .join('; ')}${held.length > 5 ? ` and ${held.length - 5} more` : ''}`,
      false,
    );
  }
}

export interface GateServiceOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
}

/** The gate's view of a stored order plus its facts. */
function gateOrderOf(view: OrderView, entry: GateEntry | undefined): GateOrder {
  const f = entry?.facts;
  return {
    platform: view.platform,
    orderId: view.orderId,
    status: view.status,
    createdAt: view.createdAt,
    ...(view.receivedAt !== undefined ? { receivedAt: view.receivedAt } : {}),
    ...(view.completedAt !== undefined ? { completedAt: view.completedAt } : {}),
    receiver: view.receiver.virtual ? { virtual: view.receiver.virtual } : {},
    ...(f?.flags ? { flags: f.flags } : {}),
    ...(f?.address ? { address: f.address } : {}),
  };
}

/** The gate service: handlers, the check used by print and hand-off, and printed records. */
export interface GateService {
  readonly handlers: GateHandlers;
  /** Check orders before `action`; log the overrides used. Throws nothing. */
  check(
    shop: ShopRef,
    orderIds: readonly string[],
    action: GateAction,
    overrides?: readonly GateOverride[],
  ): Promise<GateCheckResult>;
  /** Like `check`, but throws `GateHeld` when any order is held or missing. */
  enforce(
    shop: ShopRef,
    orderIds: readonly string[],
    action: GateAction,
    overrides?: readonly GateOverride[],
  ): Promise<void>;
  /** Record printed labels (tracking number, carrier, the address fingerprints at printing). */
  recordPrinted(
    shop: ShopRef,
    docs: readonly { readonly orderId: string; readonly trackingNumber: string }[],
    carrier: string,
  ): Promise<void>;
}

/**
 * Build the gate service.
 * @example
 * const gate = createGateService({ store, locks, now: Date.now, randomBytes });
 * await gate.check(shop, ['6921…'], 'print'); // { pass: [...], held: [...], overridden: [], missing: [] }
 */
export function createGateService(options: GateServiceOptions): GateService {
  const { store, now } = options;
  const gates = new GateStore(store, options.locks, options.randomBytes);

  const check = async (
    shop: ShopRef,
    orderIds: readonly string[],
    action: GateAction,
    overrides: readonly GateOverride[] = [],
  ): Promise<GateCheckResult> => {
    const views = new Map((await store.ordersOf(shop)).map((o) => [o.orderId, o.view]));
    const records = await gates.records(shop);
    const orders: GateOrder[] = [];
    const missing: string[] = [];
    for (const id of new Set(orderIds)) {
      const v = views.get(id);
      if (v) orders.push(gateOrderOf(v, records[id]));
      else missing.push(id);
    }
    const t = now();
    const r = gateOrders(orders, {
      now: t,
      action,
      baseline: (id) => baselineOf(records[id]),
      overrides,
    });
    for (const o of r.overridden)
      await store.audit({
        at: t,
        kind: 'gate-override',
        platform: shop.platform,
        shopId: shop.shopId,
        detail: { orderId: o.orderId, reason: o.reason, action },
      });
    return {
      pass: r.pass.map((o) => o.orderId),
      held: r.held.map((h) => ({ orderId: h.order.orderId, holds: h.holds })),
      overridden: r.overridden,
      missing,
    };
  };

  /** The shop's gate overview (what the panel shows): holds, intercepts, deadlines, merge groups. */
  const overview = async (shop: ShopRef, dueWithinHours?: number): Promise<GateOverview> => {
    const t = now();
    const stored = await store.ordersOf(shop);
    const records: GateRecords = await gates.records(shop);
    const open = stored.filter((o) => o.view.status === 'awaiting_shipment');
    const r = gateOrders(
      open.map((o) => gateOrderOf(o.view, records[o.orderId])),
      { now: t, action: 'print', baseline: (id) => baselineOf(records[id]) },
    );
    const intercepts: InterceptNotice[] = [];
    for (const o of stored) {
      const printed = records[o.orderId]?.printed;
      if (!printed) continue;
      const n = interceptNotice(printed, gateOrderOf(o.view, records[o.orderId]));
      if (n) intercepts.push(n);
    }
    const deadlines: { orderId: string; at: Instant }[] = [];
    const shipByOf: Record<string, Instant> = {};
    for (const o of open) {
      const f = records[o.orderId]?.facts;
      const s = shipBy({
        platform: o.view.platform,
        createdAt: o.view.createdAt,
        ...(f?.paidAt !== undefined ? { paidAt: f.paidAt } : {}),
        ...(f?.shipBy !== undefined ? { shipBy: f.shipBy } : {}),
      });
      if (s.at === undefined) continue;
      deadlines.push({ orderId: o.orderId, at: s.at });
      shipByOf[o.orderId] = s.at;
    }
    const key = await gates.key();
    const groups = mergeGroups(
      open.map((o) => {
        const mk = records[o.orderId]?.facts.mergeKey;
        return mk ? { ...o.view, mergeKey: mk } : o.view;
      }),
      key,
    );
    return {
      held: r.held.map((h) => ({ orderId: h.order.orderId, holds: h.holds })),
      intercepts,
      due: dueLists(deadlines, t, dueWithinHours !== undefined ? { dueWithinHours: dueWithinHours } : {}),
      perDay: deadlinesPerDay(deadlines.map((d) => d.at)),
      groups,
      shipBy: shipByOf,
    };
  };

  return {
    check,
    async enforce(shop, orderIds, action, overrides) {
      const r = await check(shop, orderIds, action, overrides);
      // Orders never stored were never shown: nothing to re-check (the page that lists them does).
      if (r.held.length > 0) throw new GateHeld(r.held);
    },
    async recordPrinted(shop, docs, carrier) {
      const t = now();
      await gates.update(shop, (records) => {
        for (const d of docs) {
          const e = records[d.orderId] ?? { facts: { orderId: d.orderId } };
          const fp = e.facts.address;
          const address: AddressBaseline =
            fp && fp.hash !== '' ? { ...(e.baseline ?? {}), [fp.form]: fp.hash } : (e.baseline ?? {});
          records[d.orderId] = {
            ...e,
            printed: { orderId: d.orderId, printedAt: t, trackingNumber: d.trackingNumber, carrier, address },
          };
        }
      });
    },
    handlers: {
      async 'gate/facts'(req) {
        // The overview these facts change comes back with the reply: one round trip per read.
        const stored = await gates.putFacts(req.shop, req.facts);
        return { stored, overview: await overview(req.shop) };
      },
      async 'gate/key'() {
        const key = await gates.key();
        return { key: [...key].map((b) => b.toString(16).padStart(2, '0')).join('') };
      },
      async 'gate/check'(req) {
        return check(req.shop, req.orderIds, req.action, req.overrides);
      },
      async 'gate/overview'(req) {
        return overview(req.shop, req.dueWithinHours);
      },
      async 'gate/handled'(req) {
        const t = now();
        const handled = await gates.update(req.shop, (records) => {
          const e = records[req.orderId];
          if (!e?.printed) return false;
          records[req.orderId] = { ...e, printed: markHandled(e.printed, req.reasons) };
          return true;
        });
        if (handled)
          await store.audit({
            at: t,
            kind: 'intercept-handled',
            platform: req.shop.platform,
            shopId: req.shop.shopId,
            detail: { orderId: req.orderId, reasons: req.reasons.join(',') },
          });
        return { handled };
      },
    },
  };
}

function baselineOf(entry: GateEntry | undefined): AddressBaseline | undefined {
  return entry?.baseline;
}
