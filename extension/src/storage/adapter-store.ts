/**
 * Taught adapters (issue 15, item 5): one per back-office host, a `meta` entry `adapter:<host>`
 * (no schema change). Values are re-checked on read: a record that no longer passes
 * `checkTaughtAdapter` reads as absent and is left in place (nothing is deleted behind the
 * merchant's back).
 * @module
 */
import { TaughtAdapterError, checkTaughtAdapter, type TaughtAdapter } from '../adapters/taught/record';
import type { Store } from './store';

const key = (host: string): string => `adapter:${host}`;

/**
 * The taught adapter of `host`, if one is stored and still valid.
 * @example
 * await getTaughtAdapter(store, 'fxg.jinritemai.com'); // TaughtAdapter | undefined
 */
export async function getTaughtAdapter(store: Store, host: string): Promise<TaughtAdapter | undefined> {
  const v = await store.getMeta<unknown>(key(host));
  if (v === undefined) return undefined;
  try {
    return checkTaughtAdapter(v);
  } catch (e) {
    if (e instanceof TaughtAdapterError) return undefined;
    throw e;
  }
}

/**
 * Store (replace) the taught adapter of its host.
 * @example
 * await putTaughtAdapter(store, adapter);
 */
export async function putTaughtAdapter(
  store: Store,
  adapter: TaughtAdapter,
  options: { readonly quiet?: boolean } = {},
): Promise<void> {
  await store.setMeta(key(adapter.host), adapter);
  if (!options.quiet) store.writes.emit({ kind: 'adapter', adapter });
}

/**
 * Forget the taught adapter of `host`; whether one was stored.
 * @example
 * await deleteTaughtAdapter(store, 'fxg.jinritemai.com'); // true
 */
export async function deleteTaughtAdapter(
  store: Store,
  host: string,
  options: { readonly quiet?: boolean } = {},
): Promise<boolean> {
  const db = await store.db();
  const tx = db.transaction('meta', 'readwrite');
  const had = (await tx.store.get(key(host))) !== undefined;
  if (had) await tx.store.delete(key(host));
  await tx.done;
  if (had && !options.quiet) store.writes.emit({ kind: 'adapterDeleted', host });
  return had;
}
