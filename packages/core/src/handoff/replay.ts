/**
 * Replay rules of return codes (issue 14 item 2): which result an order keeps when several
 * codes name it. A supplier may send a corrected code, the merchant may paste an old one again,
 * and anyone holding the link can make a code, so the rule must not depend on the order codes
 * arrive in:
 * - results are ordered by their code's `sealedAt`, then, at equal instants, by their content
 *   (status, then carrier and waybill number, or the reason, compared by UTF-16 code units), and
 *   each order keeps the greatest. An older code never overrides a newer one, equal instants
 *   are decided the same way on every device, and importing a code twice changes nothing;
 * - the same result from a later code only moves the stored instant forward;
 * - a code for another batch is `wrong-batch`, and a result for an order that is not in the batch
 *   is `unknown-order`: nothing is merged.
 * @module
 */
import type { Instant } from '../types.js';
import { fail, type HandoffResult } from './errors.js';
import type { OpenedReturn, ReturnResult } from './return-code.js';

/**
 * A stored result: the supplier's result and the instant its return code was sealed.
 * @example
 * const s: StoredReturnResult = { result: { orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: 'ZT1' }, sealedAt: 1795000000000 };
 */
export interface StoredReturnResult {
  readonly result: ReturnResult;
  readonly sealedAt: Instant;
}

/** A result that changed: the one before (if any) and the one now kept. */
export interface ReturnChange {
  readonly orderId: string;
  readonly before?: ReturnResult;
  readonly after: ReturnResult;
}

/** Outcome of `mergeReturnResults`. */
export interface ReturnMerge {
  /** The stored results after the merge (the input object itself when nothing moved). */
  readonly results: Readonly<Record<string, StoredReturnResult>>;
  /** Results that were added or replaced. */
  readonly changes: readonly ReturnChange[];
  /** Results equal to the stored ones. */
  readonly unchanged: number;
  /** Results that lost to a stored one (older, or equal instant and smaller content). */
  readonly stale: number;
}

function contentKey(r: ReturnResult): readonly string[] {
  return r.status === 'shipped' ? ['shipped', r.carrier, r.waybill] : ['cannot-ship', r.reason];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The total order of the replay rule: by `sealedAt`, then by content. Negative when `a` loses to
 * `b`, 0 when they are the same result from the same instant.
 * @example
 * compareStoredResults({ result: a, sealedAt: 1 }, { result: b, sealedAt: 2 }); // < 0: the later code wins
 */
export function compareStoredResults(a: StoredReturnResult, b: StoredReturnResult): number {
  if (a.sealedAt !== b.sealedAt) return a.sealedAt < b.sealedAt ? -1 : 1;
  const ka = contentKey(a.result);
  const kb = contentKey(b.result);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const c = compareText(ka[i] ?? '', kb[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

/** Set an own property, even for an order id such as `__proto__` (plain assignment would not). */
function put(into: Record<string, StoredReturnResult>, orderId: string, value: StoredReturnResult): void {
  Object.defineProperty(into, orderId, { value, enumerable: true, writable: true, configurable: true });
}

function sameResult(a: ReturnResult, b: ReturnResult): boolean {
  const ka = contentKey(a);
  const kb = contentKey(b);
  return ka.length === kb.length && ka.every((x, i) => x === kb[i]);
}

/**
 * Merge an opened return code into the stored results of its batch, by the replay rule above.
 * `batch` is the batch's id and order ids. Never throws.
 * @example
 * const m = mergeReturnResults(record.results, opened, { batchId: keep.batchId, orderIds: keep.orderIds });
 * if (m.ok) save(m.value.results); // m.value.changes lists what moved
 */
export function mergeReturnResults(
  stored: Readonly<Record<string, StoredReturnResult>>,
  opened: OpenedReturn,
  batch: { readonly batchId: string; readonly orderIds: readonly string[] },
): HandoffResult<ReturnMerge, 'wrong-batch' | 'unknown-order'> {
  if (opened.batchId !== batch.batchId)
    return fail('wrong-batch', `the return code belongs to batch ${opened.batchId}, not ${batch.batchId}`);
  const inBatch = new Set(batch.orderIds);
  for (const r of opened.results)
    if (!inBatch.has(r.orderId))
      return fail('unknown-order', `order ${r.orderId} is not in this batch`, { orderId: r.orderId });
  const results: Record<string, StoredReturnResult> = { ...stored };
  const changes: ReturnChange[] = [];
  let unchanged = 0;
  let stale = 0;
  let moved = false;
  for (const r of opened.results) {
    const incoming: StoredReturnResult = { result: r, sealedAt: opened.sealedAt };
    const old = Object.hasOwn(results, r.orderId) ? results[r.orderId] : undefined;
    if (old && sameResult(old.result, r)) {
      unchanged++;
      if (opened.sealedAt > old.sealedAt) {
        put(results, r.orderId, { result: old.result, sealedAt: opened.sealedAt });
        moved = true;
      }
      continue;
    }
    if (old && compareStoredResults(incoming, old) < 0) {
      stale++;
      continue;
    }
    put(results, r.orderId, incoming);
    moved = true;
    changes.push(
      old ? { orderId: r.orderId, before: old.result, after: r } : { orderId: r.orderId, after: r },
    );
  }
  return { ok: true, value: { results: moved ? results : stored, changes, unchanged, stale } };
}
