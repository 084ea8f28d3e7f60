import { describe, expect, it } from 'vitest';
import { adapterFor } from './adapters';
import {
  allBackOfficeMatches,
  backOfficeOrigins,
  demoMatches,
  syncOriginPattern,
  syncServerOptionalMatches,
} from './origins';
import config from '../wxt.config';

describe('origins: the real back-office hosts and nothing else', () => {
  it('lists exactly the hosts of the public evidence (issue 15)', () => {
    expect(backOfficeOrigins).toEqual({
      douyin: ['https://fxg.jinritemai.com/*'],
      wechat: ['https://store.weixin.qq.com/*'],
      jd: ['https://shop.jd.com/*', 'https://trade-order-jdm.jd.com/*'],
    });
    for (const m of allBackOfficeMatches) expect(m).toMatch(/^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\*$/u);
  });

  it('the production manifest asks for those hosts only; test builds add 127.0.0.1', () => {
    const manifest = config.manifest as (env: { mode: string }) => Record<string, unknown>;
    const prod = manifest({ mode: 'production' });
    expect(prod.host_permissions).toEqual(allBackOfficeMatches);
    expect(JSON.stringify(prod)).not.toContain('127.0.0.1');
    expect(JSON.stringify(prod)).not.toContain('<all_urls>');
    const test = manifest({ mode: 'test' });
    expect(test.host_permissions).toEqual([...allBackOfficeMatches, ...demoMatches]);
  });

  it('the only other hosts are OPTIONAL, for the merchant CouchDB (issue 22), requested one origin at a time', () => {
    const manifest = config.manifest as (env: { mode: string }) => Record<string, unknown>;
    const prod = manifest({ mode: 'production' });
    expect(prod.optional_host_permissions).toEqual(syncServerOptionalMatches);
    expect(syncServerOptionalMatches).toEqual(['https://*/*', 'http://*/*']);
    // Nothing optional sneaks into the required list, and no other permission key exists.
    expect(prod.host_permissions).not.toContain('https://*/*');
    expect(
      Object.keys(prod)
        .filter((k) => /permission/u.test(k))
        .sort(),
    ).toEqual(['host_permissions', 'optional_host_permissions', 'permissions']);
    expect(syncOriginPattern('https://couch.example.com:6984/shipmask-s1')).toBe(
      'https://couch.example.com/*',
    );
    expect(syncOriginPattern('http://192.168.1.5:5984/shop')).toBe('http://192.168.1.5/*');
    expect(syncOriginPattern('http://[::1]:5984/shop')).toBe('http://[::1]/*');
    expect(syncOriginPattern('ftp://x/y')).toBeUndefined();
    expect(syncOriginPattern('https://a@b.example/db')).toBeUndefined();
  });

  it('adapters claim the real order-list URLs, the demo paths on 127.0.0.1, and nothing else', () => {
    const claims: [string, string | undefined][] = [
      ['https://fxg.jinritemai.com/ffa/morder/order/list?btm=1', 'douyin'],
      ['https://store.weixin.qq.com/shop/order/list', 'wechat'],
      ['https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders', 'jd'],
      ['https://shop.jd.com/jdm/trade/order/orderList', 'jd'],
      ['https://trade-order-jdm.jd.com/orderList', 'jd'],
      ['http://127.0.0.1:8790/ffa/morder/order/list', 'douyin'],
      ['http://127.0.0.1:8790/shop/order/list?skin=2', 'wechat'],
      ['http://127.0.0.1:8790/jdm/trade/orders/order-list', 'jd'],
      ['http://127.0.0.1:8790/orderList', 'jd'],
      ['https://shop.jd.com/jdm/home', undefined],
      ['https://fxg.jinritemai.com.evil.example/ffa/morder/order/list', undefined],
      ['https://porder.shop.jd.com/order/orderlist', undefined],
      ['https://channels.weixin.qq.com/shop/order/list', undefined],
    ];
    for (const [url, platform] of claims)
      expect({ url, platform: adapterFor(url)?.platform }).toEqual({ url, platform });
  });
});
