/**
 * Waybill numbers on the page (issue 21 item 3): from the pasted list, the per-order boxes or a
 * 号段 start (waybill-entry.ts reads and checks them); a loaded job keeps its own numbers and its
 * inputs are locked. Pure.
 * @module
 */
import type { PrintJobView } from '../../messages/print';
import { numberRange } from '../build';
import { numbersFromList, numbersPerOrder, type WaybillEntry, type WaybillEntryMode } from '../waybill-entry';

/** The page's raw number inputs. */
export interface NumberInputs {
  readonly job: Pick<PrintJobView, 'documents'> | undefined;
  readonly mode: WaybillEntryMode;
  readonly list: string;
  readonly each: ReadonlyMap<string, string>;
  readonly start: string;
  readonly orderIds: readonly string[];
}

/** What the inputs give the planner and the number block. */
export interface WaybillNumbersState {
  /** Numbers per order read from the list or the boxes (range mode and jobs: none). */
  readonly entry: WaybillEntry | undefined;
  /** Numbers in order from the 号段 start (range mode only). */
  readonly trackingNumbers: readonly string[];
  /** Numbers per order the planner must use (a job's, or the entry's). */
  readonly trackingByOrder: ReadonlyMap<string, string> | undefined;
  /** How many orders have a number (the block's count). */
  readonly given: number;
  /** The mode shown (a job shows its range). */
  readonly mode: WaybillEntryMode;
  /** A job's first number, shown in the locked range box. */
  readonly jobFirst: string | undefined;
}

/**
 * Turn the inputs into numbers. Rules: a job's documents decide every number and nothing typed
 * counts; else range mode counts up from the start for every order, list mode reads the pasted
 * lines, each mode the boxes.
 * @example
 * waybillNumbers({ job: undefined, mode: 'range', list: '', each: new Map(), start: 'JD01', orderIds: ['a', 'b'] }).trackingNumbers; // ['JD01', 'JD02']
 */
export function waybillNumbers(i: NumberInputs): WaybillNumbersState {
  if (i.job) {
    return {
      entry: undefined,
      trackingNumbers: [],
      trackingByOrder: new Map(i.job.documents.map((d) => [d.orderId, d.trackingNumber])),
      given: i.job.documents.length,
      mode: 'range',
      jobFirst: i.job.documents[0]?.trackingNumber ?? '',
    };
  }
  if (i.mode === 'range') {
    const trackingNumbers = numberRange(i.start, i.orderIds.length);
    return {
      entry: undefined,
      trackingNumbers,
      trackingByOrder: undefined,
      given: trackingNumbers.length,
      mode: 'range',
      jobFirst: undefined,
    };
  }
  const entry = i.mode === 'list' ? numbersFromList(i.list, i.orderIds) : numbersPerOrder(i.each);
  return {
    entry,
    trackingNumbers: [],
    trackingByOrder: entry.byOrder,
    given: entry.byOrder.size,
    mode: i.mode,
    jobFirst: undefined,
  };
}
