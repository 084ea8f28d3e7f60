import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS } from '../classify/fuzz.test-helper.js';
import { DAY_MS } from '../time/china-time.js';
import { virtualNumberValidity } from './validity.js';

const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('WeChat: valid from the order until 14 days after receipt (seed 002)', () => {
  const createdAt = t('2026-10-28T02:00:00Z');
  const receivedAt = t('2026-11-01T02:00:00Z'); // 2026-11-01 10:00 China time
  const end = t('2026-11-15T16:00:00Z'); // end of 2026-11-15 China day
  it('open-ended before receipt', () => {
    expect(virtualNumberValidity('wechat', { createdAt }, createdAt + DAY_MS)).toMatchObject({
      state: 'valid',
      basis: 'order',
      validFrom: createdAt,
    });
    expect(virtualNumberValidity('wechat', { createdAt }, createdAt + DAY_MS).validUntil).toBeUndefined();
  });
  it('valid through the end of the 14th China day after receipt, expired after', () => {
    expect(virtualNumberValidity('wechat', { createdAt, receivedAt }, end - 1)).toMatchObject({
      state: 'valid',
      validUntil: end,
    });
    expect(virtualNumberValidity('wechat', { createdAt, receivedAt }, end)).toMatchObject({
      state: 'expired',
      validUntil: end,
    });
  });
  it('receipt just before China midnight counts that China day', () => {
    const late = t('2026-11-01T15:59:00Z'); // 23:59 China time on 11-01
    expect(virtualNumberValidity('wechat', { createdAt, receivedAt: late }, late).validUntil).toBe(end);
    const after = t('2026-11-01T16:00:00Z'); // 00:00 China time on 11-02
    expect(virtualNumberValidity('wechat', { createdAt, receivedAt: after }, after).validUntil).toBe(
      end + DAY_MS,
    );
  });
  it('before the order, bad dates', () => {
    expect(virtualNumberValidity('wechat', { createdAt }, createdAt - 1).state).toBe('not-yet');
    expect(virtualNumberValidity('wechat', { createdAt: Number.NaN }, createdAt).state).toBe('invalid');
    expect(virtualNumberValidity('wechat', { createdAt, receivedAt: createdAt - 1 }, createdAt).state).toBe(
      'invalid',
    );
    expect(virtualNumberValidity('nope', { createdAt }, createdAt).state).toBe('invalid');
    expect(virtualNumberValidity('douyin', { createdAt }, createdAt).state).toBe('not-issued');
  });
});

describe('JD (seed 003)', () => {
  const createdAt = t('2026-08-01T02:00:00Z');
  const completedAt = t('2026-08-10T02:00:00Z'); // 2026-08-10 China
  it('valid until completion', () => {
    expect(virtualNumberValidity('jd', { createdAt }, completedAt)).toMatchObject({
      state: 'valid',
      basis: 'order',
    });
    expect(virtualNumberValidity('jd', { createdAt, completedAt }, completedAt - 1)).toMatchObject({
      state: 'valid',
      validUntil: completedAt,
    });
  });
  it('after completion: re-obtainable within 3 months, then expired', () => {
    const window = t('2026-11-10T16:00:00Z'); // end of 2026-11-10 China day
    const r = virtualNumberValidity('jd', { createdAt, completedAt }, completedAt);
    expect(r).toMatchObject({ state: 'reobtainable', reobtainUntil: window });
    expect(virtualNumberValidity('jd', { createdAt, completedAt }, window - 1).state).toBe('reobtainable');
    expect(virtualNumberValidity('jd', { createdAt, completedAt }, window).state).toBe('expired');
  });
  it('3 months after 30 November ends with February (clamped)', () => {
    const nov30 = t('2026-11-30T02:00:00Z');
    expect(virtualNumberValidity('jd', { createdAt, completedAt: nov30 }, nov30).reobtainUntil).toBe(
      t('2027-02-28T16:00:00Z'),
    );
  });
  it('a re-obtained number is valid 2 days', () => {
    const reobtainedAt = t('2026-09-01T02:00:00Z');
    const dates = { createdAt, completedAt, reobtainedAt };
    expect(virtualNumberValidity('jd', dates, reobtainedAt + 47 * HOUR)).toMatchObject({
      state: 'valid',
      basis: 'reobtained',
      validUntil: reobtainedAt + 48 * HOUR,
    });
    expect(virtualNumberValidity('jd', dates, reobtainedAt + 48 * HOUR).state).toBe('reobtainable');
  });
  it('after-sales number valid 15 days, renewable', () => {
    const afterSaleAt = t('2026-12-01T02:00:00Z');
    const dates = { createdAt, completedAt, afterSaleAt };
    expect(virtualNumberValidity('jd', dates, afterSaleAt + 14 * DAY_MS)).toMatchObject({
      state: 'valid',
      basis: 'after-sale',
      validUntil: afterSaleAt + 15 * DAY_MS,
    });
    expect(virtualNumberValidity('jd', dates, afterSaleAt + 15 * DAY_MS)).toMatchObject({
      state: 'reobtainable',
      basis: 'after-sale',
    });
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
  it('valid results contain now; validUntil is after validFrom', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('wechat', 'jd'),
        instant,
        fc.nat(90 * DAY_MS),
        fc.nat(90 * DAY_MS),
        fc.integer({ min: -DAY_MS, max: 400 * DAY_MS }),
        (p, createdAt, d1, d2, dn) => {
          const dates = { createdAt, receivedAt: createdAt + d1, completedAt: createdAt + d1 + d2 };
          const r = virtualNumberValidity(p, dates, createdAt + dn);
          if (r.state === 'valid') {
            expect(r.validFrom).toBeLessThanOrEqual(createdAt + dn);
            if (r.validUntil !== undefined) expect(r.validUntil).toBeGreaterThan(createdAt + dn);
          }
          if (r.validUntil !== undefined && r.validFrom !== undefined)
            expect(r.validUntil).toBeGreaterThan(r.validFrom);
        },
      ),
      RUNS,
    );
  });
  it('WeChat validity never shrinks when receipt comes later', () => {
    fc.assert(
      fc.property(instant, fc.nat(30 * DAY_MS), fc.nat(30 * DAY_MS), (createdAt, a, b) => {
        const u1 =
          virtualNumberValidity('wechat', { createdAt, receivedAt: createdAt + a }, createdAt).validUntil ??
          0;
        const u2 =
          virtualNumberValidity('wechat', { createdAt, receivedAt: createdAt + a + b }, createdAt)
            .validUntil ?? 0;
        expect(u2).toBeGreaterThanOrEqual(u1);
      }),
      RUNS,
    );
  });
});
