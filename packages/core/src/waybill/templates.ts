/**
 * Label templates: the standard e-waybill sizes of GB/T 41833-2022 (快递电子运单) that thermal
 * printers take: 76×130 mm 一联单 and 100×150 / 100×180 mm 二联单. Zones follow the standard's
 * information areas, top to bottom: carrier header, destination routing (大头笔 / 三段码), waybill
 * bar code, recipient, sender, contents, signature; a 二联单 adds a tear-off stub below a
 * perforation with a smaller bar code, the recipient and the contents. Zone heights are
 * shipmask's own choice (millimetres), kept as data so a template can be tuned without code.
 * @module
 */

/** A label information area. */
export type ZoneKind = 'header' | 'routing' | 'barcode' | 'recipient' | 'sender' | 'contents' | 'signature';

/** One zone of a template: a full-width band `y .. y + h` millimetres from the top. */
export interface TemplateZone {
  readonly kind: ZoneKind;
  readonly y: number;
  readonly h: number;
  /** Compact rendering (stub of a 二联单): smaller fonts, fewer lines. */
  readonly compact?: boolean;
}

/** A label template. */
export interface LabelTemplate {
  readonly id: string;
  /** Display name, e.g. `一联单 76×130`. */
  readonly name: string;
  readonly widthMm: number;
  readonly heightMm: number;
  /** 1 = 一联单, 2 = 二联单 (main part + stub). */
  readonly parts: 1 | 2;
  /** Where the stub starts (a perforation is drawn there), for 二联单. */
  readonly perforationY?: number;
  /** Font scale against the 76 mm template (wider labels print a little larger). */
  readonly scale: number;
  readonly zones: readonly TemplateZone[];
}

/**
 * 一联单 76×130 mm (the common thermal e-waybill).
 * @example
 * LABEL_76X130.zones.map((z) => z.kind); // ['header', 'routing', 'barcode', 'recipient', …]
 */
export const LABEL_76X130: LabelTemplate = {
  id: '76x130',
  name: '一联单 76×130',
  widthMm: 76,
  heightMm: 130,
  parts: 1,
  scale: 1,
  zones: [
    { kind: 'header', y: 0, h: 8 },
    { kind: 'routing', y: 8, h: 14 },
    { kind: 'barcode', y: 22, h: 20 },
    { kind: 'recipient', y: 42, h: 30 },
    { kind: 'sender', y: 72, h: 14 },
    { kind: 'contents', y: 86, h: 26 },
    { kind: 'signature', y: 112, h: 18 },
  ],
};

/**
 * 二联单 100×150 mm: main part 0–100 mm, stub 100–150 mm.
 * @example
 * LABEL_100X150.perforationY; // 100
 */
export const LABEL_100X150: LabelTemplate = {
  id: '100x150',
  name: '二联单 100×150',
  widthMm: 100,
  heightMm: 150,
  parts: 2,
  perforationY: 100,
  scale: 1.1,
  zones: [
    { kind: 'header', y: 0, h: 9 },
    { kind: 'routing', y: 9, h: 15 },
    { kind: 'barcode', y: 24, h: 20 },
    { kind: 'recipient', y: 44, h: 27 },
    { kind: 'sender', y: 71, h: 14 },
    { kind: 'signature', y: 85, h: 15 },
    { kind: 'barcode', y: 100, h: 15, compact: true },
    { kind: 'recipient', y: 115, h: 18, compact: true },
    { kind: 'contents', y: 133, h: 17, compact: true },
  ],
};

/**
 * 二联单 100×180 mm: main part 0–110 mm, stub 110–180 mm.
 * @example
 * LABEL_100X180.heightMm; // 180
 */
export const LABEL_100X180: LabelTemplate = {
  id: '100x180',
  name: '二联单 100×180',
  widthMm: 100,
  heightMm: 180,
  parts: 2,
  perforationY: 110,
  scale: 1.15,
  zones: [
    { kind: 'header', y: 0, h: 10 },
    { kind: 'routing', y: 10, h: 16 },
    { kind: 'barcode', y: 26, h: 22 },
    { kind: 'recipient', y: 48, h: 30 },
    { kind: 'sender', y: 78, h: 15 },
    { kind: 'signature', y: 93, h: 17 },
    { kind: 'barcode', y: 110, h: 16, compact: true },
    { kind: 'recipient', y: 126, h: 22, compact: true },
    { kind: 'contents', y: 148, h: 32, compact: true },
  ],
};

/**
 * The built-in templates by id.
 * @example
 * labelTemplates['100x150'].parts; // 2
 */
export const labelTemplates = {
  '76x130': LABEL_76X130,
  '100x150': LABEL_100X150,
  '100x180': LABEL_100X180,
} as const satisfies Record<string, LabelTemplate>;

/** Id of a built-in template. */
export type LabelTemplateId = keyof typeof labelTemplates;

/**
 * A built-in template by id, or `undefined` (never throws).
 * @example
 * getLabelTemplate('76x130')?.widthMm; // 76
 */
export function getLabelTemplate(id: string): LabelTemplate | undefined {
  return Object.hasOwn(labelTemplates, id) ? labelTemplates[id as LabelTemplateId] : undefined;
}
