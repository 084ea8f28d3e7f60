/**
 * Reminders for hand-off batches about to expire (issue 17, item 5): a batch is due when its
 * link expires within `REMINDER_WINDOW_MS` from now, it has not expired yet, it is not revoked,
 * and some of its orders have no result from the supplier. Soonest first.
 * @module
 */
import { DAY_MS, type Instant } from '@shipmask/core';
import type { BatchReminder } from '../../messages/handoff';
import type { BatchRecord } from '../../storage/batch-record';

/**
 * How long before expiry a batch with orders not returned is shown in the panel: two days, so
 * the merchant can still call the supplier (or seal a new link) before the link stops opening.
 */
export const REMINDER_WINDOW_MS = 2 * DAY_MS;

/**
 * The reminders due at `now`.
 * @example
 * dueReminders(records, Date.now()); // [{ batchId, shop, supplier, expiresAt, pending: 3 }]
 */
export function dueReminders(
  records: readonly BatchRecord[],
  now: Instant,
  windowMs: number = REMINDER_WINDOW_MS,
): BatchReminder[] {
  const out: BatchReminder[] = [];
  for (const r of records) {
    if (r.revokedAt !== undefined || r.expiresAt <= now || r.expiresAt - now > windowMs) continue;
    const pending = r.orders.filter((o) => r.results[o.orderId] === undefined).length;
    if (pending === 0) continue;
    out.push({
      batchId: r.id,
      shop: { platform: r.platform, shopId: r.shopId },
      supplier: r.supplier,
      expiresAt: r.expiresAt,
      pending,
    });
  }
  return out.sort((a, b) => a.expiresAt - b.expiresAt || a.batchId.localeCompare(b.batchId));
}
