/**
 * The bulk-ship file after printing (issues 7 and 18): printed orders, less the ones the gate
 * holds (refunded, closed or changed since printing, unless overridden), each with the job's
 * carrier and its waybill number. Pure; core's `writeBulkShipFile` writes the platform's format.
 * @module
 */
import type { PrintJobDocument } from '../../messages/print';

/** A row of the bulk-ship file. */
export interface ShipRow {
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
}

/**
 * The rows for the file. Rule: only printed documents, only those the gate let pass, in the
 * job's order, with the job's carrier.
 * @example
 * shipRows(job.documents, new Set(check.pass), job.carrier);
 */
export function shipRows(
  docs: readonly Pick<PrintJobDocument, 'orderId' | 'state' | 'trackingNumber'>[],
  pass: ReadonlySet<string>,
  carrier: string,
): ShipRow[] {
  return docs
    .filter((d) => d.state === 'printed' && pass.has(d.orderId))
    .map((d) => ({ orderId: d.orderId, carrier, trackingNumber: d.trackingNumber }));
}
