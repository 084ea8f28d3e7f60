import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_MS,
  chinaDate,
  chinaMidnight,
  endOfChinaDayAfter,
  endOfChinaMonth,
  formatChinaTime,
  isPeriodInstant,
  MAX_PERIOD_INSTANT,
  MIN_PERIOD_INSTANT,
  parseChinaDateTime,
  startOfChinaDay,
  startOfChinaMonth,
} from './china-time.js';

describe('china time', () => {
  it('2026-11-30T16:00:00Z is 1 December in China', () => {
    const t = Date.parse('2026-11-30T16:00:00Z');
    expect(chinaDate(t)).toEqual({ year: 2026, month: 12, day: 1 });
    expect(chinaDate(t - 1)).toEqual({ year: 2026, month: 11, day: 30 });
    expect(startOfChinaMonth(t)).toBe(t);
    expect(startOfChinaMonth(t - 1)).toBe(Date.parse('2026-10-31T16:00:00Z'));
  });
  it('handles leap years', () => {
    expect(endOfChinaMonth(Date.parse('2028-02-10T00:00:00Z'))).toBe(Date.parse('2028-02-29T16:00:00Z'));
    expect(endOfChinaMonth(Date.parse('2026-02-10T00:00:00Z'))).toBe(Date.parse('2026-02-28T16:00:00Z'));
    expect(chinaMidnight(2026, 13, 1)).toBe(Date.parse('2026-12-31T16:00:00Z'));
  });
  it('end of the day 14 days later', () => {
    expect(endOfChinaDayAfter(Date.parse('2026-11-01T02:00:00Z'), 14)).toBe(
      Date.parse('2026-11-15T16:00:00Z'),
    );
  });
  it('formats in +08:00', () => {
    expect(formatChinaTime(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01T00:00:00+08:00');
    expect(formatChinaTime(Number.NaN)).toBe('invalid');
  });
  it('day and month starts bracket the instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        const d = startOfChinaDay(t);
        const m = startOfChinaMonth(t);
        const e = endOfChinaMonth(t);
        expect(d <= t && t < d + DAY_MS).toBe(true);
        expect(m <= d && t < e).toBe(true);
        expect(chinaDate(m).day).toBe(1);
        expect(chinaDate(e).day).toBe(1);
        expect((d - chinaMidnight(1970, 1, 1)) % DAY_MS).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseChinaDateTime', () => {
  it('reads back-office and export formats as China time', () => {
    expect(parseChinaDateTime('2026-12-01 00:00:00')).toBe(Date.parse('2026-11-30T16:00:00Z'));
    expect(parseChinaDateTime('2026/11/3 12:34')).toBe(Date.parse('2026-11-03T04:34:00Z'));
    expect(parseChinaDateTime('2026年11月3日')).toBe(Date.parse('2026-11-02T16:00:00Z'));
    expect(parseChinaDateTime('2026-02-30 00:00:00')).toBeUndefined();
    expect(parseChinaDateTime('hello')).toBeUndefined();
    expect(parseChinaDateTime('2026-11-03 24:00:00')).toBeUndefined();
  });
  it('reads `YYYY-MM-DD HH:MM:SS` as the general pattern does (property)', () => {
    // The general rule, written out: fields by the pattern, then the same range checks.
    const general = (text: string): number | undefined => {
      const m =
        /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?\s*$/u.exec(
          text,
        );
      if (!m) return undefined;
      const [y, mo, d, h = 0, mi = 0, se = 0] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
      const back = new Date(Date.UTC(y!, mo! - 1, d));
      if (mo! < 1 || mo! > 12 || back.getUTCDate() !== d || back.getUTCMonth() !== mo! - 1) return undefined;
      if (h > 23 || mi > 59 || se > 59) return undefined;
      return Date.UTC(y!, mo! - 1, d, h, mi, se) - 8 * 3_600_000;
    };
    const digit = fc.constantFrom(...'0123456789');
    const text = fc
      .array(fc.oneof({ weight: 6, arbitrary: digit }, fc.constantFrom('-', ' ', ':', '/', 'T', '１', 'a')), {
        minLength: 19,
        maxLength: 19,
      })
      .map((cs) => cs.join(''));
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map((xs) => {
        const [y, ...rest] = xs.map((x, i) => String(x).padStart(i === 0 ? 4 : 2, '0'));
        return `${y}-${rest[0]}-${rest[1]} ${rest[2]}:${rest[3]}:${rest[4]}`;
      });
    fc.assert(
      fc.property(fc.oneof(text, shaped), (s) => {
        expect(parseChinaDateTime(s)).toBe(general(s));
      }),
      { numRuns: 5000 },
    );
  });
  it('never throws and round-trips formatChinaTime (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const t = parseChinaDateTime(s);
        expect(t === undefined || Number.isFinite(t)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (sec) => {
        const t = sec * 1000;
        expect(parseChinaDateTime(formatChinaTime(t).slice(0, 19).replace('T', ' '))).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });
  it('accepts exactly the calendar dates Date.UTC keeps as written, leap years included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const utc = new Date(Date.UTC(year, month - 1, day));
          const real =
            month >= 1 &&
            day >= 1 &&
            utc.getUTCFullYear() === year &&
            utc.getUTCMonth() === month - 1 &&
            utc.getUTCDate() === day;
          const t = parseChinaDateTime(`${year}-${month}-${day} 08:00`);
          expect(t).toBe(real ? utc.getTime() : undefined);
        },
      ),
      { numRuns: 2000 },
    );
    expect(parseChinaDateTime('2024-02-29')).toBe(Date.parse('2024-02-28T16:00:00Z'));
    expect(parseChinaDateTime('2100-02-29')).toBeUndefined();
    expect(parseChinaDateTime('2000-02-29')).toBe(Date.parse('2000-02-28T16:00:00Z'));
  });
  it('finishes on a 100,000-character input', () => {
    expect(parseChinaDateTime('2026-11-03 '.repeat(10_000))).toBeUndefined();
  });
});

describe('isPeriodInstant: the range where China day and month bounds are finite', () => {
  it('the bounds are tight: one millisecond outside, a month bound is NaN', () => {
    for (const t of [MIN_PERIOD_INSTANT, MAX_PERIOD_INSTANT]) {
      expect(isPeriodInstant(t)).toBe(true);
      for (const b of [startOfChinaDay(t), startOfChinaMonth(t), endOfChinaMonth(t)])
        expect(Number.isFinite(b)).toBe(true);
    }
    expect(isPeriodInstant(MIN_PERIOD_INSTANT - 1)).toBe(false);
    expect(Number.isNaN(startOfChinaMonth(MIN_PERIOD_INSTANT - 1))).toBe(true);
    expect(isPeriodInstant(MAX_PERIOD_INSTANT + 1)).toBe(false);
    expect(Number.isNaN(endOfChinaMonth(MAX_PERIOD_INSTANT + 1))).toBe(true);
    for (const v of [Number.NaN, Infinity, '0', null, 8.64e15]) expect(isPeriodInstant(v)).toBe(false);
  });
  it('property: inside the range every bound is finite and contains the instant', () => {
    fc.assert(
      fc.property(fc.double({ min: MIN_PERIOD_INSTANT, max: MAX_PERIOD_INSTANT, noNaN: true }), (x) => {
        const t = Math.floor(x);
        expect(isPeriodInstant(t)).toBe(true);
        expect(startOfChinaMonth(t)).toBeLessThanOrEqual(t);
        expect(endOfChinaMonth(t)).toBeGreaterThan(t);
        expect(startOfChinaDay(t)).toBeLessThanOrEqual(t);
      }),
      { numRuns: 1000 },
    );
  });
});
