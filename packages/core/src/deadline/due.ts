/**
 * The panel's "due within N hours" and overdue lists, and the popup's per-day count (issue 18,
 * item 2). Days are China calendar days (DESIGN.md invariant 6).
 * @module
 */
import { chinaDate } from '../time/china-time.js';
import type { Instant } from '../types.js';
import type { DeadlineSettings } from './policy.js';
import { dueWithin } from './ship-by.js';

/**
 * One order's deadline, as the lists take it.
 * @example
 * const d: Deadline = { orderId: '1', at: 0 };
 */
export interface Deadline {
  readonly orderId: string;
  readonly at: Instant;
}

/**
 * Orders past their deadline and orders due within the window.
 * @example
 * const l: DueLists = { overdue: [], dueSoon: [{ orderId: '1', at: 3_600_000 }] };
 */
export interface DueLists {
  /** Past the deadline, most overdue first. */
  readonly overdue: readonly Deadline[];
  /** Due within the window, soonest first. */
  readonly dueSoon: readonly Deadline[];
}

const byDeadline = (a: Deadline, b: Deadline): number =>
  a.at - b.at || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/**
 * Split deadlines into overdue (`at <= now`) and due soon (`now < at <= now + N h`, N =
 * `dueWithinHours`, default 12). Rule: sorted by deadline then order id, so the result does not
 * depend on input order; non-finite deadlines are left out; one entry per order id (the earliest).
 * @example
 * dueLists([{ orderId: 'a', at: 0 }, { orderId: 'b', at: 3_600_000 }, { orderId: 'c', at: 86_400_000 }], 1);
 * // { overdue: [{ orderId: 'a', at: 0 }], dueSoon: [{ orderId: 'b', at: 3_600_000 }] }
 */
export function dueLists(
  deadlines: readonly Deadline[],
  now: Instant,
  settings: DeadlineSettings = {},
): DueLists {
  const limit = now + dueWithin(settings) * 3_600_000;
  const best = new Map<string, Deadline>();
  for (const d of (Array.isArray(deadlines) ? deadlines : []) as readonly Deadline[]) {
    if (!d || typeof d.orderId !== 'string' || !Number.isFinite(d.at)) continue;
    const prev = best.get(d.orderId);
    if (!prev || d.at < prev.at) best.set(d.orderId, { orderId: d.orderId, at: d.at });
  }
  const overdue: Deadline[] = [];
  const dueSoon: Deadline[] = [];
  for (const d of best.values()) {
    if (d.at <= now) overdue.push(d);
    else if (d.at <= limit) dueSoon.push(d);
  }
  return { overdue: overdue.sort(byDeadline), dueSoon: dueSoon.sort(byDeadline) };
}

/**
 * How many deadlines fall on each China calendar day, e.g. for the popup.
 * @example
 * const c: DayCount = { date: '2026-12-01', count: 3 };
 */
export interface DayCount {
  /** China calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly count: number;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Count deadlines per China calendar day. Rule: the day is the Asia/Shanghai date of the
 * instant (16:00 UTC starts a new day); days ascending; non-finite instants left out.
 * @example
 * deadlinesPerDay([Date.parse('2026-11-30T15:59:59Z'), Date.parse('2026-11-30T16:00:00Z')]);
 * // [{ date: '2026-11-30', count: 1 }, { date: '2026-12-01', count: 1 }]
 */
export function deadlinesPerDay(instants: readonly Instant[]): readonly DayCount[] {
  const counts = new Map<string, number>();
  for (const at of (Array.isArray(instants) ? instants : []) as readonly Instant[]) {
    if (!Number.isFinite(at)) continue;
    const d = chinaDate(at);
    const key = `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, count]) => ({ date, count }));
}
