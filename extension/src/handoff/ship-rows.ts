/**
 * From a batch's results to what the back-office takes: core's `shipFromReturn` builds the
 * bulk-ship file (per platform headers and carrier names) and the `订单号,快递公司,快递单号`
 * lines its bulk-ship text box accepts pasted (JD) from the same rows, checked by core's
 * bulk-ship writer; nothing here joins result strings (issue 14 item 2). Orders the supplier
 * could not ship are left out (and listed by the page), as are rows the platform would refuse
 * (`file.problems`).
 * @module
 */
import {
  carrierNames,
  readCarrier,
  shipCarrierNames,
  shipFromReturn,
  type BulkShipFile,
  type PlatformId,
  type ReturnResult,
  type ReturnShipping,
} from '@shipmask/core';
import type { BatchDetail } from '../messages/handoff';

/**
 * The bulk-ship file and text-box lines of a batch's results (core `shipFromReturn`), in batch
 * order. A result is stored under its order, so it is passed with that order's id; only the
 * batch's own orders are passed.
 * @example
 * const { file, lines } = shippingOf(batch);
 * file.csv; // '\uFEFF订单号,快递公司,快递单号\r\n3718…,中通,ZT…\r\n'
 * lines; // '3718…,中通,ZT…'
 */
export function shippingOf(batch: BatchDetail): ReturnShipping {
  const results: ReturnResult[] = [];
  for (const it of batch.items) if (it.result) results.push({ ...it.result, orderId: it.order.orderId });
  return shipFromReturn(
    batch.shop.platform,
    batch.items.map((it) => it.order.orderId),
    results,
    { batchId: batch.batchId },
  );
}

/**
 * The platform's bulk-ship file for a batch (`shippingOf(batch).file`).
 * @example
 * bulkShipFileOf(batch).csv; // '\uFEFF订单号,快递公司,快递单号\r\n3718…,中通,ZT…\r\n'
 */
export function bulkShipFileOf(batch: BatchDetail): BulkShipFile {
  return shippingOf(batch).file;
}

/**
 * Carrier display name on a platform (`ZTO` → `中通` on WeChat), in English on an English page
 * (issue 21 item 9), or the text as given; for showing only (Preact renders it as text), never
 * for the bulk-ship file or lines.
 * @example
 * carrierName('wechat', 'ZTO'); // '中通'
 * carrierName('wechat', 'ZTO', 'en'); // 'ZTO Express'
 */
export function carrierName(platform: PlatformId, carrier: string, lang: 'zh' | 'en' = 'zh'): string {
  const code = readCarrier(carrier);
  if (lang === 'en' && code && code in carrierNames) return carrierNames[code].en;
  return (code && shipCarrierNames[platform]?.[code]) || carrier;
}
