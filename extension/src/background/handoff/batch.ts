/**
 * The pure rules over hand-off batch records (the `batches` store, storage/batch-record.ts): a batch's status,
 * and merging a supplier's return code into it by core's replay rules (`mergeReturnResults`:
 * importing the same code twice changes nothing, an older code never overwrites a newer one,
 * equal instants are decided the same way in any import order, results for orders outside the
 * batch are refused).
 * @module
 */
import { mergeReturnResults, type HandoffError, type Instant, type OpenedReturn } from '@shipmask/core';
import type { BatchDetail, BatchStatus, BatchSummary, ResultChange } from '../../messages/handoff';
import type { BatchRecord } from '../../storage/batch-record';

/**
 * Status rule: when every order has a result (shipped, or marked as impossible by the
 * supplier): `returned` (已回传，待上传发货) until the merchant makes the bulk-ship file, then
 * `shipped` (a batch where nothing came back shipped has nothing to upload: `shipped` at once);
 * `partly-shipped` when some have; otherwise `sent`, or `expired` once the link
 * no longer opens (`now >= expiresAt`). A batch with some results stays `partly-shipped` after
 * expiry (the supplier can no longer add results, but what came back counts). A batch the
 * merchant revoked is `revoked` whatever came back before (issue 17).
 * @example
 * batchStatus(record, Date.now()); // 'sent'
 */
export function batchStatus(record: BatchRecord, now: Instant): BatchStatus {
  if (record.revokedAt !== undefined) return 'revoked';
  const done = record.orders.filter((o) => record.results[o.orderId] !== undefined).length;
  if (done > 0 && done >= record.orders.length) {
    const toShip = record.orders.some((o) => record.results[o.orderId]?.result.status === 'shipped');
    return toShip && record.shipFileAt === undefined ? 'returned' : 'shipped';
  }
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
    ...(record.revokedAt !== undefined ? { revokedAt: record.revokedAt } : {}),
    ...(record.group ? { group: record.group } : {}),
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

/**
 * Revoke a batch (issue 17): the record with `revokedAt` set; a batch already revoked keeps its
 * first instant (the same object comes back, so nothing is written).
 * @example
 * revokeBatch(record, Date.now()).revokedAt; // the instant
 */
export function revokeBatch(record: BatchRecord, now: Instant): BatchRecord {
  return record.revokedAt !== undefined ? record : { ...record, revokedAt: now };
}

/**
 * Note that the bulk-ship file was made (issue 21); the first instant is kept (the same object
 * comes back, so nothing is written).
 * @example
 * markShipFile(record, Date.now()).shipFileAt; // the instant
 */
export function markShipFile(record: BatchRecord, now: Instant): BatchRecord {
  return record.shipFileAt !== undefined ? record : { ...record, shipFileAt: now };
}

/** Outcome of `mergeReturn`. */
export interface MergeOutcome {
  readonly record: BatchRecord;
  readonly changes: readonly ResultChange[];
  readonly unchanged: number;
  readonly stale: number;
}

/**
 * Merge an opened return code into a batch with core's replay rules (`mergeReturnResults`). The
 * record is returned unchanged (same object) when nothing moved, so a second import of a code
 * writes nothing; an import that changed results is logged in `imports`. A code of another
 * batch (`wrong-batch`) or naming an order outside it (`unknown-order`) merges nothing.
 * @example
 * const m = mergeReturn(record, opened, Date.now());
 * if (m.ok) save(m.value.record);
 */
export function mergeReturn(
  record: BatchRecord,
  opened: OpenedReturn,
  now: Instant,
):
  | { readonly ok: true; readonly value: MergeOutcome }
  | { readonly ok: false; readonly error: HandoffError<'wrong-batch' | 'unknown-order'> } {
  const merged = mergeReturnResults(record.results, opened, {
    batchId: record.id,
    orderIds: record.orders.map((o) => o.orderId),
  });
  if (!merged.ok) return merged;
  const { results, changes, unchanged, stale } = merged.value;
  const moved = results !== record.results;
  const next: BatchRecord = !moved
    ? record
    : changes.length === 0
      ? { ...record, results }
      : {
          ...record,
          results,
          imports: [...record.imports, { at: now, sealedAt: opened.sealedAt, changed: changes.length }],
        };
  return { ok: true, value: { record: next, changes, unchanged, stale } };
}
