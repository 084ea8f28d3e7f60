import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shipByPolicies, shipByPolicy } from './policy.js';
import { dueWithin, shipBy, timeLeft } from './ship-by.js';

const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('shipBy', () => {
  it('the page deadline wins', () => {
    expect(shipBy({ platform: 'wechat', createdAt: 0, paidAt: 0, shipBy: 5 * H })).toEqual({
      at: 5 * H,
      source: 'page',
    });
  });
  it('policy: 48 h after payment by default, from creation when unpaid', () => {
    const paid = t('2026-12-01T03:00:00Z');
    expect(shipBy({ platform: 'douyin', createdAt: paid - H, paidAt: paid })).toEqual({
      at: paid + 48 * H,
      source: 'policy',
    });
    expect(shipBy({ platform: 'jd', createdAt: paid })).toEqual({ at: paid + 48 * H, source: 'policy' });
    expect(
      shipBy(
        { platform: 'jd', createdAt: paid, paidAt: paid + H },
        { policies: { jd: { from: 'created', hours: 24 } } },
      ).at,
    ).toBe(paid + 24 * H);
  });
  it('end-of-China-day cutoff: a due time of 23:59 China and 00:00 China land on different days', () => {
    const s = { policies: { douyin: { hours: 24, cutoff: 'end-of-china-day' as const } } };
    const lateEvening = t('2026-11-30T15:59:00Z'); // 23:59 on 11-30 China → due 23:59 on 12-01
    expect(shipBy({ platform: 'douyin', createdAt: lateEvening }, s).at).toBe(t('2026-12-01T16:00:00Z'));
    const midnight = t('2026-11-30T16:00:00Z'); // 00:00 on 12-01 China → due 00:00 on 12-02
    expect(shipBy({ platform: 'douyin', createdAt: midnight }, s).at).toBe(t('2026-12-02T16:00:00Z'));
  });
  it('invalid times are classified, not thrown', () => {
    expect(shipBy({ platform: 'douyin', createdAt: Number.NaN }).source).toBe('invalid');
    expect(shipBy(undefined as never).source).toBe('invalid');
  });
  it('policy settings: bad values keep the default; a changed one is marked as a setting', () => {
    expect(shipByPolicy('wechat', { policies: { wechat: { hours: Number.POSITIVE_INFINITY } } })).toEqual(
      shipByPolicies.wechat,
    );
    expect(shipByPolicy('wechat', { policies: { wechat: { hours: 24 } } }).source).toBe('setting');
    expect(Object.values(shipByPolicies).every((p) => p.source === 'default')).toBe(true);
  });
  it('the end-of-day deadline is a China midnight at or after the instant deadline (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        (created, hours) => {
          const inst =
            shipBy({ platform: 'jd', createdAt: created }, { policies: { jd: { hours } } }).at ?? 0;
          const eod =
            shipBy(
              { platform: 'jd', createdAt: created },
              { policies: { jd: { hours, cutoff: 'end-of-china-day' } } },
            ).at ?? 0;
          return eod > inst && eod - inst <= 24 * H && (eod + 8 * H) % (24 * H) === 0;
        },
      ),
    );
  });
});

describe('timeLeft', () => {
  it('overdue, due soon (default 12 h), later', () => {
    expect(timeLeft(0, 0).state).toBe('overdue');
    expect(timeLeft(0, 90 * 60_000)).toEqual({
      state: 'overdue',
      msLeft: -90 * 60_000,
      hours: 1,
      minutes: 30,
    });
    expect(timeLeft(12 * H, 0).state).toBe('due-soon');
    expect(timeLeft(12 * H + 1, 0).state).toBe('later');
    expect(timeLeft(12 * H + 1, 0, { dueWithinHours: 24 }).state).toBe('due-soon');
  });
  it('dueWithin falls back to 12 on bad settings', () => {
    expect(dueWithin({ dueWithinHours: 0 })).toBe(12);
    expect(dueWithin({ dueWithinHours: 3 })).toBe(3);
  });
});
