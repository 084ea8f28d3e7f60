/**
 * `quotaStatus(ledger, rule, now)`: where a shop stands against one decrypt-quota rule — used,
 * limit, remaining, the period (China time), burn rate, forecast exhaustion, level, and the drift
 * against the platform's own counter.
 * @module
 */
import {
  DAY_MS,
  endOfChinaMonth,
  isPeriodInstant,
  startOfChinaDay,
  startOfChinaMonth,
} from '../time/china-time.js';
import type { FieldKind, Instant } from '../types.js';
import { hamtForEach, hamtGet } from './hamt.js';
import {
  COMBOS,
  dayBucketKey,
  emptyBucket,
  laterObservation,
  monthBucketKey,
  TOTAL_BUCKET_KEY,
  type QuotaBucket,
  type QuotaLedger,
  type QuotaObservation,
} from './ledger.js';
import type { QuotaRule } from './rule.js';

/** `ok`; `warn` once used reaches `warnAt` of the limit; `exhausted` when nothing remains. */
export type QuotaLevel = 'ok' | 'warn' | 'exhausted';

/**
 * Where a shop stands against one rule at `now`.
 * @example
 * const r = quotaStatus(ledger, wechatQuotaRule, Date.now());
 * if (r.ok && r.status.level !== 'ok') showMeter(r.status.remaining, r.status.forecastExhaustedAt);
 */
export interface QuotaStatus {
  readonly shopId: string;
  readonly ruleId: string;
  /** Charged decrypts in the period plus corrections (never below 0). */
  readonly used: number;
  /** The local limit: ratio × orders (rounded, at least `minimum`), allowance or pack, plus grants. */
  readonly limit: number;
  /** What is left, trusting the platform: `localRemaining + drift` when a counter was observed. Never below 0. */
  readonly remaining: number;
  /** `limit - used` from local events only (may be negative). */
  readonly localRemaining: number;
  /** Period bounds in UTC instants (start inclusive, end exclusive; China midnights); `null` for packs. */
  readonly periodStart: Instant | null;
  readonly periodEnd: Instant | null;
  /** Orders counted in the period (what a ratio rule multiplies). */
  readonly orders: number;
  /** Grants (and, for packs, packs bought) in the period. */
  readonly granted: number;
  /** Charged decrypts per day over the trailing window. */
  readonly burnRatePerDay: number;
  /** Orders counted per day over the same window (a ratio rule's limit grows with it). */
  readonly orderRatePerDay: number;
  /** When `remaining` reaches 0 at the current rates (`now` if already 0; `null` if never). */
  readonly forecastExhaustedAt: Instant | null;
  /** Whether that happens before the period resets (always true for a pack that will run out). */
  readonly exhaustsBeforeReset: boolean;
  readonly level: QuotaLevel;
  /** Platform remaining minus local remaining at the last observed counter of the period; `null` if none. */
  readonly drift: number | null;
  /** When that counter was observed. */
  readonly observedAt: Instant | null;
}

/** Why no status could be computed. */
export interface QuotaStatusError {
  /** `bad-ledger`: not a ledger (e.g. null); `bad-rule`: see `quotaRuleProblem`; `bad-time`: see `isPeriodInstant`. */
  readonly code: 'bad-ledger' | 'bad-rule' | 'bad-time';
  readonly message: string;
}

/**
 * Result of `quotaStatus`: a status, or a typed error for a bad rule or time.
 * @example
 * const r: QuotaStatusResult = quotaStatus(ledger, rule, now);
 * const remaining = r.ok ? r.status.remaining : null;
 */
export type QuotaStatusResult =
  | { readonly ok: true; readonly status: QuotaStatus }
  | { readonly ok: false; readonly error: QuotaStatusError };

const HOUR_MS = 60 * 60 * 1000;
const FIELDS: readonly FieldKind[] = ['phone', 'name', 'address', 'text'];
const nonNeg = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/**
 * Why a rule cannot be used, or `null` when it is sound: an object (not null or undefined), numbers finite and not negative, `warnAt`
 * within 0..1, known period/rounding/fields/charges, `burnWindowDays` an integer 1..366.
 * @example
 * quotaRuleProblem({ kind: 'fixed', id: 'x', allowance: -1, period: 'month', recountSameOrder: true, warnAt: 0.8 });
 * // 'allowance must be a finite number >= 0'
 */
export function quotaRuleProblem(rule: QuotaRule): string | null {
  if (typeof rule !== 'object' || rule === null) return 'a rule must be an object';
  const r = rule as unknown as Partial<Record<string, unknown>>;
  if (typeof r['id'] !== 'string') return 'id must be a string';
  if (!nonNeg(r['warnAt']) || (r['warnAt'] as number) > 1) return 'warnAt must be within 0..1';
  if (typeof r['recountSameOrder'] !== 'boolean') return 'recountSameOrder must be a boolean';
  const w = r['burnWindowDays'];
  if (w !== undefined && (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 366))
    return 'burnWindowDays must be an integer 1..366';
  const f = r['fields'];
  if (f !== undefined && (!Array.isArray(f) || !f.every((x) => FIELDS.includes(x as FieldKind))))
    return 'fields must list phone, name, address or text';
  if (r['charges'] !== undefined && r['charges'] !== 'every' && r['charges'] !== 'bulk')
    return "charges must be 'every' or 'bulk'";
  const periodOk = (p: unknown): boolean => p === 'day' || p === 'month' || p === 'none';
  switch (r['kind']) {
    case 'ratio':
      if (!nonNeg(r['ratio'])) return 'ratio must be a finite number >= 0';
      if (!nonNeg(r['minimum'])) return 'minimum must be a finite number >= 0';
      if (!periodOk(r['period'])) return "period must be 'day', 'month' or 'none'";
      if (!['floor', 'ceil', 'round'].includes(r['rounding'] as string))
        return "rounding must be 'floor', 'ceil' or 'round'";
      return null;
    case 'fixed':
      if (!nonNeg(r['allowance'])) return 'allowance must be a finite number >= 0';
      if (!periodOk(r['period'])) return "period must be 'day', 'month' or 'none'";
      return null;
    case 'pack':
      if (!nonNeg(r['initial'])) return 'initial must be a finite number >= 0';
      return null;
    default:
      return 'unknown rule kind';
  }
}

/**
 * The limit a ratio rule gives for `orders` counted orders. Products are first rounded to 6
 * decimals so binary error cannot flip a whole count (60 × 0.05 is 3.0000000000000004 in
 * floating point; `ceil` must still give 3). Douyin default (`floor`): 0-19 orders → 0, 20 → 1,
 * 39 → 1, 40 → 2. The result is at least `minimum`.
 * @example
 * ratioLimit(39, 0.05, 'floor', 0); // 1
 * ratioLimit(60, 0.05, 'ceil', 0); // 3
 */
export function ratioLimit(
  orders: number,
  ratio: number,
  rounding: 'floor' | 'ceil' | 'round',
  minimum: number,
): number {
  const x = Math.round(orders * ratio * 1e6) / 1e6;
  const n = rounding === 'floor' ? Math.floor(x) : rounding === 'ceil' ? Math.ceil(x) : Math.round(x);
  return Math.max(n, Math.ceil(minimum));
}

/** Bit mask of the combos (`comboIndex`) a rule charges. */
function chargedMask(rule: QuotaRule): number {
  const fields = rule.fields ?? FIELDS;
  const bulkOnly = (rule.charges ?? (rule.kind === 'pack' ? 'bulk' : 'every')) === 'bulk';
  let mask = 0;
  for (const f of fields) {
    const i = FIELDS.indexOf(f) * 2;
    mask |= 1 << (i + 1);
    if (!bulkOnly) mask |= 1 << i;
  }
  return mask;
}

const sumRule = (rec: Readonly<Record<string, number>>, ruleId: string): number =>
  (rec['*'] ?? 0) + (rec[`r:${ruleId}`] ?? 0);

function maskedDec(dec: readonly number[], mask: number): number {
  let n = 0;
  for (let c = 0; c < COMBOS; c++) if (mask & (1 << c)) n += dec[c] ?? 0;
  return n;
}

/** Earliest decrypt time of an order among the charged combos (Infinity if none). */
function firstCharged(times: readonly number[], mask: number): number {
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times.length; i += 2)
    if (mask & (1 << (times[i] as number))) t = Math.min(t, times[i + 1] as number);
  return t;
}

type PeriodKind = 'day' | 'month' | 'none';

/**
 * Distinct orders with a charged decrypt (at or before `until`, if given) in a period bucket.
 * Month: O(1) from the histogram, or a walk of the order keys for `until`. Day: a walk of the
 * day's log. All time (packs): the union over the month buckets (the rare pack-with-no-recount
 * setting pays a walk over every month's order keys).
 */
function distinctCharged(
  ledger: QuotaLedger,
  period: PeriodKind,
  b: QuotaBucket,
  mask: number,
  until?: number,
): number {
  if (period === 'month' && b.keys !== null) {
    if (until === undefined) {
      let n = 0;
      for (const m in b.hist) if (Number(m) & mask) n += b.hist[m] ?? 0;
      return n;
    }
    let n = 0;
    hamtForEach(b.keys, (_k, times) => {
      if (firstCharged(times, mask) <= until) n++;
    });
    return n;
  }
  const seen = new Set<string>();
  const limit = until ?? Number.POSITIVE_INFINITY;
  if (period === 'day') {
    if (b.log)
      hamtForEach(b.log, (_id, [at, kind, combo, orderKey]) => {
        if (kind === 1 && mask & (1 << combo) && at <= limit) seen.add(orderKey);
      });
    return seen.size;
  }
  hamtForEach(ledger.buckets, (key, month) => {
    if (!key.startsWith('m:') || month.keys === null) return;
    hamtForEach(month.keys, (orderKey, times) => {
      const t = firstCharged(times, mask);
      if (t !== Number.POSITIVE_INFINITY && t <= limit) seen.add(orderKey);
    });
  });
  return seen.size;
}

/** Charged decrypts in a bucket under the rule's recount setting (no corrections). */
function charged(
  ledger: QuotaLedger,
  period: PeriodKind,
  b: QuotaBucket,
  rule: QuotaRule,
  mask: number,
): number {
  return rule.recountSameOrder ? maskedDec(b.dec, mask) : distinctCharged(ledger, period, b, mask);
}

interface Sums {
  orders: number;
  dec: number[];
  grants: number;
  packs: number;
  corr: number;
}

/** Longest day-by-day walk when reconciling; beyond it (ten years) the day logs are read instead. */
const MAX_DAY_WALK = 3660;

function addLogEntry(s: Sums, rk: string, kind: number, amount: number, key: string): void {
  if (kind === 0) s.orders += amount;
  else if (kind === 1) s.dec[amount] = (s.dec[amount] ?? 0) + 1;
  else if (key === '*' || key === rk) {
    if (kind === 2) s.grants += amount;
    else if (kind === 3) s.packs += amount;
    else s.corr += amount;
  }
}

/** Sums of the period's events with `at` after `t`: later days from their buckets, `t`'s own day from its log. */
function sumsAfter(ledger: QuotaLedger, ruleId: string, t: Instant, periodEnd: Instant | null): Sums {
  const s: Sums = { orders: 0, dec: Array.from({ length: COMBOS }, () => 0), grants: 0, packs: 0, corr: 0 };
  const rk = `r:${ruleId}`;
  const day = hamtGet(ledger.buckets, dayBucketKey(t));
  if (day?.log) {
    hamtForEach(day.log, (_id, [at, kind, amount, key]) => {
      if (at > t) addLogEntry(s, rk, kind, amount, key);
    });
  }
  const last = Math.min(ledger.lastAt ?? t, periodEnd === null ? Number.POSITIVE_INFINITY : periodEnd - 1);
  const firstDay = startOfChinaDay(t) + DAY_MS;
  if ((last - firstDay) / DAY_MS > MAX_DAY_WALK) {
    // A far-future event (a wrong clock) would make the day walk huge: read every day log instead.
    hamtForEach(ledger.buckets, (key, b) => {
      if (!key.startsWith('d:') || b.log === null || key === dayBucketKey(t)) return;
      hamtForEach(b.log, (_id, [at, kind, amount, k]) => {
        if (at > t && at <= last) addLogEntry(s, rk, kind, amount, k);
      });
    });
    return s;
  }
  for (let d = firstDay; d <= last; d += DAY_MS) {
    const b = hamtGet(ledger.buckets, dayBucketKey(d));
    if (!b) continue;
    s.orders += b.orders;
    for (let c = 0; c < COMBOS; c++) s.dec[c] = (s.dec[c] ?? 0) + (b.dec[c] ?? 0);
    s.grants += sumRule(b.grants, ruleId);
    s.packs += sumRule(b.packs, ruleId);
    s.corr += sumRule(b.corr, ruleId);
  }
  return s;
}

function limitOf(rule: QuotaRule, orders: number, grants: number, packs: number): number {
  switch (rule.kind) {
    case 'ratio':
      return ratioLimit(orders, rule.ratio, rule.rounding, rule.minimum) + grants;
    case 'fixed':
      return Math.floor(rule.allowance) + grants;
    case 'pack':
      return Math.floor(rule.initial) + packs + grants;
  }
}

/**
 * Where the shop stands against `rule` at `now`.
 *
 * - Period: the China day / calendar month containing `now` (00:00 Asia/Shanghai = 16:00 UTC the
 *   day before), or all time for packs and `period: 'none'`.
 * - used = charged decrypts in the period (each decrypt, or each order once when
 *   `recountSameOrder` is false; only the rule's `fields`; only bulk ones when `charges: 'bulk'`)
 *   + corrections. limit = ratio × orders (see `ratioLimit`) / allowance / pack, + grants.
 * - Platform counter: the latest `platformCounterObserved` of the period (for this rule or for
 *   all) is trusted: drift = observed remaining − local remaining at that instant, and
 *   remaining = local remaining now + drift.
 * - Burn rate: charged decrypts per day over the trailing `burnWindowDays` (default 7) China
 *   days including today, from the later of the window start and the first event (at least one
 *   hour). A ratio rule's limit grows with orders, so its forecast uses the net rate
 *   burn − ratio × order rate.
 * - A clock that went backwards (events after `now`) is tolerated: those events still count in
 *   their own period; the rate window never reaches past today.
 * - Never throws: a null ledger or rule, or a `now` outside `isPeriodInstant` (whose period
 *   bounds would be NaN), is a typed error.
 * @example
 * const l = ledgerFromEvents('s', [{ type: 'orderCounted', id: 'o', at: Date.UTC(2026, 10, 2), count: 100 }]);
 * const r = quotaStatus(l, douyinQuotaRule, Date.UTC(2026, 10, 3));
 * r.ok && r.status.limit; // 5
 */
export function quotaStatus(ledger: QuotaLedger, rule: QuotaRule, now: Instant): QuotaStatusResult {
  if (
    typeof ledger !== 'object' ||
    ledger === null ||
    typeof ledger.buckets !== 'object' ||
    ledger.buckets === null
  )
    return {
      ok: false,
      error: { code: 'bad-ledger', message: 'ledger must be a quota ledger (see emptyLedger).' },
    };
  const problem = quotaRuleProblem(rule);
  if (problem !== null) return { ok: false, error: { code: 'bad-rule', message: problem } };
  if (!isPeriodInstant(now))
    return {
      ok: false,
      error: {
        code: 'bad-time',
        message: 'now must be a finite epoch-millisecond instant whose China month is representable.',
      },
    };

  const period = rule.kind === 'pack' ? 'none' : rule.period;
  const periodStart =
    period === 'day' ? startOfChinaDay(now) : period === 'month' ? startOfChinaMonth(now) : null;
  const periodEnd =
    period === 'day' ? (periodStart as number) + DAY_MS : period === 'month' ? endOfChinaMonth(now) : null;
  const key =
    period === 'day' ? dayBucketKey(now) : period === 'month' ? monthBucketKey(now) : TOTAL_BUCKET_KEY;
  const b =
    hamtGet(ledger.buckets, key) ??
    emptyBucket(period === 'day' ? 'day' : period === 'month' ? 'month' : 'total');
  const mask = chargedMask(rule);

  const grants = sumRule(b.grants, rule.id);
  const packs = sumRule(b.packs, rule.id);
  const corr = sumRule(b.corr, rule.id);
  const usedRaw = charged(ledger, period, b, rule, mask) + corr;
  const limit = limitOf(rule, b.orders, grants, packs);
  const localRemaining = limit - usedRaw;

  // Reconcile with the platform's own counter (the platform wins).
  const o1 = b.obs['*'];
  const o2 = b.obs[`r:${rule.id}`];
  const obs: QuotaObservation | undefined = o1 && o2 ? laterObservation(o1, o2) : (o1 ?? o2);
  let drift: number | null = null;
  if (obs) {
    const after = sumsAfter(ledger, rule.id, obs.at, periodEnd);
    const limitThen = limitOf(rule, b.orders - after.orders, grants - after.grants, packs - after.packs);
    const usedThen =
      (rule.recountSameOrder
        ? maskedDec(b.dec, mask) - maskedDec(after.dec, mask)
        : distinctCharged(ledger, period, b, mask, obs.at)) +
      corr -
      after.corr;
    drift = obs.remaining - (limitThen - usedThen);
  }
  const remaining = Math.max(0, localRemaining + (drift ?? 0));
  const used = Math.max(0, usedRaw);

  // Burn rate over the trailing window of China days (today included).
  const windowDays = rule.burnWindowDays ?? 7;
  const today = startOfChinaDay(now);
  const first = ledger.firstAt === null ? null : startOfChinaDay(ledger.firstAt);
  let burnRatePerDay = 0;
  let orderRatePerDay = 0;
  if (first !== null && first <= now) {
    const windowStart = Math.max(today - (windowDays - 1) * DAY_MS, first);
    let burnt = 0;
    let ordered = 0;
    for (let d = windowStart; d <= today; d += DAY_MS) {
      const day = hamtGet(ledger.buckets, dayBucketKey(d));
      if (!day) continue;
      burnt += charged(ledger, 'day', day, rule, mask);
      ordered += day.orders;
    }
    const elapsed = Math.max(now - windowStart, HOUR_MS);
    burnRatePerDay = (burnt * DAY_MS) / elapsed;
    orderRatePerDay = (ordered * DAY_MS) / elapsed;
  }
  const net = burnRatePerDay - (rule.kind === 'ratio' ? rule.ratio * orderRatePerDay : 0);
  const forecastExhaustedAt =
    remaining <= 0 ? now : net > 0 ? now + Math.ceil((remaining / net) * DAY_MS) : null;
  const exhaustsBeforeReset =
    forecastExhaustedAt !== null && (periodEnd === null || forecastExhaustedAt < periodEnd);

  const effectiveLimit = used + remaining;
  const level: QuotaLevel =
    remaining <= 0 ? 'exhausted' : used >= rule.warnAt * effectiveLimit ? 'warn' : 'ok';

  return {
    ok: true,
    status: {
      shopId: ledger.shopId,
      ruleId: rule.id,
      used,
      limit,
      remaining,
      localRemaining,
      periodStart,
      periodEnd,
      orders: b.orders,
      granted: grants + packs,
      burnRatePerDay,
      orderRatePerDay,
      forecastExhaustedAt,
      exhaustsBeforeReset,
      level,
      drift,
      observedAt: obs?.at ?? null,
    },
  };
}

/** Statuses of a shop against all its rules, and the one that binds first. */
export interface QuotaOverview {
  /** One result per rule, in the order given. */
  readonly results: readonly QuotaStatusResult[];
  /** The valid status with the least remaining (ties: the earliest forecast exhaustion); `null` if none. */
  readonly binding: QuotaStatus | null;
}

/**
 * `quotaStatus` for each of a platform's rules (e.g. a monthly allowance plus a daily one) and the
 * rule that binds first — what a meter shows.
 * @example
 * const o = quotaStatuses(emptyLedger('s'), [wechatQuotaRule, dailyQuotaRule(50)], Date.UTC(2026, 10, 3));
 * o.binding?.ruleId; // 'daily' (50 left today < 500 left this month)
 */
export function quotaStatuses(ledger: QuotaLedger, rules: readonly QuotaRule[], now: Instant): QuotaOverview {
  const results = rules.map((rule) => quotaStatus(ledger, rule, now));
  let binding: QuotaStatus | null = null;
  for (const r of results) {
    if (!r.ok) continue;
    const s = r.status;
    const sf = s.forecastExhaustedAt ?? Number.POSITIVE_INFINITY;
    const bf = binding?.forecastExhaustedAt ?? Number.POSITIVE_INFINITY;
    if (binding === null || s.remaining < binding.remaining || (s.remaining === binding.remaining && sf < bf))
      binding = s;
  }
  return { results, binding };
}
