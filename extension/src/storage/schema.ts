/**
 * The `shipmask` IndexedDB schema, owned by the background service worker (DESIGN.md: the one
 * owner of IndexedDB). Every schema change is a new version with its own upgrade step in
 * `migrations`; steps run in order from the stored version to `DB_VERSION`, inside the one
 * `versionchange` transaction, so an interrupted upgrade leaves the old version intact.
 *
 * Invariant 1: no store holds buyer plaintext. Orders are masked `OrderView`s (the router
 * refuses anything that classifies as plaintext before it gets here); the ledger holds keyed
 * hashes of order ids, never the ids; the audit log holds counts and ids of our own records.
 *
 * History:
 * - v1: orders, quotaEvents, settings, audit, meta.
 * - v2: the stores later issues need (printJobs, printLog, batches) and the shops registry,
 *   backfilled from the v1 stores; orders gain a `lastSeenAt` index.
 * - v3: `supplierRules` (issue 17 item 4): one supplier-per-SKU rule set per shop. Merchant
 *   data (SKU codes and supplier names; core refuses a mobile number in either), never buyer
 *   data. Nothing else changes: every v2 store and record stays as it is.
 * @module
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Instant, OrderView, PlatformId, SupplierRuleSet } from '@shipmask/core';
import type { ShopSettings } from '../messages/shops';

export const DB_NAME = 'shipmask';
/** The current schema version: the number of entries in `migrations`. */
export const DB_VERSION = 3;

/** A shop's key: `[platform, shopId]`. */
export type ShopKey = [PlatformId, string];

/** A masked order as stored. `completedAt` drives retention (see `retentionStart`). */
export interface StoredOrder {
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly orderId: string;
  /** The masked view as the adapter read it (last sighting). */
  readonly view: OrderView;
  readonly firstSeenAt: Instant;
  readonly lastSeenAt: Instant;
  /**
   * When retention starts: the order's own `completedAt`, or, for an order first seen as
   * completed or cancelled without a date, the instant it was first seen in that state.
   * Absent while the order is open (open orders are never purged).
   */
  readonly completedAt?: Instant;
}

/** One quota-ledger event of a shop, as persisted. `event` is the core ledger event. */
export interface StoredQuotaEvent<E = unknown> {
  /** Unique id; reveals use `click:<clickId>` so a retried message is stored once. */
  readonly id: string;
  readonly platform: PlatformId;
  readonly shopId: string;
  /** When it happened (UTC instant), for ordering and per-day charts. */
  readonly at: Instant;
  /** When the background stored it. */
  readonly recordedAt: Instant;
  readonly event: E;
}

/** Per-shop settings record. */
export interface StoredSettings {
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly settings: ShopSettings;
  readonly updatedAt: Instant;
}

/** One audit-log entry: what happened, never buyer data. */
export interface AuditEntry {
  readonly seq?: number;
  readonly at: Instant;
  readonly kind: string;
  readonly platform?: PlatformId;
  readonly shopId?: string;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Install-wide values (the ledger HMAC key, the last retention run, ...). */
export interface MetaEntry {
  readonly key: string;
  readonly value: unknown;
}

/** A shop the extension has seen (v2). */
export interface StoredShop {
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly firstSeenAt: Instant;
  readonly lastSeenAt: Instant;
  /** The shop's name as the back-office shows it (issue 21); the popup's name overrides it. */
  readonly pageName?: string;
}

/** A print job (issue: bulk print). Shape owned by that issue; only the keys are fixed here. */
export interface StoredPrintJob {
  readonly id: string;
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly createdAt: Instant;
  readonly [field: string]: unknown;
}

/** One print-log line (issue: bulk print). */
export interface StoredPrintLog {
  readonly seq?: number;
  readonly jobId: string;
  readonly at: Instant;
  readonly [field: string]: unknown;
}

/** A supplier hand-off batch (issue: supplier hand-off). */
export interface StoredBatch {
  readonly id: string;
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly createdAt: Instant;
  readonly [field: string]: unknown;
}

/**
 * A shop's supplier-per-SKU rule set (v3): core's `SupplierRuleSet` as checked by
 * `checkSupplierRules`, and the default supplier for SKUs no rule names (absent: such orders
 * stay unassigned).
 */
export interface StoredSupplierRules {
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly rules: SupplierRuleSet;
  readonly fallback?: string;
  readonly updatedAt: Instant;
}

/** The whole schema at `DB_VERSION`. */
export interface ShipmaskSchema extends DBSchema {
  orders: {
    key: [PlatformId, string, string];
    value: StoredOrder;
    indexes: { completedAt: Instant; lastSeenAt: Instant; shop: ShopKey };
  };
  quotaEvents: {
    key: string;
    value: StoredQuotaEvent;
    indexes: { shop: ShopKey; shopAt: [PlatformId, string, Instant] };
  };
  settings: { key: ShopKey; value: StoredSettings };
  audit: { key: number; value: AuditEntry; indexes: { at: Instant } };
  meta: { key: string; value: MetaEntry };
  shops: { key: ShopKey; value: StoredShop };
  printJobs: { key: string; value: StoredPrintJob; indexes: { shop: ShopKey; createdAt: Instant } };
  printLog: { key: number; value: StoredPrintLog; indexes: { jobId: string; at: Instant } };
  batches: { key: string; value: StoredBatch; indexes: { shop: ShopKey; createdAt: Instant } };
  supplierRules: { key: ShopKey; value: StoredSupplierRules };
}

export type ShipmaskDb = IDBPDatabase<ShipmaskSchema>;
type UpgradeTx = IDBPTransaction<ShipmaskSchema, StoreNames<ShipmaskSchema>[], 'versionchange'>;

/**
 * One upgrade step. It may create stores and indexes synchronously and queue record rewrites on
 * `tx` (only IndexedDB requests: never await anything else inside an upgrade).
 */
export type Migration = (db: ShipmaskDb, tx: UpgradeTx) => void;

/** v1: the first cut. */
const v1: Migration = (db) => {
  const orders = db.createObjectStore('orders', { keyPath: ['platform', 'shopId', 'orderId'] });
  orders.createIndex('completedAt', 'completedAt');
  orders.createIndex('shop', ['platform', 'shopId']);
  const events = db.createObjectStore('quotaEvents', { keyPath: 'id' });
  events.createIndex('shop', ['platform', 'shopId']);
  events.createIndex('shopAt', ['platform', 'shopId', 'at']);
  db.createObjectStore('settings', { keyPath: ['platform', 'shopId'] });
  const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
  audit.createIndex('at', 'at');
  db.createObjectStore('meta', { keyPath: 'key' });
};

/**
 * v2: stores for printing and hand-off (created now so those issues need no migration), the
 * shops registry backfilled from every v1 store that names a shop, and a `lastSeenAt` index.
 */
const v2: Migration = (db, tx) => {
  tx.objectStore('orders').createIndex('lastSeenAt', 'lastSeenAt');
  db.createObjectStore('shops', { keyPath: ['platform', 'shopId'] });
  const jobs = db.createObjectStore('printJobs', { keyPath: 'id' });
  jobs.createIndex('shop', ['platform', 'shopId']);
  jobs.createIndex('createdAt', 'createdAt');
  const log = db.createObjectStore('printLog', { keyPath: 'seq', autoIncrement: true });
  log.createIndex('jobId', 'jobId');
  log.createIndex('at', 'at');
  const batches = db.createObjectStore('batches', { keyPath: 'id' });
  batches.createIndex('shop', ['platform', 'shopId']);
  batches.createIndex('createdAt', 'createdAt');

  // Backfill: one shop record per [platform, shopId] found in orders, settings or the ledger.
  // Collected in memory first (get-then-put per record would race inside one transaction).
  const found = new Map<string, StoredShop>();
  const note = (platform: PlatformId, shopId: string, at: Instant): void => {
    const k = JSON.stringify([platform, shopId]);
    const s = found.get(k);
    found.set(
      k,
      s
        ? { ...s, firstSeenAt: Math.min(s.firstSeenAt, at), lastSeenAt: Math.max(s.lastSeenAt, at) }
        : { platform, shopId, firstSeenAt: at, lastSeenAt: at },
    );
  };
  const scan = async (name: 'orders' | 'settings' | 'quotaEvents'): Promise<void> => {
    for (let c = await tx.objectStore(name).openCursor(); c; c = await c.continue()) {
      const v = c.value;
      const at = 'firstSeenAt' in v ? v.firstSeenAt : 'updatedAt' in v ? v.updatedAt : v.at;
      note(v.platform, v.shopId, at);
    }
  };
  const shops = tx.objectStore('shops');
  void Promise.all([scan('orders'), scan('settings'), scan('quotaEvents')])
    .then(() => Promise.all([...found.values()].map((s) => shops.put(s))))
    .catch(() => {
      // A failed request has already aborted the upgrade transaction: the open rejects and the
      // database stays at v1 with its data intact.
    });
};

/** v3: one supplier rule set per shop (issue 17 item 4); a new store only, no record touched. */
const v3: Migration = (db) => {
  db.createObjectStore('supplierRules', { keyPath: ['platform', 'shopId'] });
};

/** Upgrade steps; `migrations[n]` takes the database from version n to n + 1. */
export const migrations: readonly Migration[] = [v1, v2, v3];

/** Run the steps from `oldVersion` up to `newVersion` (the `upgrade` callback of `openDB`). */
export function runMigrations(db: ShipmaskDb, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < newVersion; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration from schema v${v}`);
    step(db, tx);
  }
}
