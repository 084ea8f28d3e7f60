// Shared test helpers for the quota area: event builders and fast-check arbitraries.
import fc from 'fast-check';
import type { FieldKind } from '../types.js';
import type { QuotaEvent } from './events.js';
import { quotaStatus, type QuotaStatus } from './status.js';
import type { QuotaLedger } from './ledger.js';
import type { QuotaRule } from './rule.js';

/** 2026-11-30T16:00:00Z is 00:00 on 1 December 2026 in China. */
export const DEC_1_CN = Date.parse('2026-11-30T16:00:00Z');
export const NOV_1_CN = Date.parse('2026-10-31T16:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A fake order key (hex, as orderKey() returns) for order number n. */
export const key = (n: number): string => n.toString(16).padStart(16, '0');

let seq = 0;
const nextId = (p: string): string => `${p}${++seq}`;

export const orders = (at: number, count = 1, id = nextId('o')): QuotaEvent => ({
  type: 'orderCounted',
  id,
  at,
  count,
});
export const dec = (
  at: number,
  order = 1,
  field: FieldKind = 'phone',
  via: 'single' | 'bulk' = 'single',
  id = nextId('d'),
): QuotaEvent => ({ type: 'decrypted', id, at, orderKey: key(order), field, source: 'backoffice', via });
export const grant = (at: number, amount: number, ruleId?: string, id = nextId('g')): QuotaEvent => ({
  type: 'granted',
  id,
  at,
  amount,
  ...(ruleId === undefined ? {} : { ruleId }),
});
export const pack = (at: number, amount: number, id = nextId('p')): QuotaEvent => ({
  type: 'packBought',
  id,
  at,
  amount,
});
export const correct = (at: number, delta: number, id = nextId('c')): QuotaEvent => ({
  type: 'corrected',
  id,
  at,
  delta,
  reason: '平台后台核对',
});
export const observed = (at: number, remaining: number, ruleId?: string, id = nextId('ob')): QuotaEvent => ({
  type: 'platformCounterObserved',
  id,
  at,
  remaining,
  ...(ruleId === undefined ? {} : { ruleId }),
});

/** quotaStatus that must succeed. */
export function status(ledger: QuotaLedger, rule: QuotaRule, now: number): QuotaStatus {
  const r = quotaStatus(ledger, rule, now);
  if (!r.ok) throw new Error(r.error.message);
  return r.status;
}

/** Instants from 2026-11-20 to 2026-12-10 (China), crossing the 1 December China midnight. */
export const arbAt = fc.integer({ min: DEC_1_CN - 10 * DAY, max: DEC_1_CN + 10 * DAY });

const arbRuleId = fc.option(fc.constantFrom('once', 'daily', 'wechat-pc-500', 'other'), { nil: undefined });

/** Any valid event, with ids drawn from a small space so that the caller makes them unique. */
export const arbEventBody: fc.Arbitrary<Omit<QuotaEvent, 'id'> & { type: QuotaEvent['type'] }> = fc.oneof(
  fc.record({
    type: fc.constant('orderCounted' as const),
    at: arbAt,
    count: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({
    type: fc.constant('decrypted' as const),
    at: arbAt,
    orderKey: fc.integer({ min: 0, max: 12 }).map(key),
    field: fc.constantFrom<FieldKind>('phone', 'name', 'address', 'text'),
    source: fc.constantFrom('backoffice' as const, 'tool' as const),
    via: fc.constantFrom('single' as const, 'bulk' as const),
  }),
  fc.record({
    type: fc.constant('granted' as const),
    at: arbAt,
    amount: fc.integer({ min: 0, max: 30 }),
    ruleId: arbRuleId,
  }),
  fc.record({
    type: fc.constant('packBought' as const),
    at: arbAt,
    amount: fc.integer({ min: 0, max: 30 }),
    ruleId: arbRuleId,
  }),
  fc.record({
    type: fc.constant('corrected' as const),
    at: arbAt,
    delta: fc.integer({ min: -5, max: 5 }),
    reason: fc.constant('核对'),
    ruleId: arbRuleId,
  }),
  fc.record({
    type: fc.constant('platformCounterObserved' as const),
    at: arbAt,
    remaining: fc.integer({ min: 0, max: 600 }),
    ruleId: arbRuleId,
  }),
);

/** A list of valid events with unique ids. */
export const arbEvents = (maxLength = 60): fc.Arbitrary<QuotaEvent[]> =>
  fc
    .array(arbEventBody, { maxLength })
    .map((bodies) => bodies.map((b, i) => ({ ...b, id: `e${i}` }) as QuotaEvent));
