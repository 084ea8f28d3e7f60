/**
 * The supplier page as ONE attachment (issue 21 item 8): the single-file supplier page
 * (`supplier-standalone.html`, built by scripts/build-supplier.ts) with one sealed batch inside,
 * so the merchant sends one file that opens by double-click, offline, with nothing installed.
 * The batch sits in `<meta name="shipmask-batch" content="…">`: an attribute, never markup, and
 * only base64url characters are accepted into it, so nothing in it can end the attribute or open
 * a tag; the page's CSP (hashes of its one inline script and style) is untouched. Like a link
 * without a passphrase, the file holds the batch key: whoever has the file can open the batch.
 * @module
 */

/** Name of the meta element that carries the sealed batch. */
export const BATCH_META = 'shipmask-batch';

/** Why a file could not be made. */
export type SupplierFileError =
  | 'not-a-payload' // the sealed text holds no base64url payload
  | 'not-the-page'; // the page HTML is not the single-file supplier page

const PAYLOAD = /^[A-Za-z0-9_-]{16,}$/u;
/** The single-file page declares its CSP in its head. */
const HEAD_END = '</head>';

/**
 * The payload of a sealed text: what follows the `#` of a link (`<base>#<payload>` or
 * `#<payload>`), or the whole text of a sealed file; `undefined` unless it is base64url only.
 * @example
 * payloadOf('https://x.example/supplier.html#AQAB…'); // 'AQAB…'
 */
export function payloadOf(sealedText: string): string | undefined {
  const t = sealedText.trim();
  const hash = t.indexOf('#');
  const p = hash >= 0 ? t.slice(hash + 1) : t;
  return PAYLOAD.test(p) ? p : undefined;
}

/**
 * The supplier page with the sealed batch inside, or why not.
 * @example
 * const r = supplierFileWithBatch(pageHtml, sealed.text);
 * if (r.ok) download(r.html, 'shipmask-厂家A.html', 'text/html');
 */
export function supplierFileWithBatch(
  pageHtml: string,
  sealedText: string,
): { readonly ok: true; readonly html: string } | { readonly ok: false; readonly error: SupplierFileError } {
  const payload = payloadOf(sealedText);
  if (payload === undefined) return { ok: false, error: 'not-a-payload' };
  // The first `</head>` ends the real head: the page's one script sits in the body after it
  // (its code may well hold the text `</head>`, e.g. for a print window).
  const at = pageHtml.indexOf(HEAD_END);
  const head = at < 0 ? '' : pageHtml.slice(0, at);
  if (!head.includes('http-equiv="Content-Security-Policy"') || head.includes(`name="${BATCH_META}"`))
    return { ok: false, error: 'not-the-page' };
  const meta = `<meta name="${BATCH_META}" content="${payload}">\n`;
  return { ok: true, html: pageHtml.slice(0, at) + meta + pageHtml.slice(at) };
}

/** Characters a file name may not hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/gu;

/**
 * A file name for the attachment: `发货单-<supplier>-<n>单-<yyyymmdd>.html` in China time.
 * @example
 * supplierFileName('厂家A', 12, Date.UTC(2026, 11, 7, 2)); // '发货单-厂家A-12单-20261207.html'
 */
export function supplierFileName(supplier: string, orders: number, at: number): string {
  const name = supplier.replace(UNSAFE_NAME, '_').trim().slice(0, 40) || 'supplier';
  const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `发货单-${name}-${orders}单-${day}.html`;
}
