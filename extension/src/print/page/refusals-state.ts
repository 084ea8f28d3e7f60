/**
 * The orders the page does not print, as the merchant reads them (issue 21 item 7): refusals
 * grouped by reason (status refusals per status), a missing waybill number listed apart as the
 * next step, and after a reload of a job the orders it already printed shown as printed, never
 * as refused. Pure.
 * @module
 */
import type { PrintJobView } from '../../messages/print';
import type { Refusal } from '../build';
import type { PrintStrings } from '../i18n';

/** The refusal code that is a next step (type the number), not a refusal. */
export const NEEDS_NUMBER = 'no-tracking-number';

/**
 * The refusals the page shows. Rule: an order the loaded job already printed is never listed as
 * refused (its in-memory address is gone after a reload, its label is not).
 * @example
 * visibleRefusals(plan.refused, job);
 */
export function visibleRefusals(
  refused: readonly Refusal[],
  job: Pick<PrintJobView, 'documents'> | undefined,
): readonly Refusal[] {
  const done = new Set(job?.documents.filter((d) => d.state === 'printed').map((d) => d.orderId));
  return done.size === 0 ? refused : refused.filter((r) => !done.has(r.orderId));
}

/**
 * The group a refusal is listed under. Rule: its code; a status refusal per status
 * (`not-awaiting-shipment:closed`), so each heading names the status.
 * @example
 * refusalGroupKey({ orderId: 'a', code: 'not-awaiting-shipment', message: '', status: 'closed' });
 */
export function refusalGroupKey(r: Refusal): string {
  return r.code === 'not-awaiting-shipment' ? `${r.code}:${r.status ?? ''}` : r.code;
}

/** The refusals as shown: the next step apart, the rest grouped in first-seen order. */
export interface RefusalSummary {
  readonly needsNumber: readonly Refusal[];
  readonly groups: readonly (readonly [string, readonly Refusal[]])[];
  /** Refused orders, the next step not counted. */
  readonly refusedCount: number;
}

/**
 * Split and group refusals. Rule: `no-tracking-number` goes to `needsNumber`; every other refusal
 * is in exactly one group (by `refusalGroupKey`, groups and members in the order given), so
 * `needsNumber.length + refusedCount` is the number of refusals.
 * @example
 * summarizeRefusals(visibleRefusals(plan.refused, job)).groups.map(([key, rs]) => rs.length);
 */
export function summarizeRefusals(refusals: readonly Refusal[]): RefusalSummary {
  const needsNumber: Refusal[] = [];
  const groups = new Map<string, Refusal[]>();
  for (const r of refusals) {
    if (r.code === NEEDS_NUMBER) {
      needsNumber.push(r);
      continue;
    }
    const key = refusalGroupKey(r);
    const members = groups.get(key);
    if (members) members.push(r);
    else groups.set(key, [r]);
  }
  return { needsNumber, groups: [...groups], refusedCount: refusals.length - needsNumber.length };
}

/**
 * The sentence for a refusal. Rule: a status refusal names the status in the page's language
 * (the raw status when unknown); another refusal uses the page's sentence for its code, else
 * core's message.
 * @example
 * refusalReason(printStrings('zh'), refusal);
 */
export function refusalReason(
  t: Pick<PrintStrings, 'notAwaiting' | 'orderStatus' | 'reasons'>,
  r: Refusal,
): string {
  const statuses: Readonly<Record<string, string>> = t.orderStatus;
  const reasons: Readonly<Record<string, string>> = t.reasons;
  return r.code === 'not-awaiting-shipment'
    ? t.notAwaiting(statuses[r.status ?? 'unknown'] ?? r.status ?? '')
    : (reasons[r.code] ?? r.message);
}
