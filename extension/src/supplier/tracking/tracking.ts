/**
 * Reading tracking numbers the supplier pastes or imports: a CSV exported by print software
 * (打单软件: a header row naming the order id and waybill columns), or lines of
 * `订单号 快递单号 [快递公司]` (comma, tab or spaces), or bare waybill numbers one per line,
 * assigned in order to the orders that have none yet.
 * @module
 */
import { cleanCell, parseCsv, readCarrier } from '@shipmask/core';

/** One tracking number read for an order. */
export interface TrackingEntry {
  readonly orderId: string;
  readonly waybill: string;
  /** Carrier code when the line or CSV names one (`readCarrier`). */
  readonly carrier?: string;
}

/** What a paste or a CSV gave. */
export interface TrackingRead {
  readonly entries: readonly TrackingEntry[];
  /** Non-empty lines that named no order of the batch and had no usable waybill number. */
  readonly skipped: number;
}

/** Waybill numbers: letters, digits and dashes, 6 to 40 long (what core's bulk-ship writer accepts). */
export const WAYBILL = /^[A-Za-z0-9][A-Za-z0-9-]{5,39}$/u;

const ORDER_HEADERS = [
  '订单号',
  '订单编号',
  '主订单编号',
  '子订单编号',
  '原始单号',
  '平台单号',
  'order',
  'orderid',
  'order id',
  'order no',
];
const WAYBILL_HEADERS = [
  '快递单号',
  '运单号',
  '物流单号',
  '面单号',
  '运单编号',
  'waybill',
  'tracking',
  'tracking number',
  'tracking no',
];
const CARRIER_HEADERS = ['快递公司', '物流公司', '快递', '承运商', 'carrier', 'courier'];

const norm = (s: string): string => cleanCell(s).toLowerCase().replace(/\s+/gu, ' ');

function column(header: readonly string[], names: readonly string[]): number {
  const h = header.map(norm);
  for (const n of names) {
    const i = h.indexOf(n);
    if (i >= 0) return i;
  }
  return h.findIndex((x) => names.some((n) => n.length >= 3 && x.includes(n)));
}

/**
 * Read a CSV with a header row naming an order-id column and a waybill column (any order, any
 * other columns); undefined when the first row is not such a header.
 * @example
 * readTrackingCsv('订单号,快递公司,快递单号\n3718…1,中通,ZT123456789\n', new Set(['3718…1']));
 * // { entries: [{ orderId: '3718…1', waybill: 'ZT123456789', carrier: 'ZTO' }], skipped: 0 }
 */
export function readTrackingCsv(text: string, orderIds: ReadonlySet<string>): TrackingRead | undefined {
  const rows = parseCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = rows[0]?.fields;
  if (!header) return undefined;
  const oi = column(header, ORDER_HEADERS);
  const wi = column(header, WAYBILL_HEADERS);
  if (oi < 0 || wi < 0) return undefined;
  const ci = column(header, CARRIER_HEADERS);
  const entries: TrackingEntry[] = [];
  let skipped = 0;
  for (const r of rows.slice(1)) {
    const orderId = cleanCell(r.fields[oi] ?? '');
    const waybill = cleanCell(r.fields[wi] ?? '').replace(/\s/gu, '');
    if (!orderIds.has(orderId) || !WAYBILL.test(waybill)) {
      skipped++;
      continue;
    }
    const carrier = ci >= 0 ? readCarrier(cleanCell(r.fields[ci] ?? '')) : undefined;
    entries.push(carrier ? { orderId, waybill, carrier } : { orderId, waybill });
  }
  return { entries, skipped };
}

/**
 * Read pasted text: a CSV with a header (`readTrackingCsv`), else one entry per line. A line
 * naming an order of the batch fills that order; a line with only a waybill number fills the
 * next order (in `order`) that has no number yet and was not named elsewhere in the paste.
 * @example
 * readTrackingText('ZT100000001\nZT100000002', ['A1', 'A2']).entries;
 * // [{ orderId: 'A1', waybill: 'ZT100000001' }, { orderId: 'A2', waybill: 'ZT100000002' }]
 */
export function readTrackingText(
  text: string,
  order: readonly string[],
  filled: ReadonlySet<string> = new Set(),
): TrackingRead {
  const ids = new Set(order);
  const csv = readTrackingCsv(text, ids);
  if (csv) return csv;
  const named: TrackingEntry[] = [];
  const bare: { waybill: string; carrier?: string }[] = [];
  let skipped = 0;
  for (const line of text.split(/\r\n|\r|\n/u)) {
    const tokens = line
      .split(/[,，\t;；\s]+/u)
      .map((t) => cleanCell(t))
      .filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const orderId = tokens.find((t) => ids.has(t));
    let carrier: string | undefined;
    let waybill: string | undefined;
    for (const t of tokens) {
      if (t === orderId) continue;
      const c = readCarrier(t);
      if (c && !carrier) carrier = c;
      else if (!waybill && WAYBILL.test(t)) waybill = t;
    }
    if (!waybill) {
      skipped++;
      continue;
    }
    const rest = carrier ? { waybill, carrier } : { waybill };
    if (orderId) named.push({ orderId, ...rest });
    else bare.push(rest);
  }
  const taken = new Set([...filled, ...named.map((e) => e.orderId)]);
  const free = order.filter((id) => !taken.has(id));
  const entries = [...named];
  bare.forEach((b, i) => {
    const orderId = free[i];
    if (orderId) entries.push({ orderId, ...b });
    else skipped++;
  });
  return { entries, skipped };
}
