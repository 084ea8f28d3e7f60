/**
 * Where the page's orders come from (issue 7, issue 21 item 7): the overlay's selection (stored
 * masked views) and a dropped export file. A second file replaces the first: the first file's own
 * orders go, the selection's stay. Pure.
 * @module
 */
import type { OrderView, PlatformId } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';

/** The orders after a file was read, and which of them came only from that file. */
export interface FileMerge {
  readonly orders: readonly OrderView[];
  readonly fileOnly: ReadonlySet<string>;
}

/**
 * Add a file's orders. Rules: the orders held before stay first, except those that came only
 * from the previous file (a new file replaces them); a file order already held is not added
 * twice; the added ones are the new `fileOnly`.
 * @example
 * const next = mergeFileOrders(orders, fileOnly, parsed.orders.map((o) => o.order));
 */
export function mergeFileOrders(
  prev: readonly OrderView[],
  fileOnly: ReadonlySet<string>,
  fromFile: readonly OrderView[],
): FileMerge {
  const kept = prev.filter((o) => !fileOnly.has(o.orderId));
  const ids = new Set(kept.map((o) => o.orderId));
  const added: OrderView[] = [];
  for (const o of fromFile) {
    if (ids.has(o.orderId)) continue;
    ids.add(o.orderId);
    added.push(o);
  }
  return { orders: [...kept, ...added], fileOnly: new Set(added.map((o) => o.orderId)) };
}

/**
 * The shop a dropped file belongs to. Rule: the page's shop when it has one; else the platform
 * the file was recognised as, shop `default`; else none (the page says `unknown platform`).
 * @example
 * fileShop(undefined, 'wechat'); // { platform: 'wechat', shopId: 'default' }
 */
export function fileShop(
  shop: ShopRef | undefined,
  filePlatform: PlatformId | undefined,
): ShopRef | undefined {
  return shop ?? (filePlatform ? { platform: filePlatform, shopId: 'default' } : undefined);
}
