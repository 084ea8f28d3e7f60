import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import {
  askOrderPages,
  mergeOrderPageAddresses,
  sourceTabOf,
  type AddressTabsApi,
} from './order-page-addresses';
import { addressSourceOf, addressesForPrint, groupBySource } from './address-sources';

const shop = { platform: 'wechat', shopId: 'wx1' } as const;
const VN = { main: '13476567876', ext: '3639' };
const order = (orderId: string): OrderView => ({
  platform: 'wechat',
  shopId: 'wx1',
  orderId,
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 22),
  items: [],
  receiver: { virtual: VN, address: '广东省广州市天河区****', name: '张*' },
});
const orders = [order('1001'), order('1002')];

/** Tabs whose content scripts answer like the real one: only for asked orders. */
function tabs(
  pages: Record<number, Record<string, string> | 'other-shop' | 'gone'>,
  log: unknown[] = [],
): AddressTabsApi {
  return {
    query: () => Promise.resolve(Object.keys(pages).map((id) => ({ id: Number(id) }))),
    sendMessage: (tabId, message) => {
      log.push([tabId, message]);
      const page = pages[tabId];
      if (page === 'gone' || page === undefined)
        return Promise.reject(new Error('Could not establish connection'));
      if (page === 'other-shop') return Promise.resolve({ ok: false, reason: 'other-shop' });
      const ids = (message as { orderIds: string[] }).orderIds;
      const shown = ids.filter((id) => id in page);
      return Promise.resolve({
        ok: true,
        orders: shown.map((id) =>
          page[id]!.includes('*')
            ? { orderId: id, state: 'masked' }
            : { orderId: id, state: 'detailed', address: page[id], virtual: VN },
        ),
        missing: ids.filter((id) => !(id in page)),
      });
    },
  };
}

describe('askOrderPages', () => {
  it('asks the source tab first, then other tabs only for what is still missing', async () => {
    const log: unknown[] = [];
    const r = await askOrderPages(
      shop,
      orders,
      7,
      tabs(
        { 3: { '1002': '广东省广州市天河区花城广场9号' }, 7: { '1001': '广东省广州市天河区花城广场888号' } },
        log,
      ),
    );
    expect(r.tab).toBe('answered');
    expect([...r.found].map(([id, p]) => [id, p.address])).toEqual([
      ['1001', '广东省广州市天河区花城广场888号'],
      ['1002', '广东省广州市天河区花城广场9号'],
    ]);
    expect(log.map((l) => [(l as [number])[0], (l as [number, { orderIds: string[] }])[1].orderIds])).toEqual(
      [
        [7, ['1001', '1002']],
        [3, ['1002']],
      ],
    );
  });

  it('a closed tab, another shop, a masked row: each order says why', async () => {
    expect((await askOrderPages(shop, orders, 7, tabs({ 7: 'gone' }))).tab).toBe('no-tab');
    expect((await askOrderPages(shop, orders, 7, tabs({ 7: 'other-shop' }))).tab).toBe('other-shop');
    const r = await askOrderPages(shop, orders, 7, tabs({ 7: { '1001': '广东省广州市天河区****' } }));
    expect(groupBySource(['1001', '1002'], r, new Map())).toEqual([
      ['masked', ['1001']],
      ['missing', ['1002']],
    ]);
    // The export's address is the second source; the page's wins over it.
    const file = new Map([['1002', '广东省广州市天河区文件路1号']]);
    expect(addressSourceOf('1002', r, file)).toBe('file');
    expect(addressSourceOf('1002', undefined, new Map())).toBe('not-asked');
    const both = await askOrderPages(
      shop,
      orders,
      7,
      tabs({ 7: { '1002': '广东省广州市天河区花城广场9号' } }),
    );
    expect(addressesForPrint(both, file).get('1002')).toBe('广东省广州市天河区花城广场9号');
  });

  it('sourceTabOf reads only a positive integer', () => {
    expect(sourceTabOf('?sel=s1&tab=42')).toBe(42);
    for (const bad of ['?tab=0', '?tab=-1', '?tab=1e3', '?tab=', '?sel=1', `?tab=${'9'.repeat(20)}`])
      expect(sourceTabOf(bad)).toBeUndefined();
  });
});

describe('mergeOrderPageAddresses', () => {
  it('keeps an address seen before when the row is hidden again; a mismatch drops it', async () => {
    const seen = await askOrderPages(
      shop,
      orders,
      7,
      tabs({ 7: { '1001': '广东省广州市天河区花城广场888号' } }),
    );
    const hidden = await askOrderPages(shop, orders, 7, tabs({ 7: { '1001': '广东省广州市天河区****' } }));
    const kept = mergeOrderPageAddresses(seen, hidden);
    expect(kept.found.get('1001')?.address).toBe('广东省广州市天河区花城广场888号');
    expect(kept.states.get('1001')).toBe('detailed');
    const gone = await askOrderPages(shop, orders, 7, tabs({ 7: 'gone' }));
    expect(addressSourceOf('1001', mergeOrderPageAddresses(seen, gone), new Map())).toBe('page');
    const moved = await askOrderPages(
      shop,
      orders,
      7,
      tabs({ 7: { '1001': '浙江省杭州市西湖区文三路1号' } }),
    );
    const dropped = mergeOrderPageAddresses(seen, moved);
    expect(dropped.found.has('1001')).toBe(false);
    expect(dropped.states.get('1001')).toBe('mismatch');
  });
});
