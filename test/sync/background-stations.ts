/**
 * Whole-background stations for the node-side sync tests (issue 22): each station is the real
 * background service of the extension (`createService`: router handlers, ledgers, print jobs,
 * gate, hand-off) with its own main database and its own sync mirror (a fake-indexeddb factory
 * each, like a separate Chrome profile), syncing with the real pouchdb-server through Node's fetch.
 * Only the network can be cut (`offline`), as when a station's cable is pulled.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { queueLocks } from '../../extension/src/background/shared/locks.ts';
import type { RequestContext } from '../../extension/src/background/shared/handlers.ts';
import { createService, type Service } from '../../extension/src/background/service.ts';
import { SyncService } from '../../extension/src/background/sync/sync-service.ts';
import { memoryTabShops } from '../../extension/src/background/shops/tab-shops.ts';
import { Store } from '../../extension/src/storage/index.ts';
import { IdbSyncStore } from '../../extension/src/storage/sync-store.ts';

export const page: RequestContext = { kind: 'page' };
export const content: RequestContext = { kind: 'content', tabId: 1 };
export const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/** One station: a whole background over its own databases. */
export class BackgroundStation {
  readonly store: Store;
  readonly service: Service;
  /** Cut the network: every request fails as a pulled cable would. */
  offline = false;

  constructor(readonly name: string) {
    const factory = new IDBFactory();
    const mirrorFactory = new IDBFactory();
    this.store = new Store({ factory });
    const locks = queueLocks();
    this.service = createService({
      store: this.store,
      locks,
      tabShops: memoryTabShops(),
      now: () => Date.now(),
      randomBytes: random,
      sync: (ledgers) => {
        const sync = new SyncService({
          store: this.store,
          locks,
          now: () => Date.now(),
          randomBytes: random,
          openMirror: () => IdbSyncStore.open(mirrorFactory),
          fetch: (input, init) =>
            this.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init),
          forget: (s) => ledgers.forget(s),
          resetLedgers: () => ledgers.reset(),
          online: () => !this.offline,
          soonMs: null,
        });
        this.store.writes.subscribe((w) => sync.onWrite(w));
        return sync;
      },
    });
  }

  get h(): Service['handlers'] {
    return this.service.handlers;
  }
}

/** Sync every station, `rounds` times in turn (a round lets each see what the others pushed). */
export async function syncAll(stations: readonly BackgroundStation[], rounds = 2): Promise<void> {
  for (let r = 0; r < rounds; r++) for (const s of stations) await s.service.sync.runOnce();
}
