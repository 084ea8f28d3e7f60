/**
 * The decrypt-quota ledger of one shop: a pure reducer over `QuotaEvent`s. It keeps aggregates
 * per China day, per China calendar month and for all time (so any rule period reads one bucket),
 * the set of applied event ids (idempotence), per-month sets of order keys with a histogram of
 * which field kinds each order had decrypted (the "re-viewing the same order does not count
 * again" setting reads the histogram in O(1)) and, per day, a small log that lets a platform
 * counter observed mid-day be reconciled to the millisecond. Out-of-order events land in their own
 * period's bucket. All of it is plain data in persistent hash tries (./hamt.ts): applying an event
 * copies O(log32 n) small nodes and never changes the input ledger, and the ledger survives
 * `JSON.stringify` / `structuredClone` as is.
 * @module
 */
import { chinaDate } from '../time/china-time.js';
import type { FieldKind, Instant } from '../types.js';
import { checkQuotaEvent, type DecryptVia, type QuotaEvent } from './events.js';
import { hamtEmpty, hamtGet, hamtHas, hamtSet, hamtUpdate, hashKey, type Hamt } from './hamt.js';

/** Key of the rule-scoped sums: `*` = every rule, `r:<ruleId>` = one rule. */
export type RuleKey = string;

/**
 * A day-log entry (keyed by `<event id>\u0000<content fingerprint>`): `[at, kind, amount, key]`; kind 0 = orders counted (amount = count),
 * 1 = decrypt (amount = combo index, key = order key), 2 = grant, 3 = pack, 4 = correction
 * (amount = delta); for kinds 2-4 `key` is the rule key.
 */
export type QuotaLogEntry = readonly [at: Instant, kind: 0 | 1 | 2 | 3 | 4, amount: number, key: string];

/** The platform counter last seen in a period (latest `at`, ties broken by id). */
export interface QuotaObservation {
  readonly id: string;
  readonly at: Instant;
  readonly remaining: number;
}

/** Aggregates of one period (a China day, a China month, or all time). */
export interface QuotaBucket {
  /** Orders counted. */
  readonly orders: number;
  /** Decrypts per combo (`comboIndex(field, via)`), 8 counters. */
  readonly dec: readonly number[];
  readonly grants: Readonly<Record<RuleKey, number>>;
  readonly packs: Readonly<Record<RuleKey, number>>;
  readonly corr: Readonly<Record<RuleKey, number>>;
  /** Month buckets only: order key → `[combo, first at, combo, first at, ...]` sorted by combo. */
  readonly keys: Hamt<readonly number[]> | null;
  /** Month buckets only: bit mask of the combos an order had decrypted → number of such orders. */
  readonly hist: Readonly<Record<string, number>>;
  readonly obs: Readonly<Record<RuleKey, QuotaObservation>>;
  /** Day buckets only: event id + content fingerprint → log entry, for mid-day reconciliation. */
  readonly log: Hamt<QuotaLogEntry> | null;
}

/**
 * One shop's ledger. Plain data: persist it, or persist the events and replay them.
 * @example
 * const ledger: QuotaLedger = ledgerFromEvents('shop-1', storedEvents);
 * const again: QuotaLedger = structuredClone(ledger); // e.g. through IndexedDB
 */
export interface QuotaLedger {
  readonly version: 1;
  readonly shopId: string;
  /**
   * Applied event id → fingerprint of its content (for an id applied with several contents, the
   * smallest fingerprint, so the value does not depend on arrival order). `ids.size` is the
   * number of distinct ids.
   */
  readonly ids: Hamt<number>;
  /**
   * Ids applied with more than one content: `<id>\u0000<fingerprint>` → fingerprint, one entry per
   * content of such an id. Each content counts as its own event (a reused id never makes the
   * ledger depend on which content arrived first); the entries let a caller find and show them.
   */
  readonly conflicts: Hamt<number>;
  /** Earliest and latest `at` of any applied event (tracking start; bound for day walks). */
  readonly firstAt: Instant | null;
  readonly lastAt: Instant | null;
  /** `d:YYYY-MM-DD`, `m:YYYY-MM` (China time) and `t` (all time) → aggregates. */
  readonly buckets: Hamt<QuotaBucket>;
}

const FIELD_INDEX: Readonly<Record<FieldKind, number>> = { phone: 0, name: 1, address: 2, text: 3 };
/** Number of decrypt combos (4 field kinds × single/bulk). */
export const COMBOS = 8;

/**
 * Index of a (field kind, single/bulk) pair in `QuotaBucket.dec`.
 * @example
 * comboIndex('phone', 'bulk'); // 1
 */
export function comboIndex(field: FieldKind, via: DecryptVia): number {
  return FIELD_INDEX[field] * 2 + (via === 'bulk' ? 1 : 0);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Bucket key of the China day of an instant.
 * @example
 * dayBucketKey(Date.parse('2026-11-30T16:00:00Z')); // 'd:2026-12-01'
 */
export function dayBucketKey(at: Instant): string {
  const d = chinaDate(at);
  return `d:${d.year}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/**
 * Bucket key of the China calendar month of an instant.
 * @example
 * monthBucketKey(Date.parse('2026-11-30T16:00:00Z')); // 'm:2026-12'
 */
export function monthBucketKey(at: Instant): string {
  const d = chinaDate(at);
  return `m:${d.year}-${pad(d.month, 2)}`;
}

/** Bucket key of all time (packs). */
export const TOTAL_BUCKET_KEY = 't';

const ZERO_DEC: readonly number[] = Object.freeze(Array.from({ length: COMBOS }, () => 0));

/** Which per-bucket structures a bucket kind keeps. */
export type BucketKind = 'day' | 'month' | 'total';

/**
 * An empty bucket (what a period with no events reads as). Day buckets keep a log, month buckets
 * the order keys and their histogram.
 * @example
 * emptyBucket('day').orders; // 0
 */
export function emptyBucket(kind: BucketKind): QuotaBucket {
  return {
    orders: 0,
    dec: ZERO_DEC,
    grants: {},
    packs: {},
    corr: {},
    keys: kind === 'month' ? hamtEmpty() : null,
    hist: {},
    obs: {},
    log: kind === 'day' ? hamtEmpty() : null,
  };
}

/**
 * Bit mask of the combos present in a first-times list (`QuotaBucket.keys` values).
 * @example
 * comboMask([0, 5, 3, 9]); // 0b1001
 */
export function comboMask(times: readonly number[] | undefined): number {
  let m = 0;
  if (times) for (let i = 0; i < times.length; i += 2) m |= 1 << (times[i] as number);
  return m;
}

function moveHist(hist: Readonly<Record<string, number>>, from: number, to: number): Record<string, number> {
  const out: Record<string, number> = { ...hist };
  if (from !== 0) {
    const n = (out[from] ?? 0) - 1;
    // Zero entries are removed so equal ledgers stay deeply equal whatever the arrival order.
    if (n === 0) delete out[from];
    else out[from] = n;
  }
  out[to] = (out[to] ?? 0) + 1;
  return out;
}

/**
 * A ledger with no events for one shop.
 * @example
 * emptyLedger('shop-1').ids.size; // 0
 */
export function emptyLedger(shopId: string): QuotaLedger {
  return {
    version: 1,
    shopId,
    ids: hamtEmpty(),
    conflicts: hamtEmpty(),
    firstAt: null,
    lastAt: null,
    buckets: hamtEmpty(),
  };
}

const addTo = (rec: Readonly<Record<RuleKey, number>>, key: RuleKey, n: number): Record<RuleKey, number> => ({
  ...rec,
  [key]: (rec[key] ?? 0) + n,
});

// Keep the earliest decrypt time per combo, sorted by combo (canonical whatever the order).
function firstTimes(prev: readonly number[] | undefined, combo: number, at: Instant): readonly number[] {
  const out: number[] = [];
  let placed = false;
  const p = prev ?? [];
  for (let i = 0; i < p.length; i += 2) {
    const c = p[i] as number;
    const t = p[i + 1] as number;
    if (!placed && c > combo) {
      out.push(combo, at);
      placed = true;
    }
    if (c === combo) {
      out.push(c, Math.min(t, at));
      placed = true;
    } else out.push(c, t);
  }
  if (!placed) out.push(combo, at);
  return out;
}

/**
 * The later of two platform counters: by `at`, then by id, then the lower `remaining` (the
 * cautious reading), so the choice never depends on which arrived first.
 * @example
 * laterObservation({ id: 'a', at: 1, remaining: 5 }, { id: 'a', at: 1, remaining: 3 }).remaining; // 3
 */
export function laterObservation(a: QuotaObservation, b: QuotaObservation): QuotaObservation {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if (a.id !== b.id) return a.id > b.id ? a : b;
  return a.remaining <= b.remaining ? a : b;
}

function addToBucket(b: QuotaBucket | undefined, e: QuotaEvent, kind: BucketKind, key: string): QuotaBucket {
  const bucket = b ?? emptyBucket(kind);
  const rk: RuleKey = 'ruleId' in e && e.ruleId !== undefined ? `r:${e.ruleId}` : '*';
  const log = bucket.log;
  switch (e.type) {
    case 'orderCounted': {
      const n = e.count ?? 1;
      return { ...bucket, orders: bucket.orders + n, log: log && hamtSet(log, key, [e.at, 0, n, '*']) };
    }
    case 'decrypted': {
      const combo = comboIndex(e.field, e.via ?? 'single');
      const dec = bucket.dec.slice();
      dec[combo] = (dec[combo] ?? 0) + 1;
      let { keys, hist } = bucket;
      if (keys !== null) {
        let before = 0;
        keys = hamtUpdate(keys, e.orderKey, (prev) => {
          before = comboMask(prev);
          return firstTimes(prev, combo, e.at);
        });
        const after = before | (1 << combo);
        if (after !== before) hist = moveHist(hist, before, after);
      }
      return { ...bucket, dec, keys, hist, log: log && hamtSet(log, key, [e.at, 1, combo, e.orderKey]) };
    }
    case 'granted':
      return {
        ...bucket,
        grants: addTo(bucket.grants, rk, e.amount),
        log: log && hamtSet(log, key, [e.at, 2, e.amount, rk]),
      };
    case 'packBought':
      return {
        ...bucket,
        packs: addTo(bucket.packs, rk, e.amount),
        log: log && hamtSet(log, key, [e.at, 3, e.amount, rk]),
      };
    case 'corrected':
      return {
        ...bucket,
        corr: addTo(bucket.corr, rk, e.delta),
        log: log && hamtSet(log, key, [e.at, 4, e.delta, rk]),
      };
    case 'platformCounterObserved': {
      const o: QuotaObservation = { id: e.id, at: e.at, remaining: e.remaining };
      const prev = bucket.obs[rk];
      return { ...bucket, obs: { ...bucket.obs, [rk]: prev === undefined ? o : laterObservation(prev, o) } };
    }
  }
}

/**
 * Fingerprint of an event's checked content: 52 bits from two independent 32-bit string hashes
 * of its canonical JSON (`checkQuotaEvent` builds fields in a fixed order).
 */
function fingerprint(e: QuotaEvent): number {
  const json = JSON.stringify(e);
  return hashKey(json) * 0x100000 + (hashKey(`\u0001${json}`) >>> 12);
}

/** Key of one content of an id: in day logs, and in `conflicts`. */
const contentKey = (id: string, fp: number): string => `${id}\u0000${fp.toString(36)}`;

/**
 * Apply one event and return the new ledger; the input is not changed. Invalid events (see
 * `checkQuotaEvent`) are ignored, and so is an event already applied (same id, same content), so
 * applying an event twice changes nothing. An event that reuses an applied id with DIFFERENT
 * content is a distinct event: it is applied too, and the id's contents are listed in
 * `conflicts`. The ledger therefore depends only on the set of events, never on their arrival
 * order. Cost: O(log32 n) copies of small nodes — constant in practice (about 4 levels at a
 * million events).
 * @example
 * const l = applyEvent(emptyLedger('s'), { type: 'orderCounted', id: 'o1', at: Date.UTC(2026, 10, 2) });
 * applyEvent(l, { type: 'orderCounted', id: 'o1', at: Date.UTC(2026, 10, 2) }) === l; // true
 * applyEvent(l, { type: 'orderCounted', id: 'o1', at: Date.UTC(2026, 10, 2), count: 2 }).conflicts.size; // 2
 */
export function applyEvent(ledger: QuotaLedger, event: QuotaEvent): QuotaLedger {
  const checked = checkQuotaEvent(event);
  if (!checked.ok) return ledger;
  const e = checked.event;
  const fp = fingerprint(e);
  const seen = hamtGet(ledger.ids, e.id);
  let ids = ledger.ids;
  let conflicts = ledger.conflicts;
  if (seen === undefined) ids = hamtSet(ids, e.id, fp);
  else {
    if (seen === fp || hamtHas(conflicts, contentKey(e.id, fp))) return ledger;
    // A second (or later) content for this id: every content is listed, the smallest
    // fingerprint is kept in `ids`, whatever the order they came in.
    conflicts = hamtSet(hamtSet(conflicts, contentKey(e.id, seen), seen), contentKey(e.id, fp), fp);
    if (fp < seen) ids = hamtSet(ids, e.id, fp);
  }
  const key = contentKey(e.id, fp);
  let buckets = hamtUpdate(ledger.buckets, dayBucketKey(e.at), (b) => addToBucket(b, e, 'day', key));
  buckets = hamtUpdate(buckets, monthBucketKey(e.at), (b) => addToBucket(b, e, 'month', key));
  buckets = hamtUpdate(buckets, TOTAL_BUCKET_KEY, (b) => addToBucket(b, e, 'total', key));
  return {
    ...ledger,
    ids,
    conflicts,
    firstAt: ledger.firstAt === null ? e.at : Math.min(ledger.firstAt, e.at),
    lastAt: ledger.lastAt === null ? e.at : Math.max(ledger.lastAt, e.at),
    buckets,
  };
}

/**
 * Apply events in the order given (any order gives the same ledger).
 * @example
 * applyEvents(emptyLedger('s'), [{ type: 'granted', id: 'g', at: 0, amount: 5 }]).ids.size; // 1
 */
export function applyEvents(ledger: QuotaLedger, events: Iterable<QuotaEvent>): QuotaLedger {
  let l = ledger;
  for (const e of events) l = applyEvent(l, e);
  return l;
}

/**
 * Replay a shop's persisted events into a fresh ledger.
 * @example
 * ledgerFromEvents('shop-1', []).shopId; // 'shop-1'
 */
export function ledgerFromEvents(shopId: string, events: Iterable<QuotaEvent>): QuotaLedger {
  return applyEvents(emptyLedger(shopId), events);
}

/**
 * Whether the ledger already holds an event with this id (with any content).
 * @example
 * hasEvent(emptyLedger('s'), 'e1'); // false
 */
export function hasEvent(ledger: QuotaLedger, id: string): boolean {
  return hamtHas(ledger.ids, id);
}
