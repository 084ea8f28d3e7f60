/**
 * Save text as a file through a blob URL: a download, no network, nothing leaves the machine.
 * One helper for every shipmask page (print, hand-off, supplier). Chromium drops a download
 * started after an `await` in the click handler, so callers prepare the text first and call this
 * synchronously from the click.
 * @module
 */

/**
 * Offer `text` as a download named `fileName`. Rule: the blob URL is revoked after 10 s (time
 * for the browser to start the download).
 * @example
 * downloadText('\uFEFF订单编号,快递公司,快递单号\r\n', 'douyin-bulk-ship.csv');
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
