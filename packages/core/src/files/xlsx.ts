/**
 * A minimal XLSX (Office Open XML spreadsheet) reader for order exports: the cells of the sheet
 * the workbook shows, as text rows. Unzipping is `zip-read.ts` over fflate's streaming inflate
 * (already a core dependency, ~8 KB gz), with size limits checked before inflating;
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
import type { CsvIssueCode, CsvRecord } from './csv-parse.js';
import { inflateZipEntry, readZipDirectory, type ZipEntry } from './zip-read.js';

/** Why an XLSX file could not be read. */
export type XlsxErrorCode = 'not-xlsx' | 'xlsx-too-large';

/** Result of `readXlsxRows`. */
export type XlsxRead =
  | {
      readonly ok: true;
      /** The part read, e.g. `xl/worksheets/sheet1.xml`. */
      readonly sheet: string;
      /** The sheet's name in the workbook (its tab), e.g. `订单`. */
      readonly sheetName: string;
      readonly records: CsvRecord[];
    }
  | { readonly ok: false; readonly error: { readonly code: XlsxErrorCode; readonly message: string } };

/** Options of `readXlsxRows`. */
export interface XlsxOptions {
  /** Largest declared uncompressed size of any one part read, in bytes. Default 256 MiB. */
  readonly maxPartBytes?: number;
  /**
   * Largest sum of the declared uncompressed sizes of the parts read (package and workbook
   * relationships, workbook, sheet, shared strings), in bytes, checked before inflating them.
   * Default 256 MiB.
   */
  readonly maxTotalBytes?: number;
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

/** One relationship of a `.rels` part. */
interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Start tags named `local` (any namespace prefix) in `xml`, in document order. Linear. */
function tags(xml: string, local: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]{0,40}:)?${local}[\\s/>]`, 'gu');
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const gt = xml.indexOf('>', m.index);
    if (gt < 0) break;
    out.push(xml.slice(m.index, gt + 1));
    re.lastIndex = gt + 1;
  }
  return out;
}

/** The value of a namespaced attribute `<prefix>:<local>` whatever its prefix (`r:id`). */
function nsAttr(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s[A-Za-z_][\\w.-]{0,40}:${local}="([^"]*)"`, 'u').exec(tag);
  return m?.[1];
}

function relsOf(xml: string): Rel[] {
  return tags(xml, 'Relationship').map((t) => ({
    id: attr(t, 'Id') ?? '',
    type: attr(t, 'Type') ?? '',
    target: decodeText(attr(t, 'Target') ?? ''),
    external: attr(t, 'TargetMode') === 'External',
  }));
}

/** Resolve a relationship target against the folder of its source part (OPC part names). */
function resolvePart(sourceDir: string, target: string): string | undefined {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    return undefined;
  }
  const segments = (t.startsWith('/') ? t.slice(1) : sourceDir + t).split('/');
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);
const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';

/** The sheet a workbook shows, and the parts to read for it. */
interface SheetChoice {
  readonly sheet: string;
  readonly name: string;
  readonly sharedStrings: string | undefined;
}

/**
 * The sheet the workbook names (ECMA-376 Part 1, 18.2.19 `sheet`, 18.2.30 `workbookView`): the
 * active tab when it is visible, else the first visible sheet, resolved through the workbook's
 * relationships. Never a part the workbook does not name.
 */
function chooseSheet(
  workbookPart: string,
  workbookXml: string,
  relsXml: string | undefined,
): SheetChoice | string {
  const rels = relsXml === undefined ? [] : relsOf(relsXml);
  const sheets = tags(workbookXml, 'sheet').map((t) => ({
    name: decodeText(attr(t, 'name') ?? ''),
    rid: nsAttr(t, 'id'),
    visible: (attr(t, 'state') ?? 'visible') === 'visible',
  }));
  if (sheets.length === 0) return 'the workbook names no sheet';
  const view = tags(workbookXml, 'workbookView')[0];
  const active = Number(view === undefined ? 0 : (attr(view, 'activeTab') ?? 0));
  const chosen =
    (Number.isInteger(active) && sheets[active]?.visible ? sheets[active] : undefined) ??
    sheets.find((x) => x.visible);
  if (!chosen) return 'every sheet of the workbook is hidden';
  const rel = rels.find((r) => r.id === chosen.rid);
  if (!rel || rel.external || !rel.type.endsWith(REL_WORKSHEET))
    return `the workbook's relationships do not name a worksheet for sheet "${chosen.name}"`;
  const dir = dirOf(workbookPart);
  const sheet = resolvePart(dir, rel.target);
  if (sheet === undefined) return `sheet "${chosen.name}" points outside the archive`;
  const ss = rels.find((r) => !r.external && r.type.endsWith(REL_SHARED_STRINGS));
  const sharedStrings = ss ? resolvePart(dir, ss.target) : `${dir}sharedStrings.xml`;
  return { sheet, name: chosen.name, sharedStrings };
}

/** Significant digits of a numeric cell's text. */
function significantDigits(v: string): number {
  const mantissa = v.split(/[eE]/u)[0] ?? '';
  return mantissa.replace(/[^0-9]/gu, '').replace(/^0+/u, '').length;
}

/** Default largest uncompressed part: 256 MiB. */
const DEFAULT_MAX_PART = 268_435_456;
/** Default largest sum of the declared sizes of the parts read: 256 MiB. */
const DEFAULT_MAX_TOTAL = 268_435_456;

const positive = (n: unknown, fallback: number): number => (typeof n === 'number' && n > 0 ? n : fallback);

/**
 * Read the worksheet an XLSX file's workbook shows into records (`line` = the spreadsheet row
 * number). Only the parts the package names are read: `_rels/.rels` → the workbook → its
 * relationships → the active (else first visible) sheet and the shared strings; another
 * worksheet in the archive is never read in its place, and an archive whose workbook names no
 * sheet it holds is refused (`not-xlsx`). Limits are checked on the declared sizes before
 * anything is inflated: each part at most `maxPartBytes`, their sum at most `maxTotalBytes`
 * (`xlsx-too-large`); a part that inflates past its declared size is refused as soon as it does.
 * Rows are padded to the sheet's width; a number cell with more than 15 significant digits
 * (an id Excel stored as a float) is flagged `number-precision`. Never throws.
 * @example
 * const r = readXlsxRows(bytes); // bytes of an .xlsx file
 * if (r.ok) r.records[0]?.fields; // ['订单号', '商品名称', …]
 */
export function readXlsxRows(bytes: Uint8Array, options: XlsxOptions = {}): XlsxRead {
  const maxPart = positive(options.maxPartBytes, DEFAULT_MAX_PART);
  const maxTotal = positive(options.maxTotalBytes, DEFAULT_MAX_TOTAL);
  const fail = (code: XlsxErrorCode, message: string): XlsxRead => ({ ok: false, error: { code, message } });
  if (!isZip(bytes)) return fail('not-xlsx', 'not a ZIP (XLSX) file');
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return fail('not-xlsx', `the ZIP archive is damaged: ${dir.message}`);
  // Part names compare case-insensitively (OPC); two entries with one name make the file ambiguous.
  const byName = new Map<string, ZipEntry>();
  for (const e of dir.entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) return fail('not-xlsx', `the archive holds "${e.name}" twice`);
    byName.set(key, e);
  }
  const dec = new TextDecoder('utf-8');
  let declared = 0;
  /** Check a part's declared size against both limits, before inflating anything of it. */
  const reserve = (entry: ZipEntry): XlsxRead | undefined => {
    if (entry.size > maxPart)
      return fail('xlsx-too-large', `part "${entry.name}" declares more than ${maxPart} bytes`);
    declared += entry.size;
    if (declared > maxTotal)
      return fail('xlsx-too-large', `the parts to read declare more than ${maxTotal} bytes together`);
    return undefined;
  };
  const read = (entry: ZipEntry): string | XlsxRead => {
    const r = inflateZipEntry(bytes, entry, maxPart);
    if (r.ok) return dec.decode(r.bytes);
    return fail(r.code === 'over-size' ? 'xlsx-too-large' : 'not-xlsx', `part "${entry.name}" ${r.message}`);
  };

  // The package relationships name the workbook; without them, the conventional part.
  const rootEntry = byName.get('_rels/.rels');
  const refusedRoot = rootEntry ? reserve(rootEntry) : undefined;
  if (refusedRoot) return refusedRoot;
  let workbookPart = 'xl/workbook.xml';
  if (rootEntry) {
    const rootXml = read(rootEntry);
    if (typeof rootXml !== 'string') return rootXml;
    const office = relsOf(rootXml).find((r) => !r.external && r.type.endsWith(REL_OFFICE_DOCUMENT));
    const resolved = office ? resolvePart('', office.target) : undefined;
    if (resolved === undefined) return fail('not-xlsx', 'the package names no workbook');
    workbookPart = resolved;
  }
  const workbookEntry = byName.get(workbookPart.toLowerCase());
  if (!workbookEntry) return fail('not-xlsx', 'the archive has no workbook');
  const relsEntry = byName.get(
    `${dirOf(workbookPart)}_rels/${workbookPart.slice(dirOf(workbookPart).length)}.rels`.toLowerCase(),
  );
  for (const e of [workbookEntry, relsEntry]) {
    const refused = e ? reserve(e) : undefined;
    if (refused) return refused;
  }
  const workbookXml = read(workbookEntry);
  if (typeof workbookXml !== 'string') return workbookXml;
  let relsXml: string | undefined;
  if (relsEntry) {
    const r = read(relsEntry);
    if (typeof r !== 'string') return r;
    relsXml = r;
  }
  const choice = chooseSheet(workbookPart, workbookXml, relsXml);
  if (typeof choice === 'string') return fail('not-xlsx', choice);
  const sheetEntry = byName.get(choice.sheet.toLowerCase());
  if (!sheetEntry)
    return fail('not-xlsx', `the workbook names sheet "${choice.name}", which the archive does not hold`);
  const ssEntry =
    choice.sharedStrings === undefined ? undefined : byName.get(choice.sharedStrings.toLowerCase());
  for (const e of [sheetEntry, ssEntry]) {
    const refused = e ? reserve(e) : undefined;
    if (refused) return refused;
  }
  const xml = read(sheetEntry);
  if (typeof xml !== 'string') return xml;
  let shared: string[] = [];
  if (ssEntry) {
    const ss = read(ssEntry);
    if (typeof ss !== 'string') return ss;
    shared = sharedStrings(ss);
  }
  const path = sheetEntry.name;

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
  return { ok: true, sheet: path, sheetName: choice.name, records };
}
