/**
 * Retention: orders are purged `retentionDays` after they complete (default 90, a setting per
 * shop); audit entries after a year. Ledger events stay: they are keyed hashes and counts, and
 * the quota history (chart, forecast, reconciliation) needs them. Runs when the background starts (at most once an hour: a service worker wakes often)
 * and daily through `alarms` (see entrypoints/background.ts).
 * @module
 */
import { DAY_MS, type Instant } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import { DEFAULT_RETENTION_DAYS, type PurgeResult, type Store } from '../../storage';

/** Name of the daily alarm. */
export const RETENTION_ALARM = 'shipmask-retention';
/** Minimum gap between two start-up runs. */
export const RETENTION_MIN_GAP_MS = 60 * 60 * 1000;
const LAST_RUN = 'retention:lastRun';
/** The audit log keeps a year (it holds counts and our own ids, never buyer data). */
export const AUDIT_RETENTION_DAYS = 365;

/**
 * Purge expired orders for every shop, by each shop's `retentionDays` (default 90). Audited.
 * @example
 * await runRetention(store, Date.now()); // { purged: 3, byShop: Map { 'wechat/demo' => 3 } }
 */
export async function runRetention(store: Store, now: Instant): Promise<PurgeResult> {
  const days = new Map<string, number>();
  for (const s of await store.allSettings()) {
    if (s.settings.retentionDays !== undefined)
      days.set(`${s.platform}/${s.shopId}`, s.settings.retentionDays);
  }
  const retentionDays = (shop: ShopRef): number =>
    days.get(`${shop.platform}/${shop.shopId}`) ?? DEFAULT_RETENTION_DAYS;
  const result = await store.purgeOrders(now, retentionDays);
  await store.purgeAudit(now - AUDIT_RETENTION_DAYS * DAY_MS);
  await store.setMeta(LAST_RUN, now);
  if (result.purged > 0) {
    await store.audit({ at: now, kind: 'retention-purge', detail: { purged: result.purged } });
  }
  return result;
}

/** Run at start-up unless a run finished less than `RETENTION_MIN_GAP_MS` ago. */
export async function runRetentionIfDue(store: Store, now: Instant): Promise<PurgeResult | undefined> {
  const last = await store.getMeta<number>(LAST_RUN);
  if (typeof last === 'number' && now - last < RETENTION_MIN_GAP_MS && last <= now) return undefined;
  return runRetention(store, now);
}
