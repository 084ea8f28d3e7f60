import {
  applyEvents,
  douyinQuotaRule,
  emptyLedger,
  jdQuotaRule,
  wechatQuotaRule,
  type QuotaEvent,
} from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyShare, meaningfulDifference, quotaView } from './view';

const NOW = Date.parse('2026-11-20T04:00:00Z');
const key = 'ab'.repeat(16);
const reveal = (i: number): QuotaEvent => ({
  type: 'decrypted',
  id: `c:${i}`,
  at: NOW - 1000 * (i + 1),
  orderKey: key,
  field: 'phone',
  source: 'backoffice',
  via: 'single',
});

describe('quotaView', () => {
  it('a JD pack with nothing bought claims no limit and no warning', () => {
    const ledger = applyEvents(emptyLedger('jd'), [reveal(1), reveal(2)]);
    const v = quotaView(ledger, jdQuotaRule, NOW);
    expect(v).toMatchObject({ limit: null, remaining: null, level: 'ok', drift: null });
  });

  it('a JD pack shows the page counter when there is one, without inventing a limit of 0', () => {
    const seen: QuotaEvent = { type: 'platformCounterObserved', id: 'p:1', at: NOW - 10, remaining: 198 };
    const v = quotaView(applyEvents(emptyLedger('jd'), [reveal(1), reveal(2), seen]), jdQuotaRule, NOW);
    expect(v.limit).toBeNull();
    expect(v.remaining).toBe(198);
    expect(v.level).toBe('ok');
    const zero: QuotaEvent = { type: 'platformCounterObserved', id: 'p:2', at: NOW - 5, remaining: 0 };
    expect(quotaView(applyEvents(emptyLedger('jd'), [seen, zero]), jdQuotaRule, NOW).level).toBe('exhausted');
  });

  it('WeChat: 500 a month, counts used', () => {
    const v = quotaView(
      applyEvents(emptyLedger('wx'), [reveal(1), reveal(2), reveal(3)]),
      wechatQuotaRule,
      NOW,
    );
    expect(v).toMatchObject({ used: 3, limit: 500, remaining: 497, level: 'ok' });
  });

  const counter = (remaining: number, id = 'p:1'): QuotaEvent => ({
    type: 'platformCounterObserved',
    id,
    at: NOW - 10,
    remaining,
  });

  it('抖店 first use: the page says 120 left, no order counted yet: the platform numbers, no local note', () => {
    // Before: 上限 0 · 剩余 120 · 与平台计数相差 120.
    const v = quotaView(applyEvents(emptyLedger('dy'), [counter(120)]), douyinQuotaRule, NOW);
    expect(v).toMatchObject({
      used: 0,
      limit: 120,
      remaining: 120,
      source: 'platform',
      localRemaining: null,
    });
    expect(v.level).toBe('ok');
  });

  it('with a page counter the limit is used + remaining', () => {
    const l = applyEvents(emptyLedger('dy'), [reveal(1), reveal(2), counter(118)]);
    const v = quotaView(l, douyinQuotaRule, NOW);
    expect(v.limit).toBe(v.used + (v.remaining ?? Number.NaN));
    expect(v).toMatchObject({ used: 2, remaining: 118, limit: 120, source: 'platform' });
  });

  it('explains our own count only when it differs meaningfully', () => {
    const three = [reveal(1), reveal(2), reveal(3)];
    // Ours: 500 - 3 = 497. The page: 495 (2 apart: not news).
    const near = quotaView(applyEvents(emptyLedger('wx'), [...three, counter(495)]), wechatQuotaRule, NOW);
    expect(near).toMatchObject({ remaining: 495, limit: 498, localRemaining: null });
    // The page: 400 (97 apart): our 497 is explained.
    const far = quotaView(applyEvents(emptyLedger('wx'), [...three, counter(400)]), wechatQuotaRule, NOW);
    expect(far).toMatchObject({ remaining: 400, limit: 403, localRemaining: 497, source: 'platform' });
  });

  it('without a page counter the local numbers stand and nothing is explained', () => {
    const v = quotaView(applyEvents(emptyLedger('wx'), [reveal(1)]), wechatQuotaRule, NOW);
    expect(v).toMatchObject({ limit: 500, remaining: 499, source: 'local', localRemaining: null });
  });
});

describe('quotaView with the page counter period (issue 21 item 4)', () => {
  const DAY = 86_400_000;
  const seen = (remaining: number, at = NOW - 10): QuotaEvent => ({
    type: 'platformCounterObserved',
    id: `p:${at}:${remaining}`,
    at,
    remaining,
  });

  it('京东 (今日剩余查看次数 198 after 2 reveals today): today, used 2, limit 200, remaining 198', () => {
    const old = { ...reveal(9), id: 'c:old', at: NOW - 3 * DAY };
    const l = applyEvents(emptyLedger('jd'), [old, reveal(1), reveal(2), seen(198)]);
    const v = quotaView(l, jdQuotaRule, NOW, 'day');
    expect(v).toMatchObject({ used: 2, limit: 200, remaining: 198, period: 'day', source: 'platform' });
    expect(v.periodEnd! - v.periodStart!).toBe(DAY);
    expect(v.localRemaining).toBeNull();
  });

  it('京东 on a new day before the list showed its counter: the pack meter (no limit, no period)', () => {
    const l = applyEvents(emptyLedger('jd'), [seen(150, NOW - 2 * DAY)]);
    expect(quotaView(l, jdQuotaRule, NOW, 'day')).toMatchObject({ limit: null, period: null });
  });

  it('抖店 and 微信小店 count per month: the counter period changes nothing there', () => {
    const l = applyEvents(emptyLedger('wx'), [reveal(1), seen(480)]);
    expect(quotaView(l, wechatQuotaRule, NOW, 'month')).toEqual(quotaView(l, wechatQuotaRule, NOW));
    expect(quotaView(l, wechatQuotaRule, NOW, 'month')).toMatchObject({ period: 'month', limit: 481 });
    expect(quotaView(l, douyinQuotaRule, NOW, 'month').period).toBe('month');
  });

  it("property: with a page counter, limit = used + remaining and the period is the counter's", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          [jdQuotaRule, 'day'] as const,
          [wechatQuotaRule, 'month'] as const,
          [douyinQuotaRule, 'month'] as const,
        ),
        fc.nat(40),
        fc.nat(2000),
        ([rule, period], n, shown) => {
          const events = [...Array.from({ length: n }, (_, i) => reveal(i)), seen(shown, NOW - 1)];
          const v = quotaView(applyEvents(emptyLedger('s'), events), rule, NOW, period);
          expect(v.source).toBe('platform');
          expect(v.remaining).toBe(shown);
          expect(v.limit).toBe(v.used + shown);
          expect(v.period).toBe(period);
          // The forecast falls inside the counter's period.
          if (v.exhaustsAt !== null) expect(v.exhaustsAt).toBeLessThan(v.periodEnd!);
        },
      ),
    );
  });

  it('property: the popup daily allowance is above 0 whenever the page shows views left', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          [jdQuotaRule, 'day'] as const,
          [wechatQuotaRule, 'month'] as const,
          [douyinQuotaRule, 'month'] as const,
        ),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 29 * DAY }),
        ([rule, period], shown, later) => {
          const now = Date.parse('2026-11-01T00:00:00Z') + later;
          const v = quotaView(applyEvents(emptyLedger('s'), [seen(shown, now - 1)]), rule, now, period);
          const share = dailyShare(v, now);
          expect(share).not.toBeNull();
          expect(share!).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('the daily allowance is what remains over the days left (抖店 first use: 120 over 11 days)', () => {
    const v = quotaView(applyEvents(emptyLedger('dy'), [seen(120)]), douyinQuotaRule, NOW, 'month');
    expect(dailyShare(v, NOW)).toBeCloseTo(120 / 11, 9);
  });
});

describe('meaningfulDifference', () => {
  it('is symmetric, never true under 3 apart, always true at 3+ apart when that is 5% of the span', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(20_000), (a, b, span) => {
        const r = meaningfulDifference(a, b, span);
        expect(r).toBe(meaningfulDifference(b, a, span));
        const gap = Math.abs(a - b);
        if (gap < 3) expect(r).toBe(false);
        if (gap >= 3 && gap >= span / 20) expect(r).toBe(true);
        if (gap < span / 20) expect(r).toBe(false);
      }),
    );
  });
});
