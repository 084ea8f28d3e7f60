/**
 * Merge hints (issue 18, item 3): orders of one shop awaiting shipment that go to the same buyer
 * and address are grouped as "可合并", so one parcel and one label can carry them all.
 * @module
 */
import { keyedHasher, type KeyedHasher } from '../gate/keyed-hash.js';
import type { OrderStatus, OrderView } from '../types.js';

/** The label the panel shows on a merge group. */
export const MERGE_LABEL = '可合并';

/**
 * What merging reads of an order: its shop, status and receiver as shown (masked), plus the
 * platform's own merge key where the page shows one (WeChat's `hash_code`).
 * @example
 * const o: MergeOrder = { platform: 'wechat', shopId: 's', orderId: '1', status: 'awaiting_shipment', receiver: { name: '张*' }, mergeKey: 'abc' };
 */
export type MergeOrder = Pick<OrderView, 'platform' | 'shopId' | 'orderId' | 'status' | 'receiver'> & {
  readonly mergeKey?: string;
};

/**
 * A group of orders that may ship as one parcel.
 * @example
 * const g: MergeGroup = { id: '…64 hex…', basis: 'shown', orderIds: ['1', '2'] };
 */
export interface MergeGroup {
  /** Keyed hash (HMAC-SHA256 under the shop key) of the group's identity; no receiver text. */
  readonly id: string;
  /** `platform`: the page's own merge key; `shown`: masked name + address + phone + virtual main number. */
  readonly basis: 'platform' | 'shown';
  /** Order ids, ascending. At least two. */
  readonly orderIds: readonly string[];
}

/** Options of `mergeGroups`. */
export interface MergeOptions {
  /** Statuses that may merge. Default: awaiting shipment only. */
  readonly statuses?: readonly OrderStatus[];
}

/** Longest text of one identity part; longer parts make the order unmergeable (limit before work). */
const MAX_PART = 500;
const HAS_WS = /\s/u;
const WS = /\s+/gu;
/** Separates identity parts; removed from parts so no two part lists join to one text. */
const SEP = '\u0001';
/**
 * A part with whitespace (masks and pages space text differently) and separators removed; too
 * long → undefined.
 */
function part(s: unknown): string | undefined {
  if (typeof s !== 'string' || s.length > MAX_PART) return undefined;
  const t = HAS_WS.test(s) ? s.replace(WS, '') : s;
  return t.includes(SEP) ? t.replaceAll(SEP, '') : t;
}

/**
 * The in-memory identity text of an order's buyer and address, or `undefined` when the order
 * cannot be matched. Rule: platform + shop + the page's merge key when shown; otherwise platform +
 * shop + masked name + masked phone + the address as shown + region + the virtual number's main
 * number (not the extension), whitespace removed; an address and a name or phone are required.
 * Never stored: `mergeGroups` stores only its keyed hash.
 * @example
 * mergeIdentity({ platform: 'jd', shopId: 's', orderId: '1', status: 'awaiting_shipment', receiver: { name: '李*' } }); // undefined (no address)
 */
export function mergeIdentity(order: MergeOrder): string | undefined {
  if (!order || typeof order.shopId !== 'string' || typeof order.platform !== 'string') return undefined;
  const shop = part(order.shopId) ?? '';
  const mk = part(order.mergeKey);
  if (mk) return `k${SEP}${order.platform}${SEP}${shop}${SEP}${mk}`;
  const r = order.receiver ?? {};
  const address = part(r.address);
  const name = part(r.name) ?? '';
  const phone = part(r.phone) ?? '';
  if (!address || (name === '' && phone === '')) return undefined;
  const g = r.region;
  const region = g
    ? `${part(g.province) ?? ''}${SEP}${part(g.city) ?? ''}${SEP}${part(g.district) ?? ''}`
    : `${SEP}${SEP}`;
  const main = part(r.virtual?.main) ?? '';
  return `s${SEP}${order.platform}${SEP}${shop}${SEP}${name}${SEP}${phone}${SEP}${address}${SEP}${region}${SEP}${main}`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Group mergeable orders. Rule: orders in an allowed status (default `awaiting_shipment`) with the
 * same `mergeIdentity` form a group when there are two or more distinct order ids (an order id seen
 * again counts once, as first seen); each group's id
 * is the keyed hash of the identity (HMAC-SHA256 under the shop key), so nothing stored holds
 * receiver text. Order ids ascending within a group, groups ordered by their first order id: the
 * result does not depend on input order, and grouping a group's orders again gives that group.
 * @example
 * const r = { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' };
 * const o = (orderId: string) => ({ platform: 'douyin' as const, shopId: 's', orderId, status: 'awaiting_shipment' as const, receiver: r });
 * mergeGroups([o('2'), o('1'), o('3')], new Uint8Array(32))[0]?.orderIds; // ['1', '2', '3']
 */
export function mergeGroups(
  orders: readonly MergeOrder[],
  key: Uint8Array | KeyedHasher,
  options: MergeOptions = {},
): readonly MergeGroup[] {
  const statuses = new Set<OrderStatus>(options.statuses ?? ['awaiting_shipment']);
  // one order id per identity until a second arrives: most buyers have one order
  const byIdentity = new Map<string, string | string[]>();
  const seen = new Set<string>();
  for (const o of (Array.isArray(orders) ? orders : []) as readonly MergeOrder[]) {
    if (!o || !statuses.has(o.status) || typeof o.orderId !== 'string' || o.orderId === '') continue;
    if (seen.has(o.orderId)) continue;
    seen.add(o.orderId);
    const id = mergeIdentity(o);
    if (id === undefined) continue;
    const had = byIdentity.get(id);
    if (had === undefined) byIdentity.set(id, o.orderId);
    else if (typeof had === 'string') byIdentity.set(id, [had, o.orderId]);
    else had.push(o.orderId);
  }
  const hash = typeof key === 'function' ? key : keyedHasher(key);
  const groups: MergeGroup[] = [];
  for (const [identity, ids] of byIdentity) {
    if (typeof ids === 'string') continue;
    groups.push({
      id: hash(identity),
      basis: identity.startsWith(`k${SEP}`) ? 'platform' : 'shown',
      orderIds: ids.sort(cmp),
    });
  }
  return groups.sort((a, b) => cmp(a.orderIds[0] ?? '', b.orderIds[0] ?? ''));
}
