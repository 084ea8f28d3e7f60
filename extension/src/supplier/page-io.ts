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

/**
 * Save text as a file through a blob URL (a download: no network).
 * @example
 * saveFile('\uFEFF订单号,…', 'shipmask-q3Zk8Jd0WcLm.csv');
 */
export function saveFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
