/**
 * Validators of the shops, settings and language messages (messages/shops.ts), in the style of
 * validate.ts: every field type-checked and bounded, settings rebuilt from known fields only.
 * @module
 */
import type { PageRequest } from '../../messages/index';
import type { ShopSettings, ShopsContentRequest, ShopsPageRequest } from '../../messages/shops';
import { PLATFORMS, type RecordKit } from '../shared/validate-kit';

/** Shops request types: the language from content scripts (the panel's toggle); the rest from pages. */
export const shopsRequestTypes = {
  'ui/language': 'content',
  'ui/language/set': 'content',
  'settings/get': 'page',
  'settings/set': 'page',
  'shops/list': 'page',
  'shops/active': 'page',
} as const satisfies Record<(ShopsContentRequest | ShopsPageRequest)['type'], 'content' | 'page'>;

export type ShopsRequestType = keyof typeof shopsRequestTypes;

/** Whether `type` is a shops request type. */
export function isShopsType(type: string): type is ShopsRequestType {
  return Object.prototype.hasOwnProperty.call(shopsRequestTypes, type);
}

const LABEL_SIZES = ['76x130', '100x150', '100x180'] as const;
const LANGUAGES = ['zh', 'en'] as const;

function settings(k: RecordKit, v: unknown, path: string): ShopSettings {
  const o = k.obj(v, path);
  const quota = (x: unknown, p: string): NonNullable<ShopSettings['quota']> => {
    const q = k.obj(x, p);
    return {
      ...k.opt(q, 'ratio', p, (y, r) => k.num(y, r, 0, 1)),
      ...k.opt(q, 'allowance', p, (y, r) => k.num(y, r, 0, 1e9, true)),
      ...k.opt(q, 'packSize', p, (y, r) => k.num(y, r, 0, 1e9, true)),
      ...k.opt(q, 'warnAt', p, (y, r) => k.num(y, r, 0, 1)),
      ...k.opt(q, 'recountSameOrder', p, k.bool),
    };
  };
  const sender = (x: unknown, p: string): NonNullable<ShopSettings['sender']> => {
    const s = k.obj(x, p);
    return {
      name: k.str(s.name, `${p}.name`, 100),
      phone: k.str(s.phone, `${p}.phone`, 40),
      address: k.str(s.address, `${p}.address`, 300),
    };
  };
  return {
    platform: k.oneOf(o.platform, PLATFORMS, `${path}.platform`),
    ...k.opt(o, 'shopName', path, (x, p) => k.str(x, p, 100)),
    ...k.opt(o, 'quota', path, quota),
    ...k.opt(o, 'sender', path, sender),
    ...k.opt(o, 'defaultCarrier', path, (x, p) => k.str(x, p, 40)),
    ...k.opt(o, 'labelSize', path, (x, p) => k.oneOf(x, LABEL_SIZES, p)),
    ...k.opt(o, 'retentionDays', path, (x, p) => k.num(x, p, 1, 3650, true)),
    ...k.opt(o, 'language', path, (x, p) => k.oneOf(x, LANGUAGES, p)),
  };
}

/**
 * Rebuild one shops request (throws through `kit.fail` on bad input). Rule: settings keep only the
 * fields the contract names, each bounded (retention 1–3,650 days, ratios 0–1).
 * @example
 * shopsRequest({ type: 'shops/active', tabId: 7 }, 'shops/active', kit); // { type, tabId: 7 }
 */
export function shopsRequest(o: Record<string, unknown>, type: ShopsRequestType, k: RecordKit): PageRequest {
  switch (type) {
    case 'ui/language':
    case 'shops/list':
      return { type };
    case 'ui/language/set':
      return { type, language: k.oneOf(o.language, LANGUAGES, 'language') };
    case 'settings/get':
      return { type, shop: k.shopRef(o.shop, 'shop') };
    case 'settings/set': {
      const shop = k.shopRef(o.shop, 'shop');
      return { type, shop, settings: settings(k, o.settings, 'settings') };
    }
    case 'shops/active':
      return { type, tabId: k.num(o.tabId, 'tabId', 0, Number.MAX_SAFE_INTEGER, true) };
  }
}
