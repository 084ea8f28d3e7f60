import { describe, expect, it } from 'vitest';
import type { ShopRef } from '../../messages/shared';
import { checkContentShop, documentKey } from './content-shop';

const shop: ShopRef = { platform: 'douyin', shopId: 's1' };
const douyinPage = {
  url: 'https://fxg.jinritemai.com/ffa/morder/order/list',
  tab: { id: 7 },
  documentId: 'D1',
};

describe('checkContentShop', () => {
  it('refuses a shop of another platform than the page (audited)', async () => {
    expect(await checkContentShop({ platform: 'jd', shopId: 's1' }, douyinPage, false)).toEqual({
      ok: false,
      code: 'forbidden-sender',
      reason: "jd request from another platform's page",
      audited: true,
    });
  });

  it('lets the demo origin speak for any platform only when demos are allowed', async () => {
    const demo = { url: 'http://127.0.0.1:5173/douyin/orders.html' };
    expect(await checkContentShop({ platform: 'jd', shopId: 's' }, demo, true)).toEqual({ ok: true });
    expect((await checkContentShop({ platform: 'jd', shopId: 's' }, demo, false)).ok).toBe(false);
  });

  it('binds the tab document to its first shop and refuses another one as wrong-shop', async () => {
    const bound = new Map<string, ShopRef>();
    const bindTab = (tabId: number, document: string, s: ShopRef): Promise<ShopRef> => {
      const key = `${tabId}|${document}`;
      if (!bound.has(key)) bound.set(key, s);
      return Promise.resolve(bound.get(key)!);
    };
    expect(await checkContentShop(shop, douyinPage, false, bindTab)).toEqual({ ok: true });
    expect(await checkContentShop({ ...shop, shopId: 's2' }, douyinPage, false, bindTab)).toMatchObject({
      ok: false,
      code: 'wrong-shop',
      audited: true,
    });
    // A new document of the same tab (navigation) may report another shop.
    expect(
      await checkContentShop({ ...shop, shopId: 's2' }, { ...douyinPage, documentId: 'D2' }, false, bindTab),
    ).toEqual({ ok: true });
  });

  it('answers storage (not audited) when the binding cannot be read', async () => {
    const failing = (): Promise<ShopRef> => Promise.reject(new DOMException('gone', 'UnknownError'));
    expect(await checkContentShop(shop, douyinPage, false, failing)).toMatchObject({
      ok: false,
      code: 'storage',
      audited: false,
    });
  });
});

describe('documentKey', () => {
  it('prefers the document id, else the frame and origin', () => {
    expect(documentKey({ documentId: 'A1', url: 'https://fxg.jinritemai.com/x' })).toBe('doc:A1');
    expect(documentKey({ frameId: 2, url: 'https://fxg.jinritemai.com/x?y' })).toBe(
      'url:2:https://fxg.jinritemai.com',
    );
    expect(documentKey({ url: 'not a url' })).toBeUndefined();
  });
});
