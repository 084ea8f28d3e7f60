/**
 * Row badges of the exception gate (issue 18): time left to ship (or overdue), held, mergeable,
 * printed-and-to-intercept.
 * @module
 */
import { timeLeft } from '@shipmask/core';
import type { Badge } from '../ui/badge';
import type { GateOverview } from '../messages/gate';
import { gateStrings, type GateLang } from './i18n';

/** Per-order lookups of an overview, built once per overview. */
export interface GateIndex {
  readonly held: ReadonlyMap<string, string>;
  readonly merged: ReadonlySet<string>;
  readonly intercept: ReadonlySet<string>;
  readonly shipBy: Readonly<Record<string, number>>;
}

/**
 * Index an overview by order id.
 * @example
 * indexOverview(overview).merged.has('3718…'); // true when the order is in a 可合并 group
 */
export function indexOverview(o: GateOverview, lang: GateLang): GateIndex {
  const t = gateStrings(lang);
  return {
    held: new Map(o.held.map((h) => [h.orderId, h.holds.map((x) => t.reason[x.reason]).join('、')])),
    merged: new Set(o.groups.flatMap((g) => g.orderIds)),
    intercept: new Set(o.intercepts.map((n) => n.orderId)),
    shipBy: o.shipBy,
  };
}

/**
 * The gate badges of one order.
 * @example
 * gateBadges('1', index, Date.now(), 'zh', 12); // [{ kind: 'due', label: '剩3小时0分' }]
 */
export function gateBadges(
  orderId: string,
  index: GateIndex | undefined,
  now: number,
  lang: GateLang,
  dueWithinHours: number,
): Badge[] {
  if (!index) return [];
  const t = gateStrings(lang);
  const out: Badge[] = [];
  if (index.intercept.has(orderId)) out.push({ kind: 'intercept', label: t.intercept });
  const why = index.held.get(orderId);
  if (why !== undefined) out.push({ kind: 'held', label: why });
  const at = index.shipBy[orderId];
  if (at !== undefined) {
    const l = timeLeft(at, now, { dueWithinHours });
    if (l.state === 'overdue') out.push({ kind: 'late', label: t.late(l.hours, l.minutes) });
    else if (l.state === 'due-soon') out.push({ kind: 'due', label: t.left(l.hours, l.minutes) });
  }
  if (index.merged.has(orderId)) out.push({ kind: 'merge', label: t.merge });
  return out;
}
