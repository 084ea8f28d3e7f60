/**
 * Ask the order page for detailed addresses at print time (messages/address.ts): the tab the
 * selection came from first, then any other back-office tab (the content script answers only for
 * its own shop). The request goes from this extension page straight to the tab
 * (`tabs.sendMessage`), the reply comes back only here; every reply is checked
 * (address-reply-check.ts) and the result lives in this page's memory only.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import { ADDRESS_CHANNEL_LIMITS, ADDRESS_REQUEST, type AddressRequest } from '../messages/address';
import type { ShopRef } from '../messages/shared';
import { allBackOfficeMatches, demoMatches } from '../origins';
import { checkAddressReply, type PageAddress, type PageAddressState } from './address-reply-check';

/** What this module needs of the browser (tests pass a fake). */
export interface AddressTabsApi {
  query(q: { url: string[] }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * The result: `tab` says whether an order-list tab of this shop answered (`answered`), only tabs
 * of other shops or pages did (`other-shop`), or none (`no-tab`: closed, navigated away).
 */
export interface OrderPageAddresses {
  readonly tab: 'answered' | 'other-shop' | 'no-tab';
  readonly found: ReadonlyMap<string, PageAddress>;
  readonly states: ReadonlyMap<string, PageAddressState>;
}

/** Which answer wins when two tabs answer for one order: the more useful one. */
const RANK: Readonly<Record<PageAddressState, number>> = {
  detailed: 5,
  mismatch: 4,
  masked: 3,
  'no-address': 2,
  'not-virtual': 1,
  missing: 0,
};

/**
 * Ask the shop's order pages for the addresses of `orders` (at most 1,000). Rule: the source tab
 * first; other tabs only for orders still without a detailed address; a tab that does not answer
 * (gone, navigated, no content script) or answers for another shop gives nothing.
 * @example
 * await askOrderPages({ platform: 'wechat', shopId: 'wx1' }, orders, 42);
 * // { tab: 'answered', found: Map { '3718…' => { address, virtual } }, states: Map { … } }
 */
export async function askOrderPages(
  shop: ShopRef,
  orders: readonly OrderView[],
  sourceTab: number | undefined,
  tabs: AddressTabsApi = browser.tabs,
): Promise<OrderPageAddresses> {
  const asked = new Map(orders.slice(0, ADDRESS_CHANNEL_LIMITS.orders).map((o) => [o.orderId, o]));
  const found = new Map<string, PageAddress>();
  const states = new Map<string, PageAddressState>();
  let tab: OrderPageAddresses['tab'] = 'no-tab';
  if (asked.size === 0) return { tab, found, states };
  // Dev and test builds also reach the demo back-offices on 127.0.0.1 (as the manifest does).
  const url =
    import.meta.env.MODE === 'production'
      ? [...allBackOfficeMatches]
      : [...allBackOfficeMatches, ...demoMatches];
  const ask = async (tabId: number): Promise<void> => {
    const open = [...asked.keys()].filter((id) => !found.has(id));
    const request: AddressRequest = { type: ADDRESS_REQUEST, shop, orderIds: open };
    const reply = await tabs.sendMessage(tabId, request).catch(() => undefined);
    if (reply === undefined) return;
    const checked = checkAddressReply(reply, asked);
    if (!checked.ok) {
      if (checked.reason === 'other-shop' && tab === 'no-tab') tab = 'other-shop';
      return;
    }
    tab = 'answered';
    for (const [id, state] of checked.states) {
      const was = states.get(id);
      if (was !== undefined && RANK[was] >= RANK[state]) continue;
      states.set(id, state);
      const p = checked.found.get(id);
      if (p) found.set(id, p);
    }
  };
  if (sourceTab !== undefined) await ask(sourceTab);
  if (found.size < asked.size) {
    for (const t of await tabs.query({ url }).catch(() => [])) {
      if (found.size >= asked.size) break;
      if (t.id !== undefined && t.id !== sourceTab) await ask(t.id);
    }
  }
  return { tab, found, states };
}

/**
 * The source tab id a page was opened with (`?tab=<id>`, set by the background from the sender of
 * `selection/open`), or undefined. Only a positive safe integer counts.
 * @example
 * sourceTabOf('?sel=s1&tab=42'); // 42
 * sourceTabOf('?tab=1e3'); // undefined
 */
export function sourceTabOf(search: string): number | undefined {
  const raw = new URLSearchParams(search.slice(0, 2048)).get('tab');
  if (raw === null || !/^[1-9]\d{0,9}$/u.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A new answer over the last one. Rule: an address the order page showed stays in memory when a
 * later ask finds the row hidden again, masked or gone (the merchant legitimately saw it at print
 * time); a `mismatch` drops it (the page now shows another address or number for the order); the
 * newer answer wins everywhere else.
 * @example
 * mergeOrderPageAddresses(before, after).found.has('3718…'); // true though `after` says masked
 */
export function mergeOrderPageAddresses(
  before: OrderPageAddresses | undefined,
  after: OrderPageAddresses,
): OrderPageAddresses {
  if (!before || before.found.size === 0) return after;
  const found = new Map(before.found);
  const states = new Map(after.states);
  for (const [id, state] of after.states) if (state === 'mismatch') found.delete(id);
  for (const [id, p] of after.found) found.set(id, p);
  for (const id of found.keys()) states.set(id, 'detailed');
  return { tab: after.tab, found, states };
}
