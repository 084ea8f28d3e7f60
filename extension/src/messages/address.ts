/**
 * The print-time address channel (issue 21 item 1, issue 17 item 1): the print page or the
 * hand-off page asks the back-office tab the selection came from for the detailed delivery
 * addresses of named virtual-number orders, as the order page shows them now (after the
 * merchant's own reveal, counted by the ledger as every reveal is). Memory only: the request goes
 * from the extension page straight to the tab's content script (`tabs.sendMessage`), the reply
 * only back to the asking page; nothing passes through the background, storage, a log or a URL.
 *
 * Both ends treat the other as hostile: the content script checks the request
 * (`readAddressRequest`), the page checks every reply (print/address-reply-check.ts), and both
 * decide "detailed address" by the same core rule (`detailedAddress`).
 * @module
 */
import { classifyField, maskAddress } from '@shipmask/core';

/** Bounds of the channel (limits before allocation). */
export const ADDRESS_CHANNEL_LIMITS = {
  /** Orders per request (one print job prints at most 1,000). */
  orders: 1000,
  /** Characters of one detailed address; a longer text is no address (refused, never cut). */
  address: 200,
} as const;

/** The message type. */
export const ADDRESS_REQUEST = 'order-page/addresses';

/** The request an extension page sends to an order-list tab. */
export interface AddressRequest {
  readonly type: typeof ADDRESS_REQUEST;
  readonly shop: { readonly platform: string; readonly shopId: string };
  readonly orderIds: readonly string[];
}

/**
 * One asked order as the page shows it now: `detailed` (with the address and the virtual number
 * the row shows), `masked` (the merchant has not revealed it: reveal, then ask again),
 * `not-virtual` (no virtual number on the row: the channel never carries its address) or
 * `no-address` (the row shows no address at all).
 */
export type AddressAnswer =
  | {
      readonly orderId: string;
      readonly state: 'detailed';
      readonly address: string;
      readonly virtual: { readonly main: string; readonly ext: string };
    }
  | { readonly orderId: string; readonly state: 'masked' | 'not-virtual' | 'no-address' };

/** The reply: the asked orders found on the page and those not on it, or why none was read. */
export type AddressReply =
  | { readonly ok: true; readonly orders: readonly AddressAnswer[]; readonly missing: readonly string[] }
  | { readonly ok: false; readonly reason: 'bad-request' | 'not-an-order-list' | 'other-shop' };

const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/u;
/** Control characters and line breaks: never part of an address line. */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * True for a message of this channel (anything else is ignored, not answered).
 * @example
 * isAddressRequest({ type: 'order-page/addresses' }); // true
 */
export function isAddressRequest(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === ADDRESS_REQUEST;
}

/**
 * Check a request (hostile until checked): a shop of two strings and 1–1,000 order ids of
 * order-id shape, each once. Returns the rebuilt request, or undefined.
 * @example
 * readAddressRequest({ type: 'order-page/addresses', shop: { platform: 'wechat', shopId: 'wx1' }, orderIds: ['3718…'] });
 */
export function readAddressRequest(m: unknown): AddressRequest | undefined {
  if (!isAddressRequest(m)) return undefined;
  const r = m as { shop?: unknown; orderIds?: unknown };
  const shop = r.shop as { platform?: unknown; shopId?: unknown } | null | undefined;
  const ids = r.orderIds;
  if (
    typeof shop !== 'object' ||
    shop === null ||
    typeof shop.platform !== 'string' ||
    typeof shop.shopId !== 'string' ||
    shop.platform.length > 32 ||
    shop.shopId.length > 128 ||
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > ADDRESS_CHANNEL_LIMITS.orders
  )
    return undefined;
  const orderIds: string[] = [];
  for (const id of ids as unknown[]) {
    if (typeof id !== 'string' || !ORDER_ID.test(id)) return undefined;
    if (!orderIds.includes(id)) orderIds.push(id);
  }
  return { type: ADDRESS_REQUEST, shop: { platform: shop.platform, shopId: shop.shopId }, orderIds };
}

/**
 * The text as a detailed delivery address, or undefined. Rule (core decides): at most 200
 * characters, no control characters, core classifies it `plain` (not masked, not ciphertext), and
 * core's `maskAddress` finds a region at its start and a detail after it. A masked value
 * (`广东省广州市天河区****`), a bare region, a name or a phone is never a detailed address.
 * @example
 * detailedAddress(' 广东省广州市天河区花城广场888号 '); // '广东省广州市天河区花城广场888号'
 * detailedAddress('广东省广州市天河区****'); // undefined
 */
export function detailedAddress(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > ADDRESS_CHANNEL_LIMITS.address * 4) return undefined;
  const t = text.trim();
  if (!t || t.length > ADDRESS_CHANNEL_LIMITS.address || CONTROL.test(t)) return undefined;
  if (classifyField(t, 'address').form !== 'plain') return undefined;
  const m = maskAddress(t);
  const region = m.region;
  if (!(region.province ?? region.city ?? region.district) || !m.detail) return undefined;
  return t;
}
