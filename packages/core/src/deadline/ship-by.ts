/**
 * An order's ship-by instant and the time left (issue 18, item 2).
 * @module
 */
import { endOfChinaDayAfter } from '../time/china-time.js';
import type { Instant, PlatformId } from '../types.js';
import { DEFAULT_DUE_WITHIN_HOURS, shipByPolicy, type DeadlineSettings } from './policy.js';

const HOUR_MS = 3_600_000;

/**
 * What the deadline rule reads of an order.
 * @example
 * const o: DeadlineOrder = { platform: 'douyin', createdAt: 0, paidAt: 60_000 };
 */
export interface DeadlineOrder {
  readonly platform: PlatformId;
  readonly createdAt: Instant;
  readonly paidAt?: Instant;
  /** The ship-by instant the page shows (发货截止时间 / 承诺发货时间), if any. */
  readonly shipBy?: Instant;
}

/**
 * The ship-by instant and where it came from; `invalid` when the order's times are not finite.
 * @example
 * const d: ShipBy = { at: 172_800_000, source: 'policy' };
 */
export type ShipBy =
  | { readonly at: Instant; readonly source: 'page' | 'policy' }
  | { readonly at?: undefined; readonly source: 'invalid'; readonly reason: string };

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * An order's ship-by instant. Rule: the page's own deadline when shown (a finite instant);
 * otherwise the platform policy (`shipByPolicy`): `hours` after payment (or creation when unpaid
 * or `from: 'created'`), and with `cutoff: 'end-of-china-day'` through the end of that China day.
 * @example
 * shipBy({ platform: 'douyin', createdAt: 0, paidAt: 0 }); // { at: 172_800_000, source: 'policy' }
 * shipBy({ platform: 'wechat', createdAt: 0, shipBy: 86_400_000 }); // { at: 86_400_000, source: 'page' }
 */
export function shipBy(order: DeadlineOrder, settings: DeadlineSettings = {}): ShipBy {
  if (!order) return { source: 'invalid', reason: 'no order' };
  if (finite(order.shipBy)) return { at: order.shipBy, source: 'page' };
  const p = shipByPolicy(order.platform, settings);
  const start = p.from === 'paid' && finite(order.paidAt) ? order.paidAt : order.createdAt;
  if (!finite(start)) return { source: 'invalid', reason: 'createdAt is not a finite instant' };
  const due = start + p.hours * HOUR_MS;
  if (p.cutoff === 'instant') return { at: due, source: 'policy' };
  // through the end of the China day in which `due` falls
  return { at: endOfChinaDayAfter(due, 0), source: 'policy' };
}

/**
 * Time left to a ship-by instant.
 * @example
 * const l: TimeLeft = { state: 'due-soon', msLeft: 3_600_000, hours: 1, minutes: 0 };
 */
export interface TimeLeft {
  /** `overdue`: past the deadline; `due-soon`: within the "due within" window; `later`: beyond it. */
  readonly state: 'overdue' | 'due-soon' | 'later';
  /** Milliseconds to the deadline (negative when overdue). */
  readonly msLeft: number;
  /** Whole hours and remaining minutes of |msLeft|, rounded down, for a badge. */
  readonly hours: number;
  readonly minutes: number;
}

/**
 * Time left until `at` at `now`. Rule: `overdue` when `now >= at`; `due-soon` when the deadline is
 * within `dueWithinHours` (default 12, a setting); `later` otherwise.
 * @example
 * timeLeft(7_200_000, 0); // { state: 'due-soon', msLeft: 7_200_000, hours: 2, minutes: 0 }
 * timeLeft(0, 60_000).state; // 'overdue'
 */
export function timeLeft(at: Instant, now: Instant, settings: DeadlineSettings = {}): TimeLeft {
  const within = dueWithin(settings);
  const msLeft = at - now;
  const abs = Math.abs(msLeft);
  const hours = Math.floor(abs / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / 60_000);
  const state = msLeft <= 0 ? 'overdue' : msLeft <= within * HOUR_MS ? 'due-soon' : 'later';
  return { state, msLeft, hours, minutes };
}

/**
 * The effective "due within" window in hours. Rule: the setting when it is a finite number in
 * (0, 8784], else `DEFAULT_DUE_WITHIN_HOURS` (12).
 * @example
 * dueWithin({ dueWithinHours: 6 }); // 6
 * dueWithin({ dueWithinHours: Number.NaN }); // 12
 */
export function dueWithin(settings: DeadlineSettings = {}): number {
  const h = settings.dueWithinHours;
  return typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= 24 * 366 ? h : DEFAULT_DUE_WITHIN_HOURS;
}
