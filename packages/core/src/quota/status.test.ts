import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyQuotaRule, douyinQuotaRule, jdQuotaRule, wechatQuotaRule } from './default-rules.js';
import { MAX_PERIOD_INSTANT, MIN_PERIOD_INSTANT } from '../time/china-time.js';
import { checkQuotaEvent } from './events.js';
import { emptyLedger, ledgerFromEvents } from './ledger.js';
import {
  arbAt,
  arbEvents,
  correct,
  DAY,
  DEC_1_CN,
  dec,
  grant,
  HOUR,
  NOV_1_CN,
  observed,
  orders,
  pack,
  status,
} from './quota.test-helper.js';
import type { QuotaRule } from './rule.js';
import { quotaRuleProblem, quotaStatus, quotaStatuses, ratioLimit } from './status.js';

const NOV_10 = NOV_1_CN + 9 * DAY + 12 * HOUR; // 2026-11-10 12:00 China

describe('ratioLimit: Douyin 5%, small counts documented', () => {
  it.each([
    [0, 0],
    [1, 0],
    [19, 0],
    [20, 1],
    [39, 1],
    [40, 2],
    [100, 5],
    [1999, 99],
  ])('%i orders → %i decrypts (floor)', (n, limit) => {
    expect(ratioLimit(n, 0.05, 'floor', 0)).toBe(limit);
  });
  it('binary error never flips a whole count: 60 × 5% is 3 under floor, ceil and round', () => {
    expect([
      ratioLimit(60, 0.05, 'floor', 0),
      ratioLimit(60, 0.05, 'ceil', 0),
      ratioLimit(60, 0.05, 'round', 0),
    ]).toEqual([3, 3, 3]);
    expect(ratioLimit(61, 0.05, 'ceil', 0)).toBe(4);
    expect(ratioLimit(50, 0.05, 'round', 0)).toBe(3); // 2.5 rounds half up
  });
  it('minimum is a floor under the limit', () => {
    expect(ratioLimit(10, 0.05, 'floor', 3)).toBe(3);
    expect(ratioLimit(100, 0.05, 'floor', 3)).toBe(5);
  });
  it('property: floor <= exact <= ceil, monotone in orders (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (n, pct) => {
        const r = pct / 100;
        const f = ratioLimit(n, r, 'floor', 0);
        const c = ratioLimit(n, r, 'ceil', 0);
        expect(f).toBeLessThanOrEqual(c);
        expect(c - f).toBeLessThanOrEqual(1);
        expect(ratioLimit(n + 1, r, 'floor', 0)).toBeGreaterThanOrEqual(f);
        expect(Math.abs(f - n * r)).toBeLessThan(1 + 1e-6);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Douyin: 5% of orders counted in the China calendar month', () => {
  it('0 orders: limit 0, nothing remains, level exhausted', () => {
    const s = status(emptyLedger('s'), douyinQuotaRule, NOV_10);
    expect(s).toMatchObject({ used: 0, limit: 0, remaining: 0, level: 'exhausted', orders: 0, drift: null });
    expect(s.forecastExhaustedAt).toBe(NOV_10);
    expect([s.periodStart, s.periodEnd]).toEqual([NOV_1_CN, DEC_1_CN]);
  });
  it('100 orders: limit 5; 3 used ok, 4 used warn (80%), 5 used exhausted', () => {
    const base = [orders(NOV_1_CN + DAY, 100)];
    const l3 = ledgerFromEvents('s', [
      ...base,
      dec(NOV_10 - HOUR, 1),
      dec(NOV_10 - HOUR, 2),
      dec(NOV_10 - HOUR, 3),
    ]);
    expect(status(l3, douyinQuotaRule, NOV_10)).toMatchObject({
      used: 3,
      limit: 5,
      remaining: 2,
      level: 'ok',
    });
    const l4 = ledgerFromEvents('s', [...base, ...[1, 2, 3, 4].map((n) => dec(NOV_10 - HOUR, n))]);
    expect(status(l4, douyinQuotaRule, NOV_10)).toMatchObject({ used: 4, remaining: 1, level: 'warn' });
    const l5 = ledgerFromEvents('s', [...base, ...[1, 2, 3, 4, 5].map((n) => dec(NOV_10 - HOUR, n))]);
    expect(status(l5, douyinQuotaRule, NOV_10)).toMatchObject({ used: 5, remaining: 0, level: 'exhausted' });
  });
  it('a self-service raise (granted) adds to the month limit', () => {
    const l = ledgerFromEvents('s', [orders(NOV_1_CN + DAY, 100), grant(NOV_1_CN + 2 * DAY, 10)]);
    expect(status(l, douyinQuotaRule, NOV_10)).toMatchObject({ limit: 15, granted: 10 });
    // A grant scoped to another rule does not count.
    const other = ledgerFromEvents('s', [orders(NOV_1_CN + DAY, 100), grant(NOV_1_CN + 2 * DAY, 10, 'x')]);
    expect(status(other, douyinQuotaRule, NOV_10).limit).toBe(5);
  });
  it('re-viewing the same order counts again by default', () => {
    const l = ledgerFromEvents('s', [
      orders(NOV_1_CN, 100),
      dec(NOV_10 - HOUR, 7),
      dec(NOV_10 - HOUR, 7, 'name'),
    ]);
    expect(status(l, douyinQuotaRule, NOV_10).used).toBe(2);
  });
  it('rollover at China midnight: 2026-11-30T16:00:00Z is 1 December', () => {
    const l = ledgerFromEvents('s', [
      orders(DEC_1_CN - 1, 200), // 30 Nov 23:59:59.999 China
      dec(DEC_1_CN - 1, 1),
      orders(DEC_1_CN, 40), // 1 Dec 00:00 China
      dec(DEC_1_CN, 2),
    ]);
    const nov = status(l, douyinQuotaRule, DEC_1_CN - 1);
    expect(nov).toMatchObject({
      orders: 200,
      limit: 10,
      used: 1,
      periodStart: NOV_1_CN,
      periodEnd: DEC_1_CN,
    });
    const decS = status(l, douyinQuotaRule, DEC_1_CN);
    expect(decS).toMatchObject({ orders: 40, limit: 2, used: 1, periodStart: DEC_1_CN });
    expect(decS.periodEnd).toBe(Date.parse('2026-12-31T16:00:00Z'));
  });
  it('a ratio forecast nets the order rate: orders growing fast enough never exhaust', () => {
    // 1 Nov–10 Nov: 400 orders/day and 10 decrypts/day (5% of 400 = 20/day > 10/day burn).
    const events = [];
    for (let d = 3; d < 10; d++) {
      events.push(orders(NOV_1_CN + d * DAY + HOUR, 400));
      for (let i = 0; i < 10; i++) events.push(dec(NOV_1_CN + d * DAY + 2 * HOUR, d * 100 + i));
    }
    const s = status(ledgerFromEvents('s', events), douyinQuotaRule, NOV_1_CN + 9 * DAY + 12 * HOUR);
    expect(s.burnRatePerDay).toBeGreaterThan(0);
    expect(s.forecastExhaustedAt).toBeNull();
    expect(s.exhaustsBeforeReset).toBe(false);
  });
});

describe('WeChat: 500 real-phone views a month', () => {
  it('only phone views count; grants add', () => {
    const l = ledgerFromEvents('s', [
      dec(NOV_10 - HOUR, 1),
      dec(NOV_10 - HOUR, 2),
      dec(NOV_10 - HOUR, 3),
      dec(NOV_10 - HOUR, 1, 'name'),
      dec(NOV_10 - HOUR, 1, 'address'),
      grant(NOV_1_CN + HOUR, 100),
    ]);
    expect(status(l, wechatQuotaRule, NOV_10)).toMatchObject({
      used: 3,
      limit: 600,
      remaining: 597,
      level: 'ok',
    });
  });
  it('re-view rule off: one order counts once per period, and again next period', () => {
    const once: QuotaRule = { ...wechatQuotaRule, recountSameOrder: false };
    const l = ledgerFromEvents('s', [
      dec(DEC_1_CN - 3 * HOUR, 9),
      dec(DEC_1_CN - 2 * HOUR, 9),
      dec(DEC_1_CN - HOUR, 8),
      dec(DEC_1_CN + HOUR, 9),
    ]);
    expect(status(l, once, DEC_1_CN - 1).used).toBe(2);
    expect(status(l, wechatQuotaRule, DEC_1_CN - 1).used).toBe(3);
    expect(status(l, once, DEC_1_CN + 2 * HOUR).used).toBe(1);
  });
  it('re-view rule off: decrypts of fields the rule does not charge never count (model-test regression)', () => {
    const once: QuotaRule = { ...wechatQuotaRule, recountSameOrder: false, fields: ['phone', 'name'] };
    const l = ledgerFromEvents('s', [
      dec(NOV_10, 1, 'address'),
      dec(NOV_10, 2, 'text'),
      dec(NOV_10, 3, 'name'),
    ]);
    expect(status(l, once, NOV_10 + 1).used).toBe(1);
  });
  it('burn rate and forecast: 20/day from 1 Nov → 400 left runs out 20 days later, before reset', () => {
    const events = [];
    for (let d = 0; d < 5; d++)
      for (let i = 0; i < 20; i++) events.push(dec(NOV_1_CN + d * DAY + i * HOUR, d * 100 + i));
    const now = NOV_1_CN + 5 * DAY; // 6 Nov 00:00 China
    const s = status(ledgerFromEvents('s', events), wechatQuotaRule, now);
    expect(s).toMatchObject({ used: 100, remaining: 400, exhaustsBeforeReset: true });
    expect(s.burnRatePerDay).toBeCloseTo(20, 9);
    expect(s.forecastExhaustedAt).toBe(now + 20 * DAY);
  });
  it('the burn window is the trailing 7 China days', () => {
    // 70 decrypts on each of the 3 days before the window, 7 per day inside it.
    const events = [];
    const now = NOV_1_CN + 20 * DAY + 12 * HOUR; // 21 Nov 12:00 China
    for (let d = 11; d < 14; d++)
      for (let i = 0; i < 70; i++) events.push(dec(NOV_1_CN + d * DAY + HOUR, 1000 * d + i));
    for (let d = 14; d <= 20; d++)
      for (let i = 0; i < 7; i++) events.push(dec(NOV_1_CN + d * DAY + HOUR, 1000 * d + i));
    const s = status(ledgerFromEvents('s', events), wechatQuotaRule, now);
    expect(s.burnRatePerDay).toBeCloseTo((49 * DAY) / (6.5 * DAY), 9);
  });
});

describe('JD: a prepaid pack with no period; single look-ups are free', () => {
  it('packs add, bulk exports consume, single look-ups and months do not matter', () => {
    const l = ledgerFromEvents('s', [
      pack(NOV_1_CN, 1000),
      ...Array.from({ length: 10 }, (_, i) => dec(NOV_10 + i, i, 'phone', 'bulk')),
      ...Array.from({ length: 5 }, (_, i) => dec(NOV_10 + i, i, 'phone', 'single')),
      ...Array.from({ length: 7 }, (_, i) => dec(DEC_1_CN + DAY + i, 50 + i, 'phone', 'bulk')),
    ]);
    const s = status(l, jdQuotaRule, DEC_1_CN + 2 * DAY);
    expect(s).toMatchObject({ used: 17, limit: 1000, remaining: 983, periodStart: null, periodEnd: null });
    expect(s.exhaustsBeforeReset).toBe(s.forecastExhaustedAt !== null);
  });
  it('an empty pack is exhausted; initial counts toward the limit', () => {
    expect(status(emptyLedger('s'), jdQuotaRule, NOV_10).level).toBe('exhausted');
    expect(status(emptyLedger('s'), { ...jdQuotaRule, initial: 300 }, NOV_10)).toMatchObject({
      limit: 300,
      remaining: 300,
      forecastExhaustedAt: null,
    });
  });
});

describe('daily allowance ("今日剩余查看次数")', () => {
  const daily = dailyQuotaRule(3, 'daily');
  it('resets at China midnight (16:00 UTC)', () => {
    const l = ledgerFromEvents('s', [dec(DEC_1_CN - 2, 1), dec(DEC_1_CN - 1, 2), dec(DEC_1_CN, 3)]);
    expect(status(l, daily, DEC_1_CN - 1)).toMatchObject({
      used: 2,
      remaining: 1,
      periodStart: DEC_1_CN - DAY,
    });
    expect(status(l, daily, DEC_1_CN)).toMatchObject({ used: 1, remaining: 2, periodEnd: DEC_1_CN + DAY });
  });
});

describe('leap years and DST-free periods', () => {
  const month = (y: number, m: number): number => Date.UTC(y, m - 1, 1) - 8 * HOUR;
  it.each([
    [2028, 29],
    [2026, 28],
    [2100, 28],
    [2000, 29],
  ])('February %i has %i China days', (year, days) => {
    const mid = month(year, 2) + 10 * DAY;
    const s = status(emptyLedger('s'), wechatQuotaRule, mid);
    expect(s.periodStart).toBe(month(year, 2));
    expect(s.periodEnd).toBe(month(year, 3));
    expect(((s.periodEnd as number) - (s.periodStart as number)) / DAY).toBe(days);
  });
  it('29 February 2028 belongs to February; 1 March starts a new month', () => {
    const feb29 = Date.UTC(2028, 1, 29, 10); // 18:00 China, 29 Feb
    const l = ledgerFromEvents('s', [dec(feb29, 1), dec(Date.UTC(2028, 1, 29, 16), 2)]);
    expect(status(l, wechatQuotaRule, feb29).used).toBe(1);
    expect(status(l, wechatQuotaRule, Date.UTC(2028, 1, 29, 16)).used).toBe(1);
  });
  it('every day period is exactly 24 hours (China has no DST) — 1,000 runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (now) => {
        const s = status(emptyLedger('s'), dailyQuotaRule(5), now);
        expect((s.periodEnd as number) - (s.periodStart as number)).toBe(DAY);
        expect(s.periodStart as number).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(s.periodEnd as number);
        expect(((s.periodStart as number) + 8 * HOUR) % DAY).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('platform counter: reconcile, record drift, trust the platform', () => {
  it('mid-day observation: drift is platform − local at that instant; later uses still subtract', () => {
    const t = NOV_10;
    const before = Array.from({ length: 10 }, (_, i) => dec(t - HOUR - i, i));
    const after = Array.from({ length: 5 }, (_, i) => dec(t + HOUR + i, 100 + i));
    const obs = observed(t, 480); // platform says 20 used, we saw 10
    for (const events of [
      [...before, obs, ...after],
      [...after, obs, ...before],
      [obs, ...after, ...before],
    ]) {
      const s = status(ledgerFromEvents('s', events), wechatQuotaRule, t + 2 * HOUR);
      expect(s).toMatchObject({ used: 15, localRemaining: 485, drift: -10, remaining: 475, observedAt: t });
    }
  });
  it('observation days earlier in the month: later days come from their buckets', () => {
    const t = NOV_1_CN + 2 * DAY + 5 * HOUR;
    const events = [
      dec(t - HOUR, 1),
      observed(t, 495),
      dec(t + 1, 2),
      dec(t + DAY, 3),
      dec(t + 3 * DAY, 4),
      grant(t + 2 * DAY, 50),
    ];
    const s = status(ledgerFromEvents('s', events), wechatQuotaRule, t + 4 * DAY);
    // local at t: 500 - 1 = 499; platform 495 → drift -4; now: 550 - 4 = 546 local, 542 trusted.
    expect(s).toMatchObject({ used: 4, limit: 550, localRemaining: 546, drift: -4, remaining: 542 });
  });
  it('the latest observation wins; a rule-scoped one only applies to its rule', () => {
    const t = NOV_10;
    const l = ledgerFromEvents('s', [
      observed(t, 100),
      observed(t + HOUR, 200),
      observed(t + 2 * HOUR, 7, 'daily'),
    ]);
    expect(status(l, wechatQuotaRule, t + 3 * HOUR)).toMatchObject({ remaining: 200, drift: -300 });
    expect(status(l, dailyQuotaRule(10, 'daily'), t + 3 * HOUR)).toMatchObject({ remaining: 7, drift: -3 });
  });
  it('ratio rule: orders after the observation still raise the limit', () => {
    const t = NOV_10;
    const l = ledgerFromEvents('s', [orders(t - DAY, 100), observed(t, 3), orders(t + HOUR, 100)]);
    // local at t: 5 left, platform 3 → drift -2; now limit 10 → 10 - 2 = 8.
    expect(status(l, douyinQuotaRule, t + 2 * HOUR)).toMatchObject({ limit: 10, drift: -2, remaining: 8 });
  });
  it('a far-future event (a wrong clock) neither hangs nor breaks a pack reconciliation', () => {
    const far = 8e15; // year ~255,000: the day walk would be 90 million days
    const t = NOV_10;
    const events = [
      pack(t - DAY, 100),
      dec(t - HOUR, 1, 'phone', 'bulk'),
      observed(t, 90), // platform: 10 used, we saw 1 → drift -9
      dec(t + HOUR, 2, 'phone', 'bulk'),
      dec(t + 5 * DAY, 3, 'phone', 'bulk'),
      dec(far, 4, 'phone', 'bulk'),
    ];
    const s = status(ledgerFromEvents('s', events), jdQuotaRule, t + 6 * DAY);
    expect(s).toMatchObject({ used: 4, limit: 100, localRemaining: 96, drift: -9, remaining: 87 });
  });
  it('observations in an earlier period do not carry over', () => {
    const l = ledgerFromEvents('s', [observed(DEC_1_CN - HOUR, 0)]);
    expect(status(l, wechatQuotaRule, DEC_1_CN + HOUR)).toMatchObject({ remaining: 500, drift: null });
  });
  it('re-view rule off: reconciliation uses each order’s first decrypt', () => {
    const once: QuotaRule = { ...wechatQuotaRule, recountSameOrder: false };
    const t = NOV_10;
    const l = ledgerFromEvents('s', [dec(t - HOUR, 1), observed(t, 490), dec(t + HOUR, 1), dec(t + HOUR, 2)]);
    // local at t: 499; drift -9; now used 2 → 498 - 9 = 489.
    expect(status(l, once, t + 2 * HOUR)).toMatchObject({ used: 2, drift: -9, remaining: 489 });
  });
});

describe('corrections', () => {
  it('add to or refund the used count, never below 0', () => {
    const l = ledgerFromEvents('s', [dec(NOV_10, 1), correct(NOV_10, 3)]);
    expect(status(l, wechatQuotaRule, NOV_10 + 1).used).toBe(4);
    const refund = ledgerFromEvents('s', [dec(NOV_10, 1), correct(NOV_10, -5)]);
    expect(status(refund, wechatQuotaRule, NOV_10 + 1)).toMatchObject({
      used: 0,
      localRemaining: 504,
      remaining: 504,
    });
  });
});

describe('a clock that goes backwards', () => {
  it('events after now still count in their period; rates stay finite; forecast not before now', () => {
    const t = NOV_10;
    const l = ledgerFromEvents('s', [dec(t, 1), dec(t + HOUR, 2), dec(t + 3 * DAY, 3)]);
    const s = status(l, wechatQuotaRule, t - HOUR);
    expect(s.used).toBe(3);
    expect(Number.isFinite(s.burnRatePerDay) && s.burnRatePerDay >= 0).toBe(true);
    // The whole ledger lies in the future of `now`: no history to measure a rate on.
    const early = status(l, wechatQuotaRule, NOV_1_CN + HOUR);
    expect(early).toMatchObject({ used: 3, burnRatePerDay: 0, forecastExhaustedAt: null });
  });
  it('property: any events, any now — a sane status (1,000 runs)', () => {
    const rules: QuotaRule[] = [
      douyinQuotaRule,
      wechatQuotaRule,
      jdQuotaRule,
      dailyQuotaRule(3),
      { ...douyinQuotaRule, recountSameOrder: false, rounding: 'ceil', minimum: 2 },
    ];
    fc.assert(
      fc.property(arbEvents(40), arbAt, fc.constantFrom(...rules), (events, now, rule) => {
        const s = status(ledgerFromEvents('s', events), rule, now);
        expect(s.used).toBeGreaterThanOrEqual(0);
        expect(s.remaining).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(s.burnRatePerDay) && s.burnRatePerDay >= 0).toBe(true);
        if (s.forecastExhaustedAt !== null) expect(s.forecastExhaustedAt).toBeGreaterThanOrEqual(now);
        expect(s.level === 'exhausted').toBe(s.remaining === 0);
        if (s.drift === null) expect(s.remaining).toBe(Math.max(0, s.localRemaining));
        if (s.periodStart !== null) expect(s.periodStart).toBeLessThanOrEqual(now);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bad input gives typed errors, never a throw', () => {
  it('a null or undefined rule or ledger is a typed error, not a TypeError (issue 14)', () => {
    for (const rule of [null, undefined, 5, 'douyin'] as unknown as QuotaRule[]) {
      expect(quotaStatus(emptyLedger('s'), rule, NOV_10)).toEqual({
        ok: false,
        error: { code: 'bad-rule', message: 'a rule must be an object' },
      });
      expect(quotaRuleProblem(rule)).toBe('a rule must be an object');
    }
    for (const ledger of [null, undefined, {}] as unknown as Parameters<typeof quotaStatus>[0][])
      expect(quotaStatus(ledger, wechatQuotaRule, NOV_10)).toMatchObject({
        ok: false,
        error: { code: 'bad-ledger' },
      });
    const o = quotaStatuses(emptyLedger('s'), [null as unknown as QuotaRule, wechatQuotaRule], NOV_10);
    expect(o.results[0]?.ok).toBe(false);
    expect(o.binding?.ruleId).toBe(wechatQuotaRule.id);
  });

  it('instants at the edge of the time range: finite period bounds, or bad-time (issue 14)', () => {
    const rules = [douyinQuotaRule, wechatQuotaRule, jdQuotaRule, dailyQuotaRule(4)];
    const edges = [MIN_PERIOD_INSTANT, MIN_PERIOD_INSTANT + 1, MAX_PERIOD_INSTANT, MAX_PERIOD_INSTANT - DAY];
    const inRange = fc.oneof(
      fc.constantFrom(...edges),
      fc.double({ min: MIN_PERIOD_INSTANT, max: MAX_PERIOD_INSTANT, noNaN: true }).map(Math.floor),
    );
    fc.assert(
      fc.property(inRange, fc.constantFrom(...rules), (now, rule) => {
        const s = status(ledgerFromEvents('s', [orders(now, 100), dec(now, 1, 'phone', 'bulk')]), rule, now);
        if (s.periodStart !== null) {
          expect(Number.isFinite(s.periodStart) && Number.isFinite(s.periodEnd)).toBe(true);
          expect(s.periodStart).toBeLessThanOrEqual(now);
          expect(s.periodEnd).toBeGreaterThan(now);
        }
        expect(Number.isFinite(s.burnRatePerDay)).toBe(true);
        expect(s.used).toBe(1);
      }),
      { numRuns: 1000 },
    );
    const outside = fc.oneof(
      fc.constantFrom(MIN_PERIOD_INSTANT - 1, MAX_PERIOD_INSTANT + 1, 8.64e15, -8.64e15),
      fc.double({ min: MAX_PERIOD_INSTANT + 1, max: 8.64e15, noNaN: true }),
      fc.double({ min: -8.64e15, max: MIN_PERIOD_INSTANT - 1, noNaN: true }),
    );
    fc.assert(
      fc.property(outside, fc.constantFrom(...rules), (now, rule) => {
        expect(quotaStatus(emptyLedger('s'), rule, now)).toMatchObject({
          ok: false,
          error: { code: 'bad-time' },
        });
        expect(checkQuotaEvent(orders(now))).toMatchObject({ ok: false, error: { code: 'bad-time' } });
      }),
      { numRuns: 1000 },
    );
  });

  it('bad rules and times', () => {
    const r1 = quotaStatus(emptyLedger('s'), { ...wechatQuotaRule, allowance: Number.NaN }, NOV_10);
    expect(r1).toEqual({
      ok: false,
      error: { code: 'bad-rule', message: 'allowance must be a finite number >= 0' },
    });
    expect(quotaStatus(emptyLedger('s'), wechatQuotaRule, Number.NaN)).toMatchObject({
      ok: false,
      error: { code: 'bad-time' },
    });
    expect(quotaRuleProblem({ ...douyinQuotaRule, warnAt: 2 })).toBe('warnAt must be within 0..1');
    expect(quotaRuleProblem({ ...douyinQuotaRule, burnWindowDays: 0 })).toBe(
      'burnWindowDays must be an integer 1..366',
    );
    expect(quotaRuleProblem(jdQuotaRule)).toBeNull();
  });
  it('property: arbitrary rule-shaped objects never throw (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('ratio', 'fixed', 'pack', 'x'),
          id: fc.oneof(fc.string(), fc.constant(undefined)),
          ratio: fc.double(),
          allowance: fc.double(),
          initial: fc.double(),
          minimum: fc.double(),
          warnAt: fc.double(),
          period: fc.constantFrom('day', 'month', 'none', 'week'),
          rounding: fc.constantFrom('floor', 'ceil', 'round', 'up'),
          recountSameOrder: fc.boolean(),
          burnWindowDays: fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constant(undefined)),
        }),
        fc.double(),
        (rule, now) => {
          const r = quotaStatus(emptyLedger('s'), rule as unknown as QuotaRule, now);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('quotaStatuses: several rules, the binding one', () => {
  it('a daily allowance binds before the monthly one; bad rules report their error', () => {
    const l = ledgerFromEvents('s', [dec(NOV_10, 1), dec(NOV_10, 2)]);
    const o = quotaStatuses(
      l,
      [wechatQuotaRule, dailyQuotaRule(5, 'daily'), { ...wechatQuotaRule, warnAt: 9 }],
      NOV_10 + 1,
    );
    expect(o.binding).toMatchObject({ ruleId: 'daily', remaining: 3 });
    expect(o.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(quotaStatuses(l, [], NOV_10).binding).toBeNull();
  });
  it('property: the binding status has the least remaining (1,000 runs)', () => {
    fc.assert(
      fc.property(arbEvents(30), arbAt, fc.integer({ min: 0, max: 20 }), (events, now, daily) => {
        const rules = [douyinQuotaRule, wechatQuotaRule, jdQuotaRule, dailyQuotaRule(daily, 'daily')];
        const o = quotaStatuses(ledgerFromEvents('s', events), rules, now);
        const remaining = o.results.flatMap((r) => (r.ok ? [r.status.remaining] : []));
        expect(o.binding?.remaining).toBe(Math.min(...remaining));
      }),
      { numRuns: 1000 },
    );
  });
});
