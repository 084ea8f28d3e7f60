/**
 * Validators of the hand-off messages (messages/handoff.ts), in the style of validate.ts: every
 * field type-checked and bounded, the value rebuilt from known fields only.
 * @module
 */
import {
  checkSupplierRules,
  classifyField,
  containsMobile,
  SUPPLIER_RULE_LIMITS,
  type SupplierRuleSet,
  isDetailedAddress,
  MIN_PASSPHRASE_BITS,
  passphraseStrength,
  type HoldReason,
  type PlatformId,
} from '@shipmask/core';
import type {
  HandoffAddress,
  HandoffConfig,
  HandoffExtra,
  HandoffRequest,
  HandoffSupplier,
} from '../../messages/handoff';
import { gateOverrides } from '../gate';
import type { ShopRef } from '../../messages/shared';

/** Hand-off request types: extension pages only, but the panel's reminders. */
export const handoffRequestTypes = {
  'handoff/orders': 'page',
  'handoff/seal': 'page',
  'handoff/batches': 'page',
  'handoff/batch': 'page',
  'handoff/revoke': 'page',
  'handoff/ship-file': 'page',
  'handoff/reminders': 'content',
  'handoff/import': 'page',
  'handoff/config/get': 'page',
  'handoff/config/set': 'page',
  'handoff/rules/get': 'page',
  'handoff/rules/set': 'page',
  'handoff/seal-suppliers': 'page',
  'handoff/details': 'page',
} as const satisfies Record<HandoffRequest['type'], 'page' | 'content'>;

export type HandoffRequestType = keyof typeof handoffRequestTypes;

/** Whether `type` is a hand-off request type. */
export function isHandoffType(type: string): type is HandoffRequestType {
  return Object.prototype.hasOwnProperty.call(handoffRequestTypes, type);
}

/** Bounds: a batch holds at most 1,000 orders (core's link turns into a file long before). */
export const HANDOFF_LIMITS = {
  orders: 1000,
  id: 200,
  name: 100,
  note: 500,
  passphrase: 1024,
  code: 2_000_000,
  cipher: 4096,
  url: 2000,
  days: 90,
  suppliers: 50,
  address: 300,
} as const;

const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/u;

type Fail = (path: string, what: string) => never;
type Obj = Record<string, unknown>;
type HandoffRequestOverrides = { readonly orderId: string; readonly reason: HoldReason }[];

/**
 * Rebuild a hand-off request of a known type; `fail` throws the caller's `Invalid`.
 * @example
 * handoffRequest({ type: 'handoff/batch', batchId: 'q3Zk8Jd0WcLm' }, 'handoff/batch', fail);
 */
export function handoffRequest(o: Obj, type: HandoffRequestType, fail: Fail): HandoffRequest {
  const obj = (v: unknown, path: string): Obj => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
    return v as Obj;
  };
  const str = (v: unknown, path: string, max: number, min = 0, controls = false): string => {
    if (typeof v !== 'string') return fail(path, 'expected a string');
    if (v.length < min) fail(path, `expected at least ${min} characters`);
    if (v.length > max) fail(path, `longer than ${max} characters`);
    if (!controls && CONTROL.test(v)) fail(path, 'contains control characters');
    return v;
  };
  const shop = (v: unknown, path: string): ShopRef => {
    const s = obj(v, path);
    if (typeof s.platform !== 'string' || !(PLATFORMS as readonly string[]).includes(s.platform))
      fail(`${path}.platform`, `expected one of ${PLATFORMS.join(', ')}`);
    return {
      platform: s.platform as PlatformId,
      shopId: str(s.shopId, `${path}.shopId`, HANDOFF_LIMITS.id, 1),
    };
  };
  const ids = (v: unknown, path: string): string[] => {
    if (!Array.isArray(v)) return fail(path, 'expected an array');
    if (v.length === 0) fail(path, 'expected at least one order');
    if (v.length > HANDOFF_LIMITS.orders) fail(path, `more than ${HANDOFF_LIMITS.orders}`);
    const out = v.map((x, i) => str(x, `${path}[${i}]`, HANDOFF_LIMITS.id, 1));
    if (new Set(out).size !== out.length) fail(path, 'duplicate order ids');
    return out;
  };
  const supplier = (v: unknown, path: string): HandoffSupplier => {
    const s = obj(v, path);
    const name = str(s.name, `${path}.name`, HANDOFF_LIMITS.name, 1).trim();
    if (name === '') fail(`${path}.name`, 'empty');
    const note = s.note === undefined ? '' : str(s.note, `${path}.note`, HANDOFF_LIMITS.note).trim();
    return note ? { name, note } : { name };
  };
  const batchId = (v: unknown, path: string): string => {
    const s = str(v, path, 64, 1);
    if (!BATCH_ID.test(s)) fail(path, 'not a batch id');
    return s;
  };
  /** Ciphertext only (invariant 1): anything else is refused, never stored. */
  const extra = (v: unknown, path: string): HandoffExtra => {
    const e = obj(v, path);
    const orderId = str(e.orderId, `${path}.orderId`, HANDOFF_LIMITS.id, 1);
    const out: { orderId: string; cipher?: HandoffExtra['cipher']; virtual?: HandoffExtra['virtual'] } = {
      orderId,
    };
    if (e.cipher !== undefined) {
      const c = obj(e.cipher, `${path}.cipher`);
      const cipher: { name?: string; phone?: string; address?: string } = {};
      for (const k of ['name', 'phone', 'address'] as const) {
        if (c[k] === undefined) continue;
        const text = str(c[k], `${path}.cipher.${k}`, HANDOFF_LIMITS.cipher, 1);
        if (classifyField(text, k).form !== 'ciphertext')
          fail(`${path}.cipher.${k}`, 'not platform ciphertext');
        cipher[k] = text;
      }
      if (Object.keys(cipher).length > 0) out.cipher = cipher;
    }
    if (e.virtual !== undefined) {
      const vn = obj(e.virtual, `${path}.virtual`);
      const main = str(vn.main, `${path}.virtual.main`, 11, 11);
      const ext = str(vn.ext, `${path}.virtual.ext`, 4, 4);
      if (!/^1\d{10}$/u.test(main) || !/^\d{4}$/u.test(ext))
        fail(`${path}.virtual`, 'expected an 11+4 number');
      out.virtual = { main, ext };
    }
    return out;
  };
  /**
   * A detailed delivery address (issue 17): text, no mobile number, and detailed (a masked one
   * helps nobody). Whether its order has a virtual number is checked against the stored order.
   */
  const address = (v: unknown, path: string): HandoffAddress => {
    const a = obj(v, path);
    const orderId = str(a.orderId, `${path}.orderId`, HANDOFF_LIMITS.id, 1);
    const text = str(a.address, `${path}.address`, HANDOFF_LIMITS.address, 1).trim();
    if (containsMobile(text)) fail(`${path}.address`, 'holds a mobile number');
    if (!isDetailedAddress(text)) fail(`${path}.address`, 'not a detailed address');
    return { orderId, address: text };
  };
  /** What both seal requests carry: lifetime, carrier, export extras, gate overrides, addresses. */
  const sealCommon = (): {
    expiresInDays: number;
    carrier?: string;
    extras?: HandoffExtra[];
    overrides?: HandoffRequestOverrides;
    addresses?: HandoffAddress[];
  } => {
    const days = o.expiresInDays;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > HANDOFF_LIMITS.days)
      fail('expiresInDays', `expected a number of days in (0, ${HANDOFF_LIMITS.days}]`);
    const carrier = o.carrier === undefined ? '' : str(o.carrier, 'carrier', 40).trim();
    let extras: HandoffExtra[] = [];
    if (o.extras !== undefined) {
      if (!Array.isArray(o.extras)) return fail('extras', 'expected an array');
      if (o.extras.length > HANDOFF_LIMITS.orders) fail('extras', `more than ${HANDOFF_LIMITS.orders}`);
      extras = o.extras.map((x, i) => extra(x, `extras[${i}]`));
    }
    let addresses: HandoffAddress[] = [];
    if (o.addresses !== undefined) {
      if (!Array.isArray(o.addresses)) return fail('addresses', 'expected an array');
      if (o.addresses.length > HANDOFF_LIMITS.orders) fail('addresses', `more than ${HANDOFF_LIMITS.orders}`);
      addresses = o.addresses.map((x, i) => address(x, `addresses[${i}]`));
      if (new Set(addresses.map((a) => a.orderId)).size !== addresses.length)
        fail('addresses', 'two addresses for one order');
    }
    return {
      expiresInDays: days,
      ...(carrier ? { carrier } : {}),
      ...(extras.length > 0 ? { extras } : {}),
      ...(o.overrides !== undefined
        ? {
            overrides: gateOverrides(
              {
                fail,
                obj,
                str: (v, path, max = HANDOFF_LIMITS.id, min = 0) => str(v, path, max, min),
                id: (v, path) => str(v, path, HANDOFF_LIMITS.id, 1),
                num: () => fail('overrides', 'unexpected number'),
                oneOf: <T extends string>(v: unknown, options: readonly T[], path: string): T => {
                  if (typeof v !== 'string' || !(options as readonly string[]).includes(v))
                    fail(path, `expected one of ${options.join(', ')}`);
                  return v as T;
                },
                shopRef: shop,
              },
              o.overrides,
              'overrides',
            ),
          }
        : {}),
      ...(addresses.length > 0 ? { addresses } : {}),
    };
  };
  switch (type) {
    case 'handoff/orders':
      return { type, shop: shop(o.shop, 'shop'), orderIds: ids(o.orderIds, 'orderIds') };
    case 'handoff/seal': {
      const passphrase =
        o.passphrase === undefined ? '' : str(o.passphrase, 'passphrase', HANDOFF_LIMITS.passphrase);
      // A passphrase is the only secret of its link: one an attacker holding the link can guess
      // offline is refused here too, not only on the page (core `passphraseStrength`).
      if (passphrase) {
        const strength = passphraseStrength(passphrase);
        if (!strength.acceptable)
          fail('passphrase', `too weak (about ${strength.bits} bits; at least ${MIN_PASSPHRASE_BITS})`);
      }
      return {
        type,
        shop: shop(o.shop, 'shop'),
        orderIds: ids(o.orderIds, 'orderIds'),
        supplier: supplier(o.supplier, 'supplier'),
        ...sealCommon(),
        ...(passphrase ? { passphrase } : {}),
      };
    }
    case 'handoff/seal-suppliers':
      // One passphrase for several suppliers would open each other's links: refused, not ignored.
      if (o.passphrase !== undefined)
        fail('passphrase', 'not with several suppliers: each link holds its own key');
      return { type, shop: shop(o.shop, 'shop'), orderIds: ids(o.orderIds, 'orderIds'), ...sealCommon() };
    case 'handoff/rules/get':
      return { type, shop: shop(o.shop, 'shop') };
    case 'handoff/rules/set': {
      // Core's one rule for a rule set (bounded: at most SUPPLIER_RULE_LIMITS.rules rules).
      const checked = checkSupplierRules(o.rules);
      if (!checked.ok)
        fail(checked.error.field ? `rules.${checked.error.field}` : 'rules', checked.error.message);
      const set = (checked as { ok: true; value: SupplierRuleSet }).value;
      const fallback =
        o.fallback === undefined ? '' : str(o.fallback, 'fallback', SUPPLIER_RULE_LIMITS.supplier).trim();
      if (containsMobile(fallback)) fail('fallback', 'holds a mobile number');
      return { type, shop: shop(o.shop, 'shop'), rules: set, ...(fallback ? { fallback } : {}) };
    }
    case 'handoff/details':
      if (o.groupId !== undefined) return { type, groupId: batchId(o.groupId, 'groupId') };
      return { type, shop: shop(o.shop, 'shop') };
    case 'handoff/batches':
      return o.ofShop === undefined ? { type } : { type, ofShop: shop(o.ofShop, 'ofShop') };
    case 'handoff/batch':
      return { type, batchId: batchId(o.batchId, 'batchId') };
    case 'handoff/revoke':
    case 'handoff/ship-file':
      return { type, batchId: batchId(o.batchId, 'batchId') };
    case 'handoff/reminders':
      return { type, shop: shop(o.shop, 'shop') };
    case 'handoff/import':
      // Pasted chat text: line breaks and tabs are fine (core skips them).
      return {
        type,
        batchId: batchId(o.batchId, 'batchId'),
        code: str(o.code, 'code', HANDOFF_LIMITS.code, 1, true),
      };
    case 'handoff/config/get':
      return { type };
    case 'handoff/config/set': {
      const c = obj(o.config, 'config');
      const baseUrl = str(c.baseUrl, 'config.baseUrl', HANDOFF_LIMITS.url).trim();
      if (baseUrl !== '') {
        let u: URL | undefined;
        try {
          u = new URL(baseUrl);
        } catch {
          u = undefined;
        }
        if (!u || !['https:', 'http:', 'file:'].includes(u.protocol) || u.username || u.password)
          fail('config.baseUrl', 'expected an http(s) or file URL');
        if (baseUrl.includes('#')) fail('config.baseUrl', 'the payload goes after #: no # in the base');
      }
      if (!Array.isArray(c.suppliers)) return fail('config.suppliers', 'expected an array');
      if (c.suppliers.length > HANDOFF_LIMITS.suppliers)
        fail('config.suppliers', `more than ${HANDOFF_LIMITS.suppliers}`);
      const config: HandoffConfig = {
        baseUrl,
        suppliers: c.suppliers.map((s, i) => supplier(s, `config.suppliers[${i}]`)),
      };
      return { type, config };
    }
  }
}
