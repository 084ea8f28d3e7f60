/**
 * The print-component path of the supplier page (issue 16), its pure part: which orders go to
 * the supplier's own print component, what a print-data file gave, the job id, the summary after
 * a print, and the tracking numbers a printed order takes from its print data. The socket itself
 * lives in `component-print.ts` (ws://127.0.0.1:<port> only) and `ComponentPrint.tsx`.
 * @module
 */
import type { HandoffOrder, PrintDataEntry, parsePrintDataFile } from '@shipmask/core';
import type { OrderPrintState } from './component-print';
import { words, type Lang } from '../i18n';
import { rowOf, withRow, type Rows } from '../orders/rows';

/** Print data by order id (page memory only). */
export type PrintData = ReadonlyMap<string, PrintDataEntry>;

/** Per-order print states of the component path. */
export type PrintStates = Readonly<Record<string, OrderPrintState>>;

/**
 * The orders the component prints next. Rule: only ciphertext orders with real print data from a
 * print-data file (shipmask never makes print data up), not marked cannot-ship, and not already
 * printed or sent (nothing prints twice).
 * @example
 * componentQueue(orders, {}, new Map([['6920…', entry]]), {}).length; // 1
 */
export function componentQueue(
  orders: readonly HandoffOrder[],
  rows: Rows,
  printData: PrintData,
  states: PrintStates,
): HandoffOrder[] {
  return orders.filter(
    (o) =>
      o.receiver.cipher &&
      !rowOf(rows, o.orderId).cannot &&
      printData.has(o.orderId) &&
      states[o.orderId] !== 'printed' &&
      states[o.orderId] !== 'sent',
  );
}

/**
 * How many ciphertext orders have no print data (reported, never sent).
 * @example
 * withoutPrintData(orders, new Map()); // every ciphertext order
 */
export function withoutPrintData(orders: readonly HandoffOrder[], printData: PrintData): number {
  return orders.filter((o) => o.receiver.cipher && !printData.has(o.orderId)).length;
}

/**
 * What a print-data file gave: its entries by order id and the note, or no data and core's reason.
 * @example
 * printDataOf(parsePrintDataFile(text, 'douyin'), 'zh').printData.size; // 10
 */
export function printDataOf(
  read: ReturnType<typeof parsePrintDataFile>,
  lang: Lang,
): { printData: PrintData; note: string } {
  if (!read.ok) return { printData: new Map(), note: read.error.message };
  return {
    printData: new Map(read.entries.map((e) => [e.orderId, e])),
    note: words[lang].compData(read.entries.length, read.refused.length),
  };
}

/**
 * A job id for the component's task ids: time and 3 random bytes (both arguments).
 * @example
 * componentJobId(0, () => new Uint8Array([1, 2, 3])); // 'sp0010203'
 */
export function componentJobId(now: number, random: (n: number) => Uint8Array): string {
  return `sp${now.toString(36)}${Array.from(random(3), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Rows after a print. Rule: a printed order with no tracking number typed takes the waybill its
 * print data was issued for; a typed number is never replaced; other states change nothing.
 * @example
 * printedWaybills({}, new Map([['1', 'printed']]), new Map([['1', { orderId: '1', waybillCode: 'ZT1', printData: {} }]]))['1']?.waybill; // 'ZT1'
 */
export function printedWaybills(
  rows: Rows,
  final: ReadonlyMap<string, OrderPrintState>,
  printData: PrintData,
): Rows {
  let next = rows;
  for (const [id, st] of final) {
    const entry = printData.get(id);
    if (st === 'printed' && entry && rowOf(rows, id).waybill.trim() === '')
      next = withRow(next, id, { waybill: entry.waybillCode });
  }
  return next;
}

/**
 * The note after a print: printed / failed / unknown counts, and the orders left out for lack of
 * print data.
 * @example
 * componentSummary(new Map([['1', 'printed']]), 0, 'zh'); // '已打印 1 …'
 */
export function componentSummary(
  final: ReadonlyMap<string, OrderPrintState>,
  skipped: number,
  lang: Lang,
): string {
  const w = words[lang];
  const count = (s: OrderPrintState): number => [...final.values()].filter((x) => x === s).length;
  return [
    w.compSummary(count('printed'), count('failed'), count('unknown')),
    skipped > 0 ? w.compSkipped(skipped) : '',
  ]
    .filter(Boolean)
    .join(lang === 'zh' ? '；' : '; ');
}
