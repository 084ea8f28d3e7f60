/**
 * The print-data file: real print data a merchant's authorised 打单 software (or an integrator)
 * got from the platform's e-waybill API when it took the waybill numbers (电子面单取号), one entry
 * per waybill, for shipmask to send to the local print component with its resume and
 * no-duplicate guarantees. shipmask never makes print data up: without such a file, ciphertext
 * orders go through the platform's own print.
 *
 * Format (JSON, UTF-8):
 * ```
 * { "component": "douyin", "waybills": [
 *   { "orderId": "6920…", "waybillCode": "7890…", "printData": <the API's per-waybill print data>,
 *     "params": "<Douyin: signed logistics.getShopKey query string>",
 *     "ewaybillOrderId": "<WeChat>", "deliveryId": "<WeChat carrier code>",
 *     "templateURL": "<JD: the standard template>" } ] }
 * ```
 * `printData` is what the platform returned for that waybill, as the JSON text it came in or as
 * an object: Cainiao family `{ encryptedData, signature, templateURL, ver }` (Xiaohongshu's
 * 查询面单 `data.printData`, Cainiao's `print_data`), Kuaishou the same plus `key`, Douyin the
 * same with `params` (inside or beside it: Douyin's signature expires, so 打单 software adds it at
 * print time), WeChat the `print_info` string, JD the 无界电子面单 `printData` string.
 * @module
 */
import { getPrintComponent } from '../platform/index.js';
import { field, obj, str } from './read.js';
import type { JsonObject, PrintContent } from './types.js';

/** Largest file read: 16 MiB of text (about 8,000 waybills of 2 KB print data). */
export const MAX_PRINT_DATA_FILE_CHARS = 16 * 1024 * 1024;
/** Most waybills in one file. */
export const MAX_PRINT_DATA_ENTRIES = 10_000;

/** One waybill's checked print data. */
export interface PrintDataEntry {
  readonly orderId: string;
  readonly waybillCode: string;
  /** The content to send, exactly as the platform returned it (plus Douyin `params`). */
  readonly content: PrintContent;
  /** WeChat: what the print-success notice needs. */
  readonly ewaybillOrderId?: string;
  readonly deliveryId?: string;
}

/** Result of {@link parsePrintDataFile}: usable entries and the refused ones with why. */
export type PrintDataFileResult =
  | {
      readonly ok: true;
      readonly component: string;
      readonly entries: readonly PrintDataEntry[];
      readonly refused: readonly {
        readonly index: number;
        readonly orderId?: string;
        readonly reason: string;
      }[];
    }
  | {
      readonly ok: false;
      readonly error: {
        readonly code:
          'too-large' | 'malformed-json' | 'not-a-print-data-file' | 'unknown-component' | 'wrong-component';
        readonly message: string;
      };
    };

const ID = /^[A-Za-z0-9_-]{1,64}$/u;
const WAYBILL = /^[A-Za-z0-9-]{4,40}$/u;
const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.length > 0;
const MAX_FIELD = 64 * 1024;

function printDataObject(v: unknown): JsonObject | undefined {
  if (typeof v === 'string') {
    if (v.length > MAX_FIELD || !v.trimStart().startsWith('{')) return undefined;
    try {
      const o = JSON.parse(v) as unknown;
      return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as JsonObject) : undefined;
    } catch {
      return undefined;
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

function entry(component: string, family: string, e: unknown): PrintDataEntry | string {
  const orderId = str(e, 'orderId');
  const waybillCode = str(e, 'waybillCode');
  if (orderId === undefined || !ID.test(orderId)) return 'orderId missing or not an order number';
  if (waybillCode === undefined || !WAYBILL.test(waybillCode)) return 'waybillCode missing or malformed';
  const raw = field(e, 'printData');
  if (family === 'wechat') {
    const printInfo = typeof raw === 'string' && raw.length <= MAX_FIELD ? raw : undefined;
    const ewaybillOrderId = str(e, 'ewaybillOrderId');
    const deliveryId = str(e, 'deliveryId');
    if (!nonEmpty(printInfo)) return 'printData (print_info) missing';
    if (!nonEmpty(ewaybillOrderId) || !/^\d{1,20}$/u.test(ewaybillOrderId))
      return 'ewaybillOrderId missing (the print-success notice needs it)';
    if (!nonEmpty(deliveryId) || !/^[A-Za-z0-9_]{1,20}$/u.test(deliveryId)) return 'deliveryId missing';
    return { orderId, waybillCode, content: { kind: 'printInfo', printInfo }, ewaybillOrderId, deliveryId };
  }
  if (family === 'jd') {
    const templateURL = str(e, 'templateURL');
    if (typeof raw !== 'string' || raw === '' || raw.length > MAX_FIELD) return 'printData missing';
    if (!nonEmpty(templateURL) || !/^https?:\/\//u.test(templateURL)) return 'templateURL missing';
    return {
      orderId,
      waybillCode,
      // JD's 无界电子面单 print data is one opaque `printData` string plus its template: JD's
      // component takes no signature (the empty field is the shared content shape, not a stand-in).
      content: { kind: 'encrypted', encryptedData: raw, signature: '', templateURL },
    };
  }
  const p = printDataObject(raw);
  if (!p) return 'printData is not the platform print data object';
  const encryptedData = str(p, 'encryptedData');
  const signature = str(p, 'signature');
  const templateURL = str(p, 'templateURL');
  const ver = str(p, 'ver');
  const addData = obj(p, 'addData');
  const params = str(p, 'params') ?? str(e, 'params');
  const key = str(p, 'key');
  if (!nonEmpty(encryptedData)) return 'encryptedData missing';
  if (!nonEmpty(signature)) return 'signature missing: not print data from the e-waybill API';
  if (!nonEmpty(templateURL) || !/^https?:\/\//u.test(templateURL)) return 'templateURL missing';
  if (component === 'douyin' && !nonEmpty(params))
    return 'params missing (Douyin: the signed logistics.getShopKey query string)';
  if (component === 'kuaishou' && !nonEmpty(key)) return 'key missing (Kuaishou print data)';
  return {
    orderId,
    waybillCode,
    content: {
      kind: 'encrypted',
      encryptedData,
      signature,
      templateURL,
      ...(ver !== undefined ? { ver } : {}),
      ...(addData !== undefined ? { addData } : {}),
      ...(nonEmpty(params) ? { params } : {}),
      ...(nonEmpty(key) ? { key } : {}),
    },
  };
}

/**
 * Reads a print-data file for component `expected` (the shop's component: `douyin`, `wechat`,
 * `jd`, …). Rule: size and entry limits are checked before anything is built; every entry must be
 * complete print data the real component accepts (signature; Douyin `params`; Kuaishou `key`;
 * WeChat `print_info` + e-waybill order id); a repeated order or waybill is refused. Entries that
 * fail are listed with a reason, the rest are usable. Never throws.
 * @example
 * parsePrintDataFile('{"component":"douyin","waybills":[]}', 'douyin'); // { ok: true, component: 'douyin', entries: [], refused: [] }
 */
export function parsePrintDataFile(text: string, expected: string): PrintDataFileResult {
  if (typeof text !== 'string' || text.length > MAX_PRINT_DATA_FILE_CHARS) {
    return { ok: false, error: { code: 'too-large', message: 'A print-data file is at most 16 MiB.' } };
  }
  const c = typeof expected === 'string' ? getPrintComponent(expected) : undefined;
  if (!c) return { ok: false, error: { code: 'unknown-component', message: 'Unknown print component.' } };
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    return { ok: false, error: { code: 'malformed-json', message: 'The file is not valid JSON.' } };
  }
  const component = str(doc, 'component');
  const waybills = field(doc, 'waybills');
  if (component === undefined || !Array.isArray(waybills)) {
    return {
      ok: false,
      error: { code: 'not-a-print-data-file', message: 'Expected { component, waybills: [...] }.' },
    };
  }
  if (component !== c.id) {
    return {
      ok: false,
      error: {
        code: 'wrong-component',
        message: `The file is print data for ${component}, not for ${c.id}.`,
      },
    };
  }
  if (waybills.length > MAX_PRINT_DATA_ENTRIES) {
    return { ok: false, error: { code: 'too-large', message: 'At most 10,000 waybills per file.' } };
  }
  const entries: PrintDataEntry[] = [];
  const refused: { index: number; orderId?: string; reason: string }[] = [];
  const orders = new Set<string>();
  const numbers = new Set<string>();
  for (const [index, e] of (waybills as readonly unknown[]).entries()) {
    const r = entry(c.id, c.family, e);
    const orderId = str(e, 'orderId');
    const id = orderId !== undefined && ID.test(orderId) ? { orderId } : {};
    if (typeof r === 'string') refused.push({ index, ...id, reason: r });
    else if (orders.has(r.orderId)) refused.push({ index, ...id, reason: 'order listed twice' });
    else if (numbers.has(r.waybillCode)) refused.push({ index, ...id, reason: 'waybill listed twice' });
    else {
      orders.add(r.orderId);
      numbers.add(r.waybillCode);
      entries.push(r);
    }
  }
  return { ok: true, component: c.id, entries, refused };
}
