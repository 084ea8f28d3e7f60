/**
 * Hand-off persistence over the `batches` store (schema v2) and one `meta` entry for the
 * hand-off settings. Batch records are `BatchRecord`s (background/handoff-batch.ts): masked
 * orders as sealed, results, and the batch's key material; never the link.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import type { BatchRecord } from './batch-record';
import type { HandoffConfig } from '../messages/handoff';
import type { ShopRef } from '../messages/shared';
import type { StoredBatch } from './schema';
import type { Store } from './store';

/** The `meta` key of the hand-off settings. */
export const HANDOFF_CONFIG_KEY = 'handoff:config';

/** Defaults: no base URL (the merchant sends sealed text or a file), no suppliers yet. */
export const DEFAULT_HANDOFF_CONFIG: HandoffConfig = { baseUrl: '', suppliers: [] };

const toStored = (r: BatchRecord): StoredBatch => r as unknown as StoredBatch;
const fromStored = (r: StoredBatch | undefined): BatchRecord | undefined =>
  r && Array.isArray(r.orders) && typeof r.keep === 'object' ? (r as unknown as BatchRecord) : undefined;

/** Store a new batch (fails with `ConstraintError` when the id exists: ids are random). */
export async function addBatch(
  store: Store,
  record: BatchRecord,
  options: { readonly quiet?: boolean } = {},
): Promise<void> {
  const db = await store.db();
  const tx = db.transaction('batches', 'readwrite', { durability: 'strict' });
  await tx.store.add(toStored(record));
  await tx.done;
  if (!options.quiet) store.writes.emit({ kind: 'batch', record });
}

/**
 * Store the batches of one multi-supplier selection in ONE transaction (issue 17 item 4): all of
 * them or, if any write fails, none.
 */
export async function addBatches(store: Store, records: readonly BatchRecord[]): Promise<void> {
  const db = await store.db();
  const tx = db.transaction('batches', 'readwrite', { durability: 'strict' });
  await Promise.all(records.map((r) => tx.store.add(toStored(r))));
  await tx.done;
  for (const record of records) store.writes.emit({ kind: 'batch', record });
}

/** A batch by id. */
export async function getBatch(store: Store, id: string): Promise<BatchRecord | undefined> {
  return fromStored(await (await store.db()).get('batches', id));
}

/** Batches of a shop (or all), newest first. */
export async function listBatches(store: Store, shop?: ShopRef): Promise<BatchRecord[]> {
  const db = await store.db();
  const all = shop
    ? await db.getAllFromIndex('batches', 'shop', [shop.platform, shop.shopId])
    : await db.getAll('batches');
  return all
    .map((r) => fromStored(r))
    .filter((r): r is BatchRecord => r !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Read a batch, apply `update` and write the result in ONE readwrite transaction (two imports
 * at once serialise); `update` returning the same object writes nothing.
 */
export async function updateBatch<T>(
  store: Store,
  id: string,
  update: (record: BatchRecord) => { record: BatchRecord; value: T },
  options: { readonly quiet?: boolean } = {},
): Promise<{ found: false } | { found: true; record: BatchRecord; value: T }> {
  const db = await store.db();
  const tx = db.transaction('batches', 'readwrite', { durability: 'strict' });
  const old = fromStored(await tx.store.get(id));
  if (!old) {
    await tx.done;
    return { found: false };
  }
  const { record, value } = update(old);
  if (record !== old) await tx.store.put(toStored(record));
  await tx.done;
  if (record !== old && !options.quiet) store.writes.emit({ kind: 'batch', record, before: old });
  return { found: true, record, value };
}

/** The stored masked orders of a shop among `orderIds`, in the given order, and the ids not stored. */
export async function ordersByIds(
  store: Store,
  shop: ShopRef,
  orderIds: readonly string[],
): Promise<{ orders: OrderView[]; missing: string[] }> {
  const db = await store.db();
  const tx = db.transaction('orders', 'readonly');
  const found = await Promise.all(orderIds.map((id) => tx.store.get([shop.platform, shop.shopId, id])));
  await tx.done;
  const orders: OrderView[] = [];
  const missing: string[] = [];
  found.forEach((r, i) => (r ? orders.push(r.view) : missing.push(orderIds[i]!)));
  return { orders, missing };
}

/** The hand-off settings (defaults when none saved). */
export async function getHandoffConfig(store: Store): Promise<HandoffConfig> {
  const v = await store.getMeta<HandoffConfig>(HANDOFF_CONFIG_KEY);
  return v && typeof v.baseUrl === 'string' && Array.isArray(v.suppliers) ? v : DEFAULT_HANDOFF_CONFIG;
}

/**
 * Save the hand-off settings, and announce them to the sync outbox (with `at`, the instant of the
 * save) unless `quiet` (settings pulled from another station).
 */
export async function setHandoffConfig(
  store: Store,
  config: HandoffConfig,
  at: number,
  options: { readonly quiet?: boolean } = {},
): Promise<void> {
  await store.setMeta(HANDOFF_CONFIG_KEY, config);
  if (!options.quiet) store.writes.emit({ kind: 'handoffConfig', config, at });
}
