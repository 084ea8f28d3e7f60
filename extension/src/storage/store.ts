/**
 * The background's storage API over the `shipmask` database: masked orders, the quota-event
 * ledger, per-shop settings, the shops registry, the audit log, install-wide meta values and
 * retention. Every method opens its own short transaction (a service worker may be terminated
 * between any two awaits; nothing here keeps state that IndexedDB does not).
 *
 * Callers validate first: this layer stores what it is given. The router refuses plaintext
 * (invariant 1) before anything reaches `putOrders`.
 * @module
 */
import { DAY_MS, type Instant, type OrderView } from '@shipmask/core';
import type { ShopRef } from '../messages/shared';
import type { ShopSettings } from '../messages/shops';
import { Connection, type DbEvent } from './db';
import { WriteHub } from './sync-outbox';
import type {
  AuditEntry,
  ShipmaskDb,
  ShopKey,
  StoredOrder,
  StoredQuotaEvent,
  StoredSettings,
  StoredShop,
} from './schema';

/** Default retention: purge 90 days after an order completes (issue 6). */
export const DEFAULT_RETENTION_DAYS = 90;

/** Length of the per-install HMAC key for order ids in the ledger. */
export const HMAC_KEY_BYTES = 32;

const shopKey = (shop: ShopRef): ShopKey => [shop.platform, shop.shopId];

/** How stale `lastSeenAt` may get before an unchanged order is rewritten. */
const SEEN_REFRESH_MS = 60 * 60 * 1000;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Terminal statuses: retention starts when an order reaches one. */
const TERMINAL = new Set<OrderView['status']>(['completed', 'cancelled']);

export interface StoreOptions {
  readonly factory: IDBFactory;
  readonly name?: string;
  readonly onEvent?: (event: DbEvent) => void;
}

/** Result of appending a ledger event. */
export interface AppendResult<E> {
  /** False when an event with this id was already stored (a retried message). */
  readonly added: boolean;
  readonly record: StoredQuotaEvent<E>;
}

/** One ledger event to append: its store id, time and the event. */
export interface EventItem<E> {
  readonly id: string;
  readonly at: Instant;
  readonly event: E;
}

/** What a purge removed. */
export interface PurgeResult {
  readonly purged: number;
  readonly byShop: ReadonlyMap<string, number>;
}

/**
 * The storage API. One instance per service-worker lifetime; it reopens the database as needed.
 * @example
 * const store = new Store({ factory: indexedDB });
 * await store.putOrders(orders, Date.now());
 */
export class Store {
  readonly connection: Connection;
  /** Committed writes the stations of a shop share (sync-outbox.ts). */
  readonly writes = new WriteHub();

  constructor(options: StoreOptions) {
    this.connection = new Connection(options);
  }

  db(): Promise<ShipmaskDb> {
    return this.connection.get();
  }

  // ---- orders --------------------------------------------------------------------------

  /**
   * Insert or update masked orders (one transaction). Keeps the first sighting; starts retention
   * when an order is first seen in a terminal state; skips unchanged orders seen within the hour.
   * With `ledger`, the events `ledger.eventsFor(new orders)` returns are appended to that shop's
   * ledger in the SAME `strict` transaction, so an order is never stored without its ledger
   * event (or the reverse). Returns how many were new, and the append results.
   */
  async putOrders<E = never>(
    orders: readonly OrderView[],
    now: Instant,
    ledger?: {
      readonly shop: ShopRef;
      readonly eventsFor: (added: readonly OrderView[]) => readonly EventItem<E>[];
    },
    options: {
      /**
       * The views are summaries (read without items and remark): an order already stored keeps
       * its items and remark.
       */
      readonly keepDetail?: boolean;
    } = {},
  ): Promise<{ stored: number; added: number; events: AppendResult<E>[] }> {
    if (orders.length === 0) return { stored: 0, added: 0, events: [] };
    const db = await this.db();
    const tx = db.transaction(
      ['orders', 'shops', 'quotaEvents'],
      'readwrite',
      ledger ? { durability: 'strict' } : undefined,
    );
    const store = tx.objectStore('orders');
    // The same order twice in one call: the last sighting wins.
    const views = [
      ...new Map(orders.map((o) => [JSON.stringify([o.platform, o.shopId, o.orderId]), o])).values(),
    ];
    const olds = await Promise.all(views.map((v) => store.get([v.platform, v.shopId, v.orderId])));
    const shops = new Map<string, ShopRef>();
    const writes: Promise<unknown>[] = [];
    views.forEach((seen, i) => {
      const old = olds[i];
      const view: OrderView =
        options.keepDetail && old
          ? {
              ...seen,
              items: old.view.items,
              ...(old.view.remark !== undefined ? { remark: old.view.remark } : {}),
            }
          : seen;
      // Unchanged and seen within the hour: no write (page swaps resend the same rows).
      if (
        old &&
        now - old.lastSeenAt < SEEN_REFRESH_MS &&
        now >= old.lastSeenAt &&
        sameJson(old.view, view)
      ) {
        return;
      }
      const completedAt =
        view.completedAt ?? old?.completedAt ?? (TERMINAL.has(view.status) ? now : undefined);
      const record: StoredOrder = {
        platform: view.platform,
        shopId: view.shopId,
        orderId: view.orderId,
        view,
        firstSeenAt: old?.firstSeenAt ?? now,
        lastSeenAt: now,
        ...(completedAt !== undefined ? { completedAt } : {}),
      };
      shops.set(JSON.stringify([view.platform, view.shopId]), {
        platform: view.platform,
        shopId: view.shopId,
      });
      writes.push(store.put(record));
    });
    const added = views.filter((_, i) => !olds[i]);
    const events =
      ledger && added.length > 0
        ? await this.appendIn(tx.objectStore('quotaEvents'), ledger.shop, ledger.eventsFor(added), now)
        : [];
    await Promise.all(writes);
    await Promise.all([...shops.values()].map((s) => this.touchShopIn(tx.objectStore('shops'), s, now)));
    await tx.done;
    if (ledger) this.announceEvents(ledger.shop, events);
    return { stored: views.length, added: added.length, events };
  }

  /** Every stored order of a shop. */
  async ordersOf(shop: ShopRef): Promise<StoredOrder[]> {
    return (await this.db()).getAllFromIndex('orders', 'shop', shopKey(shop));
  }

  // ---- ledger --------------------------------------------------------------------------

  /**
   * Append one ledger event, idempotent by `id`, in a `strict`-durability transaction (a debit
   * is on disk before the reply). Callers serialise per shop (Web Locks) so replay order is the
   * append order.
   */
  async appendEvent<E>(
    shop: ShopRef,
    id: string,
    at: Instant,
    event: E,
    now: Instant,
  ): Promise<AppendResult<E>> {
    const [result] = await this.appendEvents(shop, [{ id, at, event }], now);
    return result!;
  }

  /**
   * Append several events of one shop in ONE `strict` transaction (all or nothing), each
   * idempotent by `id` (an id repeated within the batch is stored once). Results are in input
   * order.
   */
  async appendEvents<E>(
    shop: ShopRef,
    items: readonly EventItem<E>[],
    now: Instant,
    options: { readonly quiet?: boolean } = {},
  ): Promise<AppendResult<E>[]> {
    if (items.length === 0) return [];
    const db = await this.db();
    const tx = db.transaction(['quotaEvents', 'shops'], 'readwrite', { durability: 'strict' });
    const results = await this.appendIn(tx.objectStore('quotaEvents'), shop, items, now);
    if (results.some((r) => r.added)) await this.touchShopIn(tx.objectStore('shops'), shop, now);
    await tx.done;
    if (!options.quiet) this.announceEvents(shop, results);
    return results;
  }

  /** Announce the events that were new (sync-outbox.ts). */
  private announceEvents<E>(shop: ShopRef, results: readonly AppendResult<E>[]): void {
    for (const r of results)
      if (r.added) this.writes.emit({ kind: 'quotaEvent', shop, event: r.record.event });
  }

  /** Append inside a caller's transaction: idempotent by id, results in input order. */
  private async appendIn<E>(
    events: {
      get(key: string): Promise<StoredQuotaEvent | undefined>;
      add(value: StoredQuotaEvent): Promise<unknown>;
    },
    shop: ShopRef,
    items: readonly EventItem<E>[],
    now: Instant,
  ): Promise<AppendResult<E>[]> {
    // Idempotent by id AND content (issue 14 item 6): an id reused with other content is another
    // event (core's ledger counts it as distinct), stored under a key derived from its content, so
    // whichever arrives first, the store ends up holding both and the status is the same.
    const first = (await Promise.all(items.map((i) => events.get(i.id)))) as (
      StoredQuotaEvent<E> | undefined
    )[];
    const keys = items.map((item, n) => {
      const old = first[n];
      return old && !sameContent(old, shop, item) ? contentKey(item) : item.id;
    });
    const existing = (await Promise.all(
      keys.map((k, n) => (k === items[n]!.id ? Promise.resolve(first[n]) : events.get(k))),
    )) as (StoredQuotaEvent<E> | undefined)[];
    const fresh = new Map<string, StoredQuotaEvent<E>>();
    const results = items.map((item, n): AppendResult<E> => {
      const key = keys[n]!;
      const old = existing[n] ?? fresh.get(key);
      if (old) return { added: false, record: old };
      const record: StoredQuotaEvent<E> = {
        id: key,
        platform: shop.platform,
        shopId: shop.shopId,
        at: item.at,
        recordedAt: now,
        event: item.event,
      };
      fresh.set(key, record);
      return { added: true, record };
    });
    await Promise.all([...fresh.values()].map((r) => events.add(r)));
    return results;
  }

  /** A shop's ledger events in time order (ties: append order). */
  async eventsOf<E = unknown>(shop: ShopRef): Promise<StoredQuotaEvent<E>[]> {
    const all = (await (
      await this.db()
    ).getAllFromIndex('quotaEvents', 'shop', shopKey(shop))) as StoredQuotaEvent<E>[];
    return all.sort((a, b) => a.at - b.at || a.recordedAt - b.recordedAt);
  }

  /** The earliest `at` of a shop's ledger events (the `shopAt` index), or undefined. */
  async firstEventAt(shop: ShopRef): Promise<Instant | undefined> {
    const db = await this.db();
    const range = IDBKeyRange.bound(
      [shop.platform, shop.shopId, Number.NEGATIVE_INFINITY],
      [shop.platform, shop.shopId, Number.POSITIVE_INFINITY],
    );
    const c = await db.transaction('quotaEvents').store.index('shopAt').openCursor(range);
    return c?.value.at;
  }

  /** A shop's ledger events with `from <= at < to`, in time order (the `shopAt` index). */
  async eventsBetween<E = unknown>(
    shop: ShopRef,
    from: Instant,
    to: Instant,
  ): Promise<StoredQuotaEvent<E>[]> {
    if (!(from < to)) return [];
    const range = IDBKeyRange.bound(
      [shop.platform, shop.shopId, from],
      [shop.platform, shop.shopId, to],
      false,
      true,
    );
    return (await (await this.db()).getAllFromIndex('quotaEvents', 'shopAt', range)) as StoredQuotaEvent<E>[];
  }

  // ---- settings and shops ----------------------------------------------------------------

  async getSettings(shop: ShopRef): Promise<ShopSettings | undefined> {
    return (await (await this.db()).get('settings', shopKey(shop)))?.settings;
  }

  /** Save a shop's settings; `quiet`: applied from another station, not announced back. */
  async putSettings(
    shop: ShopRef,
    settings: ShopSettings,
    now: Instant,
    options: { readonly quiet?: boolean } = {},
  ): Promise<void> {
    const db = await this.db();
    const tx = db.transaction(['settings', 'shops'], 'readwrite');
    const record: StoredSettings = { platform: shop.platform, shopId: shop.shopId, settings, updatedAt: now };
    await tx.objectStore('settings').put(record);
    await this.touchShopIn(tx.objectStore('shops'), shop, now);
    await tx.done;
    if (!options.quiet) this.writes.emit({ kind: 'settings', shop, settings, at: now });
  }

  /** Every stored settings record. */
  async allSettings(): Promise<StoredSettings[]> {
    return (await this.db()).getAll('settings');
  }

  /** Every shop seen, most recent first. */
  async listShops(): Promise<StoredShop[]> {
    const shops = await (await this.db()).getAll('shops');
    return shops.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  }

  private async touchShopIn(
    shops: {
      get(key: ShopKey): Promise<StoredShop | undefined>;
      put(value: StoredShop): Promise<unknown>;
    },
    shop: ShopRef,
    now: Instant,
  ): Promise<void> {
    const old = await shops.get(shopKey(shop));
    if (old && old.lastSeenAt >= now) return;
    await shops.put({
      platform: shop.platform,
      shopId: shop.shopId,
      firstSeenAt: old?.firstSeenAt ?? now,
      lastSeenAt: now,
      ...(old?.pageName !== undefined ? { pageName: old.pageName } : {}),
    });
  }

  /** One shop as stored, if seen. */
  async getShop(shop: ShopRef): Promise<StoredShop | undefined> {
    return (await this.db()).get('shops', shopKey(shop));
  }

  /**
   * Keep the shop's name as the page shows it (issue 21). Writes only when it changed; returns
   * whether it wrote.
   */
  async notePageName(shop: ShopRef, name: string, now: Instant): Promise<boolean> {
    const db = await this.db();
    const tx = db.transaction('shops', 'readwrite');
    const old = await tx.store.get(shopKey(shop));
    if (old?.pageName === name) {
      await tx.done;
      return false;
    }
    await tx.store.put({
      platform: shop.platform,
      shopId: shop.shopId,
      firstSeenAt: old?.firstSeenAt ?? now,
      lastSeenAt: old?.lastSeenAt ?? now,
      pageName: name,
    });
    await tx.done;
    return true;
  }

  /**
   * The name to show for a shop (issue 21): the merchant's own name from the popup, else the
   * name the back-office shows, else the shop id.
   */
  async displayName(shop: ShopRef): Promise<string> {
    const [settings, stored] = await Promise.all([this.getSettings(shop), this.getShop(shop)]);
    return settings?.shopName ?? stored?.pageName ?? shop.shopId;
  }

  // ---- audit and meta --------------------------------------------------------------------

  /** Append an audit entry (never buyer data: ids of our own records and counts only). */
  async audit(entry: AuditEntry): Promise<void> {
    await (await this.db()).add('audit', entry);
    // An explicit gate override is shared with the shop's other stations (issue 22).
    const d = entry.detail;
    if (
      entry.kind === 'gate-override' &&
      entry.platform !== undefined &&
      entry.shopId !== undefined &&
      typeof d?.['orderId'] === 'string' &&
      typeof d['reason'] === 'string'
    )
      this.writes.emit({
        kind: 'gateOverride',
        shop: { platform: entry.platform, shopId: entry.shopId },
        at: entry.at,
        orderId: d['orderId'],
        reason: d['reason'],
      });
  }

  /** Delete audit entries older than `before`; returns how many. */
  async purgeAudit(before: Instant): Promise<number> {
    const db = await this.db();
    const tx = db.transaction('audit', 'readwrite');
    let n = 0;
    for (
      let c = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(before, true));
      c;
      c = await c.continue()
    ) {
      await c.delete();
      n++;
    }
    await tx.done;
    return n;
  }

  async auditLog(): Promise<AuditEntry[]> {
    return (await this.db()).getAll('audit');
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await (await this.db()).get('meta', key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await (await this.db()).put('meta', { key, value });
  }

  /**
   * The per-install HMAC key for order ids in the ledger: created once from `randomBytes` and
   * stored; later calls (and concurrent first calls: one readwrite transaction each, so they
   * serialise) return the stored key.
   */
  async hmacKey(randomBytes: (n: number) => Uint8Array): Promise<Uint8Array> {
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
    const old = await tx.store.get('hmacKey');
    let key: Uint8Array;
    if (old && old.value instanceof Uint8Array && old.value.length === HMAC_KEY_BYTES) {
      key = old.value;
    } else {
      key = randomBytes(HMAC_KEY_BYTES);
      await tx.store.put({ key: 'hmacKey', value: key });
    }
    await tx.done;
    return key;
  }

  // ---- retention -------------------------------------------------------------------------

  /**
   * Purge orders whose retention ran out: `completedAt + retentionDays(shop)` at or before `now`.
   * Orders still open have no `completedAt` and are kept. One transaction.
   */
  async purgeOrders(now: Instant, retentionDays: (shop: ShopRef) => number): Promise<PurgeResult> {
    const db = await this.db();
    const tx = db.transaction('orders', 'readwrite');
    const index = tx.store.index('completedAt');
    const byShop = new Map<string, number>();
    let purged = 0;
    for (let c = await index.openCursor(IDBKeyRange.upperBound(now)); c; c = await c.continue()) {
      const o = c.value;
      const days = retentionDays({ platform: o.platform, shopId: o.shopId });
      if (o.completedAt !== undefined && o.completedAt + days * DAY_MS <= now) {
        await c.delete();
        purged++;
        const k = `${o.platform}/${o.shopId}`;
        byShop.set(k, (byShop.get(k) ?? 0) + 1);
      }
    }
    await tx.done;
    return { purged, byShop };
  }
}

/** The same shop, instant and event (JSON of plain data, as every ledger event is). */
function sameContent<E>(old: StoredQuotaEvent, shop: ShopRef, item: EventItem<E>): boolean {
  return (
    old.platform === shop.platform &&
    old.shopId === shop.shopId &&
    old.at === item.at &&
    JSON.stringify(old.event) === JSON.stringify(item.event)
  );
}

/**
 * The storage key of an event whose id is taken by other content: the id plus a hash of the
 * content (FNV-1a, 2 × 32 bits; a key, not a secret), so a re-delivery of it is stored once too.
 */
function contentKey<E>(item: EventItem<E>): string {
  const text = `${item.at}|${JSON.stringify(item.event)}`;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${item.id}#${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
