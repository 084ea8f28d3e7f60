/**
 * Times on the hand-off page, in China time (the platforms' time).
 * @module
 */

/**
 * A time as the page shows it.
 * @example
 * chinaTime(Date.UTC(2026, 10, 30)); // '2026/11/30 08:00:00'
 */
export const chinaTime = (t: number): string =>
  new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
