/**
 * The supplier page's few browser actions: copy text, save text as a file (a blob URL download,
 * no network) and the time format of the batch's expiry (China time).
 * @module
 */

/**
 * A time as China time, as the page shows it.
 * @example
 * formatTime(Date.UTC(2026, 10, 30)); // '2026/11/30 08:00:00'
 */
export const formatTime = (t: number): string =>
  new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * Copy text: the async clipboard when allowed, else a selected textarea and `execCommand`.
 * @example
 * await copyText(code, textarea); // true when copied
 */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}
