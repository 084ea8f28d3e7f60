/**
 * The order reader as it was before its row path was made faster (a test oracle, test-only:
 * excluded from the build): every cell read through its column name, every receiver field
 * through the full `mask*` functions, no per-run caches, the order copied out of its group.
 * `createOrderReader` must give the same orders, problems and summary for every input.
 * @module
 */
import { maskAddress, maskName, maskPhone, maskText } from '../mask/index.js';
import { parseVirtualNumber } from '../virtual/parse.js';
import type { OrderItem, OrderStatus, OrderView, ReceiverView } from '../types.js';
import { readCarrier } from './carrier-names.js';
import { cleanCell, isScientificNumber } from './cells.js';
import { detectPlatform, exportColumns, looksLikeHeader, mapHeader, type OrderColumn } from './columns.js';
import type { CsvIssueCode, CsvRecord } from './csv-parse.js';
import { readExportTime } from './export-time.js';
import { problem, problemSeverity, type FileProblem, type FileProblemCode } from './problems.js';
import { readOrderStatus } from './status.js';
import {
  DEFAULT_MAX_PROBLEMS,
  type HeaderInfo,
  type LineSpan,
  type OmittedProblems,
  type OrderBatch,
  type OrderReader,
  type OrderReaderOptions,
  type OrderRecord,
} from './order-reader.js';

/** Order ids on every platform: digits (and letters for some sub-channels), at most 64. */
const ORDER_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/u;
const QUANTITY = /^\d{1,6}(?:\.0+)?$/u;
const EXT = /^\d{4}$/u;
const MOBILE = /^1[3-9]\d{9}$/u;
const HAS_DIGIT = /[0-9０-９]/u;
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
  for (const c of fields) if (c !== '' && cleanCell(c) !== '') return false;
  return true;
}

/** Whether a record starts with the header's cells (a repeated header). */
function sameFields(fields: readonly string[], header: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i] !== header[i]) return false;
  return true;
}

interface Group {
  readonly orderId: string;
  readonly base: Omit<OrderView, 'items'>;
  readonly items: OrderItem[];
  readonly rows: LineSpan[];
}

/**
 * The reference order reader (see the module comment).
 * @example
 * const r = createReferenceOrderReader({ platform: 'wechat' });
 * r.push(parseCsv('订单号,商品名称,下单时间\n3718000000000001,保温杯,2026-11-03 12:00:00\n')).orders.length; // 1
 */
export function createReferenceOrderReader(options: OrderReaderOptions = {}): OrderReader {
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
  let failed: FileProblemCode | undefined;
  let seenRecords = 0;
  let preamble: CsvRecord[] = [];
  let group: Group | undefined;
  const seenIds = new Set<string>();
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
    orders.push({ order: { ...group.base, items: group.items }, rows: group.rows });
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
  let curOrderId: string | undefined;
  let lastTimeText: string | undefined;
  let lastTime: number | undefined;

  /** A cell's text, cleaned, for a value that is kept (in an order or a problem). */
  function cell(c: OrderColumn): string {
    return own(text(c));
  }

  /** A cell's text, cleaned, for a value only read here (a time, a status word, a quantity). */
  function text(c: OrderColumn): string {
    const i = curH?.map.index[c];
    return i === undefined ? '' : cleanCell(curRec.fields[i] ?? '');
  }

  function colName(c: OrderColumn): string {
    const i = curH?.map.index[c];
    return i === undefined ? c : (curH?.columns[i] ?? c);
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
    curOrderId = undefined;
    const ix = h.map.index;

    const orderId = cell('orderId');
    if (orderId === '') return warn('missing-order-id', 'orderId', 'the order id is empty');
    if (isScientificNumber(orderId))
      return warn(
        'order-id-scientific',
        'orderId',
        'the order id was turned into a number by Excel and lost digits; export again without opening it in Excel',
      );
    if (!ORDER_ID.test(orderId))
      return warn('bad-order-id', 'orderId', 'the order id is not a platform order number');
    curOrderId = orderId;

    const timeText = text('createdAt');
    // Sub-order rows repeat their order's time: read each distinct text once.
    if (timeText !== lastTimeText) {
      lastTimeText = timeText;
      lastTime = readExportTime(timeText);
    }
    const createdAt = lastTime;
    if (createdAt === undefined)
      return warn('bad-date', 'createdAt', 'the order time is missing or not a date');

    let status: OrderStatus = defaultStatus;
    if (ix.status !== undefined) {
      const st = readOrderStatus(text('status'));
      if (st === undefined)
        return warn('unknown-status', 'status', 'the order status is empty or not a known status word');
      status = st;
    }

    let quantity = 1;
    if (ix.quantity !== undefined) {
      const q = text('quantity');
      if (!QUANTITY.test(q) || Number.parseInt(q, 10) < 1)
        return warn('bad-quantity', 'quantity', 'the quantity is not a whole number of at least 1');
      quantity = Number.parseInt(q, 10);
    }

    for (const issue of rec.issues) report(issue, rec, CSV_ISSUE_MESSAGES[issue], { orderId });

    const item: { name: string; quantity: number; sku?: string; spec?: string } = {
      name: cell('itemName'),
      quantity,
    };
    const sku = cell('sku') || cell('productId');
    if (sku !== '') item.sku = sku;
    const spec = cell('itemSpec');
    if (spec !== '') item.spec = spec;

    if (group && group.orderId === orderId) {
      group.items.push(item);
      group.rows.push({ line: rec.line, endLine: rec.endLine });
      return;
    }
    flush();
    // One lookup: the set grows exactly when the id is new.
    const known = seenIds.size;
    seenIds.add(orderId);
    if (seenIds.size === known)
      warn(
        'order-split',
        'orderId',
        'rows of this order are not next to each other; it is emitted more than once',
      );

    const base: Mutable<Omit<OrderView, 'items'>> = {
      platform: h.platform,
      shopId,
      orderId,
      status,
      createdAt,
      receiver: readReceiver(),
    };
    const remark = cell('remark');
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
    const category = cell('category');
    if (category !== '') base.category = category;
    const carrierText = cell('carrier');
    if (carrierText !== '') base.carrier = readCarrier(carrierText) ?? carrierText;
    const tracking = cell('trackingNumber');
    if (tracking !== '') {
      if (isScientificNumber(tracking))
        warn(
          'tracking-scientific',
          'trackingNumber',
          'the tracking number lost digits in Excel; it was left out',
        );
      else base.trackingNumber = tracking;
    }
    const receivedAt = optionalTime('receivedAt');
    if (receivedAt !== undefined) base.receivedAt = receivedAt;
    const completedAt = optionalTime('completedAt');
    if (completedAt !== undefined) base.completedAt = completedAt;
    group = { orderId, base, items: [item], rows: [{ line: rec.line, endLine: rec.endLine }] };
  }

  function optionalTime(column: 'receivedAt' | 'completedAt'): number | undefined {
    const t = text(column);
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
    const r: Mutable<ReceiverView> = {};
    let cipher: { name?: string; phone?: string; address?: string } | undefined;

    const nameText = cell('receiverName');
    if (nameText !== '') {
      const m = maskName(nameText);
      if (m.form === 'ciphertext') (cipher ??= {}).name = m.value;
      else if (m.value !== '') r.name = m.value;
      if (m.form === 'plain') plain('receiverName');
      else if (m.form === 'invalid')
        warn('invalid-field', 'receiverName', 'the name is not a name; it was masked');
    }

    const phoneText = cell('receiverPhone');
    const extText = cell('virtualExt');
    const ext = EXT.test(extText) ? extText : undefined;
    if (phoneText !== '') {
      const digits = ext === undefined ? '' : phoneText.replace(/[\s-]/gu, '');
      if (ext !== undefined && MOBILE.test(digits)) {
        // WeChat: the phone column holds the virtual main number, the extension is beside it.
        r.virtual = { main: digits, ext };
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

    const province = cell('province');
    const city = cell('city');
    const district = cell('district');
    let region: { province?: string; city?: string; district?: string } | undefined;
    if (province !== '' || city !== '' || district !== '') {
      region = {};
      if (province !== '') region.province = province;
      if (city !== '') region.city = city;
      if (district !== '') region.district = district;
    }
    const addressText = cell('address');
    if (addressText !== '') {
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
