/**
 * `layoutLabel(order, template, options)`: a label as pure data (boxes, rules, text runs and bar
 * codes, all in millimetres from the top-left corner), ready for `renderLabelSvg` or any other
 * renderer (canvas, PDF, printer language).
 *
 * Only virtual-number recipients are laid out here. A ciphertext order is printed by the
 * platform's official component (its label carries data shipmask never sees), so layout refuses
 * it with `component-required`; masked-only and invalid orders are refused with the reason from
 * `formatRecipient`.
 * @module
 */
import { chinaDate } from '../time/china-time.js';
import type { Instant, OrderItem, OrderView } from '../types.js';
import { carrierNames, type PlatformRef } from '../platform/index.js';
import { maskAddress } from '../mask/mask-address.js';
import { maskMobilesIn, maskText } from '../mask/mask-text.js';
import { cleanLine } from './clean.js';
import { encodeCode128 } from './code128.js';
import { formatRecipient, type RecipientError, type RecipientOptions } from './recipient.js';
import { getLabelTemplate, type LabelTemplate, type TemplateZone } from './templates.js';
import { fitText, textWidthEm, wrapText } from './text-fit.js';

/** A rectangle (mm). `fill` black boxes carry white text (the 收 / 寄 badges). */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: 'black' | 'none';
  /** Stroke width in mm (0 = none). */
  readonly stroke: number;
}

/** A straight rule (mm); `dashed` marks the 二联单 perforation. */
export interface LabelRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly dashed: boolean;
}

/** One line of text: `y` is the baseline, `fontMm` the em size, both in mm. */
export interface LabelText {
  readonly x: number;
  readonly y: number;
  readonly fontMm: number;
  readonly bold: boolean;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly color: 'black' | 'white';
  readonly text: string;
}

/** A Code 128 bar code: `widths` alternate bar/space in modules, bar first. */
export interface LabelBarcode {
  readonly x: number;
  readonly y: number;
  readonly h: number;
  readonly moduleMm: number;
  readonly widths: readonly number[];
  /** The encoded text (the waybill number). */
  readonly data: string;
}

/**
 * Something the merchant should know about a laid-out label: `trimmed-*` = that text was cut
 * with `…` to fit (name, address, contents, remark); `overflow` = even the protected suffix
 * does not fit; `barcode-narrow` = modules under 0.25 mm; `no-routing` = no 大头笔 given.
 */
export type LabelWarning =
  | 'no-routing'
  | 'trimmed-name'
  | 'trimmed-address'
  | 'trimmed-contents'
  | 'trimmed-remark'
  | 'barcode-narrow'
  | 'overflow';

/** A laid-out label. */
export interface Label {
  readonly template: {
    readonly id: string;
    readonly widthMm: number;
    readonly heightMm: number;
    readonly parts: 1 | 2;
  };
  readonly orderId: string;
  readonly trackingNumber: string;
  readonly boxes: readonly LabelBox[];
  readonly rules: readonly LabelRule[];
  readonly texts: readonly LabelText[];
  readonly barcodes: readonly LabelBarcode[];
  readonly warnings: readonly LabelWarning[];
}

/** The merchant's own sender block (their own data, not the buyer's). */
export interface LabelSender {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

/** Inputs of {@link layoutLabel} beyond the order. */
export interface LayoutOptions {
  /** The platform whose rules apply; default `order.platform`. */
  readonly platform?: PlatformRef;
  readonly recipient?: RecipientOptions;
  readonly sender?: LabelSender;
  /** Mask the sender's mobile number in the middle (138****5678). Default true. */
  readonly maskSenderPhone?: boolean;
  /** Carrier display name for the header, e.g. `中通快递`; default from `order.carrier`. */
  readonly carrierName?: string;
  /** 大头笔 (destination sort text) and 三段码 (sort code) from the carrier's waybill API. */
  readonly routing?: { readonly bigPen?: string; readonly sortCode?: string };
  /** Waybill number; default `order.trackingNumber`. */
  readonly trackingNumber?: string;
  /** Print time for the header date (China date); omitted = no date printed. */
  readonly printedAt?: Instant;
}

/** Why a label cannot be laid out. */
export type LayoutErrorCode =
  | RecipientError['code']
  | 'component-required'
  | 'unknown-template'
  | 'no-tracking-number'
  | 'bad-tracking-number';

/** Result of {@link layoutLabel}. */
export type LayoutResult =
  | { readonly ok: true; readonly label: Label }
  | {
      readonly ok: false;
      readonly error: { readonly code: LayoutErrorCode; readonly message: string };
    };

/** 203 dpi thermal print head dot, mm: bar-code modules are whole dots so bars print crisp. */
export const PRINTER_DOT_MM = 25.4 / 203;
/** Quiet zone each side of a Code 128 symbol, in modules (ISO/IEC 15417: at least 10). */
const QUIET_MODULES = 10;
/** Narrowest module printed without a warning (carriers scan ≥ 0.25 mm comfortably). */
const MIN_MODULE_MM = 0.25;
const MAX_MODULE_MM = 0.5;
const PAD = 1.5;
const BADGE = 6;
const LINE = 1.22; // line height as a multiple of the font size
const FONT_ASCENT = 0.86; // baseline offset from the top of the line box, in em

/** A carrier code (`ZTO`) shown by its Chinese name (`中通快递`); other text as it is. */
const carrierDisplayName = (carrier: unknown): string => {
  const code = cleanLine(carrier);
  return Object.hasOwn(carrierNames, code) ? carrierNames[code as keyof typeof carrierNames].zh : code;
};

/** `Array.isArray` without narrowing (typed input may still be anything at run time). */
const isList = (x: unknown): boolean => Array.isArray(x);

const r2 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Mobiles in printed free text (sender address, items): found and masked exactly as `maskText`
 * does, in every writing (`+86`, spaces, dashes, dots, full-width, glued; issue 14, item 4).
 */
const maskMobile = (s: string): string => maskMobilesIn(s);

/** Control characters never reach a label line. */
const clean = cleanLine;

interface Ctx {
  readonly template: LabelTemplate;
  /** The platform's virtual main number: the one 11-digit mobile a label may carry. */
  readonly keep: string;
  readonly boxes: LabelBox[];
  readonly rules: LabelRule[];
  readonly texts: LabelText[];
  readonly barcodes: LabelBarcode[];
  readonly warnings: Set<LabelWarning>;
}

const text = (
  c: Ctx,
  x: number,
  y: number,
  fontMm: number,
  s: string,
  o: { bold?: boolean; anchor?: LabelText['anchor']; color?: LabelText['color']; raw?: boolean } = {},
): void => {
  if (s === '') return;
  // Last guard on every printed line (after wrapping and trimming, which can cut a longer digit
  // run down to a mobile-shaped one): only the virtual main number may look like a mobile.
  const safe = o.raw ? s : maskMobilesIn(s, c.keep);
  c.texts.push({
    x: r2(x),
    y: r2(y),
    fontMm: r2(fontMm),
    bold: o.bold ?? false,
    anchor: o.anchor ?? 'start',
    color: o.color ?? 'black',
    text: safe,
  });
};

/** Lines of text from the top of a band; returns the y below the last line. */
const lines = (
  c: Ctx,
  x: number,
  top: number,
  fontMm: number,
  ls: readonly string[],
  bold = false,
): number => {
  let y = top;
  for (const l of ls) {
    text(c, x, y + fontMm * FONT_ASCENT, fontMm, l, { bold });
    y += fontMm * LINE;
  }
  return y;
};

const badge = (c: Ctx, x: number, y: number, size: number, ch: string): void => {
  c.boxes.push({ x: r2(x), y: r2(y), w: r2(size), h: r2(size), fill: 'black', stroke: 0 });
  text(c, x + size / 2, y + size * 0.78, size * 0.78, ch, {
    bold: true,
    anchor: 'middle',
    color: 'white',
  });
};

interface Content {
  readonly carrierName: string;
  readonly dateText: string;
  readonly bigPen: string;
  readonly sortCode: string;
  readonly tracking: string;
  readonly widths: readonly number[];
  readonly modules: number;
  readonly nameBody: string;
  readonly nameSuffix: string;
  readonly phone: string;
  readonly addressBody: string;
  readonly addressSuffix: string;
  readonly reference: string;
  readonly sender?: LabelSender;
  readonly items: string;
  readonly remark: string;
  readonly orderId: string;
}

function header(c: Ctx, z: TemplateZone, k: Content): void {
  const w = c.template.widthMm;
  const f = Math.min(z.h * 0.55, 4.6 * c.template.scale);
  const dateF = f * 0.62;
  const dateW = textWidthEm(k.dateText) * dateF;
  const name = fitText(k.carrierName, '', {
    widthMm: w - 2 * PAD - dateW - 2,
    fontMm: f,
    minFontMm: f * 0.7,
    maxLines: 1,
  });
  text(c, PAD, z.y + z.h * 0.5 + name.fontMm * 0.36, name.fontMm, name.lines[0] ?? '', {
    bold: true,
  });
  text(c, w - PAD, z.y + z.h * 0.5 + dateF * 0.36, dateF, k.dateText, { anchor: 'end' });
}

function routing(c: Ctx, z: TemplateZone, k: Content): void {
  const w = c.template.widthMm;
  const hasSort = k.sortCode !== '';
  const bigF = z.h * (hasSort ? 0.5 : 0.62);
  const big = fitText(k.bigPen, '', {
    widthMm: w - 2 * PAD,
    fontMm: bigF,
    minFontMm: bigF * 0.55,
    maxLines: 1,
  });
  const bigBase = z.y + (hasSort ? z.h * 0.52 : z.h * 0.5 + big.fontMm * 0.36);
  text(c, w / 2, bigBase, big.fontMm, big.lines[0] ?? '', { bold: true, anchor: 'middle' });
  if (hasSort) {
    const sf = z.h * 0.3;
    const sort = fitText(k.sortCode, '', {
      widthMm: w - 2 * PAD,
      fontMm: sf,
      minFontMm: sf * 0.6,
      maxLines: 1,
    });
    text(c, w / 2, z.y + z.h - 1.2, sort.fontMm, sort.lines[0] ?? '', {
      bold: true,
      anchor: 'middle',
    });
  }
}

function barcode(c: Ctx, z: TemplateZone, k: Content): void {
  const w = c.template.widthMm;
  const total = k.modules + 2 * QUIET_MODULES;
  const fit = (w - 2 * PAD) / total;
  // Whole printer dots per module, as wide as fits (max 0.5 mm).
  const dots = Math.max(1, Math.floor(Math.min(fit, MAX_MODULE_MM) / PRINTER_DOT_MM));
  let moduleMm = dots * PRINTER_DOT_MM;
  if (moduleMm > fit) moduleMm = fit;
  if (moduleMm < MIN_MODULE_MM) c.warnings.add('barcode-narrow');
  const textF = Math.min(z.compact ? 2.6 : 3.2, z.h * 0.18) * (z.compact ? 1 : c.template.scale);
  const barH = z.h - 2 - textF * 1.3;
  const symbolW = k.modules * moduleMm;
  c.barcodes.push({
    x: r2((w - symbolW) / 2),
    y: r2(z.y + 1),
    h: r2(barH),
    moduleMm,
    widths: k.widths,
    data: k.tracking,
  });
  // Human-readable line under the bars, grouped in fours for reading aloud.
  const readable = k.tracking.replace(/(.{4})(?=.)/gu, '$1 ');
  text(c, w / 2, z.y + 1 + barH + textF * 1.05, textF, readable, {
    bold: true,
    anchor: 'middle',
    raw: true,
  });
}

function recipient(c: Ctx, z: TemplateZone, k: Content): void {
  const w = c.template.widthMm;
  const s = z.compact ? 0.85 : c.template.scale;
  const badgeSize = BADGE * (z.compact ? 0.8 : 1);
  badge(c, PAD, z.y + PAD, badgeSize, '收');
  const x0 = PAD + badgeSize + 2;
  const avail = w - x0 - PAD;
  // Line 1: name (trimmable body + protected 转NNNN) then the phone.
  const f1 = 3.8 * s;
  const phoneW = textWidthEm(k.phone) * f1;
  const name = fitText(k.nameBody, k.nameSuffix, {
    widthMm: Math.max(avail - phoneW - 2, avail * 0.35),
    fontMm: f1,
    minFontMm: f1 * 0.75,
    maxLines: 1,
  });
  if (name.trimmed) c.warnings.add('trimmed-name');
  if (name.overflow) c.warnings.add('overflow');
  const base1 = z.y + PAD + f1 * FONT_ASCENT;
  text(c, x0, base1, name.fontMm, name.lines.join(''), { bold: true });
  text(c, w - PAD, base1, f1, k.phone, { bold: true, anchor: 'end' });
  // Address: body + protected contact suffix.
  const refF = 2.4 * s;
  const hasRef = k.reference !== '' && !z.compact;
  const top = z.y + PAD + f1 * LINE + 0.4;
  const room = z.y + z.h - top - (hasRef ? refF * LINE + 0.3 : 0) - 0.6;
  const f2 = 3.3 * s;
  const shown = fitText(k.addressBody, k.addressSuffix, {
    widthMm: avail,
    fontMm: f2,
    minFontMm: f2 * 0.8,
    maxLines: 6,
    heightMm: room,
    lineHeight: LINE,
  });
  if (shown.trimmed) c.warnings.add('trimmed-address');
  if (shown.overflow) c.warnings.add('overflow');
  lines(c, x0, top, shown.fontMm, shown.lines, true);
  if (hasRef) {
    text(c, x0, z.y + z.h - 1.2, refF, `用户脱敏号码:${k.reference}(仅供参考)`);
  }
}

function sender(c: Ctx, z: TemplateZone, k: Content): void {
  if (!k.sender) return;
  const w = c.template.widthMm;
  const s = c.template.scale;
  badge(c, PAD, z.y + PAD, BADGE * 0.8, '寄');
  const x0 = PAD + BADGE * 0.8 + 2;
  const avail = w - x0 - PAD;
  const f = 2.7 * s;
  const phoneW = textWidthEm(k.sender.phone) * f;
  const name = fitText(k.sender.name, '', {
    widthMm: Math.max(avail - phoneW - 2, avail * 0.3),
    fontMm: f,
    minFontMm: f * 0.8,
    maxLines: 1,
  });
  const base = z.y + PAD + f * FONT_ASCENT;
  text(c, x0, base, name.fontMm, name.lines[0] ?? '');
  // The merchant's own number: masked by default (maskSenderPhone), printed as configured.
  text(c, w - PAD, base, f, k.sender.phone, { anchor: 'end', raw: true });
  const top = z.y + PAD + f * LINE + 0.3;
  const room = z.y + z.h - top - 0.5;
  const f2 = 2.5 * s;
  const addr = fitText(k.sender.address, '', {
    widthMm: avail,
    fontMm: f2,
    minFontMm: f2 * 0.85,
    maxLines: 3,
    heightMm: room,
    lineHeight: LINE,
  });
  lines(c, x0, top, addr.fontMm, addr.lines);
}

function contents(c: Ctx, z: TemplateZone, k: Content): void {
  const w = c.template.widthMm;
  const f = (z.compact ? 2.4 : 2.6) * c.template.scale;
  const avail = w - 2 * PAD;
  const orderLine = `订单号:${k.orderId}`;
  // One line of remark: a longer one ends in `…` and the label says so (`trimmed-remark`).
  const fitted =
    k.remark === '' ? undefined : fitText(`备注:${k.remark}`, '', { widthMm: avail, fontMm: f, maxLines: 1 });
  if (fitted?.trimmed) c.warnings.add('trimmed-remark');
  const remark = fitted ? fitted.lines.slice(0, 1) : [];
  const room = z.h - 2 * 0.8 - (1 + remark.length) * f * LINE;
  const items = fitText(`内件:${k.items}`, '', {
    widthMm: avail,
    fontMm: f,
    minFontMm: f * 0.85,
    maxLines: 8,
    heightMm: room,
    lineHeight: LINE,
  });
  if (items.trimmed) c.warnings.add('trimmed-contents');
  let y = lines(c, PAD, z.y + 0.8, items.fontMm, items.lines);
  y = lines(c, PAD, y, f, remark);
  lines(c, PAD, y, f, [orderLine]);
}

function signature(c: Ctx, z: TemplateZone): void {
  const w = c.template.widthMm;
  const f = 2.7 * c.template.scale;
  text(c, PAD, z.y + PAD + f * FONT_ASCENT, f, '签收人:', { bold: true });
  text(c, w / 2, z.y + PAD + f * FONT_ASCENT, f, '签收时间:\u3000\u3000年\u3000月\u3000日', { bold: true });
  const small = 2 * c.template.scale;
  const note = wrapText(
    '您的签字代表您已验收此包裹,并已确认商品信息无误、包装完好、没有划痕、破损等表面质量问题。',
    (w - 2 * PAD) / small,
  );
  lines(c, PAD, z.y + z.h - 0.8 - note.length * small * LINE, small, note);
}

/**
 * Lays out one label for `order` on `template` (an id `76x130` / `100x150` / `100x180` or a
 * template record). Pure: the same inputs give the same label. Never throws.
 * @example
 * const r = layoutLabel(order, '76x130', {
 *   trackingNumber: 'ZT78901234567890', carrierName: '中通快递',
 *   routing: { bigPen: '粤-广州 天河', sortCode: '571-W08 00' },
 *   sender: { name: '示例小店', phone: '020-88886666', address: '浙江省杭州市余杭区示例路1号' },
 * });
 * // r.ok && r.label.barcodes[0].data === 'ZT78901234567890'
 */
export function layoutLabel(
  order: OrderView,
  template: string | LabelTemplate,
  options: LayoutOptions = {},
): LayoutResult {
  const t: LabelTemplate | undefined = typeof template === 'string' ? getLabelTemplate(template) : template;
  if (!t || typeof t !== 'object' || !isList(t.zones)) {
    return {
      ok: false,
      error: { code: 'unknown-template', message: '未知面单模板(支持 76x130、100x150、100x180)。' },
    };
  }
  const rec = formatRecipient(
    order,
    options.platform ?? (order as { platform?: string } | null)?.platform ?? '',
    options.recipient,
  );
  if (!rec.ok) return { ok: false, error: rec.error };
  if (rec.kind === 'component') {
    return {
      ok: false,
      error: {
        code: 'component-required',
        message: '该订单是平台密文,面单须由平台官方打印组件打印(shipmask 不解密)。',
      },
    };
  }
  const tracking = clean(options.trackingNumber ?? order.trackingNumber ?? '').replace(/\s/gu, '');
  if (tracking === '') {
    return { ok: false, error: { code: 'no-tracking-number', message: '没有运单号,请先取号。' } };
  }
  const code = encodeCode128(tracking);
  if (!code.ok) {
    return {
      ok: false,
      error: { code: 'bad-tracking-number', message: `运单号无法编码为条码:${code.error.message}` },
    };
  }
  // The 大头笔 line when the carrier gave none (issue 21): the region the order carries, else the
  // region read off the address printed on the label (province, city, county).
  const region = order.receiver.region ?? maskAddress(rec.parts.address.body).region;
  const regionText = [region.province, region.city, region.district]
    .map(clean)
    .filter((s) => s !== '')
    .join(' ');
  const bigPen = clean(options.routing?.bigPen) || regionText;
  const warnings = new Set<LabelWarning>();
  if (clean(options.routing?.bigPen) === '') warnings.add('no-routing');
  const s = options.sender;
  const maskSender = options.maskSenderPhone ?? true;
  const d =
    options.printedAt !== undefined && Number.isFinite(options.printedAt)
      ? chinaDate(options.printedAt)
      : undefined;
  const items = (Array.isArray(order.items) ? (order.items as readonly Partial<OrderItem>[]) : [])
    .map(
      (it) => `${clean(it?.name)}${clean(it?.sku) ? ` ${clean(it?.sku)}` : ''} ×${Number(it?.quantity) || 0}`,
    )
    .join(';');
  const k: Content = {
    carrierName: clean(options.carrierName ?? carrierDisplayName(order.carrier)) || '快递',
    dateText: d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : '',
    bigPen,
    sortCode: clean(options.routing?.sortCode),
    tracking,
    widths: code.value.widths,
    modules: code.value.modules,
    nameBody: rec.parts.name.body,
    nameSuffix: rec.parts.name.suffix,
    phone: rec.lines.phone,
    addressBody: rec.parts.address.body,
    addressSuffix: rec.parts.address.suffix,
    reference: rec.lines.reference ?? '',
    ...(s
      ? {
          sender: {
            name: clean(s.name),
            phone: maskSender ? maskMobile(clean(s.phone)) : clean(s.phone),
            address: maskMobile(clean(s.address)),
          },
        }
      : {}),
    items: maskMobile(items),
    // Remarks go through the full maskText (issue 20: names and addresses too), then the mobile rule.
    remark: maskMobile(maskText(clean(order.remark)).value),
    orderId: clean(order.orderId),
  };
  const c: Ctx = {
    template: t,
    keep: rec.virtual.main,
    boxes: [],
    rules: [],
    texts: [],
    barcodes: [],
    warnings,
  };
  const W = t.widthMm;
  c.boxes.push({ x: 0.2, y: 0.2, w: r2(W - 0.4), h: r2(t.heightMm - 0.4), fill: 'none', stroke: 0.3 });
  for (const z of t.zones) {
    if (z.y > 0 && z.y !== t.perforationY) {
      c.rules.push({ x1: 0.2, y1: z.y, x2: r2(W - 0.2), y2: z.y, width: 0.25, dashed: false });
    }
    if (z.kind === 'header') header(c, z, k);
    else if (z.kind === 'routing') routing(c, z, k);
    else if (z.kind === 'barcode') barcode(c, z, k);
    else if (z.kind === 'recipient') recipient(c, z, k);
    else if (z.kind === 'sender') sender(c, z, k);
    else if (z.kind === 'contents') contents(c, z, k);
    else signature(c, z);
  }
  if (t.perforationY !== undefined) {
    const y = t.perforationY;
    c.rules.push({ x1: 0, y1: y, x2: W, y2: y, width: 0.3, dashed: true });
  }
  return {
    ok: true,
    label: {
      template: { id: t.id, widthMm: W, heightMm: t.heightMm, parts: t.parts },
      orderId: k.orderId,
      trackingNumber: tracking,
      boxes: c.boxes,
      rules: c.rules,
      texts: c.texts,
      barcodes: c.barcodes,
      warnings: [...warnings].sort(),
    },
  };
}

/** Result of {@link layoutLabels}: the labels that can be printed and why the others cannot. */
export interface LayoutBatch {
  readonly labels: readonly Label[];
  readonly refused: readonly {
    readonly orderId: string;
    readonly error: { readonly code: LayoutErrorCode; readonly message: string };
  }[];
}

/**
 * Lays out a batch (bulk print): every order gets a label or a typed refusal, in order. Orders the
 * official component must print come back refused with `component-required`, so a caller can
 * route them to the print codecs. Never throws.
 * @example
 * const { labels, refused } = layoutLabels(orders, '76x130', (o) => ({ trackingNumber: o.trackingNumber }));
 * renderLabelDocument(labels); // one page per printable order
 */
export function layoutLabels(
  orders: readonly OrderView[],
  template: string | LabelTemplate,
  optionsFor: (order: OrderView, index: number) => LayoutOptions = () => ({}),
): LayoutBatch {
  const labels: Label[] = [];
  const refused: { orderId: string; error: { code: LayoutErrorCode; message: string } }[] = [];
  const list: readonly OrderView[] = isList(orders) ? orders : [];
  list.forEach((order, i) => {
    let opts: LayoutOptions;
    try {
      opts = optionsFor(order, i);
    } catch {
      opts = {};
    }
    const r = layoutLabel(order, template, opts);
    if (r.ok) labels.push(r.label);
    else refused.push({ orderId: cleanLine((order as Partial<OrderView> | null)?.orderId), error: r.error });
  });
  return { labels, refused };
}
