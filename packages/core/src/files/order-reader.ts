/**
 * Turning export records (CSV or XLSX rows) into `OrderView`s, incrementally.
 *
 * - The header is the first record that names an order-id column and one more known column;
 *   records above it are reported as `preamble`. The platform comes from the options or from
 *   the header (`detectPlatform`).
 * - Rows of one order (Douyin's by-product export has one row per sub-order) are merged into one
 *   `OrderView` while they are adjacent; an order id seen again later is emitted again and
 *   reported as `order-split`.
 * - Invariant 1: receiver fields leave here only masked, as platform ciphertext or as a virtual
 *   number. A plaintext name, phone or address (an old plaintext export, a hand-made sheet) is
 *   masked by the `mask` rules and reported per row and field as `plaintext`; buyer remarks go
 *   through `maskText` (a phone or ID number found there is reported too). Columns shipmask
 *   does not read (street, prices, …) are never copied.
 * - Every record ends in an order or in a problem; nothing is dropped silently.
 * @module
 */
import { isCiphertext } from '../classify/cipher-shapes.js';
import { maskAddress, maskName, maskPhone, maskText } from '../mask/index.js';
import { parseVirtualNumber } from '../virtual/parse.js';
import type { OrderItem, OrderStatus, OrderView, PlatformId, ReceiverView } from '../types.js';
import { readCarrier } from './carrier-names.js';
import { cleanCell, isBlankCell, isScientificNumber } from './cells.js';
import {
  detectPlatform,
  exportColumns,
  looksLikeHeader,
  mapHeader,
  type HeaderMap,
  type OrderColumn,
} from './columns.js';
import type { CsvIssueCode, CsvRecord } from './csv-parse.js';
import { readExportTime } from './export-time.js';
import { createIdSet } from './id-set.js';
import { problem, problemSeverity, type FileProblem, type FileProblemCode } from './problems.js';
import { readOrderStatus } from './status.js';

/** Options for reading an order file. */
export interface OrderReaderOptions {
  /** The platform whose export this is; detected from the header when omitted. */
  readonly platform?: PlatformId;
  /** Shop id written into every `OrderView` (exports do not carry it). Default `''`. */
  readonly shopId?: string;
  /** Status used when the file has no status column. Default `awaiting_shipment`. */
  readonly defaultStatus?: OrderStatus;
  /** How many records to look through for the header. Default 20. */
  readonly headerSearchRows?: number;
  /**
   * Most problems listed for the whole file; later ones are only counted (`omitted`), and `end()`
   * adds one `problems-omitted` problem saying how many of each severity were left out. Default
   * 1,000. A hostile file of a million bad lines costs counters, not a million problem objects.
   */
  readonly maxProblems?: number;
}

/** Default of `OrderReaderOptions.maxProblems`. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** Problems counted but not listed, by severity. */
export interface OmittedProblems {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** The lines (rows) one order came from. */
export interface LineSpan {
  readonly line: number;
  readonly endLine: number;
}

/**
 * An order read from a file, with the lines it came from.
 * @example
 * const r: OrderRecord = { order, rows: [{ line: 2, endLine: 2 }, { line: 3, endLine: 3 }] };
 */
export interface OrderRecord {
  readonly order: OrderView;
  readonly rows: readonly LineSpan[];
}

/** Orders and problems produced by one step of a reader. */
export interface OrderBatch {
  readonly orders: OrderRecord[];
  readonly problems: FileProblem[];
}

/** The header a reader settled on. */
export interface HeaderInfo {
  readonly line: number;
  readonly endLine: number;
  readonly platform: PlatformId;
  readonly columns: readonly string[];
  readonly map: HeaderMap;
}

/** Incremental reader from records to orders. */
export interface OrderReader {
  push(records: readonly CsvRecord[]): OrderBatch;
  end(): OrderBatch;
  /** The header, once found. */
  readonly header: HeaderInfo | undefined;
  /** Whether any row held buyer plaintext (which was masked and reported). */
  readonly containsPlaintext: boolean;
  /** Problems counted but not listed (beyond `maxProblems`), by severity. */
  readonly omitted: OmittedProblems;
}

/** Order ids on every platform: digits (and letters for some sub-channels), at most 64. */
const ORDER_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/u;
const QUANTITY = /^\d{1,6}(?:\.0+)?$/u;
const EXT = /^\d{4}$/u;
const MOBILE = /^1[3-9]\d{9}$/u;
const HAS_DIGIT = /[0-9０-９]/u;
/** A back-office time as every export row prints it. */
const PLAIN_DATE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/u;
/** Days kept by a reader's day lookup before it starts again. */
const MAX_DAYS = 1024;

/** The number written by `count` ASCII digits of `t` at `at`. */
function digitsAt(t: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) v = v * 10 + t.charCodeAt(i) - 48;
  return v;
}
const STATUSES: readonly string[] = [
  'unpaid',
  'awaiting_shipment',
  'printed',
  'shipped',
  'received',
  'completed',
  'after_sale',
  'cancelled',
] satisfies readonly OrderStatus[];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A copy of `s` that does not keep the text it was cut from alive. Engines keep a substring of
 * 13+ characters as a view into its parent (V8 "sliced strings"): an order id kept from a 64 KB
 * chunk would keep the whole chunk, and a stream would keep the whole file. Concatenating first
 * makes the engine copy just this value.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const CSV_ISSUE_MESSAGES: Readonly<Record<CsvIssueCode, string>> = {
  'unterminated-quote': 'a quoted field is never closed; the line was skipped and reading went on below it',
  'record-too-long': 'the row is too long to be an order row (an unclosed quote?); the line was skipped',
  'stray-quote': 'a quote character inside an unquoted field was kept as text',
  'text-after-quote': 'text after a closing quote was kept as part of the field',
  'number-precision':
    'a cell holds a number of more than 15 digits stored as a number: Excel may have rounded it (check ids)',
};

/** Whether no cell of a record has content. */
function isBlank(fields: readonly string[]): boolean {
  for (const c of fields) if (c !== '' && !isBlankCell(c)) return false;
  return true;
}

/** Whether a record starts with the header's cells (a repeated header). */
function sameFields(fields: readonly string[], header: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i] !== header[i]) return false;
  return true;
}

interface Group {
  readonly orderId: string;
  /** The order without its items, which are added when the group closes. */
  readonly base: Mutable<Omit<OrderView, 'items'>> & { items?: OrderItem[] };
  readonly items: OrderItem[];
  readonly rows: LineSpan[];
}

/** Position of each column in a row, -1 when the header has none (no `undefined` to test per row). */
type ColumnAt = Readonly<Record<OrderColumn, number>>;

/** Every column's position, in one object literal (one shape: each read per row is a plain load). */
function columnsAt(map: HeaderMap): ColumnAt {
  const i = map.index;
  return {
    orderId: i.orderId ?? -1,
    subOrderId: i.subOrderId ?? -1,
    itemName: i.itemName ?? -1,
    itemSpec: i.itemSpec ?? -1,
    quantity: i.quantity ?? -1,
    sku: i.sku ?? -1,
    productId: i.productId ?? -1,
    receiverName: i.receiverName ?? -1,
    receiverPhone: i.receiverPhone ?? -1,
    virtualExt: i.virtualExt ?? -1,
    province: i.province ?? -1,
    city: i.city ?? -1,
    district: i.district ?? -1,
    street: i.street ?? -1,
    address: i.address ?? -1,
    remark: i.remark ?? -1,
    createdAt: i.createdAt ?? -1,
    status: i.status ?? -1,
    category: i.category ?? -1,
    carrier: i.carrier ?? -1,
    trackingNumber: i.trackingNumber ?? -1,
    receivedAt: i.receivedAt ?? -1,
    completedAt: i.completedAt ?? -1,
  };
}

const CIPHER_HASH = 35;
const CIPHER_DOLLAR = 36;
const CIPHER_TILDE = 126;

/**
 * Whether a cleaned (trimmed) receiver cell is a platform ciphertext, as `maskName` and
 * `maskAddress` decide it (`maskPhone` also needs it to be at most 64 characters), without
 * building their results.
 */
function isCipherCell(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c === CIPHER_HASH || c === CIPHER_DOLLAR || c === CIPHER_TILDE) && isCiphertext(t);
}

/** Longest phone cell `maskPhone` reads (a longer one is invalid, ciphertext-shaped or not). */
const MAX_PHONE_CELL = 64;

/**
 * A body character of `cipher-shapes`' searchable layout: base64 (standard or URL-safe), `=`,
 * `*`, `-`, and a `1` only where no mainland mobile number starts (tight or with dashes, as
 * `isCiphertext` rules one out of a ciphertext).
 */
const CIPHER_BODY = String.raw`(?:[A-Za-z02-9_+/=*-]|1(?!-?[3-9](?:-?\d){9}))`;

/** One cell of the searchable layout, `#<index>#<cipher>#<ver>##` or `$…$$`, as group `k`. */
function searchableCell(k: number): string {
  return `([#$])${CIPHER_BODY}*\\${k}${CIPHER_BODY}{4,}\\${k}\\d{1,4}\\${k}\\${k}`;
}

/**
 * A name, phone and address cell, one a line, from `lastIndex` to the end of the text
 * (sticky), each of the searchable layout with no mobile number: each is a ciphertext
 * (`isCiphertext`).
 */
const SEARCHABLE_TRIPLE = new RegExp(
  `${searchableCell(1)}\\n${searchableCell(2)}\\n${searchableCell(3)}$`,
  'uy',
);
/** Longest three cells `SEARCHABLE_TRIPLE` is tried on (far below `isCiphertext`'s limit). */
const MAX_CIPHER_TRIPLE = 512;

/**
 * Create a reader that turns export records into orders. Never throws.
 * @example
 * const r = createOrderReader({ platform: 'wechat', shopId: 'demo' });
 * const recs = parseCsv('订单号,商品名称,商品数量,收件人姓名,收件人手机号,下单时间,订单状态\n' +
 *   '3718000000000001,保温杯,1,张*,13240968483-9647,2026-11-03 12:00:00,待发货\n');
 * const { orders } = r.push(recs);
 * orders[0]?.order.receiver; // { name: '张*', virtual: { main: '13240968483', ext: '9647' } }
 */
export function createOrderReader(options: OrderReaderOptions = {}): OrderReader {
  const shopId = typeof options.shopId === 'string' ? options.shopId : '';
  const defaultStatus: OrderStatus =
    typeof options.defaultStatus === 'string' && STATUSES.includes(options.defaultStatus)
      ? options.defaultStatus
      : 'awaiting_shipment';
  const requested =
    typeof options.platform === 'string' && Object.hasOwn(exportColumns, options.platform)
      ? options.platform
      : undefined;
  const searchRows =
    typeof options.headerSearchRows === 'number' && options.headerSearchRows >= 1
      ? options.headerSearchRows
      : 20;
  let header: HeaderInfo | undefined;
  /** Where the header's columns are. */
  let headerAt: ColumnAt = columnsAt({ platform: 'douyin', index: {}, missing: [], unused: [] });
  let failed: FileProblemCode | undefined;
  let seenRecords = 0;
  let preamble: CsvRecord[] = [];
  let group: Group | undefined;
  const seenIds = createIdSet();
  let containsPlaintext = false;
  let orders: OrderRecord[] = [];
  let problems: FileProblem[] = [];
  const maxProblems =
    typeof options.maxProblems === 'number' && options.maxProblems >= 0
      ? Math.floor(options.maxProblems)
      : DEFAULT_MAX_PROBLEMS;
  let listed = 0;
  const omitted = { error: 0, warning: 0, info: 0 };

  function report(
    code: FileProblemCode,
    rec: { line: number; endLine: number },
    message: string,
    extra: { column?: string; orderId?: string } = {},
  ): void {
    // The cap is checked before the problem object is built.
    if (listed >= maxProblems) {
      omitted[problemSeverity(code)]++;
      return;
    }
    listed++;
    problems.push(problem(code, rec.line, rec.endLine, message, extra));
  }

  function flush(): void {
    if (!group) return;
    // The order is its base with the items as its last key (no copy of the base).
    const order = group.base;
    order.items = group.items;
    orders.push({ order: order as OrderView, rows: group.rows });
    group = undefined;
  }

  function setHeader(rec: CsvRecord): void {
    const platform = options.platform === undefined ? detectPlatform(rec.fields) : requested;
    if (platform === undefined) {
      failed = 'unknown-platform';
      report(
        'unknown-platform',
        rec,
        options.platform === undefined
          ? 'the header does not tell which platform exported the file; pass `platform`'
          : 'the `platform` option names no platform shipmask knows',
      );
      return;
    }
    const map = mapHeader(rec.fields, platform);
    header = { line: rec.line, endLine: rec.endLine, platform, columns: rec.fields, map };
    headerAt = columnsAt(map);
    if (map.missing.length > 0) {
      failed = 'missing-columns';
      report('missing-columns', rec, `the header lacks required columns: ${map.missing.join(', ')}`);
      return;
    }
    for (const c of ['status', 'quantity', 'itemName'] as const) {
      if (map.index[c] === undefined)
        report(
          'missing-column',
          rec,
          `no ${c} column${c === 'status' ? `; status taken as ${defaultStatus}` : ''}`,
        );
    }
  }

  function findHeader(rec: CsvRecord): void {
    seenRecords++;
    if (rec.ok && looksLikeHeader(rec.fields)) {
      for (const p of preamble) report('preamble', p, 'text above the header row');
      preamble = [];
      setHeader(rec);
      return;
    }
    preamble.push(rec);
    if (seenRecords >= searchRows) {
      failed = 'no-header';
      for (const p of preamble) report('no-header', p, 'no header row with an order-id column was found');
      report('no-header', { line: 0, endLine: 0 }, 'the file has no header row with an order-id column');
      preamble = [];
    }
  }

  // The row being read. Helpers below read these instead of closing over per-row values, so a
  // row allocates no closures.
  let curRec: CsvRecord = { line: 0, endLine: 0, fields: [], ok: true, issues: [] };
  let curH: HeaderInfo | undefined;
  let curAt: ColumnAt = headerAt;
  let curOrderId: string | undefined;
  // Cells that repeat from row to row (sub-orders share their order's time; a shop has a few
  // status words and quantities) are read once per run of equal text.
  let lastTimeText: string | undefined;
  let lastTime: number | undefined;
  /** China midnight of each day read, by `YYYYMMDD` (NaN: no such day). */
  const dayStarts = new Map<number, number>();
  let lastStatusText: string | undefined;
  let lastStatus: OrderStatus | undefined;
  let lastQuantityText: string | undefined;
  let lastQuantity = 0;

  /** The cell at `i` (-1: no such column), cleaned, for a value that is kept (in an order or a problem). */
  function cell(i: number): string {
    return own(text(i));
  }

  /** The cell at `i` (-1: no such column), cleaned, for a value only read here (a time, a status word, a quantity). */
  function text(i: number): string {
    return i < 0 ? '' : cleanCell(curRec.fields[i] ?? '');
  }

  function colName(c: OrderColumn): string {
    const i = curAt[c];
    return i < 0 ? c : (curH?.columns[i] ?? c);
  }

  function warn(code: FileProblemCode, column: OrderColumn, message: string): void {
    report(code, curRec, message, {
      ...(curOrderId !== undefined ? { orderId: curOrderId } : {}),
      column: colName(column),
    });
  }

  function row(rec: CsvRecord, h: HeaderInfo): void {
    curRec = rec;
    curH = h;
    curAt = headerAt;
    curOrderId = undefined;
    const at = curAt;

    const idText = text(at.orderId);
    const open = group?.orderId;
    const sameOrder = open !== undefined && open === idText;
    if (idText === '') return warn('missing-order-id', 'orderId', 'the order id is empty');
    if (!sameOrder) {
      if (isScientificNumber(idText))
        return warn(
          'order-id-scientific',
          'orderId',
          'the order id was turned into a number by Excel and lost digits; export again without opening it in Excel',
        );
      if (!ORDER_ID.test(idText))
        return warn('bad-order-id', 'orderId', 'the order id is not a platform order number');
    }
    // A sub-order row's id is its group's (already kept and checked); a new id is copied.
    const orderId = sameOrder ? open : keep(idText);
    curOrderId = orderId;

    const timeText = text(at.createdAt);
    // Sub-order rows repeat their order's time: read each distinct text once.
    if (timeText !== lastTimeText) {
      lastTimeText = timeText;
      lastTime = rowTime(timeText);
    }
    const createdAt = lastTime;
    if (createdAt === undefined)
      return warn('bad-date', 'createdAt', 'the order time is missing or not a date');

    let status: OrderStatus = defaultStatus;
    if (at.status >= 0) {
      const statusText = text(at.status);
      if (statusText !== lastStatusText) {
        lastStatusText = statusText;
        lastStatus = readOrderStatus(statusText);
      }
      const st = lastStatus;
      if (st === undefined)
        return warn('unknown-status', 'status', 'the order status is empty or not a known status word');
      status = st;
    }

    let quantity = 1;
    if (at.quantity >= 0) {
      const q = text(at.quantity);
      if (q !== lastQuantityText) {
        lastQuantityText = q;
        lastQuantity = QUANTITY.test(q) ? Number.parseInt(q, 10) : 0;
      }
      if (lastQuantity < 1)
        return warn('bad-quantity', 'quantity', 'the quantity is not a whole number of at least 1');
      quantity = lastQuantity;
    }

    if (rec.issues.length > 0)
      for (const issue of rec.issues) report(issue, rec, CSV_ISSUE_MESSAGES[issue], { orderId });

    const item: { name: string; quantity: number; sku?: string; spec?: string } = {
      name: cell(at.itemName),
      quantity,
    };
    const sku = cell(at.sku) || cell(at.productId);
    if (sku !== '') item.sku = sku;
    const spec = cell(at.itemSpec);
    if (spec !== '') item.spec = spec;

    if (sameOrder && group) {
      group.items.push(item);
      group.rows.push({ line: rec.line, endLine: rec.endLine });
      return;
    }
    flush();
    if (!seenIds.add(orderId))
      warn(
        'order-split',
        'orderId',
        'rows of this order are not next to each other; it is emitted more than once',
      );

    const base: Group['base'] = {
      platform: h.platform,
      shopId,
      orderId,
      status,
      createdAt,
      receiver: readReceiver(),
    };
    const remark = keptRemark;
    if (remark !== '') {
      // Phones and ID numbers need digits (ASCII or full-width); text without any is left as is.
      if (HAS_DIGIT.test(remark)) {
        const m = maskText(remark);
        base.remark = m.value;
        if (m.found.some((x) => x.kind === 'mobile' || x.kind === 'landline' || x.kind === 'id-number')) {
          containsPlaintext = true;
          warn('plaintext', 'remark', 'the remark held a phone or ID number; it was masked');
        }
      } else base.remark = remark;
    }
    const category = cell(at.category);
    if (category !== '') base.category = category;
    const carrierText = cell(at.carrier);
    if (carrierText !== '') base.carrier = readCarrier(carrierText) ?? carrierText;
    const tracking = cell(at.trackingNumber);
    if (tracking !== '') {
      if (isScientificNumber(tracking))
        warn(
          'tracking-scientific',
          'trackingNumber',
          'the tracking number lost digits in Excel; it was left out',
        );
      else base.trackingNumber = tracking;
    }
    const receivedAt = optionalTime('receivedAt', at.receivedAt);
    if (receivedAt !== undefined) base.receivedAt = receivedAt;
    const completedAt = optionalTime('completedAt', at.completedAt);
    if (completedAt !== undefined) base.completedAt = completedAt;
    group = { orderId, base, items: [item], rows: [{ line: rec.line, endLine: rec.endLine }] };
  }

  // The cells a new order keeps that may be long (13+ characters: see `own`), copied out of the
  // chunk by `keep`. A platform export's row (three ciphertexts, `keptCipher`) takes one copy,
  // one a line: the order id, then the receiver's name, phone and address (the layout
  // `SEARCHABLE_TRIPLE` reads). Any other row, and the remark (which may hold a phone number that
  // is masked), take one copy a cell, so that no kept value is a view into a buyer's plaintext.
  let keptRemark = '';
  let keptName = '';
  let keptPhone = '';
  let keptAddress = '';
  let keptCipher = false;

  /** Copy a new order's id and the cells it keeps out of the chunk; returns the id. */
  function keep(id: string): string {
    const at = curAt;
    keptRemark = own(text(at.remark));
    const name = text(at.receiverName);
    const phone = text(at.receiverPhone);
    const address = text(at.address);
    // A join builds one new flat string: no view into the chunk (see `own`).
    const kept = [id, name, phone, address].join('\n');
    const receiverAt = id.length + 1;
    SEARCHABLE_TRIPLE.lastIndex = receiverAt;
    keptCipher =
      kept.length - receiverAt <= MAX_CIPHER_TRIPLE &&
      phone.length <= MAX_PHONE_CELL &&
      SEARCHABLE_TRIPLE.test(kept);
    if (!keptCipher) {
      keptName = own(name);
      keptPhone = own(phone);
      keptAddress = own(address);
      return own(id);
    }
    let o = receiverAt;
    keptName = kept.slice(o, o + name.length);
    o += name.length + 1;
    keptPhone = kept.slice(o, o + phone.length);
    keptAddress = kept.slice(o + phone.length + 1);
    return kept.slice(0, id.length);
  }

  /**
   * `readExportTime`, with the date of a back-office `YYYY-MM-DD HH:MM:SS` looked up among the
   * days already read (an export spans a few hundred days at most) and only its clock read.
   */
  function rowTime(t: string): number | undefined {
    if (t.length !== 19 || !PLAIN_DATE_TIME.test(t)) return readExportTime(t);
    const day = digitsAt(t, 0, 4) * 10_000 + digitsAt(t, 5, 2) * 100 + digitsAt(t, 8, 2);
    let start = dayStarts.get(day);
    if (start === undefined) {
      // NaN: not a day of the calendar (`2026-02-30`).
      start = readExportTime(t.slice(0, 10)) ?? Number.NaN;
      if (dayStarts.size >= MAX_DAYS) dayStarts.clear();
      dayStarts.set(day, start);
    }
    const hour = digitsAt(t, 11, 2);
    const minute = digitsAt(t, 14, 2);
    const second = digitsAt(t, 17, 2);
    if (Number.isNaN(start) || hour > 23 || minute > 59 || second > 59) return undefined;
    return start + ((hour * 60 + minute) * 60 + second) * 1000;
  }

  function optionalTime(column: 'receivedAt' | 'completedAt', i: number): number | undefined {
    const t = text(i);
    if (t === '') return undefined;
    const v = readExportTime(t);
    if (v === undefined) warn('invalid-field', column, 'not a date; left out');
    return v;
  }

  function plain(column: OrderColumn): void {
    containsPlaintext = true;
    warn('plaintext', column, 'the file held this buyer field in plaintext; it was masked');
  }

  function readReceiver(): ReceiverView {
    const at = curAt;
    const r: Mutable<ReceiverView> = {};
    let cipher: { name?: string; phone?: string; address?: string } | undefined;

    const nameText = keptName;
    const phoneText = keptPhone;
    const addressText = keptAddress;
    // A platform export's three ciphertexts were told by one match (`keep`).
    const allCipher = keptCipher;
    const nameCipher = allCipher || isCipherCell(nameText);
    const phoneCipher = allCipher || (phoneText.length <= MAX_PHONE_CELL && isCipherCell(phoneText));
    const addressCipher = allCipher || isCipherCell(addressText);

    if (nameCipher) (cipher ??= {}).name = nameText;
    else if (nameText !== '') {
      const m = maskName(nameText);
      if (m.form === 'ciphertext') (cipher ??= {}).name = m.value;
      else if (m.value !== '') r.name = m.value;
      if (m.form === 'plain') plain('receiverName');
      else if (m.form === 'invalid')
        warn('invalid-field', 'receiverName', 'the name is not a name; it was masked');
    }

    const extText = cell(at.virtualExt);
    const ext = extText.length === 4 && EXT.test(extText) ? extText : undefined;
    if (phoneText !== '') {
      const digits = ext === undefined ? '' : phoneText.replace(/[\s-]/gu, '');
      if (ext !== undefined && MOBILE.test(digits)) {
        // WeChat: the phone column holds the virtual main number, the extension is beside it.
        r.virtual = { main: digits, ext };
      } else if (phoneCipher) {
        (cipher ??= {}).phone = phoneText;
      } else {
        const m = maskPhone(phoneText);
        switch (m.form) {
          case 'virtual': {
            const v = parseVirtualNumber(phoneText);
            if (v) {
              r.virtual = v;
              if (ext !== undefined && ext !== v.ext)
                warn(
                  'virtual-mismatch',
                  'virtualExt',
                  'the extension column differs from the virtual number',
                );
            }
            break;
          }
          case 'ciphertext':
            (cipher ??= {}).phone = m.value;
            break;
          case 'plain':
            r.phone = m.value;
            plain('receiverPhone');
            break;
          case 'masked':
            r.phone = m.value;
            break;
          case 'invalid':
            r.phone = m.value;
            warn(
              'invalid-field',
              'receiverPhone',
              `the phone is not a phone number (${m.reason ?? 'invalid'}); it was masked`,
            );
            break;
          case 'empty':
            break;
        }
      }
    }
    if (extText !== '' && ext === undefined)
      warn('invalid-field', 'virtualExt', 'the virtual-number extension is not 4 digits');

    const province = cell(at.province);
    const city = cell(at.city);
    const district = cell(at.district);
    let region: { province?: string; city?: string; district?: string } | undefined;
    if (province !== '' || city !== '' || district !== '') {
      region = {};
      if (province !== '') region.province = province;
      if (city !== '') region.city = city;
      if (district !== '') region.district = district;
    }
    if (addressCipher) (cipher ??= {}).address = addressText;
    else if (addressText !== '') {
      const head = maskAddress(addressText);
      if (head.form === 'ciphertext') (cipher ??= {}).address = head.value;
      else {
        // Region columns are shown in the clear; mask the detail after them. Municipalities
        // repeat the province as the city (北京市 / 北京市): write it once.
        const prefix = province + (city === province ? '' : city) + district;
        const m =
          prefix !== '' && head.region.province === undefined ? maskAddress(prefix + addressText) : head;
        if (m.value !== '') r.address = m.value;
        if (region === undefined && Object.keys(m.region).length > 0) r.region = { ...m.region };
        if (head.form === 'plain') plain('address');
        else if (head.form === 'invalid')
          warn('invalid-field', 'address', 'the address is not text; it was masked');
      }
    }
    if (region !== undefined) r.region = region;
    if (cipher !== undefined) r.cipher = cipher;
    return r;
  }

  function handle(rec: CsvRecord): void {
    if (!rec.ok) {
      const code = rec.issues[0] ?? 'unterminated-quote';
      report(code, rec, CSV_ISSUE_MESSAGES[code]);
      return;
    }
    if (isBlank(rec.fields)) {
      report('blank-line', rec, 'blank line (no cell has content)');
      return;
    }
    if (failed === 'no-header') {
      report('no-header', rec, 'no header row with an order-id column was found');
      return;
    }
    if (failed !== undefined) {
      report(failed, rec, 'the row was not read because the header could not be used');
      return;
    }
    if (!header) {
      findHeader(rec);
      return;
    }
    const h = header;
    const width = h.columns.length;
    const f = rec.fields;
    if (f.length < width || (f.length > width && f.slice(width).some((c) => c.trim() !== ''))) {
      // Name the order when its id column is still in place, so the merchant can find it.
      const at = h.map.index.orderId;
      const id = at !== undefined && at < f.length ? cleanCell(f[at] ?? '') : '';
      report(
        'field-count',
        rec,
        `the row has ${f.length} fields, the header has ${width}`,
        ORDER_ID.test(id) ? { orderId: own(id) } : {},
      );
      return;
    }
    if (sameFields(f, h.columns)) {
      report('repeated-header', rec, 'the header row is repeated here');
      return;
    }
    row(rec, h);
  }

  function take(): OrderBatch {
    const b = { orders, problems };
    orders = [];
    problems = [];
    return b;
  }

  return {
    push(records: readonly CsvRecord[]): OrderBatch {
      if (Array.isArray(records)) for (const rec of records as readonly CsvRecord[]) handle(rec);
      return take();
    },
    end(): OrderBatch {
      flush();
      if (!header && failed === undefined) {
        for (const p of preamble) report('no-header', p, 'no header row with an order-id column was found');
        report('no-header', { line: 0, endLine: 0 }, 'the file has no header row with an order-id column');
      }
      preamble = [];
      const left = omitted.error + omitted.warning + omitted.info;
      if (left > 0)
        problems.push(
          problem(
            'problems-omitted',
            0,
            0,
            `${left} more problem(s) were not listed (${omitted.error} error(s), ${omitted.warning} warning(s), ${omitted.info} info); only the first ${maxProblems} are`,
          ),
        );
      return take();
    },
    get omitted(): OmittedProblems {
      return { ...omitted };
    },
    get header() {
      return header;
    },
    get containsPlaintext() {
      return containsPlaintext;
    },
  };
}
