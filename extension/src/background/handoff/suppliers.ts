/**
 * Several suppliers in one hand-off (issue 17, item 4), in the background: a supplier-per-SKU
 * rule set kept per shop (`supplierRules` store), and a selection sealed as one batch PER
 * supplier by core's `planSupplierParcels` over the stored rules. Rules:
 * - the background seals by the rules it stores, never by rules a page sends with the seal; the
 *   page saves its edits first and previews with the same core function;
 * - a split order is one line in each supplier's batch holding that supplier's items only; each
 *   batch has its own key and link, and records its place in the selection (`group`: id, part,
 *   count), which decides which parcel ships the order in the merged bulk-ship file;
 * - orders left unassigned (no supplier for an item and no default, no items read) are not
 *   sealed and come back with the reason; the rest of the selection is sealed;
 * - every part passes the same plan as a one-supplier seal (`planSeal`: addresses only with
 *   virtual numbers, `needs-address`, `platform-assigned`); if any part is refused or fails to
 *   seal, NOTHING is stored; the batches are stored together in one transaction;
 * - what is stored is what a one-supplier batch stores (masked orders, results, key material);
 *   the links and addresses are not; the audit log gets one `handoff-sealed` per batch with the
 *   group id and counts.
 * @module
 */
import {
  DAY_MS,
  handoffOrderFromView,
  newBatchId,
  planSupplierParcels,
  sealBatch,
  type HandoffOrder,
  type Instant,
  type OrderStatus,
  type OrderView,
  type SealedBatch,
} from '@shipmask/core';
import type { HandoffReplyValues, HandoffRequest, HandoffSupplier, SealedPart } from '../../messages/handoff';
import type { Store } from '../../storage';
import {
  addBatches,
  getHandoffConfig,
  listBatches,
  ordersByIds,
  setHandoffConfig,
} from '../../storage/handoff-store';
import { getSupplierRules, setSupplierRules } from '../../storage/supplier-rules-store';
import type { GateService } from '../gate';
import { withExtras } from './extras';
import { sealableOrders } from './seal-guard';
import type { BatchRecord } from '../../storage/batch-record';
import { batchStatus, detail, summarize } from './batch';
import { planSeal, recordOrders } from './plan';

/** What the supplier handlers need (the hand-off service's options). */
export interface SupplierHandlerOptions {
  readonly store: Store;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  readonly maxLinkChars?: number;
  readonly gate?: GateService;
}

type SupplierTypes = 'handoff/rules/get' | 'handoff/rules/set' | 'handoff/seal-suppliers' | 'handoff/details';

/** The handlers of the multi-supplier requests. */
export type SupplierHandlers = {
  readonly [K in SupplierTypes]: (
    request: Extract<HandoffRequest, { type: K }>,
  ) => Promise<HandoffReplyValues[K]>;
};

/** Order states in which a bulk-ship row would ship an order again. */
const SHIPPED_OR_LATER: ReadonlySet<OrderStatus> = new Set(['shipped', 'received', 'completed', 'cancelled']);

/** Remember at most this many suppliers (as the one-supplier seal does). */
const MAX_SUPPLIERS = 50;

/**
 * Build the multi-supplier handlers over a store.
 * @example
 * const h = supplierHandlers({ store, now: Date.now, randomBytes });
 * await h['handoff/rules/get']({ type: 'handoff/rules/get', shop });
 */
export function supplierHandlers(options: SupplierHandlerOptions): SupplierHandlers {
  const { store, now } = options;
  return {
    async 'handoff/rules/get'(req) {
      return getSupplierRules(store, req.shop);
    },
    async 'handoff/rules/set'(req) {
      const t = now();
      await setSupplierRules(store, req.shop, req.rules, req.fallback, t);
      await store.audit({
        at: t,
        kind: 'supplier-rules-set',
        platform: req.shop.platform,
        shopId: req.shop.shopId,
        detail: { rules: req.rules.rules.length, fallback: req.fallback !== undefined },
      });
      return getSupplierRules(store, req.shop);
    },
    async 'handoff/details'(req) {
      const t = now();
      if ('groupId' in req) {
        const all = await listBatches(store);
        return all
          .filter((r) => r.group?.id === req.groupId)
          .sort((a, b) => a.group!.part - b.group!.part)
          .map((r) => detail(r, t));
      }
      // A shop's batches not revoked with at least one result, oldest first, without the orders
      // the back-office already showed as shipped (or later, or cancelled) when last seen: their
      // rows would ship them again.
      // A batch `shipped` (every result back and its bulk-ship file made, issue 21) has nothing new.
      const batches = (await listBatches(store, req.shop))
        .filter(
          (r) =>
            r.revokedAt === undefined && Object.keys(r.results).length > 0 && batchStatus(r, t) !== 'shipped',
        )
        .sort((a, b) => a.createdAt - b.createdAt || (a.group?.part ?? 0) - (b.group?.part ?? 0));
      const ids = [...new Set(batches.flatMap((r) => r.orders.map((o) => o.orderId)))];
      const { orders } = await ordersByIds(store, req.shop, ids);
      const done = new Set(orders.filter((o) => SHIPPED_OR_LATER.has(o.status)).map((o) => o.orderId));
      return batches
        .map((r) => detail(r, t))
        .map((d) => ({ ...d, items: d.items.filter((it) => !done.has(it.order.orderId)) }))
        .filter((d) => d.items.length > 0);
    },
    async 'handoff/seal-suppliers'(req) {
      const t = now();
      const sealable = await sealableOrders(store, options.gate, req.shop, req.orderIds, req.overrides);
      if ('ok' in sealable) return sealable;
      const { orders } = sealable;
      const addresses = new Map((req.addresses ?? []).map((a) => [a.orderId, a.address]));
      const selected = new Set(req.orderIds);
      for (const id of addresses.keys())
        if (!selected.has(id))
          return {
            ok: false,
            code: 'unknown-order',
            message: 'an address names an order outside the selection',
            orderId: id,
          };
      const { rules, fallback } = await getSupplierRules(store, req.shop);
      const views = withExtras(orders, req.extras);
      const plan = planSupplierParcels(views, rules, fallback ? { fallback } : {});
      if (plan.parts.length === 0)
        return {
          ok: false,
          code: 'no-supplier',
          message: 'no order has a supplier: add rules for their SKUs or a default supplier',
          ...(plan.unassigned[0] ? { orderId: plan.unassigned[0].orderId } : {}),
        };
      const config = await getHandoffConfig(store);
      const shopName = (await store.getSettings(req.shop))?.shopName ?? req.shop.shopId;
      const groupId = newBatchId(options.randomBytes);
      if (!groupId) return { ok: false, code: 'crypto-failed', message: 'no random bytes' };
      const expiresAt = t + req.expiresInDays * DAY_MS;
      const splitIds = new Set(plan.split.map((s) => s.orderId));
      const toOrder = (o: OrderView): HandoffOrder =>
        handoffOrderFromView(o, req.carrier ? { carrier: req.carrier } : {});
      // Plan and seal every part in memory first: one refusal stores nothing.
      const sealedParts: { record: BatchRecord; sealed: SealedBatch; part: OrderView[] }[] = [];
      for (const [index, part] of plan.parts.entries()) {
        const ids = new Set(part.orders.map((o) => o.orderId));
        const partAddresses = new Map([...addresses].filter(([id]) => ids.has(id)));
        const planned = planSeal(part.orders, partAddresses, toOrder);
        if (!planned.ok) return { ...planned, message: `${part.supplier}: ${planned.message}` };
        const batchId = newBatchId(options.randomBytes);
        if (!batchId) return { ok: false, code: 'crypto-failed', message: 'no random bytes' };
        const known = config.suppliers.find((s) => s.name === part.supplier);
        const supplier: HandoffSupplier = known ?? { name: part.supplier };
        const sealed = await sealBatch(
          {
            shop: shopName,
            platform: req.shop.platform,
            batchId,
            createdAt: t,
            expiresAt,
            orders: planned.orders,
            // Issue 21: the merchant's note kept with this supplier travels sealed to its page.
            ...(supplier.note ? { note: supplier.note } : {}),
          },
          {
            base: config.baseUrl,
            random: options.randomBytes,
            now: t,
            ...(options.maxLinkChars ? { maxLinkChars: options.maxLinkChars } : {}),
          },
        );
        if (!sealed.ok)
          return { ok: false, ...sealed.error, message: `${part.supplier}: ${sealed.error.message}` };
        sealedParts.push({
          record: {
            id: batchId,
            platform: req.shop.platform,
            shopId: req.shop.shopId,
            createdAt: t,
            expiresAt,
            supplier,
            passphrase: false,
            // The masked form only: detailed addresses live in the links alone.
            orders: recordOrders(sealed.value.batch.orders, part.orders),
            keep: sealed.value.keep,
            results: {},
            imports: [],
            group: { id: groupId, part: index, of: plan.parts.length },
          },
          sealed: sealed.value,
          part: [...part.orders],
        });
      }
      await addBatches(
        store,
        sealedParts.map((p) => p.record),
      );
      // Remember the suppliers used (most recent first), in one write.
      const names = plan.parts.map((p) => p.supplier);
      const used = sealedParts.map((p) => p.record.supplier);
      await setHandoffConfig(
        store,
        {
          ...config,
          suppliers: [...used, ...config.suppliers.filter((s) => !names.includes(s.name))].slice(
            0,
            MAX_SUPPLIERS,
          ),
        },
        t,
      );
      for (const p of sealedParts)
        await store.audit({
          at: t,
          kind: 'handoff-sealed',
          platform: req.shop.platform,
          shopId: req.shop.shopId,
          // Ids of our own records and counts only: never a link or an address.
          detail: {
            batchId: p.record.id,
            group: groupId,
            part: p.record.group!.part,
            orders: p.record.orders.length,
            kind: p.sealed.kind,
            passphrase: false,
            addresses: p.part.filter((o) => addresses.has(o.orderId)).length,
          },
        });
      const parts: SealedPart[] = sealedParts.map((p) => ({
        supplier: p.record.supplier,
        batch: summarize(p.record, t),
        kind: p.sealed.kind,
        text: p.sealed.text,
        ...(p.sealed.fileName ? { fileName: p.sealed.fileName } : {}),
        payload: p.sealed.payload,
        orders: p.record.orders.length,
        items: p.record.orders.reduce((n, o) => n + o.items.length, 0),
        split: p.record.orders.filter((o) => splitIds.has(o.orderId)).length,
      }));
      return { ok: true, groupId, parts, unassigned: plan.unassigned, split: plan.split };
    },
  };
}
