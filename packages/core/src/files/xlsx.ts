/**
 * A minimal XLSX (Office Open XML spreadsheet) reader for order exports: the first worksheet's
 * cells as text rows. Unzipping is fflate's (already a core dependency, ~8 KB gz for inflate);
 * the XML is read with a small scanner that knows only what a sheet holds: shared strings
 * (`xl/sharedStrings.xml`, rich-text runs joined, phonetic runs `<rPh>` skipped), inline
 * strings, numbers, booleans and formula results (`<v>`). Styles are not read, so dates stored
 * as numbers come out as Excel serials (`readExportTime` reads them).
 *
 * Why not a library: SheetJS (`xlsx`) is ~300 KB minified, its npm release is stale, and it
 * parses far more than an order export needs; exceljs needs Node streams. This reader is a few
 * hundred lines over fflate and runs in any JavaScript runtime.
 * @module
 */
import { unzipSync } from 'fflate';
import type { CsvIssueCode, CsvRecord } from './csv-parse.js';

/** Why an XLSX file could not be read. */
export type XlsxErrorCode = 'not-xlsx' | 'xlsx-too-large';

/** Result of `readXlsxRows`. */
export type XlsxRead =
  | { readonly ok: true; readonly sheet: string; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly error: { readonly code: XlsxErrorCode; readonly message: string } };

/** Options of `readXlsxRows`. */
export interface XlsxOptions {
  /** Largest uncompressed sheet or shared-strings part accepted, in bytes. Default 256 MiB. */
  readonly maxPartBytes?: number;
}

/**
 * Whether bytes start like a ZIP archive (`PK\x03\x04`), as XLSX files do.
 * @example
 * isZip(new Uint8Array([0x50, 0x4b, 3, 4])); // true
 */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes instanceof Uint8Array &&
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 3 &&
    bytes[3] === 4
  );
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/gu;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes control characters in strings as `_xHHHH_`. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/gu;

function fromCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

/** Decode XML character references and OOXML `_xHHHH_` escapes. */
function decodeText(s: string): string {
  let t = s;
  if (t.includes('&'))
    t = t.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
      dec !== undefined
        ? fromCodePoint(Number(dec))
        : hex !== undefined
          ? fromCodePoint(Number.parseInt(hex, 16))
          : (NAMED[name ?? ''] ?? m),
    );
  // `_xHHHH_` names one UTF-16 code unit (a surrogate half too), so fromCharCode, not fromCodePoint.
  if (t.includes('_x'))
    t = t.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return t;
}

/** The value of attribute `name` in a start tag's text, or undefined. */
function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name + '="', from);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    if (at > 0 && (before === 32 || before === 9 || before === 10 || before === 13)) {
      const start = at + name.length + 2;
      const end = tag.indexOf('"', start);
      return end < 0 ? undefined : tag.slice(start, end);
    }
    from = at + 1;
  }
}

/** Concatenated text of the `<t>` elements in `xml`, skipping phonetic runs `<rPh>`. */
function textRuns(xml: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const t = xml.indexOf('<t', i);
    if (t < 0) break;
    const rph = xml.indexOf('<rPh', i);
    if (rph >= 0 && rph < t) {
      const close = xml.indexOf('</rPh>', rph);
      if (close < 0) break;
      i = close + 6;
      continue;
    }
    const c = xml.charCodeAt(t + 2);
    if (c !== 62 && c !== 32 && c !== 47) {
      i = t + 2;
      continue;
    }
    const gt = xml.indexOf('>', t);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf('</t>', gt);
    if (end < 0) break;
    out += decodeText(xml.slice(gt + 1, end));
    i = end + 4;
  }
  return out;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const s = xml.indexOf('<si', i);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf('</si>', gt);
    if (end < 0) break;
    out.push(textRuns(xml.slice(gt + 1, end)));
    i = end + 5;
  }
  return out;
}

/** Excel's last column (XFD) as an index. */
const MAX_COLUMN = 16_383;

/** Column index of a cell reference (`C12` → 2); -1 when it has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** The first sheet's part name, from the workbook and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>, dec: TextDecoder): string | undefined {
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const wbXml = dec.decode(wb);
    const sheetAt = wbXml.indexOf('<sheet ');
    if (sheetAt >= 0) {
      const tag = wbXml.slice(sheetAt, wbXml.indexOf('>', sheetAt) + 1);
      const rid = attr(tag, 'r:id') ?? attr(tag, 'id');
      const relXml = dec.decode(rels);
      let i = 0;
      while (rid !== undefined) {
        const r = relXml.indexOf('<Relationship ', i);
        if (r < 0) break;
        const rtag = relXml.slice(r, relXml.indexOf('>', r) + 1);
        if (attr(rtag, 'Id') === rid) {
          const target = attr(rtag, 'Target') ?? '';
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
          if (files[path]) return path;
          break;
        }
        i = r + 1;
      }
    }
  }
  if (files['xl/worksheets/sheet1.xml']) return 'xl/worksheets/sheet1.xml';
  return Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))
    .sort()[0];
}

/** Significant digits of a numeric cell's text. */
function significantDigits(v: string): number {
  const mantissa = v.split(/[eE]/u)[0] ?? '';
  return mantissa.replace(/[^0-9]/gu, '').replace(/^0+/u, '').length;
}

/**
 * Read the first worksheet of an XLSX file into records (`line` = the spreadsheet row number).
 * Rows are padded to the sheet's width; a number cell with more than 15 significant digits
 * (an id Excel stored as a float) is flagged `number-precision`. Never throws.
 * @example
 * const r = readXlsxRows(bytes); // bytes of an .xlsx file
 * if (r.ok) r.records[0]?.fields; // ['订单号', '商品名称', …]
 */
export function readXlsxRows(bytes: Uint8Array, options: XlsxOptions = {}): XlsxRead {
  const max =
    typeof options.maxPartBytes === 'number' && options.maxPartBytes > 0 ? options.maxPartBytes : 268_435_456;
  if (!isZip(bytes)) return { ok: false, error: { code: 'not-xlsx', message: 'not a ZIP (XLSX) file' } };
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted =
          f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          (f.name.startsWith('xl/worksheets/') && f.name.endsWith('.xml'));
        if (wanted && f.originalSize > max) tooLarge = true;
        return wanted && f.originalSize <= max && (f.compression === 0 || f.compression === 8);
      },
    });
  } catch {
    return { ok: false, error: { code: 'not-xlsx', message: 'the ZIP archive is damaged' } };
  }
  if (tooLarge)
    return {
      ok: false,
      error: { code: 'xlsx-too-large', message: `a part of the workbook is larger than ${max} bytes` },
    };
  const dec = new TextDecoder('utf-8');
  const path = firstSheetPath(files, dec);
  const sheetBytes = path === undefined ? undefined : files[path];
  if (path === undefined || !sheetBytes)
    return { ok: false, error: { code: 'not-xlsx', message: 'the archive has no worksheet' } };
  const ssBytes = files['xl/sharedStrings.xml'];
  const shared = ssBytes ? sharedStrings(dec.decode(ssBytes)) : [];
  const xml = dec.decode(sheetBytes);

  const rows: { line: number; cells: string[]; issues: CsvIssueCode[] }[] = [];
  let width = 0;
  let rowNo = 0;
  let i = xml.indexOf('<sheetData');
  if (i < 0) i = 0;
  for (;;) {
    const r = xml.indexOf('<row', i);
    if (r < 0) break;
    const gt = xml.indexOf('>', r);
    if (gt < 0) break;
    const tag = xml.slice(r, gt + 1);
    const rAttr = Number(attr(tag, 'r'));
    rowNo = Number.isInteger(rAttr) && rAttr > rowNo ? rAttr : rowNo + 1;
    if (xml.charCodeAt(gt - 1) === 47) {
      // An empty row (formatting only): kept, so it is reported as blank, not lost.
      rows.push({ line: rowNo, cells: [], issues: [] });
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf('</row>', gt);
    const body = xml.slice(gt + 1, end < 0 ? xml.length : end);
    i = end < 0 ? xml.length : end + 6;
    const cells: string[] = [];
    const issues: CsvIssueCode[] = [];
    let col = -1;
    let j = 0;
    for (;;) {
      const c = body.indexOf('<c', j);
      if (c < 0) break;
      const next = body.charCodeAt(c + 2);
      if (next !== 32 && next !== 62 && next !== 47) {
        j = c + 2;
        continue;
      }
      const cgt = body.indexOf('>', c);
      if (cgt < 0) break;
      const ctag = body.slice(c, cgt + 1);
      const ref = attr(ctag, 'r');
      const at = ref === undefined ? -1 : columnOf(ref);
      col = at >= 0 ? at : col + 1;
      let inner = '';
      if (body.charCodeAt(cgt - 1) === 47) j = cgt + 1;
      else {
        const cend = body.indexOf('</c>', cgt);
        inner = body.slice(cgt + 1, cend < 0 ? body.length : cend);
        j = cend < 0 ? body.length : cend + 4;
      }
      const type = attr(ctag, 't') ?? 'n';
      let value: string;
      if (type === 'inlineStr') value = textRuns(inner);
      else {
        const vs = inner.indexOf('<v');
        const vgt = vs < 0 ? -1 : inner.indexOf('>', vs);
        const ve = vgt < 0 ? -1 : inner.indexOf('</v>', vgt);
        const v = ve < 0 ? '' : decodeText(inner.slice(vgt + 1, ve));
        if (type === 's') value = shared[Number(v)] ?? '';
        else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
        else {
          value = v;
          if (type === 'n' && significantDigits(v) > 15 && !issues.includes('number-precision'))
            issues.push('number-precision');
        }
      }
      if (col > MAX_COLUMN) continue;
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (cells.length > width) width = cells.length;
    rows.push({ line: rowNo, cells, issues });
  }
  const records: CsvRecord[] = rows.map((r) => {
    while (r.cells.length < width) r.cells.push('');
    return { line: r.line, endLine: r.line, fields: r.cells, ok: true, issues: r.issues };
  });
  return { ok: true, sheet: path, records };
}
