/**
 * The background's handlers, put together from the feature folders (orders, quota, shops, print,
 * handoff, adapters, gate): this file only wires them over one store, one set of locks and one
 * clock. What each message does lives in its feature's `service.ts`. Nothing is kept in memory
 * that IndexedDB does not hold (a terminated service worker loses only caches).
 * @module
 */
import type { Instant, QuotaLedger } from '@shipmask/core';
import type { QuotaView } from '../messages/quota';
import type { ShopRef } from '../messages/shared';
import type { Store } from '../storage';
import { adapterHandlers } from './adapters/service';
import { createGateService } from './gate/service';
import { handoffHandlers } from './handoff/service';
import { ordersHandlers } from './orders/service';
import { createPrintHandlers } from './print/service';
import type { Ledgers } from './quota/ledgers';
import { createQuotaService } from './quota/service';
import type { Handlers } from './shared/handlers';
import type { Locks } from './shared/locks';
import { shopsHandlers, tabNoter } from './shops/service';
import type { TabShops } from './shops/tab-shops';
import { defaultSyncService, type SyncService } from './sync/sync-default';

export interface ServiceOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly tabShops: TabShops;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Open an extension page in a new tab (bulk print: `selection/open`); absent in tests. */
  readonly openPage?: (path: string) => Promise<number | undefined>;
  /** Multi-station sync (issue 22); default: over `indexedDB` and `fetch` (sync/sync-default.ts). */
  readonly sync?: (ledgers: Ledgers) => SyncService;
}

/** The handlers and the ledgers they share. */
export interface Service {
  readonly handlers: Handlers;
  readonly ledgers: Ledgers;
  /** The quota meter of a shop now (from `ledger` when the caller has it). */
  quota(shop: ShopRef, ledger?: QuotaLedger): Promise<QuotaView>;
  readonly sync: SyncService;
}

/**
 * Build the handlers over a store.
 * @example
 * const service = createService({ store, locks: defaultLocks(), tabShops, now: Date.now, randomBytes });
 * const route = createRouter({ policy, handlers: service.handlers });
 */
export function createService(options: ServiceOptions): Service {
  const { store, now, tabShops, randomBytes } = options;
  const noteTab = tabNoter(tabShops);
  const quota = createQuotaService({ store, locks: options.locks, now, randomBytes, noteTab });
  const gate = createGateService({ store, locks: options.locks, now, randomBytes });
  const sync = (options.sync ?? defaultSyncService(options))(quota.ledgers);

  const handlers: Handlers = {
    ...ordersHandlers({ store, ledgers: quota.ledgers, gate, now, noteTab }),
    ...quota.handlers,
    ...shopsHandlers({ store, tabShops, now }),
    ...createPrintHandlers({
      store,
      now,
      gate,
      randomBytes,
      claimJob: (job) => sync.claimJob(job),
      ...(options.openPage ? { openPage: options.openPage } : {}),
    }),
    ...handoffHandlers({ store, now, randomBytes, gate }),
    ...adapterHandlers({ store }),
    ...gate.handlers,
    ...sync.handlers(),
  };

  return { handlers, ledgers: quota.ledgers, quota: quota.quota, sync };
}
