/**
 * What the exception gate keeps per shop (issue 18), in the `meta` store under
 * `gate:<platform>:<shopId>`: per order the facts the page last showed, the address fingerprints
 * recorded when the order was first seen (the baseline), and, once printed, the printed record
 * (tracking number, carrier, the fingerprints at printing, handled intercept reasons).
 *
 * Invariant 1: no receiver text: flags, instants, an opaque platform merge key and keyed hashes.
 * Writes of one shop run one at a time under a lock, so concurrent tabs never lose an update.
 * @module
 */
import { recordAddress, type AddressBaseline, type PrintedRecord } from '@shipmask/core';
import type { OrderFacts } from '../../messages/gate';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import type { Locks } from '../shared/locks';

/** One order's gate record. */
export interface GateEntry {
  readonly facts: OrderFacts;
  /** Fingerprints recorded when first seen (one per form). */
  readonly baseline?: AddressBaseline;
  readonly printed?: PrintedRecord;
}

/** A shop's gate records by order id. */
export type GateRecords = Readonly<Record<string, GateEntry>>;

/** Install-wide key of address fingerprints (32 random bytes), in `meta`. */
const GATE_KEY = 'gateKey';
/** Most orders one shop's gate record keeps; the oldest-seen beyond it are dropped. */
export const MAX_GATE_ORDERS = 20_000;

const metaKey = (shop: ShopRef): string => `gate:${shop.platform}:${shop.shopId}`;
const lockName = (shop: ShopRef): string => `shipmask-gate-${shop.platform}:${shop.shopId}`;

/** The gate's storage over the shared `Store`. */
export class GateStore {
  constructor(
    private readonly store: Store,
    private readonly locks: Locks,
    private readonly randomBytes: (n: number) => Uint8Array,
  ) {}

  /** The install's gate key: created once, then the stored one. */
  async key(): Promise<Uint8Array> {
    return this.locks.request('shipmask-gate-key', async () => {
      const old = await this.store.getMeta<unknown>(GATE_KEY);
      if (old instanceof Uint8Array && old.length === 32) return old;
      const key = this.randomBytes(32);
      await this.store.setMeta(GATE_KEY, key);
      return key;
    });
  }

  /** A shop's records (empty when none). */
  async records(shop: ShopRef): Promise<GateRecords> {
    const r = await this.store.getMeta<GateRecords>(metaKey(shop));
    return r && typeof r === 'object' ? r : {};
  }

  /** Change a shop's records under the shop's lock. */
  async update<T>(shop: ShopRef, fn: (records: Record<string, GateEntry>) => T): Promise<T> {
    return this.locks.request(lockName(shop), async () => {
      const records: Record<string, GateEntry> = { ...(await this.records(shop)) };
      const out = fn(records);
      const ids = Object.keys(records);
      if (ids.length > MAX_GATE_ORDERS)
        for (const id of ids.slice(0, ids.length - MAX_GATE_ORDERS)) delete records[id];
      await this.store.setMeta(metaKey(shop), records);
      return out;
    });
  }

  /**
   * Store the facts the page shows. The first fingerprint of each form becomes the order's
   * baseline (a later one never replaces it), so a changed address stays visible until printed.
   */
  async putFacts(shop: ShopRef, facts: readonly OrderFacts[]): Promise<number> {
    return this.update(shop, (records) => {
      for (const f of facts) {
        const old = records[f.orderId];
        const baseline = recordAddress(old?.baseline, f.address);
        records[f.orderId] = {
          facts: f,
          ...(Object.keys(baseline).length > 0 ? { baseline } : {}),
          ...(old?.printed ? { printed: old.printed } : {}),
        };
      }
      return facts.length;
    });
  }
}
