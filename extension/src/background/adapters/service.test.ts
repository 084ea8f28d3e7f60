import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { taughtFileText, type TaughtAdapter } from '../../adapters/taught/record';
import { Store } from '../../storage';
import { adapterHandlers, WrongHostError } from './service';
import type { RequestContext } from '../shared/handlers';

const adapter: TaughtAdapter = {
  format: 'shipmask-adapter',
  version: 1,
  host: 'fxg.jinritemai.com',
  path: '/ffa/morder/order/list',
  platform: 'douyin',
  savedAt: Date.UTC(2026, 10, 23),
  hosts: [],
  row: 'tr.auxo-table-row',
  fields: { orderId: { selector: '[class*="leftWrapper"] span', read: 'orderId' } },
};
const ctx: RequestContext = {
  kind: 'content',
  tabId: 1,
  url: 'https://fxg.jinritemai.com/ffa/morder/order/list?page=2',
};
const other: RequestContext = {
  kind: 'content',
  tabId: 2,
  url: 'https://store.weixin.qq.com/shop/order/list',
};

describe('taught-adapter handlers', () => {
  it('saves, reads, imports and forgets the adapter of the page host', async () => {
    const h = adapterHandlers({ store: new Store({ factory: new IDBFactory() }) });
    expect(await h['adapters/get']({ type: 'adapters/get', host: adapter.host }, ctx)).toBeNull();
    await h['adapters/save']({ type: 'adapters/save', adapter }, ctx);
    expect(await h['adapters/get']({ type: 'adapters/get', host: adapter.host }, ctx)).toEqual(adapter);
    const newer = { ...adapter, savedAt: adapter.savedAt + 1, row: 'div[class*="orderCard"]' };
    expect(await h['adapters/import']({ type: 'adapters/import', text: taughtFileText(newer) }, ctx)).toEqual(
      {
        ok: true,
        adapter: newer,
      },
    );
    expect(await h['adapters/get']({ type: 'adapters/get', host: adapter.host }, ctx)).toEqual(newer);
    expect(await h['adapters/delete']({ type: 'adapters/delete', host: adapter.host }, ctx)).toBe(true);
    expect(await h['adapters/get']({ type: 'adapters/get', host: adapter.host }, ctx)).toBeNull();
  });

  it('answers a bad file with a typed result and keeps what is stored', async () => {
    const h = adapterHandlers({ store: new Store({ factory: new IDBFactory() }) });
    await h['adapters/save']({ type: 'adapters/save', adapter }, ctx);
    const imp = (text: string) => h['adapters/import']({ type: 'adapters/import', text }, ctx);
    expect(await imp('not json')).toMatchObject({ ok: false, code: 'not-json' });
    expect(await imp('{"format":"x"}')).toMatchObject({ ok: false, code: 'wrong-format' });
    expect(await imp(JSON.stringify({ ...adapter, row: 7 }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await imp('x'.repeat(20_000))).toMatchObject({ ok: false, code: 'too-large' });
    expect(
      await imp(taughtFileText({ ...adapter, host: 'store.weixin.qq.com', platform: 'wechat' })),
    ).toMatchObject({
      ok: false,
      code: 'wrong-host',
    });
    expect(await h['adapters/get']({ type: 'adapters/get', host: adapter.host }, ctx)).toEqual(adapter);
  });

  it("refuses another host's adapter from a content script", async () => {
    const h = adapterHandlers({ store: new Store({ factory: new IDBFactory() }) });
    await expect(h['adapters/save']({ type: 'adapters/save', adapter }, other)).rejects.toBeInstanceOf(
      WrongHostError,
    );
    await expect(
      h['adapters/get']({ type: 'adapters/get', host: adapter.host }, other),
    ).rejects.toBeInstanceOf(WrongHostError);
  });
});
