/**
 * The background's sync service over the browser's `indexedDB` and `fetch` (issue 22), subscribed
 * to the store's committed writes. Kept apart from sync-service.ts so tests build the service over
 * fake-indexeddb and a test server instead.
 * @module
 */
import type { Store } from '../../storage';
import { IdbSyncStore } from '../../storage/sync-store';
import type { Locks } from '../shared/locks';
import type { Ledgers } from '../quota';
import { SyncService } from './sync-service';

export { SyncService };

/**
 * A factory of the default sync service of a background (see the module note).
 * @example
 * const sync = defaultSyncService({ store, locks, now: Date.now, randomBytes })(ledgers);
 */
export function defaultSyncService(o: {
  readonly store: Store;
  readonly locks: Locks;
  readonly now: () => number;
  readonly randomBytes: (n: number) => Uint8Array;
}): (ledgers: Ledgers) => SyncService {
  return (ledgers) => {
    const sync = new SyncService({
      store: o.store,
      locks: o.locks,
      now: o.now,
      randomBytes: o.randomBytes,
      openMirror: () => IdbSyncStore.open(globalThis.indexedDB),
      fetch: (input, init) => globalThis.fetch(input, init),
      forget: (shop) => ledgers.forget(shop),
      resetLedgers: () => ledgers.reset(),
    });
    o.store.writes.subscribe((w) => sync.onWrite(w));
    return sync;
  };
}
