/**
 * One bulk-ship file across several batches (issue 17 item 4): the batches of one multi-supplier
 * selection, or every batch of a shop with returned results. Each batch's order lines become
 * parcels ranked by the batch's place (oldest selection first, then its part order: the order
 * the split was shown in), and core's `mergeParcelShipments` decides: one row per order, a split
 * order shipped by its first parcel, the other parcels listed for 追加包裹 / 补充运单 by hand.
 * Only the orders that passed the exception gate's bulk-ship check are passed (`pass`).
 * @module
 */
import { mergeParcelShipments, type MergedShipping, type ParcelResult } from '@shipmask/core';
import type { BatchDetail } from '../messages/handoff';

/**
 * The parcels of some batches, ranked (module rule).
 * @example
 * parcelsOf(details).map((p) => [p.orderId, p.rank]);
 */
export function parcelsOf(batches: readonly BatchDetail[]): ParcelResult[] {
  const ranked = [...batches].sort(
    (a, b) =>
      a.createdAt - b.createdAt ||
      (a.group?.part ?? 0) - (b.group?.part ?? 0) ||
      (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0),
  );
  return ranked.flatMap((b, rank) =>
    b.items.map((it) => ({
      orderId: it.order.orderId,
      batchId: b.batchId,
      rank,
      ...(it.result ? { result: { ...it.result, orderId: it.order.orderId } } : {}),
    })),
  );
}

/**
 * The merged bulk-ship file of some batches of one platform (batches of another platform than
 * the first are left out: one file is one platform's format).
 * @example
 * mergedShipping(details, new Set(ids), 'sel-q3Zk8Jd0WcLm').file.csv;
 */
export function mergedShipping(
  batches: readonly BatchDetail[],
  pass: ReadonlySet<string> | undefined,
  name: string,
): MergedShipping | undefined {
  const first = batches[0];
  if (!first) return undefined;
  const same = batches.filter(
    (b) => b.shop.platform === first.shop.platform && b.shop.shopId === first.shop.shopId,
  );
  const parcels = parcelsOf(same).filter((p) => !pass || pass.has(p.orderId));
  return mergeParcelShipments(first.shop.platform, parcels, { name });
}
