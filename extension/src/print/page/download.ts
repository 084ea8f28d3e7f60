/**
 * Save text as a file through a blob URL (a download: no network, nothing leaves the machine).
 * The same helper exists as `downloadText` in entrypoints/handoff/file-actions.tsx and `saveFile`
 * in supplier/SupplierApp.tsx; those pages are being restructured separately, so the print page
 * keeps its own copy here until one shared page helper can take its place.
 * @module
 */

/**
 * Offer `text` as a download named `name`. Rule: the blob URL is revoked after 10 s.
 * @example
 * download('bulk-ship.csv', csv);
 */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
