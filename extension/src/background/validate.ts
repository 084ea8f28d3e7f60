/**
 * Hand-written validators for every message the background accepts (messages/). Each one
 * type-checks every field, bounds sizes, and REBUILDS the value from known fields only, so an
 * unexpected property (which could carry anything) never reaches storage. Unknown `type`s are
 * reported as such. No dependency: the contract is small and the checks are the documentation.
 *
 * Invariant 1 (defence in depth; the adapters mask already): `plaintextIn` refuses an order whose
 * receiver fields are not already core's masks, or whose free text (remark, items, SKU,
 * category, region) still holds anything `maskText` masks.
 * @module
 */
import {
  type FieldKind,
  type OrderItem,
  type OrderStatus,
  type OrderView,
  type PlatformId,
  type ReceiverView,
} from '@shipmask/core';
import type { PageRequest } from '../messages/index';
import type { ShopRef } from '../messages/shared';
import type { ShopSettings } from '../messages/shops';
import { adapterRequest, adapterRequestTypes, isAdapterType } from './adapters/validate';
import { gateRequest, gateRequestTypes, isGateType } from './gate/validate';
import { handoffRequest, handoffRequestTypes, isHandoffType } from './handoff/validate';
import { printRequest } from './print/validate';
import { isSyncType, syncRequest, syncRequestTypes } from './sync/sync-validate';

/** Outcome of validating one message. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'invalid-message' | 'unknown-type'; readonly message: string };

/** Every request type, and who may send it. */
export const requestTypes = {
  'ui/language': 'content',
  'ui/language/set': 'content',
  'orders/seen': 'content',
  'reveal/recorded': 'content',
  'counter/observed': 'content',
  'quota/status': 'content',
  'settings/get': 'page',
  'settings/set': 'page',
  'shops/list': 'page',
  'reveals/daily': 'page',
  'shops/active': 'page',
  'selection/open': 'content',
  'selection/get': 'page',
  'print/job-create': 'page',
  'print/job-mark': 'page',
  'print/job-status': 'page',
  'print/job-get': 'page',
  'print/jobs': 'page',
  'print/reprint': 'page',
  'print/log': 'page',
  ...handoffRequestTypes,
  ...adapterRequestTypes,
  ...gateRequestTypes,
  ...syncRequestTypes,
} as const satisfies Record<PageRequest['type'], 'content' | 'page'>;

export type RequestType = keyof typeof requestTypes;

/** Size bounds: a page shows at most a few hundred orders; strings are short. */
export const LIMITS = {
  orders: 1000,
  items: 200,
  id: 200,
  /** Ledger event ids are at most 200 characters (core `checkQuotaEvent`); `c:` + clickId fits. */
  clickId: 128,
  text: 2000,
  remark: 10_000,
  days: 366,
} as const;

const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];
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
const FIELDS: readonly (FieldKind | 'all')[] = ['phone', 'name', 'address', 'text', 'all'];
const LABEL_SIZES = ['76x130', '100x150', '100x180'] as const;

/** Thrown inside a validator and turned into `invalid-message` at the top (never escapes). */
class Invalid extends Error {}

const fail = (path: string, what: string): never => {
  throw new Invalid(`${path}: ${what}`);
};

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}

/** Control characters (except tab/newline) never appear in ids or page text we keep. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

function str(v: unknown, path: string, max: number = LIMITS.text, min = 0): string {
  if (typeof v !== 'string') return fail(path, 'expected a string');
  if (v.length < min) fail(path, `expected at least ${min} characters`);
  if (v.length > max) fail(path, `longer than ${max} characters`);
  if (CONTROL.test(v)) fail(path, 'contains control characters');
  return v;
}

const id = (v: unknown, path: string): string => str(v, path, LIMITS.id, 1);

/** A shop name read off the page (issue 21): 1–100 characters, never a long number in it. */
function shopNameOf(v: unknown): string {
  const name = str(v, 'shopName', 100, 1);
  if (/[0-9０-９]{7,}/u.test(name)) fail('shopName', 'holds a long number');
  return name;
}

function num(v: unknown, path: string, min = -Infinity, max = Infinity, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, 'expected a finite number');
  if (integer && !Number.isInteger(v)) fail(path, 'expected an integer');
  if (v < min || v > max) fail(path, `out of range [${min}, ${max}]`);
  return v;
}

/** An instant: epoch ms between 2000 and 2100. */
const instant = (v: unknown, path: string): number =>
  num(v, path, Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1), true);

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'expected a boolean');
  return v as boolean;
}

function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    fail(path, `expected one of ${options.join(', ')}`);
  }
  return v as T;
}

/** Copy `key` from `src` through `check` when present (undefined counts as absent). */
function opt<T>(
  src: Obj,
  key: string,
  path: string,
  check: (v: unknown, p: string) => T,
): { [k: string]: T } {
  const v = src[key];
  return v === undefined ? {} : { [key]: check(v, `${path}.${key}`) };
}

function shopRef(v: unknown, path: string): ShopRef {
  const o = obj(v, path);
  return {
    platform: oneOf(o.platform, PLATFORMS, `${path}.platform`),
    shopId: id(o.shopId, `${path}.shopId`),
  };
}

function item(v: unknown, path: string): OrderItem {
  const o = obj(v, path);
  return {
    name: str(o.name, `${path}.name`),
    ...opt(o, 'sku', path, (x, p) => str(x, p, LIMITS.id)),
    quantity: num(o.quantity, `${path}.quantity`, 0, 1e6),
  };
}

function receiver(v: unknown, path: string): ReceiverView {
  const o = obj(v, path);
  const text = (x: unknown, p: string): string => str(x, p);
  const region = (x: unknown, p: string): NonNullable<ReceiverView['region']> => {
    const r = obj(x, p);
    return {
      ...opt(r, 'province', p, text),
      ...opt(r, 'city', p, text),
      ...opt(r, 'district', p, text),
    };
  };
  const virtual = (x: unknown, p: string): NonNullable<ReceiverView['virtual']> => {
    const r = obj(x, p);
    const main = str(r.main, `${p}.main`, 11, 11);
    const ext = str(r.ext, `${p}.ext`, 4, 4);
    if (!/^\d{11}$/u.test(main)) fail(`${p}.main`, 'expected 11 digits');
    if (!/^\d{4}$/u.test(ext)) fail(`${p}.ext`, 'expected 4 digits');
    return { main, ext };
  };
  const cipher = (x: unknown, p: string): NonNullable<ReceiverView['cipher']> => {
    const r = obj(x, p);
    const c = (y: unknown, q: string): string => str(y, q, LIMITS.remark);
    return { ...opt(r, 'name', p, c), ...opt(r, 'phone', p, c), ...opt(r, 'address', p, c) };
  };
  return {
    ...opt(o, 'name', path, text),
    ...opt(o, 'phone', path, text),
    ...opt(o, 'address', path, text),
    ...opt(o, 'region', path, region),
    ...opt(o, 'virtual', path, virtual),
    ...opt(o, 'cipher', path, cipher),
    ...opt(o, 'phoneInvalid', path, bool),
  };
}

function orderView(v: unknown, path: string, shop: ShopRef): OrderView {
  const o = obj(v, path);
  const platform = oneOf(o.platform, PLATFORMS, `${path}.platform`);
  const shopId = id(o.shopId, `${path}.shopId`);
  if (platform !== shop.platform || shopId !== shop.shopId) fail(path, 'order of another shop');
  if (!Array.isArray(o.items)) return fail(`${path}.items`, 'expected an array');
  if (o.items.length > LIMITS.items) fail(`${path}.items`, `more than ${LIMITS.items}`);
  return {
    platform,
    shopId,
    orderId: id(o.orderId, `${path}.orderId`),
    status: oneOf(o.status, STATUSES, `${path}.status`),
    ...opt(o, 'category', path, (x, p) => str(x, p)),
    createdAt: instant(o.createdAt, `${path}.createdAt`),
    ...opt(o, 'receivedAt', path, instant),
    ...opt(o, 'completedAt', path, instant),
    items: o.items.map((x, i) => item(x, `${path}.items[${i}]`)),
    ...opt(o, 'remark', path, (x, p) => str(x, p, LIMITS.remark)),
    receiver: receiver(o.receiver, `${path}.receiver`),
    ...opt(o, 'carrier', path, (x, p) => str(x, p, LIMITS.id)),
    ...opt(o, 'trackingNumber', path, (x, p) => str(x, p, LIMITS.id)),
    ...opt(o, 'platformDropship', path, (x, p) => (x === true ? true : fail(p, 'expected true'))),
  };
}

function settings(v: unknown, path: string): ShopSettings {
  const o = obj(v, path);
  const quota = (x: unknown, p: string): NonNullable<ShopSettings['quota']> => {
    const q = obj(x, p);
    return {
      ...opt(q, 'ratio', p, (y, r) => num(y, r, 0, 1)),
      ...opt(q, 'allowance', p, (y, r) => num(y, r, 0, 1e9, true)),
      ...opt(q, 'packSize', p, (y, r) => num(y, r, 0, 1e9, true)),
      ...opt(q, 'warnAt', p, (y, r) => num(y, r, 0, 1)),
      ...opt(q, 'recountSameOrder', p, bool),
    };
  };
  const sender = (x: unknown, p: string): NonNullable<ShopSettings['sender']> => {
    const s = obj(x, p);
    return {
      name: str(s.name, `${p}.name`, 100),
      phone: str(s.phone, `${p}.phone`, 40),
      address: str(s.address, `${p}.address`, 300),
    };
  };
  return {
    platform: oneOf(o.platform, PLATFORMS, `${path}.platform`),
    ...opt(o, 'shopName', path, (x, p) => str(x, p, 100)),
    ...opt(o, 'quota', path, quota),
    ...opt(o, 'sender', path, sender),
    ...opt(o, 'defaultCarrier', path, (x, p) => str(x, p, 40)),
    ...opt(o, 'labelSize', path, (x, p) => oneOf(x, LABEL_SIZES, p)),
    ...opt(o, 'retentionDays', path, (x, p) => num(x, p, 1, 3650, true)),
    ...opt(o, 'language', path, (x, p) => oneOf(x, ['zh', 'en'] as const, p)),
  };
}

/** Rebuild one request of a known type (throws `Invalid`). */
function request(o: Obj, type: RequestType): PageRequest {
  if (isHandoffType(type)) return handoffRequest(o, type, fail);
  if (isAdapterType(type)) return adapterRequest(o, type, fail);
  if (isSyncType(type)) return syncRequest(o, type, str);
  if (isGateType(type)) return gateRequest(o, type, { fail, obj, str, id, num, oneOf, shopRef });
  switch (type) {
    case 'orders/seen': {
      const shop = shopRef(o.shop, 'shop');
      if (!Array.isArray(o.orders)) return fail('orders', 'expected an array');
      if (o.orders.length > LIMITS.orders) fail('orders', `more than ${LIMITS.orders}`);
      if (o.summary !== undefined && o.summary !== true) fail('summary', 'expected true or nothing');
      return {
        type,
        shop,
        orders: o.orders.map((x, i) => orderView(x, `orders[${i}]`, shop)),
        ...(o.summary === true ? { summary: true as const } : {}),
        ...(o.shopName !== undefined ? { shopName: shopNameOf(o.shopName) } : {}),
      };
    }
    case 'reveal/recorded':
      return {
        type,
        shop: shopRef(o.shop, 'shop'),
        orderId: id(o.orderId, 'orderId'),
        field: oneOf(o.field, FIELDS, 'field'),
        at: instant(o.at, 'at'),
        clickId: str(o.clickId, 'clickId', LIMITS.clickId, 1),
      };
    case 'counter/observed':
      return {
        type,
        shop: shopRef(o.shop, 'shop'),
        remaining: num(o.remaining, 'remaining', 0, 1e9, true),
        at: instant(o.at, 'at'),
      };
    case 'quota/status':
    case 'settings/get':
      return { type, shop: shopRef(o.shop, 'shop') };
    case 'settings/set': {
      const shop = shopRef(o.shop, 'shop');
      const s = settings(o.settings, 'settings');
      return { type, shop, settings: s };
    }
    case 'shops/list':
    case 'ui/language':
      return { type };
    case 'ui/language/set':
      return { type, language: oneOf(o.language, ['zh', 'en'] as const, 'language') };
    case 'reveals/daily':
      return { type, shop: shopRef(o.shop, 'shop'), days: num(o.days, 'days', 1, LIMITS.days, true) };
    case 'shops/active':
      return { type, tabId: num(o.tabId, 'tabId', 0, Number.MAX_SAFE_INTEGER, true) };
    default:
      return printRequest(o, type, { fail, obj, str, id, num, oneOf, shopRef });
  }
}

/** Whether `type` names a request of the contract. */
export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(requestTypes, type);
}

/**
 * Validate any value as a request. Never throws: a malformed value is `invalid-message`, a
 * well-formed one of an unknown type is `unknown-type`.
 * @example
 * validateRequest({ type: 'shops/list' }); // { ok: true, value: { type: 'shops/list' } }
 * validateRequest({ type: 'nope' }).ok; // false (code 'unknown-type')
 */
export function validateRequest(value: unknown): Checked<PageRequest> {
  try {
    const o = obj(value, 'message');
    if (typeof o.type !== 'string')
      return { ok: false, code: 'invalid-message', message: 'type: expected a string' };
    if (!isRequestType(o.type)) {
      return {
        ok: false,
        code: 'unknown-type',
        message: `unknown message type ${JSON.stringify(o.type.slice(0, 60))}`,
      };
    }
    return { ok: true, value: request(o, o.type) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, code: 'invalid-message', message: e.message };
    // A getter or proxy trap in a hostile value threw: still a typed refusal.
    return { ok: false, code: 'invalid-message', message: 'unreadable message' };
  }
}
