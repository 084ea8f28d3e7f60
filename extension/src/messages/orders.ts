/**
 * Messages of the orders a back-office page shows: the overlay reports them masked on every read.
 * Invariant 1: the background refuses an order whose receiver fields hold plaintext.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import type { ShopRef } from './shared';

/** Order requests a content script may send. */
export type OrdersContentRequest =
  /**
   * Orders currently visible on the page, already masked by the adapter. `summary`: the rows were
   * read without their items and remark (a page swap reads only what badges, the quota's order
   * volume and retention need); the store keeps whatever detail it already holds. The detail of
   * an order is sent when the merchant selects it (data minimisation: buyers' remarks are stored
   * only for orders the merchant prints or hands off).
   */
  {
    readonly type: 'orders/seen';
    readonly shop: ShopRef;
    /** The shop's name as the page shows it (issue 21; `readShopName`). */
    readonly shopName?: string;
    readonly orders: readonly OrderView[];
    readonly summary?: true;
  };

/** Reply of `orders/seen`. */
export interface OrdersSeenResult {
  /** Orders written (new or updated). */
  readonly stored: number;
  /** Orders seen for the first time. */
  readonly added: number;
}

/** Reply values of the order requests. */
export interface OrdersReplyValues {
  'orders/seen': OrdersSeenResult;
}
