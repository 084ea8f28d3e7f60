/**
 * Hand-off batch records (the `batches` store) and the pure rules over them: a batch's status,
 * and merging a supplier's return code into it so that importing the same code twice changes
 * nothing and an older code never overwrites a newer one.
 * @module
 */
import type {
  BatchKeyMaterial,
  HandoffOrder,
  Instant,
  OpenedReturn,
  PlatformId,
  ReturnResult,
} from '@shipmask/core';
import type {
  BatchDetail,
  BatchStatus,
  BatchSummary,
  HandoffSupplier,
  ResultChange,
} from '../handoff-messages';

/** A stored result: the supplier's result and the instant its return code was sealed. */
export interface StoredResult {
  readonly result: ReturnResult;
  readonly sealedAt: Instant;
}

/**
 * One batch as stored. `orders` are the orders as sealed (masked; core's `checkBatch` passed
 * them); `keep` opens this batch's return codes. The link is never stored.
 */
export interface BatchRecord {
  readonly id: string;
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly supplier: HandoffSupplier;
  readonly passphrase: boolean;
  readonly orders: readonly HandoffOrder[];
  readonly keep: BatchKeyMaterial;
  /** Latest result per order id. */
  readonly results: Readonly<Record<string, StoredResult>>;
  /** Return codes imported that changed something: when, sealed when, how many changes. */
  readonly imports: readonly { readonly at: Instant; readonly sealedAt: Instant; readonly changed: number }[];
}

const sameResult = (a: ReturnResult, b: ReturnResult): boolean =>
  a.status === b.status &&
  (a.status === 'shipped'
    ? b.status === 'shipped' && a.carrier === b.carrier && a.waybill === b.waybill
    : b.status === 'cannot-ship' && a.reason === b.reason);

/**
 * Status rule: `shipped` when every order has a result (shipped, or marked as impossible by
 * the supplier); `partly-shipped` when some have; otherwise `sent`, or `expired` once the link
 * no longer opens (`now >= expiresAt`). A batch with some results stays `partly-shipped` after
 * expiry (the supplier can no longer add results, but what came back counts).
 * @example
 * batchStatus(record, Date.now()); // 'sent'
 */
export function batchStatus(record: BatchRecord, now: Instant): BatchStatus {
  const done = record.orders.filter((o) => record.results[o.orderId] !== undefined).length;
  if (done > 0 && done >= record.orders.length) return 'shipped';
  if (done > 0) return 'partly-shipped';
  return now >= record.expiresAt ? 'expired' : 'sent';
}

/**
 * A batch as lists show it.
 * @example
 * summarize(record, Date.now()).status; // 'sent'
 */
export function summarize(record: BatchRecord, now: Instant): BatchSummary {
  let shipped = 0;
  let cannotShip = 0;
  for (const o of record.orders) {
    const r = record.results[o.orderId]?.result;
    if (r?.status === 'shipped') shipped++;
    else if (r?.status === 'cannot-ship') cannotShip++;
  }
  return {
    batchId: record.id,
    shop: { platform: record.platform, shopId: record.shopId },
    supplier: record.supplier,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    passphrase: record.passphrase,
    orders: record.orders.length,
    shipped,
    cannotShip,
    status: batchStatus(record, now),
    imports: record.imports.length,
  };
}

/**
 * A batch with its orders and results.
 * @example
 * detail(record, Date.now()).items[0]?.order.orderId;
 */
export function detail(record: BatchRecord, now: Instant): BatchDetail {
  return {
    ...summarize(record, now),
    items: record.orders.map((order) => {
      const r = record.results[order.orderId];
      return r ? { order, result: r.result } : { order };
    }),
  };
}

/** Outcome of `mergeReturn`. */
export interface MergeOutcome {
  readonly record: BatchRecord;
  readonly changes: readonly ResultChange[];
  readonly unchanged: number;
  readonly stale: number;
}

/**
 * Merge an opened return code into a batch. Per order: a result equal to the stored one is
 * `unchanged`; a result from a code sealed before the stored one is `stale` (kept as stored: the
 * supplier's later code wins, whatever the import order); anything else replaces it. The record
 * is returned unchanged (same object) when nothing changed, so a second import of a code writes
 * nothing.
 * @example
 * const { changes } = mergeReturn(record, opened, Date.now());
 */
export function mergeReturn(record: BatchRecord, opened: OpenedReturn, now: Instant): MergeOutcome {
  const inBatch = new Set(record.orders.map((o) => o.orderId));
  const results: Record<string, StoredResult> = { ...record.results };
  const changes: ResultChange[] = [];
  let unchanged = 0;
  let stale = 0;
  let touched = false;
  for (const r of opened.results) {
    if (!inBatch.has(r.orderId)) continue; // core refuses these already (unknown-order)
    const old = results[r.orderId];
    if (old && sameResult(old.result, r)) {
      unchanged++;
      // Same value from a later code: remember the later instant (an older code must not win).
      if (opened.sealedAt > old.sealedAt) {
        results[r.orderId] = { result: old.result, sealedAt: opened.sealedAt };
        touched = true;
      }
      continue;
    }
    if (old && old.sealedAt > opened.sealedAt) {
      stale++;
      continue;
    }
    results[r.orderId] = { result: r, sealedAt: opened.sealedAt };
    changes.push(
      old ? { orderId: r.orderId, before: old.result, after: r } : { orderId: r.orderId, after: r },
    );
  }
  if (changes.length === 0)
    return { record: touched ? { ...record, results } : record, changes, unchanged, stale };
  return {
    record: {
      ...record,
      results,
      imports: [...record.imports, { at: now, sealedAt: opened.sealedAt, changed: changes.length }],
    },
    changes,
    unchanged,
    stale,
  };
}
