/**
 * The decrypt-quota ledgers of every shop, persisted as core `QuotaEvent`s and replayed.
 *
 * - Every write for a shop runs under that shop's lock (Web Locks,
 *   `shipmask-ledger-<platform>:<shopId>`) and is appended in a `strict`-durability transaction
 *   before the in-memory ledger changes, so several tabs of one shop share one exact count and a
 *   debit that was acknowledged is on disk.
 * - The in-memory ledger is a cache: built from IndexedDB on first use after the service worker
 *   starts (it may be terminated at any time), never the source of truth.
 * - Order ids enter the ledger only as `orderKey(hmacKey, orderId)`: HMAC-SHA256 under a key made
 *   once per install (32 random bytes in the `meta` store). The plain order id is never stored in
 *   the ledger.
 * @module
 */
import {
  applyEvent,
  startOfChinaDay,
  checkQuotaEvent,
  emptyLedger,
  orderKey,
  type FieldKind,
  type Instant,
  type OrderView,
  type QuotaEvent,
  type QuotaLedger,
} from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import { bytesToHex } from '../shared/hex';
import type { EventItem, StoredQuotaEvent, Store } from '../../storage';
import { ledgerLockName, type Locks } from '../shared/locks';

/** Store key of a shop's event: events ids are unique per shop, store keys across shops. */
export const storedEventId = (shop: ShopRef, eventId: string): string =>
  JSON.stringify([shop.platform, shop.shopId, eventId]);

const shopKey = (shop: ShopRef): string => JSON.stringify([shop.platform, shop.shopId]);

/** The ledger id of a shop (the core ledger is per shop id; platforms may share shop ids). */
const ledgerShopId = (shop: ShopRef): string => `${shop.platform}:${shop.shopId}`;

export interface LedgersOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly randomBytes: (n: number) => Uint8Array;
  /**
   * Replay window: events before this instant are not replayed (null or absent: all events).
   * The service passes the start of the previous China month for period rules (their status reads
   * only the current period and the last 7 days) and null for packs (all time).
   */
  readonly replayFrom?: (shop: ShopRef) => Promise<Instant | null>;
}

interface Cached {
  readonly ledger: QuotaLedger;
  /** The replay window it was built with. */
  readonly from: Instant | null;
}

/** Id of the no-op event that carries a shop's first event time into a windowed replay. */
export const FIRST_AT_MARKER_ID = 'first-at';

/** Result of appending one event. */
export interface Appended {
  /** False when an event with this id was already recorded (a retried message). */
  readonly added: boolean;
  readonly ledger: QuotaLedger;
}

/**
 * The shops' ledgers.
 * @example
 * const ledgers = new Ledgers({ store, locks: defaultLocks(), randomBytes });
 * await ledgers.recordReveal(shop, '3718000000000001', 'phone', Date.now(), clickId, Date.now());
 */
export class Ledgers {
  private readonly cache = new Map<string, Cached>();
  private key: Promise<Uint8Array> | undefined;
  private readonly options: LedgersOptions;

  constructor(options: LedgersOptions) {
    this.options = options;
  }

  /** The install's HMAC key (read or created once; cached for this worker's lifetime). */
  hmacKey(): Promise<Uint8Array> {
    if (!this.key) {
      const p = this.options.store.hmacKey(this.options.randomBytes);
      this.key = p;
      p.catch(() => {
        if (this.key === p) this.key = undefined;
      });
    }
    return this.key;
  }

  /** The keyed hash of an order id, as the ledger stores it. */
  async orderKeyOf(orderId: string): Promise<string> {
    return orderKey(await this.hmacKey(), orderId);
  }

  /** Forget the in-memory ledgers (they are rebuilt from IndexedDB on next use). */
  reset(): void {
    this.cache.clear();
    this.key = undefined; // the key may have changed (sync pairing: the shop's matchKey)
  }

  /** Forget one shop's ledger (e.g. its rule changed, so its replay window may have). */
  forget(shop: ShopRef): void {
    this.cache.delete(shopKey(shop));
  }

  /** A shop's ledger (replayed from IndexedDB on first use). */
  ledger(shop: ShopRef): Promise<QuotaLedger> {
    return this.options.locks.request(ledgerLockName(shop), () => this.loadLocked(shop));
  }

  private async loadLocked(shop: ShopRef): Promise<QuotaLedger> {
    const from = (await this.options.replayFrom?.(shop)) ?? null;
    const hit = this.cache.get(shopKey(shop));
    if (hit && hit.from === from) return hit.ledger;
    const { store } = this.options;
    let ledger = emptyLedger(ledgerShopId(shop));
    if (from === null) {
      for (const s of await store.eventsOf<QuotaEvent>(shop)) ledger = applyEvent(ledger, s.event);
    } else {
      const [first, recent] = await Promise.all([
        store.firstEventAt(shop),
        store.eventsBetween<QuotaEvent>(shop, from, Number.POSITIVE_INFINITY),
      ]);
      // The burn-rate window starts no earlier than the shop's first event: carry that instant in
      // with a no-op event (0 orders) so a windowed replay reads exactly like a full one.
      if (first !== undefined && first < from) {
        ledger = applyEvent(ledger, { type: 'orderCounted', id: FIRST_AT_MARKER_ID, at: first, count: 0 });
      }
      for (const s of recent) ledger = applyEvent(ledger, s.event);
    }
    this.cache.set(shopKey(shop), { ledger, from });
    return ledger;
  }

  /** Cache a ledger after an append (keeping the window it was loaded with). */
  private keep(shop: ShopRef, ledger: QuotaLedger): void {
    const from = this.cache.get(shopKey(shop))?.from ?? null;
    this.cache.set(shopKey(shop), { ledger, from });
  }

  /**
   * Append events for one shop in one strict transaction, under the shop's lock. Idempotent by
   * event id.
   */
  async append(shop: ShopRef, events: readonly QuotaEvent[], now: Instant): Promise<Appended> {
    // Only events the core ledger accepts are stored (one it would ignore must not be acknowledged
    // as counted). Events are built here from validated messages, so a refusal is a bug: internal.
    for (const e of events) {
      const checked = checkQuotaEvent(e);
      if (!checked.ok) throw new TypeError(`ledger event refused: ${checked.error.code}`);
    }
    return this.options.locks.request(ledgerLockName(shop), async () => {
      let ledger = await this.loadLocked(shop);
      const results = await this.options.store.appendEvents(
        shop,
        events.map((event) => ({ id: storedEventId(shop, event.id), at: event.at, event })),
        now,
      );
      // Only after the transaction committed: the cache never runs ahead of the disk.
      let added = false;
      results.forEach((r, i) => {
        if (r.added) {
          added = true;
          ledger = applyEvent(ledger, events[i]!);
        }
      });
      this.keep(shop, ledger);
      return { added, ledger };
    });
  }

  /**
   * A trusted reveal click on the page: one `decrypted` event, id `c:<clickId>` (a retried
   * message is stored once). `field: 'all'` (the eye icon shows the whole receiver) is recorded as
   * a phone decrypt: one click costs one decrypt, and the WeChat allowance counts phone views.
   */
  async recordReveal(
    shop: ShopRef,
    orderId: string,
    field: FieldKind | 'all',
    at: Instant,
    clickId: string,
    now: Instant,
  ): Promise<Appended> {
    const event: QuotaEvent = {
      type: 'decrypted',
      id: `c:${clickId}`,
      at,
      orderKey: await this.orderKeyOf(orderId),
      field: field === 'all' ? 'phone' : field,
      source: 'backoffice',
      via: 'single',
    };
    return this.append(shop, [event], now);
  }

  /** The page's own remaining-count text: `platformCounterObserved` (the platform wins). */
  async observeCounter(shop: ShopRef, remaining: number, at: Instant, now: Instant): Promise<Appended> {
    return this.append(
      shop,
      [{ type: 'platformCounterObserved', id: `p:${at}:${remaining}`, at, remaining }],
      now,
    );
  }

  /**
   * Store masked orders; orders seen for the first time count toward ratio rules (Douyin:
   * decrypts <= 5% of orders). New orders are decided inside the orders transaction (an order is
   * new once), and counted with ONE `orderCounted` event per China day of creation
   * (`count` = new orders of that day, `at` = the latest creation time among them), written in
   * the same strict transaction under the shop's lock: a retried message finds the orders stored
   * and counts nothing, and the ledger grows by a few events per page, not one per order.
   * (An order purged by retention and seen again counts again, in its own, long-past month.)
   */
  async recordOrders(
    shop: ShopRef,
    orders: readonly OrderView[],
    now: Instant,
    options: { readonly keepDetail?: boolean } = {},
  ): Promise<{ stored: number; added: number; ledger: QuotaLedger }> {
    return this.options.locks.request(ledgerLockName(shop), async () => {
      let ledger = await this.loadLocked(shop);
      const batch = bytesToHex(this.options.randomBytes(8));
      const eventsFor = (added: readonly OrderView[]): EventItem<QuotaEvent>[] => {
        const days = new Map<number, { count: number; at: Instant }>();
        for (const o of added) {
          const day = startOfChinaDay(o.createdAt);
          const d = days.get(day);
          days.set(day, { count: (d?.count ?? 0) + 1, at: Math.max(d?.at ?? o.createdAt, o.createdAt) });
        }
        return [...days].map(([day, d]) => {
          const event: QuotaEvent = {
            type: 'orderCounted',
            id: `o:${day}:${batch}`,
            at: d.at,
            count: d.count,
          };
          return { id: storedEventId(shop, event.id), at: event.at, event };
        });
      };
      const r = await this.options.store.putOrders(orders, now, { shop, eventsFor }, options);
      for (const e of r.events) if (e.added) ledger = applyEvent(ledger, e.record.event);
      this.keep(shop, ledger);
      return { stored: r.stored, added: r.added, ledger };
    });
  }

  /** Decrypt events with `from <= at < to`, read from IndexedDB. */
  async decryptsBetween(shop: ShopRef, from: Instant, to: Instant): Promise<StoredQuotaEvent<QuotaEvent>[]> {
    const events = await this.options.store.eventsBetween<QuotaEvent>(shop, from, to);
    return events.filter((e) => e.event.type === 'decrypted');
  }
}
