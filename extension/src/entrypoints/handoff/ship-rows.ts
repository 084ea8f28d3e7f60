/**
 * From a batch's results to what the back-office takes: core's bulk-ship file (per platform
 * headers and carrier names) and the `订单号,快递公司,快递单号` lines its bulk-ship dialog accepts
 * pasted. Orders the supplier could not ship are left out (and listed by the page).
 * @module
 */
import {
  shipCarrierNames,
  writeBulkShipFile,
  readCarrier,
  type BulkShipFile,
  type PlatformId,
} from '@shipmask/core';
import type { BatchDetail } from '../../handoff-messages';

/** The shipped orders of a batch as bulk-ship rows (batch order). */
export function shipRows(batch: BatchDetail): { orderId: string; carrier: string; trackingNumber: string }[] {
  const rows: { orderId: string; carrier: string; trackingNumber: string }[] = [];
  for (const it of batch.items) {
    if (it.result?.status === 'shipped')
      rows.push({ orderId: it.order.orderId, carrier: it.result.carrier, trackingNumber: it.result.waybill });
  }
  return rows;
}

/**
 * The platform's bulk-ship file for a batch (core `writeBulkShipFile`).
 * @example
 * bulkShipFileOf(batch).csv; // '\uFEFF订单号,快递公司,快递单号\r\n3718…,中通,ZT…\r\n'
 */
export function bulkShipFileOf(batch: BatchDetail): BulkShipFile {
  const f = writeBulkShipFile(batch.shop.platform, shipRows(batch));
  return { ...f, fileName: `${batch.shop.platform}-bulk-ship-${batch.batchId}.csv` };
}

/** Carrier display name on a platform (`ZTO` → `中通` on WeChat), or the text as given. */
export function carrierName(platform: PlatformId, carrier: string): string {
  const code = readCarrier(carrier);
  return (code && shipCarrierNames[platform]?.[code]) || carrier;
}

/**
 * Lines for the back-office's bulk-ship text box: `订单号,快递公司,快递单号`, one per shipped order.
 * @example
 * shipLines(batch); // '3718…,中通,ZT…\n…'
 */
export function shipLines(batch: BatchDetail): string {
  return shipRows(batch)
    .map((r) => `${r.orderId},${carrierName(batch.shop.platform, r.carrier)},${r.trackingNumber}`)
    .join('\n');
}
