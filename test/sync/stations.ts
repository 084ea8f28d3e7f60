/**
 * Stations for the node-side sync tests: the real engine, client and IndexedDB mirror of the
 * extension (extension/src/background/sync, extension/src/storage/sync-store.ts) over a
 * fake-indexeddb factory per station (the extension's unit tests use the same), talking to the
 * real pouchdb-server through Node's fetch.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import {
  deriveSyncKeys,
  docText,
  type QuotaEvent,
  type SyncDoc,
  type SyncKeys,
  type SyncShop,
} from '@shipmask/core';
import { CouchClient } from '../../extension/src/background/sync/couch-client.ts';
import { SyncEngine } from '../../extension/src/background/sync/engine.ts';
import { IdbSyncStore } from '../../extension/src/storage/sync-store.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The shop sync key every station of the test shop holds. */
export function shopKeys(seed = 7): SyncKeys {
  const r = deriveSyncKeys(Uint8Array.from({ length: 32 }, (_, i) => (i * 31 + seed) & 255));
  if (!r.ok) throw new Error('bad key');
  return r.keys;
}

export const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/** One station: its engine and its (fake) IndexedDB, which outlives the engine like a real profile. */
export class Station {
  engine!: SyncEngine;
  store!: IdbSyncStore;
  readonly factory = new IDBFactory();
  fetcher: Fetch = (input, init) => fetch(input, init);

  constructor(
    readonly label: string,
    readonly dbUrl: string,
    readonly keys: SyncKeys = shopKeys(),
  ) {}

  /** Start (or restart, as a new service worker would) over the same IndexedDB. */
  async start(): Promise<this> {
    this.store = await IdbSyncStore.open(this.factory);
    this.engine = new SyncEngine({
      keys: this.keys,
      client: new CouchClient(this.dbUrl, (i, init) => this.fetcher(i, init)),
      store: this.store,
      station: { id: `st-${this.label}`, label: this.label },
      random,
      now: () => Date.now(),
      batchSize: 100,
    });
    return this;
  }

  /** The service worker is killed: the engine is gone, IndexedDB stays. */
  kill(): void {
    this.store.close();
  }

  /** The merged view as comparable text: id → canonical document. */
  async viewText(): Promise<Map<string, string>> {
    const v = await this.engine.view();
    return new Map([...v].map(([id, r]): [string, string] => [id, r.doc ? docText(r.doc) : '']).sort());
  }
}

export const SHOP: SyncShop = { platform: 'douyin', shopId: 'shop-8812731' };

/** `n` quota events of one station: reveals of distinct orders (orderKey hashes) and order counts. */
export function quotaDocs(station: string, n: number, t0 = Date.UTC(2026, 11, 7, 2)): SyncDoc[] {
  return Array.from({ length: n }, (_, i): SyncDoc => {
    const event: QuotaEvent =
      i % 5 === 0
        ? { type: 'orderCounted', id: `${station}:oc:${i}`, at: t0 + i * 1000, count: 3 }
        : {
            type: 'decrypted',
            id: `${station}:c:${i}`,
            at: t0 + i * 1000,
            orderKey: (i.toString(16) + station.charCodeAt(0).toString(16)).padStart(64, 'a'),
            field: 'phone',
            source: 'backoffice',
            via: 'single',
          };
    return { kind: 'quotaEvent', shop: SHOP, event };
  });
}
