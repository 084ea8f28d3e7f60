/**
 * Validator of the orders message (`orders/seen`, messages/orders.ts), in the style of validate.ts:
 * every field type-checked and bounded, each order rebuilt from known fields only, so a property
 * the contract does not name (which could carry anything) never reaches storage. Whether what is
 * left is masked is `plaintext.ts`'s check, made by the router after this one.
 * @module
 */
import type { OrderItem, OrderStatus, OrderView, ReceiverView } from '@shipmask/core';
import type { PageRequest } from '../../messages/index';
import type { OrdersContentRequest } from '../../messages/orders';
import type { ShopRef } from '../../messages/shared';
import { KIT_LIMITS, PLATFORMS, type RecordKit } from '../shared/validate-kit';

/** Orders request types: sent by content scripts. */
export const ordersRequestTypes = {
  'orders/seen': 'content',
} as const satisfies Record<OrdersContentRequest['type'], 'content' | 'page'>;

export type OrdersRequestType = keyof typeof ordersRequestTypes;

/** Whether `type` is an orders request type. */
export function isOrdersType(type: string): type is OrdersRequestType {
  return Object.prototype.hasOwnProperty.call(ordersRequestTypes, type);
}

/** Bounds: a page shows at most a few hundred orders; a remark or a ciphertext may be long. */
export const ORDER_LIMITS = { orders: 1000, items: 200, remark: 10_000 } as const;

const STATUSES: readonly OrderStatus[] = [
  'unpaid',
  'awaiting_shipment',
  'printed',
  'shipped',
  'received',
  'completed',
  'after_sale',
  'cancelled',
];

/** A shop name read off the page (issue 21): 1–100 characters, never a long number in it. */
function shopNameOf(k: RecordKit, v: unknown): string {
  const name = k.str(v, 'shopName', 100, 1);
  if (/[0-9０-９]{7,}/u.test(name)) k.fail('shopName', 'holds a long number');
  return name;
}

function item(k: RecordKit, v: unknown, path: string): OrderItem {
  const o = k.obj(v, path);
  return {
    name: k.str(o.name, `${path}.name`),
    ...k.opt(o, 'sku', path, (x, p) => k.str(x, p, KIT_LIMITS.id)),
    quantity: k.num(o.quantity, `${path}.quantity`, 0, 1e6),
  };
}

function receiver(k: RecordKit, v: unknown, path: string): ReceiverView {
  const o = k.obj(v, path);
  const text = (x: unknown, p: string): string => k.str(x, p);
  const region = (x: unknown, p: string): NonNullable<ReceiverView['region']> => {
    const r = k.obj(x, p);
    return {
      ...k.opt(r, 'province', p, text),
      ...k.opt(r, 'city', p, text),
      ...k.opt(r, 'district', p, text),
    };
  };
  const virtual = (x: unknown, p: string): NonNullable<ReceiverView['virtual']> => {
    const r = k.obj(x, p);
    const main = k.str(r.main, `${p}.main`, 11, 11);
    const ext = k.str(r.ext, `${p}.ext`, 4, 4);
    if (!/^\d{11}$/u.test(main)) k.fail(`${p}.main`, 'expected 11 digits');
    if (!/^\d{4}$/u.test(ext)) k.fail(`${p}.ext`, 'expected 4 digits');
    return { main, ext };
  };
  const cipher = (x: unknown, p: string): NonNullable<ReceiverView['cipher']> => {
    const r = k.obj(x, p);
    const c = (y: unknown, q: string): string => k.str(y, q, ORDER_LIMITS.remark);
    return { ...k.opt(r, 'name', p, c), ...k.opt(r, 'phone', p, c), ...k.opt(r, 'address', p, c) };
  };
  return {
    ...k.opt(o, 'name', path, text),
    ...k.opt(o, 'phone', path, text),
    ...k.opt(o, 'address', path, text),
    ...k.opt(o, 'region', path, region),
    ...k.opt(o, 'virtual', path, virtual),
    ...k.opt(o, 'cipher', path, cipher),
    ...k.opt(o, 'phoneInvalid', path, k.bool),
  };
}

function orderView(k: RecordKit, v: unknown, path: string, shop: ShopRef): OrderView {
  const o = k.obj(v, path);
  const platform = k.oneOf(o.platform, PLATFORMS, `${path}.platform`);
  const shopId = k.id(o.shopId, `${path}.shopId`);
  if (platform !== shop.platform || shopId !== shop.shopId) k.fail(path, 'order of another shop');
  if (!Array.isArray(o.items)) return k.fail(`${path}.items`, 'expected an array');
  if (o.items.length > ORDER_LIMITS.items) k.fail(`${path}.items`, `more than ${ORDER_LIMITS.items}`);
  const short = (x: unknown, p: string): string => k.str(x, p, KIT_LIMITS.id);
  return {
    platform,
    shopId,
    orderId: k.id(o.orderId, `${path}.orderId`),
    status: k.oneOf(o.status, STATUSES, `${path}.status`),
    ...k.opt(o, 'category', path, (x, p) => k.str(x, p)),
    createdAt: k.instant(o.createdAt, `${path}.createdAt`),
    ...k.opt(o, 'receivedAt', path, k.instant),
    ...k.opt(o, 'completedAt', path, k.instant),
    items: o.items.map((x, i) => item(k, x, `${path}.items[${i}]`)),
    ...k.opt(o, 'remark', path, (x, p) => k.str(x, p, ORDER_LIMITS.remark)),
    receiver: receiver(k, o.receiver, `${path}.receiver`),
    ...k.opt(o, 'carrier', path, short),
    ...k.opt(o, 'trackingNumber', path, short),
    ...k.opt(o, 'platformDropship', path, (x, p) => (x === true ? true : k.fail(p, 'expected true'))),
  };
}

/**
 * Rebuild one orders request (throws through `kit.fail` on bad input). Rule: every order belongs
 * to the request's shop; at most 1,000 orders of at most 200 items each.
 * @example
 * ordersRequest({ type: 'orders/seen', shop, orders: [view] }, 'orders/seen', kit); // { type, shop, orders }
 */
export function ordersRequest(
  o: Record<string, unknown>,
  type: OrdersRequestType,
  k: RecordKit,
): PageRequest {
  const shop = k.shopRef(o.shop, 'shop');
  if (!Array.isArray(o.orders)) return k.fail('orders', 'expected an array');
  if (o.orders.length > ORDER_LIMITS.orders) k.fail('orders', `more than ${ORDER_LIMITS.orders}`);
  if (o.summary !== undefined && o.summary !== true) k.fail('summary', 'expected true or nothing');
  return {
    type,
    shop,
    orders: o.orders.map((x, i) => orderView(k, x, `orders[${i}]`, shop)),
    ...(o.summary === true ? { summary: true as const } : {}),
    ...(o.shopName !== undefined ? { shopName: shopNameOf(k, o.shopName) } : {}),
  };
}
