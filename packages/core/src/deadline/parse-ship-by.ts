/**
 * Reading a ship-by time off a back-office row: an absolute time (`2026-12-07 18:00前发货`,
 * `发货截止 12-07 18:00`) or a countdown (`剩余1天2小时3分`, `还剩 05:12:09`).
 * @module
 */
import { chinaDate, parseChinaDateTime } from '../time/china-time.js';
import type { Instant } from '../types.js';

/** Longest text read; a row's deadline cell is short. */
export const MAX_SHIP_BY_TEXT = 200;

// Each pattern is a sequence of bounded digit runs and literals: linear, no nested quantifiers.
const FULL = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[\sT]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?)/u;
const NO_YEAR = /(?<![\d/.-])(\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?/u;
const COUNTDOWN =
  /(?:(\d{1,3})\s*天)?\s*(?:(\d{1,3})\s*(?:小时|时))?\s*(?:(\d{1,2})\s*分钟?)?\s*(?:(\d{1,2})\s*秒)?/u;
const CLOCK = /(?:剩余|还剩|剩)\s*(\d{1,3})[:：](\d{2})(?:[:：](\d{2}))?/u;
const COUNTDOWN_CUE = /剩余|还剩|剩/u;

/**
 * The ship-by instant a row's text states, read as China time, or `undefined`. Rule: a full
 * date-time wins; a month-day time without a year takes the year of `now` in China time, or the
 * next year when that would be more than 180 days in the past; a countdown (剩余/还剩 + days,
 * hours, minutes, seconds, or `HH:MM:SS`) is added to `now`. Text over `MAX_SHIP_BY_TEXT`
 * characters gives `undefined`.
 * @example
 * parseShipByText('2026-12-07 18:00前发货', 0) === Date.parse('2026-12-07T10:00:00Z'); // true
 * parseShipByText('剩余1天2小时', 0); // 93_600_000
 */
export function parseShipByText(text: string, now: Instant): Instant | undefined {
  if (typeof text !== 'string' || text.length > MAX_SHIP_BY_TEXT || !Number.isFinite(now)) return undefined;
  const full = FULL.exec(text);
  if (full?.[1]) return parseChinaDateTime(full[1]);
  const ny = NO_YEAR.exec(text);
  if (ny) {
    const year = chinaDate(now).year;
    const rest = `${ny[1]}-${ny[2]} ${ny[3]}:${ny[4]}${ny[5] !== undefined ? `:${ny[5]}` : ''}`;
    const at = parseChinaDateTime(`${year}-${rest}`);
    if (at === undefined) return undefined;
    return at < now - 180 * 86_400_000 ? parseChinaDateTime(`${year + 1}-${rest}`) : at;
  }
  if (!COUNTDOWN_CUE.test(text)) return undefined;
  const clock = CLOCK.exec(text);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (m > 59 || s > 59) return undefined;
    return now + ((h * 60 + m) * 60 + s) * 1000;
  }
  const cue = COUNTDOWN_CUE.exec(text);
  const tail = cue ? text.slice(cue.index + cue[0].length) : text;
  const c = COUNTDOWN.exec(tail.trimStart());
  if (!c || c[0].trim() === '' || c.index !== 0) return undefined;
  const [d, h, m, s] = [c[1], c[2], c[3], c[4]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  return now + (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
}
