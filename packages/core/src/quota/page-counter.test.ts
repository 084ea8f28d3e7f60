import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, endOfChinaMonth, startOfChinaDay } from '../time/china-time.js';
import { douyinQuotaRule, jdQuotaRule, wechatQuotaRule } from './default-rules.js';
import { ledgerFromEvents } from './ledger.js';
import { counterRule, dailyAllowance, daysLeft, pageCounterPeriods } from './page-counter.js';
import { quotaStatus } from './status.js';
import type { QuotaEvent } from './events.js';

const NOW = Date.parse('2026-11-21T04:00:00Z');
// Instants whose China month is representable, 2020..2035.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

describe('page counters', () => {
  it('count per month on 抖店 and 微信小店, per day on 京东', () => {
    expect(pageCounterPeriods).toEqual({ douyin: 'month', wechat: 'month', jd: 'day' });
  });

  it('a rule of the same period is kept; a pack gets a day rule that charges every reveal', () => {
    expect(counterRule(wechatQuotaRule, 'month')).toBe(wechatQuotaRule);
    expect(counterRule(douyinQuotaRule, 'month')).toBe(douyinQuotaRule);
    expect(counterRule(jdQuotaRule, 'day')).toMatchObject({
      kind: 'fixed',
      allowance: 0,
      period: 'day',
      charges: 'every',
    });
    expect(counterRule(wechatQuotaRule, 'day')).toMatchObject({ period: 'day', fields: ['phone'] });
  });

  it('京东: the page says 198 left today after 2 reveals: used 2, remaining 198, limit 200 for today', () => {
    const reveal = (i: number, at: number): QuotaEvent => ({
      type: 'decrypted',
      id: `c:${i}`,
      at,
      orderKey: 'ab'.repeat(16),
      field: 'phone',
      source: 'backoffice',
      via: 'single',
    });
    const l = ledgerFromEvents('jd', [
      reveal(0, NOW - 2 * DAY_MS), // another day: not today's
      reveal(1, NOW - 3000),
      reveal(2, NOW - 2000),
      { type: 'platformCounterObserved', id: 'p:1', at: NOW - 1000, remaining: 198 },
    ]);
    const r = quotaStatus(l, counterRule(jdQuotaRule, 'day'), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.status).toMatchObject({ used: 2, remaining: 198, periodStart: startOfChinaDay(NOW) });
    expect(r.status.used + r.status.remaining).toBe(200);
  });

  it('property: with a counter observed, used + remaining is what the page showed plus what was used before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(jdQuotaRule, wechatQuotaRule, douyinQuotaRule),
        fc.constantFrom<'day' | 'month'>('day', 'month'),
        (shown, before, rule, period) => {
          const events: QuotaEvent[] = Array.from({ length: before }, (_, i) => ({
            type: 'decrypted',
            id: `c:${i}`,
            at: NOW - 60_000 + i,
            orderKey: 'cd'.repeat(16),
            field: 'phone',
            source: 'backoffice',
            via: 'single',
          }));
          events.push({ type: 'platformCounterObserved', id: 'p', at: NOW - 100, remaining: shown });
          const r = quotaStatus(ledgerFromEvents('s', events), counterRule(rule, period), NOW);
          if (!r.ok) return false;
          return r.status.remaining === shown && r.status.used === before && r.status.drift !== null;
        },
      ),
    );
  });

  it('days left count today and stop at the period end', () => {
    const end = endOfChinaMonth(NOW);
    expect(daysLeft(end, NOW)).toBe(10);
    expect(daysLeft(end, end - 1)).toBe(1);
    expect(daysLeft(end, end)).toBe(0);
    expect(dailyAllowance(30, end, NOW)).toBe(3);
    expect(dailyAllowance(null, end, NOW)).toBeNull();
    expect(dailyAllowance(5, null, NOW)).toBeNull();
    expect(dailyAllowance(5, end, end + 1)).toBeNull();
  });

  it('property: the daily allowance is positive whenever something remains and days are left', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 1_000_000 }), (now, remaining) => {
        const end = endOfChinaMonth(now);
        const a = dailyAllowance(remaining, end, now);
        return daysLeft(end, now) > 0 && a !== null && a > 0 && a <= remaining;
      }),
    );
  });

  it('property: days left of a day period is 1 for any instant of that day', () => {
    fc.assert(fc.property(instant, (now) => daysLeft(startOfChinaDay(now) + DAY_MS, now) === 1));
  });
});
