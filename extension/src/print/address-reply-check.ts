/**
 * The extension page's check of an order tab's address reply (messages/address.ts). The reply
 * comes from a content script on a web page: hostile until checked. Rule: only orders this page
 * asked for, each once; at most as many answers as asked; a `detailed` answer counts only when
 * core reads its address as detailed (`detailedAddress`), its virtual number parses (core
 * `parseVirtualNumber`), the number matches the one the page holds for the order (if it holds
 * one) and the address's region matches the masked one it holds (else `mismatch`: the buyer may
 * have changed the address since the selection). Anything else is dropped, never trusted.
 * @module
 */
import { maskAddress, parseVirtualNumber, type OrderView, type VirtualNumber } from '@shipmask/core';
import { ADDRESS_CHANNEL_LIMITS, detailedAddress } from '../messages/address';

/** A detailed address from the order page, with the virtual number its row shows. */
export interface PageAddress {
  readonly address: string;
  readonly virtual: VirtualNumber;
}

/**
 * What the order page gave for one asked order: `detailed` (in `found`), `masked` (not revealed
 * yet), `not-virtual` (no virtual number on the row), `no-address`, `mismatch` (the row's address
 * or number is not the selected order's), `missing` (the row is not on the page).
 */
export type PageAddressState = 'detailed' | 'masked' | 'not-virtual' | 'no-address' | 'mismatch' | 'missing';

/** A checked reply. */
export type CheckedReply =
  | {
      readonly ok: true;
      readonly found: ReadonlyMap<string, PageAddress>;
      readonly states: ReadonlyMap<string, PageAddressState>;
    }
  | { readonly ok: false; readonly reason: 'not-an-order-list' | 'other-shop' | 'bad-reply' };

const STATES: ReadonlySet<string> = new Set(['masked', 'not-virtual', 'no-address']);
const SHORT = 32;

const str = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;

/** Regions agree unless both name a province, a city or a district and the names differ. */
function sameRegion(detailed: string, masked: string | undefined): boolean {
  if (!masked) return true;
  const a = maskAddress(detailed).region;
  const b = maskAddress(masked).region;
  return (['province', 'city', 'district'] as const).every(
    (k) => a[k] === undefined || b[k] === undefined || a[k] === b[k],
  );
}

/**
 * Check one reply against the orders asked (by id). Never throws.
 * @example
 * checkAddressReply(reply, new Map([[order.orderId, order]]));
 * // { ok: true, found: Map { '3718…' => { address: '广东省…888号', virtual } }, states: Map { '3718…' => 'detailed' } }
 */
export function checkAddressReply(reply: unknown, asked: ReadonlyMap<string, OrderView>): CheckedReply {
  try {
    return check(reply, asked);
  } catch {
    // A hostile getter or proxy: nothing from this reply is used.
    return { ok: false, reason: 'bad-reply' };
  }
}

function check(reply: unknown, asked: ReadonlyMap<string, OrderView>): CheckedReply {
  if (typeof reply !== 'object' || reply === null) return { ok: false, reason: 'bad-reply' };
  const r = reply as { ok?: unknown; reason?: unknown; orders?: unknown; missing?: unknown };
  if (r.ok === false)
    return {
      ok: false,
      reason: r.reason === 'not-an-order-list' || r.reason === 'other-shop' ? r.reason : 'bad-reply',
    };
  const limit = Math.min(asked.size, ADDRESS_CHANNEL_LIMITS.orders);
  if (
    r.ok !== true ||
    !Array.isArray(r.orders) ||
    !Array.isArray(r.missing) ||
    r.orders.length > limit ||
    r.missing.length > limit
  )
    return { ok: false, reason: 'bad-reply' };
  const found = new Map<string, PageAddress>();
  const states = new Map<string, PageAddressState>();
  for (const a of r.orders as unknown[]) {
    if (typeof a !== 'object' || a === null) continue;
    const x = a as { orderId?: unknown; state?: unknown; address?: unknown; virtual?: unknown };
    const id = str(x.orderId, 64);
    const order = id === undefined ? undefined : asked.get(id);
    if (id === undefined || !order || states.has(id)) continue;
    if (typeof x.state === 'string' && STATES.has(x.state)) {
      states.set(id, x.state as PageAddressState);
      continue;
    }
    if (x.state !== 'detailed') continue;
    const address = detailedAddress(x.address);
    const v = x.virtual as { main?: unknown; ext?: unknown } | null | undefined;
    const main = typeof v === 'object' && v !== null ? str(v.main, SHORT) : undefined;
    const ext = typeof v === 'object' && v !== null ? str(v.ext, SHORT) : undefined;
    const virtual = main !== undefined && ext !== undefined ? parseVirtualNumber(`${main}-${ext}`) : null;
    if (address === undefined || !virtual) continue;
    const held = order.receiver.virtual;
    if (
      (held && (held.main !== virtual.main || held.ext !== virtual.ext)) ||
      !sameRegion(address, order.receiver.address)
    ) {
      states.set(id, 'mismatch');
      continue;
    }
    states.set(id, 'detailed');
    found.set(id, { address, virtual });
  }
  for (const m of r.missing as unknown[]) {
    const id = str(m, 64);
    if (id !== undefined && asked.has(id) && !states.has(id)) states.set(id, 'missing');
  }
  return { ok: true, found, states };
}

/**
 * The selection's orders with the virtual number the order page showed where the page held none
 * (京东 lists it on some rows only; a reveal shows it): the label needs it. Orders without a page
 * address are returned as they are.
 * @example
 * withPageVirtuals(orders, found)[0].receiver.virtual; // { main: '17692517802', ext: '2776' }
 */
export function withPageVirtuals(
  orders: readonly OrderView[],
  found: ReadonlyMap<string, PageAddress>,
): readonly OrderView[] {
  if (found.size === 0) return orders;
  return orders.map((o) => {
    const p = found.get(o.orderId);
    return p && !o.receiver.virtual ? { ...o, receiver: { ...o.receiver, virtual: p.virtual } } : o;
  });
}

/**
 * The hand-off's extras (messages/handoff.ts) with the virtual numbers the order page showed for
 * orders that hold none and whose extra carries none: the background then plans those orders as
 * labels (virtual number + sealed address) like the page does.
 * @example
 * pageVirtualExtras(orders, [], found); // [{ orderId: '322561320014', virtual: { main, ext } }]
 */
export function pageVirtualExtras<
  E extends { readonly orderId: string; readonly virtual?: { readonly main: string; readonly ext: string } },
>(
  orders: readonly OrderView[],
  extras: readonly E[],
  found: ReadonlyMap<string, PageAddress>,
): (
  | E
  | {
      readonly orderId: string;
      readonly virtual: VirtualNumber;
    }
)[] {
  if (found.size === 0) return [...extras];
  const byId = new Map(extras.map((e) => [e.orderId, e]));
  const out: (E | { readonly orderId: string; readonly virtual: VirtualNumber })[] = [];
  for (const e of extras) {
    const p = found.get(e.orderId);
    const held = orders.find((o) => o.orderId === e.orderId)?.receiver.virtual;
    out.push(p && !e.virtual && !held ? { ...e, virtual: p.virtual } : e);
  }
  for (const o of orders) {
    const p = found.get(o.orderId);
    if (p && !o.receiver.virtual && !byId.has(o.orderId))
      out.push({ orderId: o.orderId, virtual: p.virtual });
  }
  return out;
}
