/**
 * The full pass over the main database at pairing (issue 22): every record the stations share, as
 * the same `StoreWrite`s the stores announce when they write (storage/sync-outbox.ts), so the
 * mirror gets exactly the documents it would have got had sync been on from the start. Writing
 * them again is a no-op for set members (content-derived revisions), so the pass is idempotent.
 *
 * Read in this order: settings, supplier rules, hand-off settings (when saved), taught adapters,
 * every shop's ledger events, print-log lines per job, hand-off batches (as stored now: with their
 * results, revoke and bulk-ship marks), gate overrides from the audit log.
 * @module
 */
import type { PrintLogLine } from '../../messages/print';
import type { Store } from '../../storage';
import { HANDOFF_CONFIG_KEY, getHandoffConfig, listBatches } from '../../storage/handoff-store';
import { getSupplierRules } from '../../storage/supplier-rules-store';
import type { StoreWrite } from '../../storage/sync-outbox';
import { TaughtAdapterError, checkTaughtAdapter } from '../../adapters/taught/record';

/**
 * Every shared record of the main database as store writes (see the module order).
 * @example
 * for await (const w of backfillWrites(store, now)) await engine.write(docsOf(w, station, now));
 */
export async function* backfillWrites(store: Store, now: number): AsyncGenerator<StoreWrite> {
  for (const s of await store.allSettings())
    yield {
      kind: 'settings',
      shop: { platform: s.platform, shopId: s.shopId },
      settings: s.settings,
      at: s.updatedAt,
    };
  const db = await store.db();
  for (const r of await db.getAll('supplierRules')) {
    const shop = { platform: r.platform, shopId: r.shopId };
    // Read back through core's check, as the hand-off service reads them.
    const { rules, fallback, updatedAt } = await getSupplierRules(store, shop);
    if (updatedAt === undefined) continue;
    yield { kind: 'supplierRules', shop, rules, ...(fallback ? { fallback } : {}), at: updatedAt };
  }
  // Only settings the merchant saved: the defaults of a new station must not override a shop's.
  if ((await store.getMeta(HANDOFF_CONFIG_KEY)) !== undefined)
    yield { kind: 'handoffConfig', config: await getHandoffConfig(store), at: now };
  const metas = await db.getAll('meta', IDBKeyRange.bound('adapter:', 'adapter:\uffff'));
  for (const m of metas) {
    try {
      yield { kind: 'adapter', adapter: checkTaughtAdapter(m.value) };
    } catch (e) {
      if (!(e instanceof TaughtAdapterError)) throw e;
    }
  }
  for (const shop of await store.listShops()) {
    const ref = { platform: shop.platform, shopId: shop.shopId };
    for (const e of await store.eventsOf(ref)) yield { kind: 'quotaEvent', shop: ref, event: e.event };
  }
  const jobs = new Map((await db.getAll('printJobs')).map((j) => [j.id, j]));
  const byJob = new Map<string, PrintLogLine[]>();
  for (const l of await db.getAll('printLog')) {
    const line = l as unknown as PrintLogLine;
    if (line.kind !== 'printed' && line.kind !== 'reprint') continue;
    byJob.set(line.jobId, [...(byJob.get(line.jobId) ?? []), line]);
  }
  for (const [jobId, lines] of byJob) {
    const j = jobs.get(jobId) as unknown as
      { platform?: string; shopId?: string; carrier?: string } | undefined;
    if (!j || (j.platform !== 'douyin' && j.platform !== 'wechat' && j.platform !== 'jd') || !j.shopId)
      continue;
    yield {
      kind: 'printLog',
      shop: { platform: j.platform, shopId: j.shopId },
      carrier: typeof j.carrier === 'string' ? j.carrier : '',
      lines,
    };
  }
  for (const record of await listBatches(store)) yield { kind: 'batch', record };
  for (const a of await store.auditLog()) {
    const d = a.detail;
    if (a.kind !== 'gate-override' || !a.platform || !a.shopId) continue;
    if (typeof d?.['orderId'] !== 'string' || typeof d['reason'] !== 'string') continue;
    yield {
      kind: 'gateOverride',
      shop: { platform: a.platform, shopId: a.shopId },
      at: a.at,
      orderId: d['orderId'],
      reason: d['reason'],
    };
  }
}
