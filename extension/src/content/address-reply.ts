/**
 * The content script's side of the print-time address channel (messages/address.ts): an extension
 * page (print or hand-off) asks this order-list tab for the detailed addresses of named orders.
 * The rows are read at the moment of the request and nothing is kept: no cache, no log, no
 * message to the background. Rule: an address is returned only for an order the request names,
 * only when its row shows a virtual number (core parses it), and only when the row shows a
 * detailed address (core's `detailedAddress`), i.e. after the merchant's own reveal (小眼睛 /
 * 查看), which reveal-guard.ts counts like every reveal. Nothing here clicks a reveal control.
 * @module
 */
import { adapterFor } from '../adapters';
import { readAddressText, readOrderId, readRow, readShopId } from '../adapters/read';
import { findRoots } from '../adapters/roots';
import { queryAllFirst } from '../adapters/select';
import type { SiteAdapter } from '../adapters/types';
import { createRowSource } from './row-source';
import {
  detailedAddress,
  readAddressRequest,
  type AddressAnswer,
  type AddressReply,
} from '../messages/address';

/**
 * What the rows of `doc` show now for `orderIds` (and nothing for any other row): one answer per
 * asked order found on the page, the others `missing`. Rows are looked for in the document and
 * its open shadow roots (微信小店's micro-app), through the adapter or, where its selectors find
 * nothing, content-based detection (as the overlay reads them). Pure DOM reading.
 * @example
 * readOrderPageAddresses(document, wechat, 'wx1', ['3718…'], Date.now());
 * // { orders: [{ orderId: '3718…', state: 'detailed', address: '广东省…888号', virtual: { main, ext } }], missing: [] }
 */
export function readOrderPageAddresses(
  doc: Document,
  adapter: SiteAdapter,
  shopId: string,
  orderIds: readonly string[],
  now: number,
): { orders: AddressAnswer[]; missing: string[] } {
  const wanted = new Set(orderIds);
  const answers = new Map<string, AddressAnswer>();
  // The overlay's rows: the adapter's, else content-based detection (a redesigned page).
  const { adapter: reader, rows } = createRowSource(doc, adapter).find(
    queryAllFirst(findRoots(doc), adapter.row),
  );
  for (const { element, blocks } of rows) {
    if (answers.size === wanted.size) break;
    const view = reader === adapter ? undefined : readRow(element, reader, shopId, now, false, blocks);
    // The order id first: rows of orders nobody asked for are not read any further.
    const id = view ? view.order.orderId : readOrderId(element, reader);
    if (id === undefined || !wanted.has(id) || answers.has(id)) continue;
    // A detected row may span several elements; an adapter's table order spans its `rowGroup`.
    answers.set(id, answerFor(element, reader === adapter ? undefined : blocks, reader, shopId, id, now));
  }
  const orders = orderIds.flatMap((id) => answers.get(id) ?? []);
  return { orders, missing: orderIds.filter((id) => !answers.has(id)) };
}

function answerFor(
  row: Element,
  blocks: readonly Element[] | undefined,
  adapter: SiteAdapter,
  shopId: string,
  orderId: string,
  now: number,
): AddressAnswer {
  // The masked view says whether the row shows a virtual number (core's parse of the page text).
  const virtual = readRow(row, adapter, shopId, now, false, blocks)?.order.receiver.virtual;
  if (!virtual) return { orderId, state: 'not-virtual' };
  const text = readAddressText(row, adapter, blocks);
  if (text === undefined) return { orderId, state: 'no-address' };
  const address = detailedAddress(text);
  if (address === undefined) return { orderId, state: 'masked' };
  return { orderId, state: 'detailed', address, virtual: { main: virtual.main, ext: virtual.ext } };
}

/**
 * Check a request and answer it from this page. Rule: a malformed request, a page that is not an
 * order list, or another shop's page reads nothing.
 * @example
 * answerAddressRequest({ type: 'order-page/addresses', shop, orderIds }, document, location.href, Date.now());
 */
export function answerAddressRequest(m: unknown, doc: Document, url: string, now: number): AddressReply {
  const req = readAddressRequest(m);
  if (!req) return { ok: false, reason: 'bad-request' };
  const adapter = adapterFor(url);
  if (!adapter) return { ok: false, reason: 'not-an-order-list' };
  const shopId = readShopId(doc, adapter, findRoots(doc));
  if (adapter.platform !== req.shop.platform || shopId !== req.shop.shopId)
    return { ok: false, reason: 'other-shop' };
  return { ok: true, ...readOrderPageAddresses(doc, adapter, shopId, req.orderIds, now) };
}
