/**
 * The background's hand-off handlers (issue 8): seal a selection of stored masked orders into a
 * batch link with core, keep the batch (never the link), open return codes against the kept key
 * material. (The overlay's `selection/open` with `purpose: 'handoff'` opens `handoff.html?sel=…`.)
 * @module
 */
import type { GateService } from '../gate';
import {
  DAY_MS,
  handoffOrderFromView,
  newBatchId,
  openReturn,
  sealBatch,
  type Instant,
} from '@shipmask/core';
import type { HandoffConfig, HandoffReplyValues, HandoffRequest } from '../../messages/handoff';
import type { Store } from '../../storage';
import {
  addBatch,
  getBatch,
  getHandoffConfig,
  listBatches,
  ordersByIds,
  setHandoffConfig,
  updateBatch,
} from '../../storage/handoff-store';
import type { BatchRecord } from '../../storage/batch-record';
import { detail, mergeReturn, markShipFile, revokeBatch, summarize } from './batch';
import { withExtras } from './extras';
import { sealableOrders } from './seal-guard';
import { planSeal, recordOrders } from './plan';
import { supplierHandlers } from './suppliers';
import { dueReminders } from './reminders';

export interface HandoffServiceOptions {
  readonly store: Store;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Links longer than this become a sealed file (default core's `MAX_LINK_CHARS`, 64 KB). */
  readonly maxLinkChars?: number;
  /** The exception gate (issue 18): re-checks every order before a batch is sealed. */
  readonly gate?: GateService;
}

/** The handlers of the hand-off requests. */
export type HandoffHandlers = {
  readonly [K in HandoffRequest['type']]: (
    request: Extract<HandoffRequest, { type: K }>,
  ) => Promise<HandoffReplyValues[K]>;
};

/** Remember at most this many suppliers. */
const MAX_SUPPLIERS = 50;

/**
 * Build the hand-off handlers over a store.
 * @example
 * const h = handoffHandlers({ store, now: Date.now, randomBytes });
 * await h['handoff/batches']({ type: 'handoff/batches' });
 */
export function handoffHandlers(options: HandoffServiceOptions): HandoffHandlers {
  const { store, now } = options;

  const rememberSupplier = async (config: HandoffConfig, name: string, note?: string): Promise<void> => {
    const rest = config.suppliers.filter((s) => s.name !== name);
    const supplier = note ? { name, note } : { name };
    await setHandoffConfig(
      store,
      {
        ...config,
        suppliers: [supplier, ...rest].slice(0, MAX_SUPPLIERS),
      },
      now(),
    );
  };

  return {
    // Several suppliers in one hand-off (issue 17 item 4): rules per shop, one batch per supplier.
    ...supplierHandlers(options),
    async 'handoff/orders'(req) {
      return ordersByIds(store, req.shop, req.orderIds);
    },
    async 'handoff/seal'(req) {
      const t = now();
      const sealable = await sealableOrders(store, options.gate, req.shop, req.orderIds, req.overrides);
      if ('ok' in sealable) return sealable;
      const { orders } = sealable;
      const config = await getHandoffConfig(store);
      const shopName = await store.displayName(req.shop);
      // Issue 17: label orders carry the detailed address from page memory (virtual numbers
      // only), the rest are routed to the platform's drop-ship; nothing unusable is sealed.
      const views = withExtras(orders, req.extras);
      const plan = planSeal(views, new Map((req.addresses ?? []).map((a) => [a.orderId, a.address])), (o) =>
        handoffOrderFromView(o, req.carrier ? { carrier: req.carrier } : {}),
      );
      if (!plan.ok) return plan;
      const batchId = newBatchId(options.randomBytes);
      if (!batchId) return { ok: false, code: 'crypto-failed', message: 'no random bytes' };
      const expiresAt = t + req.expiresInDays * DAY_MS;
      const sealed = await sealBatch(
        {
          shop: shopName,
          platform: req.shop.platform,
          batchId,
          createdAt: t,
          expiresAt,
          orders: plan.orders,
          // Issue 21: the merchant's note to the supplier travels sealed and shows on its page.
          ...(req.supplier.note ? { note: req.supplier.note } : {}),
        },
        {
          // No base configured: a bare `#payload` the supplier pastes into the page.
          base: config.baseUrl,
          random: options.randomBytes,
          now: t,
          ...(options.maxLinkChars ? { maxLinkChars: options.maxLinkChars } : {}),
          ...(req.passphrase ? { passphrase: req.passphrase } : {}),
        },
      );
      if (!sealed.ok) return { ok: false, ...sealed.error };
      const record: BatchRecord = {
        id: batchId,
        platform: req.shop.platform,
        shopId: req.shop.shopId,
        createdAt: t,
        expiresAt,
        supplier: req.supplier.note
          ? { name: req.supplier.name, note: req.supplier.note }
          : { name: req.supplier.name },
        passphrase: req.passphrase !== undefined && req.passphrase !== '',
        // The masked form only: the detailed addresses live in the link alone.
        orders: recordOrders(sealed.value.batch.orders, views),
        keep: sealed.value.keep,
        results: {},
        imports: [],
      };
      await addBatch(store, record);
      await rememberSupplier(config, req.supplier.name, req.supplier.note);
      await store.audit({
        at: t,
        kind: 'handoff-sealed',
        platform: req.shop.platform,
        shopId: req.shop.shopId,
        // Our own record id and counts only: never the link.
        detail: {
          batchId,
          orders: orders.length,
          kind: sealed.value.kind,
          passphrase: record.passphrase,
          // Counts only: the addresses themselves are never logged.
          addresses: req.addresses?.length ?? 0,
        },
      });
      return {
        ok: true,
        batch: summarize(record, t),
        kind: sealed.value.kind,
        text: sealed.value.text,
        ...(sealed.value.fileName ? { fileName: sealed.value.fileName } : {}),
        payload: sealed.value.payload,
      };
    },
    async 'handoff/batches'(req) {
      const t = now();
      return (await listBatches(store, req.ofShop)).map((r) => summarize(r, t));
    },
    async 'handoff/batch'(req) {
      const r = await getBatch(store, req.batchId);
      return r ? detail(r, now()) : null;
    },
    async 'handoff/revoke'(req) {
      const t = now();
      const updated = await updateBatch(store, req.batchId, (r) => ({
        record: revokeBatch(r, t),
        value: null,
      }));
      if (!updated.found) return null;
      await store.audit({
        at: t,
        kind: 'handoff-revoked',
        platform: updated.record.platform,
        shopId: updated.record.shopId,
        detail: { batchId: updated.record.id },
      });
      return summarize(updated.record, t);
    },
    async 'handoff/ship-file'(req) {
      const t = now();
      const updated = await updateBatch(store, req.batchId, (r) => ({
        record: markShipFile(r, t),
        value: null,
      }));
      return updated.found ? summarize(updated.record, t) : null;
    },
    async 'handoff/reminders'(req) {
      return dueReminders(await listBatches(store, req.shop), now());
    },
    async 'handoff/import'(req) {
      const t = now();
      const record = await getBatch(store, req.batchId);
      if (!record) return { ok: false, code: 'unknown-batch', message: 'no such batch' };
      // Issue 17: a revoked batch takes no return code.
      if (record.revokedAt !== undefined)
        return {
          ok: false,
          code: 'revoked',
          message: 'this batch was revoked; its return codes are refused',
        };
      // Issue 14 item 2: core checks every result, the batch's orders and the sealing instant
      // (not in the future, not before the batch was created: record.createdAt for key
      // material stored before core kept it).
      const opened = await openReturn(req.code, record.keep, { now: t, createdAt: record.createdAt });
      if (!opened.ok) return { ok: false, ...opened.error };
      const updated = await updateBatch(store, req.batchId, (r) => {
        const m: ReturnType<typeof mergeReturn> = mergeReturn(r, opened.value, t);
        return { record: m.ok ? m.value.record : r, value: m };
      });
      if (!updated.found) return { ok: false, code: 'unknown-batch', message: 'no such batch' };
      const merged = updated.value;
      if (!merged.ok) return { ok: false, ...merged.error };
      const m = merged.value;
      if (m.changes.length > 0) {
        await store.audit({
          at: t,
          kind: 'handoff-return',
          platform: record.platform,
          shopId: record.shopId,
          detail: { batchId: record.id, changed: m.changes.length },
        });
      }
      return {
        ok: true,
        changes: m.changes,
        unchanged: m.unchanged,
        stale: m.stale,
        batch: detail(updated.record, t),
      };
    },
    async 'handoff/config/get'() {
      return getHandoffConfig(store);
    },
    async 'handoff/config/set'(req) {
      await setHandoffConfig(store, req.config, now());
      return req.config;
    },
  };
}
