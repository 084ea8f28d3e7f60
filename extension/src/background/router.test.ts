import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import type { PageRequest } from '../messages/index';
import type { Reply } from '../messages/shared';
import { createRouter, type Refusal } from './router';
import { documentKey } from './shops/content-shop';
import type { Handlers } from './shared/handlers';
import { memoryTabShops } from './shops/tab-shops';
import { isBackOfficeUrl, senderKind, type SenderInfo, type SenderPolicy } from './shared/sender';
import { requestTypes, validateRequest } from './validate';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const policy: SenderPolicy = {
  extensionId: EXT,
  extensionOrigin: `chrome-extension://${EXT}/`,
  allowDemo: true,
};
const prodPolicy: SenderPolicy = { ...policy, allowDemo: false };

const popup: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };
const content: SenderInfo = {
  id: EXT,
  url: 'https://fxg.jinritemai.com/ffa/morder/order/list',
  tab: { id: 7 },
};
const demoContent: SenderInfo = { id: EXT, url: 'http://127.0.0.1:4173/wechat/orders', tab: { id: 8 } };

const shop = { platform: 'wechat', shopId: 'demo' } as const;
const order: OrderView = {
  platform: 'wechat',
  shopId: 'demo',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 1),
  items: [{ name: '保温杯', quantity: 1 }],
  remark: '请打134****3639或转9647',
  receiver: {
    name: '张*',
    phone: '132****3639',
    address: '广东省广州市天河区****',
    region: { province: '广东省', city: '广州市', district: '天河区' },
    virtual: { main: '13476567876', ext: '3639' },
    cipher: { address: '#ML3B#0BB1W4Xn5A=#1##' },
  },
};

/** Handlers that record what reached them. */
function recording() {
  const seen: { request: PageRequest; tabId: number | undefined }[] = [];
  const h =
    (value: unknown) =>
    (request: PageRequest, ctx: { tabId?: number }): Promise<unknown> => {
      seen.push({ request, tabId: ctx.tabId });
      return Promise.resolve(value);
    };
  const handlers = Object.fromEntries(
    Object.keys(requestTypes).map((t) => [t, h(`${t}:ok`)]),
  ) as unknown as Handlers;
  return { seen, handlers };
}

const valid: Record<keyof typeof requestTypes, PageRequest> = {
  'orders/seen': { type: 'orders/seen', shop, orders: [order] },
  'reveal/recorded': {
    type: 'reveal/recorded',
    shop,
    orderId: order.orderId,
    field: 'all',
    at: Date.UTC(2026, 10, 2),
    clickId: 'c1',
  },
  'counter/observed': { type: 'counter/observed', shop, remaining: 480, at: Date.UTC(2026, 10, 2) },
  'quota/status': { type: 'quota/status', shop },
  'settings/get': { type: 'settings/get', shop },
  'settings/set': {
    type: 'settings/set',
    shop,
    settings: {
      platform: 'wechat',
      quota: { allowance: 600, warnAt: 0.9 },
      sender: { name: '王店长', phone: '13800000000', address: '浙江省杭州市余杭区文一西路1号' },
      labelSize: '100x180',
      retentionDays: 30,
      language: 'en',
    },
  },
  'shops/list': { type: 'shops/list' },
  'ui/language': { type: 'ui/language' },
  'ui/language/set': { type: 'ui/language/set', language: 'en' },
  'reveals/daily': { type: 'reveals/daily', shop, days: 30 },
  'shops/active': { type: 'shops/active', tabId: 7 },
  'selection/open': { type: 'selection/open', shop, orderIds: [order.orderId], purpose: 'print' },
  'selection/get': { type: 'selection/get', selectionId: 's1' },
  'print/job-create': {
    type: 'print/job-create',
    shop,
    path: 'browser',
    carrier: 'ZTO',
    labelSize: '76x130',
    documents: [{ orderId: order.orderId, trackingNumber: '78901234567890' }],
  },
  'print/job-mark': { type: 'print/job-mark', jobId: 'p1', marks: [{ documentId: 'p1-1', state: 'sent' }] },
  'print/job-status': { type: 'print/job-status', jobId: 'p1', status: 'paused' },
  'print/job-get': { type: 'print/job-get', jobId: 'p1' },
  'print/jobs': { type: 'print/jobs', shop },
  'print/reprint': { type: 'print/reprint', jobId: 'p1', orderIds: [order.orderId], reason: '卡纸' },
  'print/log': { type: 'print/log', shop, orderId: order.orderId },
  'sync/status': { type: 'sync/status' },
  'sync/start': { type: 'sync/start', serverUrl: 'https://couch.example.com/shipmask-s1', label: '1' },
  'sync/join': { type: 'sync/join', code: 'SM-0000', label: '2' },
  'sync/code': { type: 'sync/code' },
  'sync/now': { type: 'sync/now' },
  'sync/rotate': { type: 'sync/rotate' },
  'sync/credentials': { type: 'sync/credentials', user: 'shop1', password: 'pw' },
  'sync/leave': { type: 'sync/leave' },
  'handoff/orders': { type: 'handoff/orders', shop, orderIds: [order.orderId] },
  'handoff/seal': {
    type: 'handoff/seal',
    shop,
    orderIds: [order.orderId],
    supplier: { name: '义乌杯厂', note: '王经理' },
    expiresInDays: 7,
    passphrase: 'correct horse',
    carrier: 'ZTO',
  },
  'handoff/batches': { type: 'handoff/batches', ofShop: shop },
  'handoff/batch': { type: 'handoff/batch', batchId: 'q3Zk8Jd0WcLm' },
  'handoff/revoke': { type: 'handoff/revoke', batchId: 'q3Zk8Jd0WcLm' },
  'handoff/ship-file': { type: 'handoff/ship-file', batchId: 'q3Zk8Jd0WcLm' },
  'handoff/reminders': { type: 'handoff/reminders', shop },
  'handoff/import': { type: 'handoff/import', batchId: 'q3Zk8Jd0WcLm', code: 'gV8M\nabc' },
  'handoff/rules/get': { type: 'handoff/rules/get', shop },
  'handoff/rules/set': {
    type: 'handoff/rules/set',
    shop,
    rules: { version: 1, rules: [{ sku: 'SM-001-', supplier: '义乌杯厂', match: 'prefix' }] },
    fallback: '自营仓',
  },
  'handoff/seal-suppliers': {
    type: 'handoff/seal-suppliers',
    shop,
    orderIds: [order.orderId],
    expiresInDays: 7,
    carrier: 'ZTO',
  },
  'handoff/details': { type: 'handoff/details', groupId: 'q3Zk8Jd0WcLm' },
  'adapters/get': { type: 'adapters/get', host: 'store.weixin.qq.com' },
  'adapters/save': {
    type: 'adapters/save',
    adapter: {
      format: 'shipmask-adapter',
      version: 1,
      host: 'store.weixin.qq.com',
      path: '/shop/order/list',
      platform: 'wechat',
      savedAt: Date.UTC(2026, 10, 2),
      hosts: ['micro-app'],
      row: 'div[class*="orderCard"]',
      fields: {
        orderId: { selector: 'span.order-no', read: 'orderId' },
        receiverName: { selector: '.cons', read: { token: 0, rest: false } },
        receiverAddress: { selector: '.cons', read: { token: 1, rest: true } },
      },
    },
  },
  'adapters/import': { type: 'adapters/import', text: '{}' },
  'adapters/delete': { type: 'adapters/delete', host: 'store.weixin.qq.com' },
  'handoff/config/get': { type: 'handoff/config/get' },
  'handoff/config/set': {
    type: 'handoff/config/set',
    config: { baseUrl: 'https://example.com/supplier.html', suppliers: [{ name: '义乌杯厂' }] },
  },
  'gate/facts': {
    type: 'gate/facts',
    shop,
    facts: [
      {
        orderId: order.orderId,
        flags: { refund: 'requested' },
        shipBy: Date.UTC(2026, 10, 3),
        mergeKey: 'hash_code_1',
        address: { form: 'masked', hash: 'a'.repeat(64) },
      },
    ],
  },
  'gate/key': { type: 'gate/key' },
  'gate/check': {
    type: 'gate/check',
    shop,
    orderIds: [order.orderId],
    action: 'print',
    overrides: [{ orderId: order.orderId, reason: 'refund' }],
  },
  'gate/overview': { type: 'gate/overview', shop, dueWithinHours: 12 },
  'gate/handled': { type: 'gate/handled', shop, orderId: order.orderId, reasons: ['refund'] },
};

describe('senders', () => {
  it('accepts content scripts only on back-office origins, pages only from the extension', () => {
    expect(senderKind(content, policy)).toBe('content');
    expect(senderKind(demoContent, policy)).toBe('content');
    expect(senderKind(demoContent, prodPolicy)).toBeUndefined();
    expect(senderKind(popup, policy)).toBe('page');
    expect(senderKind({ ...popup, id: 'other' }, policy)).toBeUndefined();
    expect(senderKind({ ...content, id: 'other' }, policy)).toBeUndefined();
    expect(senderKind({ id: EXT, url: 'https://evil.example/', tab: { id: 1 } }, policy)).toBeUndefined();
    // Same extension, a back-office URL but no tab: not a content script.
    expect(senderKind({ id: EXT, url: content.url! }, policy)).toBeUndefined();
    // A longer extension id that starts with ours is another extension.
    expect(senderKind({ id: EXT, url: `chrome-extension://${EXT}x/popup.html` }, policy)).toBeUndefined();
    expect(senderKind({}, policy)).toBeUndefined();
  });

  it('matches hosts exactly (no suffix tricks, no userinfo)', () => {
    expect(isBackOfficeUrl('https://store.weixin.qq.com/shop/order/list', false)).toBe(true);
    expect(isBackOfficeUrl('https://store.weixin.qq.com.evil.example/', false)).toBe(false);
    expect(isBackOfficeUrl('https://evil.example/?https://store.weixin.qq.com/', false)).toBe(false);
    expect(isBackOfficeUrl('https://user@store.weixin.qq.com/', false)).toBe(false);
    expect(isBackOfficeUrl('http://store.weixin.qq.com/', false)).toBe(false);
    expect(isBackOfficeUrl('http://127.0.0.1:4173/', true)).toBe(true);
    expect(isBackOfficeUrl('not a url', true)).toBe(false);
  });
});

describe('validators', () => {
  it('accepts every valid request and returns an equal value', () => {
    for (const req of Object.values(valid)) {
      const r = validateRequest(req);
      expect(r).toEqual({ ok: true, value: req });
    }
  });

  it('names the bad field of the envelope (the fields of each type: <feature>/validate.test.ts)', () => {
    const cases: [unknown, string][] = [
      [null, 'message'],
      [{ type: 7 }, 'type'],
      [{ type: 'quota/status' }, 'shop'],
    ];
    for (const [value, field] of cases) {
      const r = validateRequest(value);
      expect(r.ok, JSON.stringify(value).slice(0, 80)).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('invalid-message');
        expect(r.message.startsWith(`${field}:`), r.message).toBe(true);
      }
    }
  });

  it('reports unknown types as such', () => {
    expect(validateRequest({ type: 'db/dump' })).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(validateRequest({ type: 'toString' })).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(validateRequest({ type: '__proto__' })).toMatchObject({ ok: false, code: 'unknown-type' });
  });

  it('survives hostile values (throwing getters, proxies)', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
      },
    );
    expect(validateRequest(hostile)).toMatchObject({ ok: false, code: 'invalid-message' });
    const getter = {
      type: 'quota/status',
      get shop(): never {
        throw new Error('boom');
      },
    };
    expect(validateRequest(getter)).toMatchObject({ ok: false, code: 'invalid-message' });
  });
});

describe('router', () => {
  it('routes each valid request to its handler with the sender tab', async () => {
    const { seen, handlers } = recording();
    const route = createRouter({ policy, handlers });
    for (const req of Object.values(valid)) {
      const sender = requestTypes[req.type] === 'content' ? demoContent : popup;
      expect(await route(req, sender)).toEqual({ ok: true, value: `${req.type}:ok` });
    }
    expect(seen.map((s) => s.request.type)).toEqual(Object.keys(valid));
    expect(seen[0]!.tabId).toBe(8);
  });

  it('lets a content script speak only for the platform it runs on', async () => {
    const { seen, handlers } = recording();
    const route = createRouter({ policy, handlers });
    // `content` runs on fxg.jinritemai.com (Douyin); the valid requests are for a WeChat shop.
    expect(await route(valid['quota/status'], content)).toMatchObject({
      error: { code: 'forbidden-sender' },
    });
    const douyinShop = { platform: 'douyin', shopId: 'd' };
    expect(await route({ type: 'quota/status', shop: douyinShop }, content)).toMatchObject({ ok: true });
    const wechatPage: SenderInfo = { id: EXT, url: 'https://store.weixin.qq.com/shop/order', tab: { id: 2 } };
    expect(await route(valid['quota/status'], wechatPage)).toMatchObject({ ok: true });
    // The demo origin serves every platform (test builds only).
    expect(await route({ type: 'quota/status', shop: douyinShop }, demoContent)).toMatchObject({ ok: true });
    expect(seen).toHaveLength(3);
  });

  it("binds a tab's document to its first shop and refuses another shop with wrong-shop", async () => {
    const { seen, handlers } = recording();
    const tabs = memoryTabShops();
    const refusals: Refusal[] = [];
    const route = createRouter({
      policy,
      handlers,
      bindTab: (t, d, sh) => tabs.bind(t, d, sh),
      onRefused: (r) => refusals.push(r),
    });
    const shopA = { platform: 'douyin', shopId: 'A' } as const;
    const shopB = { platform: 'douyin', shopId: 'B' } as const;
    const tab7: SenderInfo = { ...content, documentId: 'D1' };
    expect(await route({ type: 'quota/status', shop: shopA }, tab7)).toMatchObject({ ok: true });
    // The same document now names shop B (e.g. page text rewritten under the script): refused.
    const other = { type: 'counter/observed', shop: shopB, remaining: 0, at: Date.UTC(2026, 10, 2) };
    expect(await route(other, tab7)).toMatchObject({ ok: false, error: { code: 'wrong-shop' } });
    expect(
      await route({ type: 'orders/seen', shop: shopB, orders: [{ ...order, ...shopB }] }, tab7),
    ).toMatchObject({
      error: { code: 'wrong-shop' },
    });
    expect(refusals.map((r) => r.code)).toEqual(['wrong-shop', 'wrong-shop']);
    expect(seen).toHaveLength(1);
    // Another tab is bound on its own; a new document in tab 7 (navigation, reload) binds afresh.
    expect(
      await route({ type: 'quota/status', shop: shopB }, { ...content, tab: { id: 9 }, documentId: 'D9' }),
    ).toMatchObject({ ok: true });
    expect(await route({ type: 'quota/status', shop: shopB }, { ...tab7, documentId: 'D2' })).toMatchObject({
      ok: true,
    });
    expect(await route({ type: 'quota/status', shop: shopA }, { ...tab7, documentId: 'D2' })).toMatchObject({
      error: { code: 'wrong-shop' },
    });
    // Extension pages are not bound to a tab's shop.
    expect(await route({ type: 'quota/status', shop: shopA }, popup)).toMatchObject({ ok: true });
  });

  it('without document ids, binds per frame and origin', () => {
    expect(documentKey({ documentId: 'X', url: 'https://fxg.jinritemai.com/a' })).toBe('doc:X');
    expect(documentKey({ url: 'https://fxg.jinritemai.com/a?p=2' })).toBe('url:0:https://fxg.jinritemai.com');
    expect(documentKey({ url: 'not a url' })).toBeUndefined();
    expect(documentKey({})).toBeUndefined();
  });

  it('a binding that cannot be stored refuses with storage, never lets the request through', async () => {
    const { seen, handlers } = recording();
    const route = createRouter({ policy, handlers, bindTab: () => Promise.reject(new Error('quota')) });
    expect(
      await route({ type: 'quota/status', shop: { platform: 'douyin', shopId: 'A' } }, content),
    ).toMatchObject({
      error: { code: 'storage' },
    });
    expect(seen).toHaveLength(0);
  });

  it('lets pages send content requests but not the reverse', async () => {
    const { handlers } = recording();
    const route = createRouter({ policy, handlers });
    expect((await route(valid['quota/status'], popup)).ok).toBe(true);
    expect(await route(valid['settings/set'], demoContent)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses foreign senders before reading the message', async () => {
    const { seen, handlers } = recording();
    const refusals: Refusal[] = [];
    const route = createRouter({ policy: prodPolicy, handlers, onRefused: (r) => refusals.push(r) });
    expect(await route(valid['orders/seen'], demoContent)).toMatchObject({
      error: { code: 'forbidden-sender' },
    });
    expect(await route({ type: 'nope' }, { id: 'evil', url: 'https://evil.example/' })).toMatchObject({
      error: { code: 'forbidden-sender' },
    });
    expect(seen).toHaveLength(0);
    expect(refusals.map((r) => r.code)).toEqual(['forbidden-sender', 'forbidden-sender']);
  });

  it('refuses plaintext orders and never calls the handler', async () => {
    const { seen, handlers } = recording();
    const refusals: Refusal[] = [];
    const route = createRouter({ policy, handlers, onRefused: (r) => refusals.push(r) });
    const bad = {
      ...valid['orders/seen'],
      orders: [order, { ...order, orderId: '2', receiver: { phone: '13240968483' } }],
    };
    const reply = await route(bad, demoContent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    if (!reply.ok) expect(reply.error.message).not.toContain('13240968483');
    expect(seen).toHaveLength(0);
    expect(JSON.stringify(refusals)).not.toContain('13240968483');
  });

  it('turns handler failures into storage / internal errors', async () => {
    const { handlers } = recording();
    const failing = (name: string) =>
      createRouter({
        policy,
        handlers: {
          ...handlers,
          'quota/status': () => Promise.reject(Object.assign(new Error('x'), { name })),
        },
      });
    expect(await failing('QuotaExceededError')(valid['quota/status'], demoContent)).toMatchObject({
      error: { code: 'storage' },
    });
    expect(await failing('TypeError')(valid['quota/status'], demoContent)).toMatchObject({
      error: { code: 'internal' },
    });
  });

  it('property: arbitrary values never crash the router; they get a typed error', async () => {
    const { seen, handlers } = recording();
    const route = createRouter({ policy, handlers });
    const codes = new Set(['invalid-message', 'unknown-type', 'forbidden-sender']);
    const typeArb = fc.oneof(fc.constantFrom(...Object.keys(requestTypes)), fc.string());
    const message = fc.oneof(
      fc.anything(),
      fc.record({ type: typeArb }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), fc.anything()).chain((d) => typeArb.map((type) => ({ ...d, type }))),
      // Valid requests with one field replaced by anything.
      fc
        .tuple(fc.constantFrom(...Object.values(valid)), fc.string(), fc.anything())
        .map(([req, key, value]) => ({
          ...req,
          [key in req ? key : (Object.keys(req)[1] ?? 'type')]: value,
        })),
    );
    const sender = fc.constantFrom<SenderInfo>(content, popup, demoContent, {
      id: 'x',
      url: 'https://evil.example/',
    });
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, s) => {
        const before = seen.length;
        const reply: Reply<unknown> = await route(m, s);
        if (reply.ok) {
          // Only a well-formed request reaches a handler, exactly once.
          expect(seen.length).toBe(before + 1);
          expect(validateRequest(m).ok).toBe(true);
        } else {
          expect(codes.has(reply.error.code)).toBe(true);
          expect(typeof reply.error.message).toBe('string');
          expect(seen.length).toBe(before);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
