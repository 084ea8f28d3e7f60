// Formatting shared by the demo server and the page scripts (no data here).

const HOUR = 3600_000;

/** Format an instant as China time `YYYY-MM-DD HH:mm:ss` (as the back-offices print it). */
export function chinaDateTime(t: number): string {
  const d = new Date(t + 8 * HOUR);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Fen to yuan text: 12900 → `129.00`. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
