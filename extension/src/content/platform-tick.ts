/**
 * The content script's side of 平台打单 (issue 16): the print page asks the order-list tab to tick
 * the orders it routed to the platform's own print. The request comes from the extension's own
 * page (`runtime.id` checked by the caller); it is checked here like any input: the platform and
 * shop must be this page's, at most 1,000 order ids of order-id shape.
 * @module
 */
import { adapterFor } from '../adapters';
import { tickRows } from '../adapters/platform-print';
import type { TickReply, TickRequest } from '../messages/print';
import { readShopId } from '../adapters/read';

const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/u;

/** True for a message of this type (anything else is ignored, not answered). */
export function isTickRequest(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'platform-print/tick';
}

/**
 * Check a tick request and tick the rows on this page. Rule: a malformed request, a page that is
 * not an order list, or another shop's page ticks nothing.
 * @example
 * handleTick({ type: 'platform-print/tick', shop, orderIds }, document, location.href);
 */
export function handleTick(m: unknown, doc: Document, url: string): TickReply {
  const r = m as Partial<TickRequest> | null;
  const ids = r?.orderIds;
  const shop = r?.shop;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > 1000 ||
    !ids.every((x) => typeof x === 'string' && ORDER_ID.test(x)) ||
    typeof shop?.platform !== 'string' ||
    typeof shop.shopId !== 'string'
  ) {
    return { ok: false, reason: 'bad-request' };
  }
  const adapter = adapterFor(url);
  if (!adapter) return { ok: false, reason: 'not-an-order-list' };
  if (adapter.platform !== shop.platform || readShopId(doc, adapter) !== shop.shopId) {
    return { ok: false, reason: 'other-shop' };
  }
  return { ok: true, ...tickRows(doc, adapter, ids as string[]) };
}
