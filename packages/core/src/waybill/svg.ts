/**
 * `renderLabelSvg(label)`: a standalone SVG document in millimetres (`width="76mm"`,
 * `viewBox="0 0 76 130"`, one user unit = 1 mm) that prints at exact size, and
 * `renderLabelDocument(labels)`: one HTML document for browser printing with CSS `@page` size
 * and one label per page.
 *
 * Invariant 2 (page data never becomes markup): every string from an order is XML-escaped
 * (`& < > " '`), and characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) are
 * dropped, so order text can only ever be character data.
 * @module
 */
import { stripXmlInvalid } from './clean.js';
import { encodeCode128, type Code128Error } from './code128.js';
import type { Label, LabelBarcode } from './layout.js';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for XML/HTML character data and attribute values; drops characters XML forbids.
 * @example
 * escapeXml('<script>&"\''); // '&lt;script&gt;&amp;&quot;&#39;'
 */
export function escapeXml(text: string): string {
  const t = stripXmlInvalid(String(text));
  return !/[&<>"']/u.test(t) ? t : t.replace(/[&<>"']/gu, (ch) => XML_ESCAPES[ch] ?? '');
}

/** A number for SVG output: at most 3 decimals, no trailing zeros. */
const n = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '0');

/** One path for all bars: `M x y h w v h h -w z` per bar. */
function barsPath(b: LabelBarcode): string {
  let x = b.x;
  let d = '';
  b.widths.forEach((w, i) => {
    const width = w * b.moduleMm;
    if (i % 2 === 0) d += `M${n(x)} ${n(b.y)}h${n(width)}v${n(b.h)}h${n(-width)}z`;
    x += width;
  });
  return d;
}

/**
 * A standalone Code 128 bar code as SVG in millimetres (quiet zones of 10 modules included),
 * e.g. for a supplier page or a custom area. Never throws; text Code 128 cannot carry is an error.
 * @example
 * const r = renderCode128Svg('SF1234567890', { moduleMm: 0.375, heightMm: 12 });
 * // r.ok && r.svg.startsWith('<svg') — width = (modules + 20) × 0.375 mm
 */
export function renderCode128Svg(
  text: string,
  options: { readonly moduleMm?: number; readonly heightMm?: number } = {},
): { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly error: Code128Error } {
  const code = encodeCode128(text);
  if (!code.ok) return code;
  const m = Number.isFinite(options.moduleMm) && (options.moduleMm ?? 0) > 0 ? options.moduleMm! : 0.375;
  const h = Number.isFinite(options.heightMm) && (options.heightMm ?? 0) > 0 ? options.heightMm! : 12;
  const w = (code.value.modules + 20) * m;
  const d = barsPath({ x: 10 * m, y: 0, h, moduleMm: m, widths: code.value.widths, data: text });
  return {
    ok: true,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}mm" height="${n(h)}mm" viewBox="0 0 ${n(w)} ${n(h)}"><rect width="${n(w)}" height="${n(h)}" fill="#fff"/><path d="${d}" fill="#000" shape-rendering="crispEdges"/></svg>`,
  };
}

/** CJK-capable font stack, bold faces included (SimHei is the usual waybill face). */
export const LABEL_FONT_FAMILY =
  "'SimHei','Heiti SC','Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Noto Sans SC','WenQuanYi Zen Hei',sans-serif";

/**
 * Renders a laid-out label as a standalone SVG string in millimetres. Pure and deterministic.
 * @example
 * const r = layoutLabel(order, '76x130', { trackingNumber: 'ZT78901234567890' });
 * if (r.ok) renderLabelSvg(r.label).startsWith('<svg'); // true; width="76mm" height="130mm"
 */
export function renderLabelSvg(label: Label): string {
  const { widthMm: W, heightMm: H } = label.template;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}mm" height="${n(H)}mm" viewBox="0 0 ${n(W)} ${n(H)}" font-family="${escapeXml(LABEL_FONT_FAMILY)}">`,
    `<title>${escapeXml(`运单 ${label.trackingNumber}`)}</title>`,
    `<rect width="${n(W)}" height="${n(H)}" fill="#fff"/>`,
  ];
  for (const b of label.boxes) {
    const fill = b.fill === 'black' ? '#000' : 'none';
    const stroke = b.stroke > 0 ? ` stroke="#000" stroke-width="${n(b.stroke)}"` : '';
    out.push(
      `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="${fill}"${stroke}/>`,
    );
  }
  const solid = label.rules.filter((r) => !r.dashed);
  const dashed = label.rules.filter((r) => r.dashed);
  for (const [group, extra] of [
    [solid, ''],
    [dashed, ' stroke-dasharray="1.2 0.8"'],
  ] as const) {
    const byWidth = new Map<number, string>();
    for (const r of group) {
      byWidth.set(r.width, (byWidth.get(r.width) ?? '') + `M${n(r.x1)} ${n(r.y1)}L${n(r.x2)} ${n(r.y2)}`);
    }
    for (const [w, d] of byWidth) out.push(`<path d="${d}" stroke="#000" stroke-width="${n(w)}"${extra}/>`);
  }
  for (const b of label.barcodes) {
    out.push(
      `<path d="${barsPath(b)}" fill="#000" shape-rendering="crispEdges" data-code128="${escapeXml(b.data)}"/>`,
    );
  }
  for (const t of label.texts) {
    const attrs = [
      `x="${n(t.x)}"`,
      `y="${n(t.y)}"`,
      `font-size="${n(t.fontMm)}"`,
      t.bold ? 'font-weight="bold"' : '',
      t.anchor !== 'start' ? `text-anchor="${t.anchor}"` : '',
      t.color === 'white' ? 'fill="#fff"' : '',
    ]
      .filter((a) => a !== '')
      .join(' ');
    out.push(`<text ${attrs}>${escapeXml(t.text)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * One HTML document for browser printing: `@page { size: <w>mm <h>mm; margin: 0 }` (named pages
 * when sizes are mixed), one label per page, every label inline SVG with escaped text.
 * @example
 * renderLabelDocument([label]); // '<!doctype html>…@page { size: 76mm 130mm; margin: 0 }…'
 */
export function renderLabelDocument(labels: readonly Label[], title = 'shipmask 面单'): string {
  const list: readonly Label[] = Array.isArray(labels) ? labels : [];
  const sizes = new Map<string, { w: number; h: number }>();
  for (const l of list) {
    const key = `${n(l.template.widthMm)}x${n(l.template.heightMm)}`;
    if (!sizes.has(key)) sizes.set(key, { w: l.template.widthMm, h: l.template.heightMm });
  }
  const first = [...sizes.values()][0] ?? { w: 76, h: 130 };
  const pageName = (key: string): string => `label-${key.replace(/\./gu, '_')}`;
  const css = [
    `@page { size: ${n(first.w)}mm ${n(first.h)}mm; margin: 0 }`,
    ...[...sizes].map(
      ([key, s]) =>
        `@page ${pageName(key)} { size: ${n(s.w)}mm ${n(s.h)}mm; margin: 0 }\n.${pageName(key)} { page: ${pageName(key)}; width: ${n(s.w)}mm; height: ${n(s.h)}mm }`,
    ),
    'html, body { margin: 0; padding: 0; background: #fff }',
    '.label { overflow: hidden; break-after: page; page-break-after: always }',
    '.label:last-child { break-after: auto; page-break-after: auto }',
    '.label > svg { display: block }',
    '@media screen { body { background: #eee } .label { margin: 4mm auto; background: #fff; box-shadow: 0 0 2mm #999 } }',
  ].join('\n');
  const pages = list.map((l) => {
    const key = `${n(l.template.widthMm)}x${n(l.template.heightMm)}`;
    return `<div class="label ${pageName(key)}">${renderLabelSvg(l)}</div>`;
  });
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head><body>',
    ...pages,
    '</body></html>',
  ].join('\n');
}
