/**
 * QR codes for links and return codes, as `data:` SVG images (the supplier page's CSP allows
 * images from `data:` only).
 *
 * Library: `uqr` (unjs): zero dependencies, ESM, ~27 KB unminified, renders SVG without a canvas,
 * byte mode for any text. `qrcode` pulls a canvas/PNG stack and CommonJS helpers into the
 * single-file page; `lean-qr` is smaller but far less used.
 * @module
 */
import { renderSVG } from 'uqr';

/**
 * Above this many characters no QR code is offered: a version-40 code at level L holds 2,953
 * bytes, but a phone camera reading a screen copes reliably only up to roughly 1,200 characters
 * (version ~27, 125 modules); longer links are sent as text or a file.
 */
export const QR_MAX_CHARS = 1200;

/**
 * A QR code of `text` as a `data:` URL, or undefined when the text is too long for a QR code a
 * phone can read from a screen.
 * @example
 * qrDataUrl('https://example.com/supplier.html#AQ…'); // 'data:image/svg+xml;charset=utf-8,%3Csvg…'
 */
export function qrDataUrl(text: string): string | undefined {
  if (text.length === 0 || text.length > QR_MAX_CHARS) return undefined;
  try {
    const svg = renderSVG(text, { ecc: 'L', border: 2, pixelSize: 4 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch {
    return undefined;
  }
}
