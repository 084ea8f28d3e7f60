/**
 * China time (Asia/Shanghai). China has used UTC+8 all year since 1991 (no DST), so a China
 * calendar date is the UTC date of `instant + 8h`. Periods and expiry are decided in China time;
 * everything stored is a UTC instant (epoch ms). DESIGN.md invariant 6.
 * @module
 */
import type { Instant } from '../types.js';

/** Asia/Shanghai offset from UTC in milliseconds (+08:00, no DST). */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
/** One day in milliseconds. China time has no DST, so every China day is this long. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Earliest instant whose China day and China month both have representable bounds: 00:00 China
 * time on 1 May 271822 BC (the first whole China month inside the ECMAScript time range of
 * ±8.64e15 ms, ECMA-262 "Time Values and Time Range"). Before it `startOfChinaMonth` is NaN.
 */
export const MIN_PERIOD_INSTANT: Instant = Date.UTC(-271821, 4, 1) - CHINA_OFFSET_MS;
/**
 * Latest instant whose China day and China month both have representable bounds: the last
 * millisecond of August 275760 in China time. After it `endOfChinaMonth` is NaN (September 275760
 * would end after 13 September 275760, the end of the ECMAScript time range).
 */
export const MAX_PERIOD_INSTANT: Instant = Date.UTC(275760, 8, 1) - CHINA_OFFSET_MS - 1;

/**
 * Whether `t` is an instant whose China day and month bounds are all finite: a finite number
 * within `MIN_PERIOD_INSTANT`..`MAX_PERIOD_INSTANT`. Rules that cut periods accept only these.
 * @example
 * isPeriodInstant(Date.parse('2026-11-03T04:00:00Z')); // true
 * isPeriodInstant(8.64e15); // false (its month would end outside the time range)
 */
export function isPeriodInstant(t: unknown): t is Instant {
  return typeof t === 'number' && Number.isFinite(t) && t >= MIN_PERIOD_INSTANT && t <= MAX_PERIOD_INSTANT;
}

/** A calendar date in China time. `month` is 1-12. */
export interface ChinaDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The China calendar date of an instant.
 * @example
 * chinaDate(Date.parse('2026-11-30T16:00:00Z')); // { year: 2026, month: 12, day: 1 }
 */
export function chinaDate(instant: Instant): ChinaDate {
  const d = new Date(instant + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant at which a China calendar date begins (00:00 Asia/Shanghai). Out-of-range
 * months/days roll over like `Date.UTC` (month 13 of 2026 is January 2027).
 * @example
 * chinaMidnight(2026, 12, 1) === Date.parse('2026-11-30T16:00:00Z'); // true
 */
export function chinaMidnight(year: number, month: number, day: number): Instant {
  return Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS;
}

/**
 * Start of the China day containing `instant`.
 * @example
 * startOfChinaDay(Date.parse('2026-11-30T16:30:00Z')) === Date.parse('2026-11-30T16:00:00Z'); // true
 */
export function startOfChinaDay(instant: Instant): Instant {
  const { year, month, day } = chinaDate(instant);
  return chinaMidnight(year, month, day);
}

/**
 * Start of the China calendar month containing `instant`.
 * @example
 * startOfChinaMonth(Date.parse('2026-11-30T16:00:00Z')) === Date.parse('2026-11-30T16:00:00Z'); // 1 Dec
 */
export function startOfChinaMonth(instant: Instant): Instant {
  const { year, month } = chinaDate(instant);
  return chinaMidnight(year, month, 1);
}

/**
 * Start of the next China calendar month after the one containing `instant` (its exclusive end).
 * @example
 * endOfChinaMonth(Date.parse('2026-02-10T00:00:00Z')) === Date.parse('2026-02-28T16:00:00Z'); // 1 Mar
 */
export function endOfChinaMonth(instant: Instant): Instant {
  const { year, month } = chinaDate(instant);
  return chinaMidnight(year, month + 1, 1);
}

/**
 * End (exclusive) of the China day that lies `days` calendar days after the day of `instant`.
 * Used for rules such as "valid until 14 days after receipt" read as: through the end of that
 * China day.
 * @example
 * endOfChinaDayAfter(Date.parse('2026-11-01T02:00:00Z'), 14) === Date.parse('2026-11-15T16:00:00Z'); // true
 */
export function endOfChinaDayAfter(instant: Instant, days: number): Instant {
  return startOfChinaDay(instant) + (days + 1) * DAY_MS;
}

/**
 * Format an instant as an ISO-8601 string in China time, e.g. for labels and file exports.
 * @example
 * formatChinaTime(Date.parse('2026-11-30T16:00:00Z')); // '2026-12-01T00:00:00+08:00'
 */
export function formatChinaTime(instant: Instant): string {
  if (!Number.isFinite(instant)) return 'invalid';
  const iso = new Date(instant + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 19)}+08:00`;
}

const CHINA_DATE_TIME =
  /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?\s*$/u;

/**
 * Parse a date-time as back-offices and exports print it (`2026-11-03 12:34:56`,
 * `2026/11/3 12:34`, `2026年11月3日`) — read as China time — into a UTC instant. Returns
 * `undefined` for anything else, including impossible dates such as 2026-02-30.
 * @example
 * parseChinaDateTime('2026-12-01 00:00:00') === Date.parse('2026-11-30T16:00:00Z'); // true
 */
export function parseChinaDateTime(text: string): Instant | undefined {
  let year: number;
  let month: number;
  let day: number;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (isPlainDateTime(text)) {
    // `YYYY-MM-DD HH:MM:SS`, as every export row prints it: read the digits in place.
    year = digitsAt(text, 0, 4);
    month = digitsAt(text, 5, 2);
    day = digitsAt(text, 8, 2);
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    second = digitsAt(text, 17, 2);
  } else {
    const m = CHINA_DATE_TIME.exec(text.length > 64 ? '' : text);
    if (!m) return undefined;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    if (m[4] !== undefined) hour = Number(m[4]);
    if (m[5] !== undefined) minute = Number(m[5]);
    if (m[6] !== undefined) second = Number(m[6]);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return chinaMidnight(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Whether `t` is exactly `dddd-dd-dd dd:dd:dd` (ASCII digits), a text `CHINA_DATE_TIME` matches. */
function isPlainDateTime(t: string): boolean {
  if (t.length !== 19) return false;
  for (let i = 0; i < 19; i++) {
    const c = t.charCodeAt(i);
    const want = i === 4 || i === 7 ? 45 : i === 10 ? 32 : i === 13 || i === 16 ? 58 : -1;
    if (want === -1 ? c < 48 || c > 57 : c !== want) return false;
  }
  return true;
}

/** The number written by `count` ASCII digits of `t` from `at`. */
function digitsAt(t: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) v = v * 10 + t.charCodeAt(i) - 48;
  return v;
}

/** Gregorian month lengths (proleptic, as `Date.UTC` counts them). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
