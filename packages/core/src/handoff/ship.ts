/**
 * From a batch's returned results to what the back-office takes (issue 14 item 2): the
 * platform's bulk-ship file and the `订单号,快递公司,快递单号` lines its bulk-ship text box
 * accepts pasted (JD). Both come from the same rows, checked by core's bulk-ship writer
 * (`writeBulkShipFile`: platform order number, a carrier the platform accepts, a 6–40 character
 * tracking number; anything else is left out and reported) and written by the CSV writer, so no
 * consumer ever joins raw result strings. Only shipped results for orders of the batch become
 * rows; a result for another order id is refused (reported, never written).
 * @module
 */
import { writeBulkShipFile, type BulkShipFile, type BulkShipProblem } from '../files/bulk-ship.js';
import { writeCsv } from '../files/csv-write.js';
import type { PlatformId } from '../types.js';
import type { ReturnResult } from './return-code.js';

/** What `shipFromReturn` gives. */
export interface ReturnShipping {
  /** The bulk-ship file (`csv`, `table`, `fileName`, `written`, `problems`). */
  readonly file: BulkShipFile;
  /** The same rows as text-box lines (`订单号,快递公司,快递单号`, `\n` between lines, no header). */
  readonly lines: string;
  /** Results the supplier could not ship (left out of both). */
  readonly cannotShip: number;
}

/**
 * Build the bulk-ship file and text-box lines of a batch's results. `orderIds` are the batch's
 * orders: a result for any other id is reported as `bad-order-id` and not written; problems
 * index into `results`. Never throws.
 * @example
 * const s = shipFromReturn('jd', ['3718000000000001234'], [{ orderId: '3718000000000001234', status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567890' }], { batchId: 'q3Zk8Jd0WcLm' });
 * s.lines; // '3718000000000001234,中通快递,ZT1234567890'
 * s.file.fileName; // 'jd-bulk-ship-q3Zk8Jd0WcLm.csv'
 */
export function shipFromReturn(
  platform: PlatformId,
  orderIds: readonly string[],
  results: readonly ReturnResult[],
  options: { readonly batchId?: string } = {},
): ReturnShipping {
  const inBatch = new Set(Array.isArray(orderIds) ? orderIds : []);
  const rows: { orderId: string; carrier: string; trackingNumber: string }[] = [];
  const rowIndex: number[] = [];
  const refused: BulkShipProblem[] = [];
  let cannotShip = 0;
  (Array.isArray(results) ? results : []).forEach((r: ReturnResult, index) => {
    if (r?.status === 'cannot-ship') {
      cannotShip++;
      return;
    }
    if (r?.status !== 'shipped') return;
    if (!inBatch.has(r.orderId)) {
      refused.push({ index, orderId: '', code: 'bad-order-id', message: 'the order is not in this batch' });
      return;
    }
    rows.push({ orderId: r.orderId, carrier: r.carrier, trackingNumber: r.waybill });
    rowIndex.push(index);
  });
  const written = writeBulkShipFile(platform, rows);
  const problems = [
    ...refused,
    ...written.problems.map((p) => ({ ...p, index: rowIndex[p.index] ?? p.index })),
  ].sort((a, b) => a.index - b.index);
  const batchId = options.batchId;
  const fileName =
    typeof batchId === 'string' && /^[A-Za-z0-9_-]{1,64}$/u.test(batchId)
      ? `${platform}-bulk-ship-${batchId}.csv`
      : written.fileName;
  const lines = writeCsv(written.table.slice(1), { bom: false, eol: '\n' }).replace(/\n$/u, '');
  return { file: { ...written, fileName, problems }, lines, cannotShip };
}
