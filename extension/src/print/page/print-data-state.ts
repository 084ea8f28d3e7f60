/**
 * Print data from a print-data file (issue 16): what the page keeps per order (page memory only,
 * never sent to the background or stored), the note listing what was read and refused, the rule
 * that refuses to resume a job without it, and the WeChat print-success notice's inputs. Pure.
 * @module
 */
import type { PrintDataEntry, PrintDataFileResult, WechatWaybill } from '@shipmask/core';
import type { PrintJobDocument } from '../../messages/print';

type ReadFile = Extract<PrintDataFileResult, { ok: true }>;

/**
 * The print data after a file was read for `loaded` (the component the page routes to). Rule: a
 * file for the same component adds to what is loaded (a later entry for an order wins); a file
 * for another component replaces it (print data of two components never mix).
 * @example
 * setPrintData((prev) => mergePrintData(prev, component, parsed));
 */
export function mergePrintData(
  prev: ReadonlyMap<string, PrintDataEntry>,
  loaded: string,
  file: Pick<ReadFile, 'component' | 'entries'>,
): ReadonlyMap<string, PrintDataEntry> {
  const fresh = file.entries.map((e) => [e.orderId, e] as const);
  return new Map(file.component === loaded ? [...prev, ...fresh] : fresh);
}

/** The note under the file input: entries read, and the first refused ones with why. */
export interface PrintDataNote {
  readonly read: number;
  readonly refused: readonly string[];
}

/** Refused entries listed in the note (the count says how many there are). */
export const LISTED_REFUSED = 20;

/**
 * The note for a read file. Rule: every usable entry counted; at most 20 refused ones listed as
 * `order: reason` (an entry without an order id as `#<1-based index>`).
 * @example
 * printDataNote(parsed); // { read: 300, refused: ['#4: no signature'] }
 */
export function printDataNote(file: Pick<ReadFile, 'entries' | 'refused'>): PrintDataNote {
  return {
    read: file.entries.length,
    refused: file.refused
      .slice(0, LISTED_REFUSED)
      .map((x) => `${x.orderId ?? `#${x.index + 1}`}: ${x.reason}`),
  };
}

/**
 * Whether a component job may not run yet. Rule: a document still to print (`queued`, or `sent`
 * and maybe unprinted) whose order has no print data in this page: after a reload the merchant
 * chooses the file again, and nothing is sent until then.
 * @example
 * if (missingPrintData(job.documents, printData)) setError(t.needData);
 */
export function missingPrintData(
  docs: readonly Pick<PrintJobDocument, 'orderId' | 'state'>[],
  printData: ReadonlyMap<string, unknown>,
): boolean {
  return docs.some((d) => (d.state === 'queued' || d.state === 'sent') && !printData.has(d.orderId));
}

/**
 * The WeChat notice's waybills. Rule: one per document whose print data carries both the
 * e-waybill order id and the delivery id; the waybill id is the one the data was issued for.
 * @example
 * wechatNotice(results, noticeWaybills(job.documents, printData), reprintedDocuments(job.documents));
 */
export function noticeWaybills(
  docs: readonly Pick<PrintJobDocument, 'orderId' | 'documentId'>[],
  printData: ReadonlyMap<string, PrintDataEntry>,
): WechatWaybill[] {
  return docs.flatMap((d) => {
    const e = printData.get(d.orderId);
    return e?.ewaybillOrderId && e.deliveryId
      ? [
          {
            documentID: d.documentId,
            ewaybillOrderId: e.ewaybillOrderId,
            deliveryId: e.deliveryId,
            waybillId: e.waybillCode,
          },
        ]
      : [];
  });
}

/**
 * Documents sent again by a reprint (flagged `re_print` in the notice). Rule: the task id ends
 * in `-r<k>`.
 * @example
 * reprintedDocuments([{ documentId: 'j-1', taskId: 'j-1-r1' }]); // Set { 'j-1' }
 */
export function reprintedDocuments(
  docs: readonly Pick<PrintJobDocument, 'documentId' | 'taskId'>[],
): ReadonlySet<string> {
  return new Set(docs.filter((d) => /-r\d+$/u.test(d.taskId)).map((d) => d.documentId));
}
