/**
 * How long a virtual number is callable, from the platform's validity rules (as data in the
 * platform record) and the order's dates, in China time.
 * @module
 */
import { resolvePlatform, type PlatformRef } from '../platform/registry.js';
import type { VirtualValidityRule } from '../platform/types.js';
import { chinaDate, chinaMidnight, endOfChinaDayAfter } from '../time/china-time.js';
import type { Instant } from '../types.js';

/**
 * The dates of an order that decide virtual-number validity (UTC instants).
 * @example
 * const d: VirtualNumberDates = { createdAt: Date.parse('2026-11-01T02:00:00Z'), receivedAt: Date.parse('2026-11-03T02:00:00Z') };
 */
export interface VirtualNumberDates {
  readonly createdAt: Instant;
  readonly receivedAt?: Instant;
  readonly completedAt?: Instant;
  readonly afterSaleAt?: Instant;
  /** When a new number was obtained after completion (JD re-obtain). */
  readonly reobtainedAt?: Instant;
}

/**
 * The validity state of an order's virtual number at `now`.
 * @example
 * const v: VirtualNumberValidity = virtualNumberValidity('douyin', { createdAt: 0 }, 0); // { state: 'not-issued', … }
 */
export interface VirtualNumberValidity {
  /**
   * - `valid`: callable now.
   * - `not-yet`: `now` is before the order was created.
   * - `reobtainable`: expired, but a new number may be obtained (JD).
   * - `expired`: no longer callable and not renewable.
   * - `not-issued`: the platform issues no virtual numbers.
   * - `invalid`: the dates make no sense (not finite, or out of order).
   */
  readonly state: 'valid' | 'not-yet' | 'reobtainable' | 'expired' | 'not-issued' | 'invalid';
  /** Which rule decided: the order itself, an after-sales ticket, or a re-obtained number. */
  readonly basis?: 'order' | 'after-sale' | 'reobtained';
  readonly validFrom?: Instant;
  /** Exclusive end; absent while the end is still open (e.g. not yet received). */
  readonly validUntil?: Instant;
  /** Until when a new number may be obtained, for `reobtainable` (and `valid` when known). */
  readonly reobtainUntil?: Instant;
  readonly reason: string;
}

const HOUR_MS = 60 * 60 * 1000;

function ok(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** End (exclusive) of the China day `months` calendar months after `instant`'s China date, clamped to month end. */
function endOfChinaDayMonthsAfter(instant: Instant, months: number): Instant {
  const { year, month, day } = chinaDate(instant);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return chinaMidnight(year, month + months, Math.min(day, lastDay) + 1);
}

/**
 * The validity of an order's virtual number at `now` (China time for calendar rules).
 * - WeChat (seed 002): from the order until 14 days after receipt, read as through the end of
 *   the 14th China day after the day of receipt; open-ended until receipt.
 * - JD (seed 003): until the order completes; within 3 calendar months after completion a new
 *   number may be obtained, valid 2 days (48 h from `reobtainedAt`); an after-sales ticket's
 *   number is valid 15 days (360 h from `afterSaleAt`) and can be obtained again after that.
 * - Douyin: `not-issued`.
 * @example
 * const received = Date.parse('2026-11-01T02:00:00Z');
 * virtualNumberValidity('wechat', { createdAt: received - 86_400_000, receivedAt: received }, received);
 * // { state: 'valid', basis: 'order', validFrom: …, validUntil: Date.parse('2026-11-15T16:00:00Z'), … }
 */
export function virtualNumberValidity(
  platform: PlatformRef,
  dates: VirtualNumberDates,
  now: Instant,
): VirtualNumberValidity {
  const p = resolvePlatform(platform);
  if (!p) return { state: 'invalid', reason: 'unknown platform' };
  if (!p.virtualNumber.issued)
    return { state: 'not-issued', reason: `${p.name.en} issues no virtual numbers` };
  if (!dates || !ok(dates.createdAt) || !ok(now))
    return { state: 'invalid', reason: 'createdAt and now must be finite instants' };
  for (const k of ['receivedAt', 'completedAt', 'afterSaleAt', 'reobtainedAt'] as const) {
    const v = dates[k];
    if (v !== undefined && !ok(v)) return { state: 'invalid', reason: `${k} is not a finite instant` };
    if (v !== undefined && v < dates.createdAt)
      return { state: 'invalid', reason: `${k} is before createdAt` };
  }
  const rules = p.virtualNumber.validity;
  const order = rules.find((r): r is Extract<VirtualValidityRule, { kind: 'order' }> => r.kind === 'order');
  const reobtain = rules.find(
    (r): r is Extract<VirtualValidityRule, { kind: 'reobtain' }> => r.kind === 'reobtain',
  );
  const afterSale = rules.find(
    (r): r is Extract<VirtualValidityRule, { kind: 'after-sale' }> => r.kind === 'after-sale',
  );

  if (now < dates.createdAt)
    return { state: 'not-yet', validFrom: dates.createdAt, reason: 'before the order was created' };

  // After-sales ticket number (JD): 15 days from the ticket, renewable.
  if (afterSale && dates.afterSaleAt !== undefined && now >= dates.afterSaleAt) {
    const until = dates.afterSaleAt + afterSale.validHours * HOUR_MS;
    if (now < until)
      return {
        state: 'valid',
        basis: 'after-sale',
        validFrom: dates.afterSaleAt,
        validUntil: until,
        reason: 'after-sales ticket number',
      };
    if (afterSale.renewable)
      return {
        state: 'reobtainable',
        basis: 'after-sale',
        validFrom: dates.afterSaleAt,
        validUntil: until,
        reason: 'after-sales number expired; it can be obtained again',
      };
  }

  if (!order) return { state: 'expired', reason: 'no order validity rule' };
  const endEvent = dates[order.until.event];
  if (endEvent === undefined) {
    return {
      state: 'valid',
      basis: 'order',
      validFrom: dates.createdAt,
      reason: `valid until ${order.until.event === 'receivedAt' ? 'receipt' : 'completion'} and after`,
    };
  }
  const orderUntil =
    order.until.days === undefined ? endEvent : endOfChinaDayAfter(endEvent, order.until.days);
  if (now < orderUntil)
    return {
      state: 'valid',
      basis: 'order',
      validFrom: dates.createdAt,
      validUntil: orderUntil,
      reason: 'order number',
    };

  if (reobtain && dates.completedAt !== undefined) {
    const window = endOfChinaDayMonthsAfter(dates.completedAt, reobtain.withinMonths);
    const r = dates.reobtainedAt;
    if (r !== undefined && r >= dates.completedAt && r < window && now >= r) {
      const until = r + reobtain.validHours * HOUR_MS;
      if (now < until)
        return {
          state: 'valid',
          basis: 'reobtained',
          validFrom: r,
          validUntil: until,
          reobtainUntil: window,
          reason: 're-obtained number',
        };
    }
    if (now < window)
      return {
        state: 'reobtainable',
        basis: 'order',
        validFrom: dates.createdAt,
        validUntil: orderUntil,
        reobtainUntil: window,
        reason: `expired at completion; a new number can be obtained within ${reobtain.withinMonths} months`,
      };
    return {
      state: 'expired',
      basis: 'order',
      validFrom: dates.createdAt,
      validUntil: orderUntil,
      reobtainUntil: window,
      reason: 'the re-obtain window after completion has passed',
    };
  }
  return {
    state: 'expired',
    basis: 'order',
    validFrom: dates.createdAt,
    validUntil: orderUntil,
    reason: 'order number expired',
  };
}
