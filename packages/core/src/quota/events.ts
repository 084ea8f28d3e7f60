/**
 * Events of the decrypt-quota ledger. The extension writes them (one per observed click, count or
 * platform counter), persists them in IndexedDB and replays them. Every event has an `id` (unique
 * per event, e.g. `<tab id>:<counter>` or random); applying an event twice changes nothing, and
 * events may arrive in any order. An event is identified by its id AND its content: a reused id
 * with different content is a distinct event, never one that wins by arriving first. `at` is a UTC instant in epoch ms; China time decides its period.
 * @module
 */
import { isPeriodInstant } from '../time/china-time.js';
import type { FieldKind, Instant } from '../types.js';

/** Where a decrypt happened: the back-office eye icon (小眼睛) or a compliant tool. */
export type DecryptSource = 'backoffice' | 'tool';

/** A decrypt made one at a time (`single`) or as part of a bulk export (`bulk`, JD packs). */
export type DecryptVia = 'single' | 'bulk';

interface EventBase {
  /**
   * Unique per event. A second event with the same id and the same content is the same event
   * (ignored); one with the same id but different content is a distinct event (both count, and
   * the ledger lists the id in `conflicts`), so any arrival order gives the same ledger.
   */
  readonly id: string;
  /** When it happened (UTC epoch ms). */
  readonly at: Instant;
}

/** Orders counted toward a ratio rule (Douyin: decrypts <= 5% of orders). `count` defaults to 1. */
export interface OrderCountedEvent extends EventBase {
  readonly type: 'orderCounted';
  readonly count?: number;
}

/** One counted decrypt of one field of one order. */
export interface DecryptedEvent extends EventBase {
  readonly type: 'decrypted';
  /** `orderKey(key, orderId)`: 16-64 lowercase hex characters, never the raw order id. */
  readonly orderKey: string;
  readonly field: FieldKind;
  readonly source: DecryptSource;
  /** Default `single`. */
  readonly via?: DecryptVia;
}

/** Extra quota granted by the platform (Douyin 自助提额, WeChat carrier compensation). */
export interface GrantedEvent extends EventBase {
  readonly type: 'granted';
  readonly amount: number;
  /** Only this rule; absent = every rule of the shop. */
  readonly ruleId?: string;
}

/** A prepaid pack bought (JD virtual-number service pack). */
export interface PackBoughtEvent extends EventBase {
  readonly type: 'packBought';
  readonly amount: number;
  readonly ruleId?: string;
}

/** A manual correction of the used count (`delta` > 0 adds uses, < 0 refunds), with a reason. */
export interface CorrectedEvent extends EventBase {
  readonly type: 'corrected';
  readonly delta: number;
  /** Free text from the merchant; pass it through `maskText` before storing. */
  readonly reason: string;
  readonly ruleId?: string;
}

/** The page showed the platform's own counter ("剩余 N", "今日剩余查看次数 N"): the platform wins. */
export interface PlatformCounterObservedEvent extends EventBase {
  readonly type: 'platformCounterObserved';
  readonly remaining: number;
  readonly ruleId?: string;
}

/**
 * Any ledger event.
 * @example
 * const e: QuotaEvent = { type: 'decrypted', id: 'tab1:42', at: Date.now(), orderKey: orderKey(key, '3718…'),
 *   field: 'phone', source: 'backoffice' };
 */
export type QuotaEvent =
  | OrderCountedEvent
  | DecryptedEvent
  | GrantedEvent
  | PackBoughtEvent
  | CorrectedEvent
  | PlatformCounterObservedEvent;

/** Why a value is not a valid quota event. */
export type QuotaEventErrorCode =
  | 'not-an-object'
  | 'bad-type'
  | 'bad-id'
  | 'bad-time'
  | 'bad-number'
  | 'bad-order-key'
  | 'bad-field'
  | 'bad-source'
  | 'bad-reason'
  | 'bad-rule-id';

/**
 * Result of `checkQuotaEvent`.
 * @example
 * const r: QuotaEventCheck = checkQuotaEvent(JSON.parse(stored));
 * if (!r.ok) console.warn(r.error.code);
 */
export type QuotaEventCheck =
  | { readonly ok: true; readonly event: QuotaEvent }
  | { readonly ok: false; readonly error: { readonly code: QuotaEventErrorCode; readonly message: string } };

const FIELD_KINDS: readonly FieldKind[] = ['phone', 'name', 'address', 'text'];
const ORDER_KEY = /^[0-9a-f]{16,64}$/u;
/** Largest count, amount or delta one event may carry. */
export const MAX_EVENT_AMOUNT = 1_000_000_000;

const fail = (code: QuotaEventErrorCode, message: string): QuotaEventCheck => ({
  ok: false,
  error: { code, message },
});

const isInt = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_EVENT_AMOUNT;

/**
 * Check an untrusted value (e.g. read back from IndexedDB) and return a clean event holding only
 * the known fields, or a typed error. Never throws. Rules: `id` 1-200 characters; `at` a finite
 * instant; counts and amounts integers in 0..1e9 (`delta` may be negative); `orderKey` 16-64
 * lowercase hex (a keyed hash, never the raw id); `reason` 1-500 characters; `ruleId` 1-200;
 * `at` within `MIN_PERIOD_INSTANT`..`MAX_PERIOD_INSTANT` (its China day and month have finite
 * bounds).
 * @example
 * checkQuotaEvent({ type: 'granted', id: 'g1', at: 0, amount: 10 }).ok; // true
 * checkQuotaEvent({ type: 'granted', id: 'g1', at: 0, amount: -1 }); // { ok: false, error: { code: 'bad-number', ... } }
 */
export function checkQuotaEvent(value: unknown): QuotaEventCheck {
  if (typeof value !== 'object' || value === null) return fail('not-an-object', 'An event is an object.');
  const e = value as Record<string, unknown>;
  const { id, at, type } = e;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200)
    return fail('bad-id', 'id must be a string of 1-200 characters.');
  if (!isPeriodInstant(at))
    return fail(
      'bad-time',
      'at must be a finite epoch-millisecond instant whose China month is representable.',
    );
  let ruleId: string | undefined;
  if (e['ruleId'] !== undefined) {
    const r = e['ruleId'];
    if (typeof r !== 'string' || r.length === 0 || r.length > 200)
      return fail('bad-rule-id', 'ruleId must be a string of 1-200 characters.');
    ruleId = r;
  }
  const scoped = ruleId === undefined ? {} : { ruleId };
  switch (type) {
    case 'orderCounted': {
      const count = e['count'] ?? 1;
      if (!isInt(count, 0)) return fail('bad-number', 'count must be an integer 0..1e9.');
      return { ok: true, event: { type, id, at, count } };
    }
    case 'decrypted': {
      const { orderKey, field, source } = e;
      const via = e['via'] ?? 'single';
      if (typeof orderKey !== 'string' || !ORDER_KEY.test(orderKey))
        return fail('bad-order-key', 'orderKey must be 16-64 lowercase hex characters (use orderKey()).');
      if (!FIELD_KINDS.includes(field as FieldKind))
        return fail('bad-field', 'field must be phone, name, address or text.');
      if (source !== 'backoffice' && source !== 'tool')
        return fail('bad-source', "source must be 'backoffice' or 'tool'.");
      if (via !== 'single' && via !== 'bulk') return fail('bad-source', "via must be 'single' or 'bulk'.");
      return { ok: true, event: { type, id, at, orderKey, field: field as FieldKind, source, via } };
    }
    case 'granted':
    case 'packBought': {
      const amount = e['amount'];
      if (!isInt(amount, 0)) return fail('bad-number', 'amount must be an integer 0..1e9.');
      return { ok: true, event: { type, id, at, amount, ...scoped } };
    }
    case 'corrected': {
      const { delta, reason } = e;
      if (!isInt(delta, -MAX_EVENT_AMOUNT)) return fail('bad-number', 'delta must be an integer -1e9..1e9.');
      if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > 500)
        return fail('bad-reason', 'A correction needs a reason of 1-500 characters.');
      return { ok: true, event: { type, id, at, delta, reason, ...scoped } };
    }
    case 'platformCounterObserved': {
      const remaining = e['remaining'];
      if (!isInt(remaining, 0)) return fail('bad-number', 'remaining must be an integer 0..1e9.');
      return { ok: true, event: { type, id, at, remaining, ...scoped } };
    }
    default:
      return fail('bad-type', 'Unknown event type.');
  }
}
