/**
 * The quota meter the overlay and popup show (`QuotaView`), from the core's
 * `quotaStatus(ledger, rule, now)`.
 * @module
 */
import {
  counterRule,
  dailyAllowance,
  quotaStatus,
  type CounterPeriod,
  type Instant,
  type QuotaLedger,
  type QuotaRule,
  type QuotaStatus,
} from '@shipmask/core';
import type { QuotaView } from '../../messages/quota';

/** A meter with no limit (no rule, or nothing known yet). */
const unlimited = (used: number): QuotaView => ({
  used,
  limit: null,
  remaining: null,
  level: 'ok',
  periodStart: null,
  periodEnd: null,
  period: null,
  exhaustsAt: null,
  drift: null,
  source: 'local',
  localRemaining: null,
});

/**
 * Whether our own remaining count differs from the page's counter enough to be worth a sentence:
 * by at least 3 and at least 5% of the platform's span (used + remaining). A difference of one or
 * two is a reveal the page has not repainted yet, not news.
 * @example
 * meaningfulDifference(0, 120, 120); // true
 * meaningfulDifference(118, 120, 122); // false (2 apart)
 */
export function meaningfulDifference(local: number, platform: number, span: number): boolean {
  const gap = Math.abs(local - platform);
  return gap >= 3 && gap >= 0.05 * Math.max(0, span);
}

/**
 * Whether the local count has any basis to compare with the page: a ratio rule with no order
 * counted in the period (first use, or a new month before a list was opened) has a local limit of 0
 * that says nothing about the shop, so it is not offered as an explanation.
 */
function localHasBasis(rule: QuotaRule, s: QuotaStatus): boolean {
  return !(rule.kind === 'ratio' && s.orders === 0 && s.granted === 0);
}

/** The period word of a status: its bounds one China day or one month apart, or none. */
function periodOf(rule: QuotaRule): 'day' | 'month' | null {
  return rule.kind === 'pack' || rule.period === 'none' ? null : rule.period;
}

/**
 * The meter from the page's own counter when it counts in another period than the shop's rule
 * (京东: 今日剩余查看次数 against a pack without a period): the platform's numbers for that period,
 * used = the reveals of the period, limit = used + remaining. Undefined when no counter was seen in
 * the current period (a new day before the list was opened): the rule's own meter applies.
 */
function pageCounterView(ledger: QuotaLedger, rule: QuotaRule, period: CounterPeriod, now: Instant) {
  const pageRule = counterRule(rule, period);
  if (pageRule === rule) return undefined;
  const r = quotaStatus(ledger, pageRule, now);
  if (!r.ok || r.status.drift === null) return undefined;
  const s = r.status;
  const view: QuotaView = {
    used: s.used,
    limit: s.used + s.remaining,
    remaining: s.remaining,
    level: s.level,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    period,
    exhaustsAt: s.exhaustsBeforeReset ? s.forecastExhaustedAt : null,
    drift: s.drift,
    source: 'platform',
    localRemaining: null,
  };
  return view;
}

/**
 * The meter of a shop against its effective rule at `now`.
 * - `exhaustsAt` is the forecast only when it falls before the period resets (else null).
 * - A prepaid pack with nothing bought (JD's default `initial: 0` and no `packBought` event) is
 *   shown without a limit: nothing is known about the pack, and single look-ups are free, so the
 *   overlay must not warn before every reveal. When the page shows its own remaining count, that
 *   count is shown (and 0 there is `exhausted`).
 * - When the page shows its own remaining count (`drift` not null), the platform's numbers are the
 *   truth: remaining is the page's count and the limit is used + remaining (so 上限 = 已用 + 剩余, as
 *   the merchant can check against the page). Our own remaining is offered as an explanation
 *   (`localRemaining`) only when it differs meaningfully and the local count has a basis (first
 *   use of a ratio rule, with no orders counted yet, does not: its local limit is 0).
 * - `counterPeriod`: the period of the platform's own counter (core `pageCounterPeriods`). When it
 *   differs from the rule's (京东 counts views per day; its pack has no period) and the page showed
 *   its counter in the current period, the meter is that counter's: period, used, remaining and
 *   limit = used + remaining all for that period, and the forecast within it.
 * - A rule the core refuses (should not happen: settings are validated) also shows no limit.
 * @example
 * quotaView(ledger, wechatQuotaRule, Date.now()); // { used: 12, limit: 500, remaining: 488, level: 'ok', period: 'month', ... }
 * quotaView(ledger, jdQuotaRule, Date.now(), 'day'); // { used: 2, limit: 200, remaining: 198, period: 'day', source: 'platform', ... }
 */
export function quotaView(
  ledger: QuotaLedger,
  rule: QuotaRule | undefined,
  now: Instant,
  counterPeriod?: CounterPeriod,
): QuotaView {
  if (!rule) return unlimited(0);
  const page = counterPeriod ? pageCounterView(ledger, rule, counterPeriod, now) : undefined;
  if (page) return page;
  const r = quotaStatus(ledger, rule, now);
  if (!r.ok) return unlimited(0);
  const s = r.status;
  if (rule.kind === 'pack' && s.limit === 0 && s.granted === 0) {
    // Nothing bought. If the page shows its own remaining count (JD: 今日剩余查看次数), show that
    // number, trusting the platform, but claim no limit of ours.
    if (s.drift === null) return unlimited(s.used);
    return {
      ...unlimited(s.used),
      remaining: s.remaining,
      drift: s.drift,
      source: 'platform',
      level: s.remaining <= 0 ? 'exhausted' : 'ok',
    };
  }
  const platform = s.drift !== null;
  const span = s.used + s.remaining;
  const local = Math.max(0, s.localRemaining);
  return {
    used: s.used,
    limit: platform ? span : s.limit,
    remaining: s.remaining,
    level: s.level,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    period: periodOf(rule),
    exhaustsAt: s.exhaustsBeforeReset ? s.forecastExhaustedAt : null,
    drift: s.drift,
    source: platform ? 'platform' : 'local',
    localRemaining:
      platform && localHasBasis(rule, s) && meaningfulDifference(local, s.remaining, span) ? local : null,
  };
}

/**
 * The allowance left per day (the popup chart's reference line): what remains spread over the days
 * left in the period, today included (core `dailyAllowance`). Positive whenever something remains
 * and the period runs on: never 0 while the page shows views left. Null without a remaining count
 * or a period (a pack).
 * @example
 * dailyShare({ ...view, remaining: 30, periodEnd: dec1 }, nov21); // 3 (10 days left)
 */
export function dailyShare(view: QuotaView, now: Instant): number | null {
  return dailyAllowance(view.remaining, view.periodEnd, now);
}
