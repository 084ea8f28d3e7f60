/**
 * One bulk-ship file from the return codes of several batches (issue 17, item 4): the batches a
 * multi-supplier selection became, or every batch of a shop with results. Rules:
 * - the platforms' bulk-ship files (抖店 订单编号, 视频号/微信小店 订单号, 京东 订单号; core's
 *   `writeBulkShipFile`) take ONE row per order with ONE tracking number, and no seed says
 *   otherwise. So an order split into several parcels is shipped in the file by ONE parcel: the
 *   first parcel (lowest `rank`: the batch's place in its selection, i.e. the order the split
 *   was shown in; ties by batch id) that the supplier did not mark as cannot-ship. Its other
 *   shipped parcels are listed as `extraParcels` for the merchant to add by hand in the
 *   back-office (追加包裹 / 补充运单), never as a second row;
 * - while that first parcel has no result yet, the order is `waiting` and not in the file (a
 *   later parcel's number never ships the order ahead of it, so a later import cannot turn the
 *   file's row for that order into a different number);
 * - an order whose every parcel cannot ship is left out and listed in `cannotShip` (as is each
 *   cannot-ship parcel of an order that ships otherwise);
 * - the file is the same whatever order the parcels come in (rows sorted by order id, parcels by
 *   rank then batch id; a parcel named twice counts once): merging returns in any order gives the
 *   same file (property-tested), and no order appears twice.
 * @module
 */
import { writeBulkShipFile, type BulkShipFile } from '../files/bulk-ship.js';
import { writeCsv } from '../files/csv-write.js';
import type { PlatformId } from '../types.js';
import type { ReturnResult } from './return-code.js';

/**
 * One parcel: an order line of one batch, its rank and the supplier's result (if returned).
 * @example
 * const p: ParcelResult = { orderId: '6921…', batchId: 'q3Zk8Jd0WcLm', rank: 0,
 *   result: { orderId: '6921…', status: 'shipped', carrier: 'ZTO', waybill: '78901234567890' } };
 */
export interface ParcelResult {
  readonly orderId: string;
  readonly batchId: string;
  /** Lower ships the order first (the batch's part index in its selection). */
  readonly rank: number;
  readonly result?: ReturnResult | undefined;
}

/** What `mergeParcelShipments` gives. */
export interface MergedShipping {
  /** The bulk-ship file: one row per order, shipped by its first parcel. */
  readonly file: BulkShipFile;
  /** The same rows as text-box lines (`订单号,快递公司,快递单号`, no header). */
  readonly lines: string;
  /** Orders in the file and the parcel (batch) whose number ships them. */
  readonly shipped: readonly { readonly orderId: string; readonly batchId: string }[];
  /**
   * Further shipped parcels of split orders: add them by hand (追加包裹 / 补充运单) once the order
   * is shipped by its first parcel.
   */
  readonly extraParcels: readonly {
    readonly orderId: string;
    readonly batchId: string;
    readonly carrier: string;
    readonly waybill: string;
  }[];
  /** Parcels with no result yet; `blocksOrder` when the order waits for it (not in the file). */
  readonly waiting: readonly {
    readonly orderId: string;
    readonly batchId: string;
    readonly blocksOrder: boolean;
  }[];
  /** Parcels the supplier could not ship; `orderShips` when another parcel ships the order. */
  readonly cannotShip: readonly {
    readonly orderId: string;
    readonly batchId: string;
    readonly reason: string;
    readonly orderShips: boolean;
  }[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (r: ReturnResult | undefined): string => (r === undefined ? '' : JSON.stringify(r));

/**
 * Merge the parcels of several batches into one bulk-ship file (module rules). Never throws.
 * @example
 * const m = mergeParcelShipments('douyin', [
 *   { orderId: '6921000000000001', batchId: 'b2', rank: 1, result: { orderId: '6921000000000001', status: 'shipped', carrier: 'YTO', waybill: 'YT0000000002' } },
 *   { orderId: '6921000000000001', batchId: 'b1', rank: 0, result: { orderId: '6921000000000001', status: 'shipped', carrier: 'ZTO', waybill: '78901234567890' } },
 * ]);
 * m.lines; // '6921000000000001,中通快递,78901234567890'
 * m.extraParcels; // [{ orderId: '6921000000000001', batchId: 'b2', carrier: 'YTO', waybill: 'YT0000000002' }]
 */
export function mergeParcelShipments(
  platform: PlatformId,
  parcels: readonly ParcelResult[],
  options: { readonly name?: string } = {},
): MergedShipping {
  const byOrder = new Map<string, ParcelResult[]>();
  for (const p of (Array.isArray(parcels) ? parcels : []) as readonly ParcelResult[]) {
    if (typeof p?.orderId !== 'string' || typeof p.batchId !== 'string') continue;
    // A result filed under another order id is not this parcel's result.
    const result = p.result && p.result.orderId === p.orderId ? p.result : undefined;
    const rank = typeof p.rank === 'number' && Number.isFinite(p.rank) ? p.rank : Number.MAX_SAFE_INTEGER;
    const list = byOrder.get(p.orderId) ?? [];
    list.push({ orderId: p.orderId, batchId: p.batchId, rank, ...(result ? { result } : {}) });
    byOrder.set(p.orderId, list);
  }
  const rows: { orderId: string; carrier: string; trackingNumber: string }[] = [];
  const shipped: { orderId: string; batchId: string }[] = [];
  const extraParcels: { orderId: string; batchId: string; carrier: string; waybill: string }[] = [];
  const waiting: { orderId: string; batchId: string; blocksOrder: boolean }[] = [];
  const cannotShip: { orderId: string; batchId: string; reason: string; orderShips: boolean }[] = [];
  for (const orderId of [...byOrder.keys()].sort(cmp)) {
    // Parcels in rank order; one parcel per batch (a duplicate with a result wins, then content).
    const sorted = byOrder
      .get(orderId)!
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          cmp(a.batchId, b.batchId) ||
          (a.result ? 0 : 1) - (b.result ? 0 : 1) ||
          cmp(key(a.result), key(b.result)),
      );
    const list = sorted.filter((p, i) => i === 0 || p.batchId !== sorted[i - 1]!.batchId);
    const first = list.find((p) => p.result?.status !== 'cannot-ship');
    const ships = first?.result?.status === 'shipped';
    for (const p of list) {
      const r = p.result;
      if (r === undefined) waiting.push({ orderId, batchId: p.batchId, blocksOrder: p === first });
      else if (r.status === 'cannot-ship')
        cannotShip.push({ orderId, batchId: p.batchId, reason: r.reason, orderShips: ships });
      else if (p === first) {
        rows.push({ orderId, carrier: r.carrier, trackingNumber: r.waybill });
        shipped.push({ orderId, batchId: p.batchId });
      } else extraParcels.push({ orderId, batchId: p.batchId, carrier: r.carrier, waybill: r.waybill });
    }
  }
  const written = writeBulkShipFile(platform, rows);
  const name = options.name;
  const fileName =
    typeof name === 'string' && /^[A-Za-z0-9_-]{1,64}$/u.test(name)
      ? `${platform}-bulk-ship-${name}.csv`
      : written.fileName;
  // Rows the platform would refuse are not shipped by this file.
  const refused = new Set(written.problems.map((p) => p.index));
  const lines = writeCsv(written.table.slice(1), { bom: false, eol: '\n' }).replace(/\n$/u, '');
  return {
    file: { ...written, fileName },
    lines,
    shipped: shipped.filter((_, i) => !refused.has(i)),
    extraParcels,
    waiting,
    cannotShip,
  };
}
