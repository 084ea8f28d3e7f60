/**
 * The platforms' own remaining-decrypts counters ("剩余解密次数 120", "本月剩余查看次数 500",
 * "今日剩余查看次数 200"): the period each counts in, the rule a counter is read against, and the
 * daily allowance left. When the page shows its counter, the platform's numbers win.
 * @module
 */
import { DAY_MS, startOfChinaDay } from '../time/china-time.js';
import type { Instant } from '../types.js';
import type { QuotaRule } from './rule.js';

/** The period a page counter counts in (China time). */
export type CounterPeriod = 'day' | 'month';

/**
 * The period of each platform's own counter. 抖店 and 微信小店 count per calendar month (their
 * rules, seeds 001 and 002: the 5% and the 500 views are monthly); 京东's order list shows
 * 今日剩余查看次数, a count per China day, unlike its pack rule (bulk exports, no period).
 * @example
 * pageCounterPeriods.jd; // 'day'
 */
export const pageCounterPeriods = {
  douyin: 'month',
  wechat: 'month',
  jd: 'day',
} as const satisfies Readonly<Record<string, CounterPeriod>>;

/**
 * The rule a page counter of `period` is read against. Rule: the shop's own rule when it counts in
 * that period (its limit and grants still apply); otherwise a rule of that period with no allowance
 * of its own, charging every decrypt of the rule's fields, so that the counter (through the
 * ledger's drift) supplies the remaining count and the ledger supplies what was used in the period.
 * @example
 * counterRule(jdQuotaRule, 'day'); // { kind: 'fixed', id: 'jd-virtual-pack:page-day', allowance: 0, period: 'day', charges: 'every', ... }
 * counterRule(wechatQuotaRule, 'month') === wechatQuotaRule; // true
 */
export function counterRule(rule: QuotaRule, period: CounterPeriod): QuotaRule {
  if (rule.kind !== 'pack' && rule.period === period) return rule;
  return {
    kind: 'fixed',
    id: `${rule.id}:page-${period}`,
    allowance: 0,
    period,
    recountSameOrder: rule.recountSameOrder,
    warnAt: rule.warnAt,
    charges: 'every',
    ...(rule.fields ? { fields: rule.fields } : {}),
  };
}

/**
 * Whole China days left in a period ending at `periodEnd`, today included (0 once it ended).
 * @example
 * daysLeft(Date.parse('2026-11-30T16:00:00Z'), Date.parse('2026-11-29T04:00:00Z')); // 2 (29th and 30th)
 */
export function daysLeft(periodEnd: Instant, now: Instant): number {
  if (!Number.isFinite(periodEnd) || !Number.isFinite(now) || periodEnd <= now) return 0;
  return Math.ceil((periodEnd - startOfChinaDay(now)) / DAY_MS);
}

/**
 * The allowance left per day: what remains spread over the days left in the period, today
 * included. Rule: positive whenever something remains and the period has not ended (a page showing
 * 剩余 3 never gets a daily allowance of 0); null without a remaining count or a period end, or
 * once the period ended.
 * @example
 * dailyAllowance(30, Date.parse('2026-11-30T16:00:00Z'), Date.parse('2026-11-21T04:00:00Z')); // 3 (10 days left)
 */
export function dailyAllowance(
  remaining: number | null,
  periodEnd: Instant | null,
  now: Instant,
): number | null {
  if (remaining === null || periodEnd === null || !Number.isFinite(remaining)) return null;
  const days = daysLeft(periodEnd, now);
  return days > 0 ? Math.max(0, remaining) / days : null;
}
