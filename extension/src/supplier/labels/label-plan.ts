/**
 * Which labels the supplier page prints itself, at the chosen size, and what it says about the
 * orders it cannot print (issue 17). Pure: the label images come from core's layout as `data:`
 * URLs (`labels.ts`); `window.print()` is the page's business.
 * @module
 */
import type { HandoffBatch, LabelTemplateId } from '@shipmask/core';
import { words, type Lang } from '../i18n';
import { supplierLabel, type SupplierLabel } from './labels';
import { printRoute } from './routes';
import { WAYBILL } from '../tracking/tracking';
import { carrierOf, rowOf, type Rows } from '../orders/rows';

/** The labels to print, or a note only (nothing printable). */
export interface LabelPlan {
  /** Undefined: nothing to print; the page keeps the labels it had. */
  readonly labels: readonly SupplierLabel[] | undefined;
  readonly note: string;
}

/**
 * Lay out the labels of a batch. Rule: platform 代发 orders print on the platform, never here;
 * an order marked cannot-ship, or without a valid tracking number, gets no label; refusals
 * (e.g. a masked address cannot be delivered to) are counted per core reason in the note.
 * @example
 * planLabels(batch, rows, 'ZTO', '100x150', Date.now(), 'zh').note; // '' when every label was laid out
 */
export function planLabels(
  batch: HandoffBatch,
  rows: Rows,
  defaultCarrier: string,
  size: LabelTemplateId,
  now: number,
  lang: Lang,
): LabelPlan {
  const w = words[lang];
  const orders = batch.orders;
  const made = orders
    .filter(
      (o) =>
        printRoute(o) === 'label' &&
        !rowOf(rows, o.orderId).cannot &&
        WAYBILL.test(rowOf(rows, o.orderId).waybill.trim()),
    )
    .map((o) =>
      supplierLabel(
        batch,
        o,
        rowOf(rows, o.orderId).waybill.trim(),
        carrierOf(rows, orders, o.orderId, defaultCarrier),
        now,
        size,
      ),
    );
  if (made.length === 0) return { labels: undefined, note: w.printNone };
  const reasons = new Map<string, number>();
  for (const l of made) if (!l.ok) reasons.set(l.message, (reasons.get(l.message) ?? 0) + 1);
  return {
    labels: made,
    note: [...reasons].map(([message, n]) => `${w.printRefused(n)} ${message}`).join('\n'),
  };
}
