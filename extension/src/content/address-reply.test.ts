// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerAddressRequest, readOrderPageAddresses } from './address-reply';
import { douyin } from '../adapters/douyin';
import { jd } from '../adapters/jd';
import { wechat } from '../adapters/wechat';

const WECHAT_URL = 'http://127.0.0.1:8790/shop/order/list';
const JD_URL = 'http://127.0.0.1:8790/jdm/trade/orders/order-list';
const NOW = Date.UTC(2026, 10, 23, 2);

interface Row {
  id: string;
  address: string;
  vn?: string;
  phone?: string;
}

/** A 微信小店 list (the demo's card markup) with the given rows, in the document. */
function wechatPage(rows: readonly Row[]): Document {
  document.body.replaceChildren();
  const shop = document.createElement('span');
  shop.className = 'weui-desktop-account__appid';
  shop.textContent = 'wx1';
  const list = document.createElement('div');
  list.className = 'order-list-wrap';
  for (const r of rows) {
    const card = document.createElement('div');
    card.className = 'order-card';
    const id = document.createElement('div');
    id.className = 'order-card__id';
    id.textContent = `订单号：${r.id}`;
    const receiver = document.createElement('div');
    receiver.className = 'receiver';
    const name = document.createElement('span');
    name.className = 'receiver__name';
    name.textContent = '张*';
    const phone = document.createElement('span');
    phone.className = 'receiver__phone';
    phone.textContent = r.phone ?? '132****3639';
    receiver.append(name, phone);
    if (r.vn !== undefined) {
      const vn = document.createElement('span');
      vn.className = 'receiver__vn-number';
      vn.textContent = r.vn;
      receiver.append(vn);
    }
    const address = document.createElement('div');
    address.className = 'receiver__address';
    address.textContent = r.address;
    receiver.append(address);
    card.append(id, receiver);
    list.append(card);
  }
  document.body.append(shop, list);
  return document;
}

const DETAILED = '广东省广州市天河区花城广场888号';
const MASKED = '广东省广州市天河区****';
const VN = '13476567876-3639';

describe('readOrderPageAddresses', () => {
  it('returns the detailed address of a revealed virtual-number row, and only of the rows asked', () => {
    const doc = wechatPage([
      { id: '3718000000000001', address: DETAILED, vn: VN },
      { id: '3718000000000002', address: '浙江省杭州市西湖区文三路1号', vn: '13476567876-1111' },
    ]);
    const r = readOrderPageAddresses(doc, wechat, 'wx1', ['3718000000000001', '3718000000000009'], NOW);
    expect(r.orders).toEqual([
      {
        orderId: '3718000000000001',
        state: 'detailed',
        address: DETAILED,
        virtual: { main: '13476567876', ext: '3639' },
      },
    ]);
    expect(r.missing).toEqual(['3718000000000009']);
    expect(JSON.stringify(r)).not.toContain('文三路');
  });

  it('says masked before the reveal, not-virtual without a virtual number (never its address), no-address for an empty one', () => {
    const doc = wechatPage([
      { id: '3718000000000001', address: MASKED, vn: VN },
      // An exempt order the page shows in clear: no virtual number, so no address leaves.
      { id: '3718000000000002', address: DETAILED, phone: '13212343639' },
      { id: '3718000000000003', address: '', vn: VN },
    ]);
    const r = readOrderPageAddresses(
      doc,
      wechat,
      'wx1',
      ['3718000000000001', '3718000000000002', '3718000000000003'],
      NOW,
    );
    expect(r.orders.map((o) => o.state)).toEqual(['masked', 'not-virtual', 'no-address']);
    expect(JSON.stringify(r)).not.toContain('花城广场');
    expect(JSON.stringify(r)).not.toContain('13212343639');
  });

  it('京东: the revealed `name，address` text gives the address without the real name', () => {
    document.body.replaceChildren();
    const shop = document.createElement('div');
    shop.className = 'shop-menu-account__right-account-top-id';
    shop.textContent = '商家编号：10218365';
    const table = document.createElement('div');
    table.className = 'jd-pro-card-table';
    const body = document.createElement('div');
    body.className = 'table-body';
    const card = document.createElement('div');
    card.className = 'card';
    const header = document.createElement('div');
    header.className = 'card-header';
    const id = document.createElement('span');
    id.className = 'order-info-btn';
    id.textContent = '322561320014';
    header.append(id);
    const addr = document.createElement('span');
    addr.className = 'cons-address-text';
    addr.textContent = `王小明，${DETAILED}`;
    const phone = document.createElement('span');
    phone.className = 'cons-mobile-phone-text';
    phone.textContent = '17692517802-2776 虚拟号说明 ';
    card.append(header, addr, phone);
    body.append(card);
    table.append(body);
    document.body.append(shop, table);
    const reply = answerAddressRequest(
      {
        type: 'order-page/addresses',
        shop: { platform: 'jd', shopId: '10218365' },
        orderIds: ['322561320014'],
      },
      document,
      JD_URL,
      NOW,
    );
    expect(reply).toEqual({
      ok: true,
      orders: [
        {
          orderId: '322561320014',
          state: 'detailed',
          address: DETAILED,
          virtual: { main: '17692517802', ext: '2776' },
        },
      ],
      missing: [],
    });
    expect(JSON.stringify(reply)).not.toContain('王小明');
    void jd;
  });

  it('抖店 table: the receiver cell of the body row after the header row (a Douyin virtual number, revealed)', () => {
    document.body.replaceChildren();
    const shop = document.createElement('span');
    shop.className = 'index_shopId__k2Lx';
    shop.textContent = '店铺ID：dy1';
    const table = document.createElement('table');
    const tbody = document.createElement('tbody');
    tbody.className = 'auxo-table-tbody';
    const row = (id: string, lines: readonly string[]): HTMLTableRowElement[] => {
      const header = document.createElement('tr');
      header.className = 'auxo-table-row auxo-table-row-level-0';
      header.setAttribute('data-row-key', `${id}-header`);
      const left = document.createElement('td');
      const wrapper = document.createElement('div');
      wrapper.className = 'index_leftWrapper__a1';
      const span = document.createElement('span');
      span.textContent = `订单编号 ${id}`;
      wrapper.append(span);
      left.append(wrapper);
      header.append(left);
      const body = document.createElement('tr');
      body.className = 'auxo-table-row auxo-table-row-level-1';
      const cell = document.createElement('td');
      const receiver = document.createElement('div');
      receiver.className = 'index_locationDetail__b2';
      for (const l of lines) {
        const d = document.createElement('div');
        d.textContent = l;
        receiver.append(d);
      }
      cell.append(receiver);
      body.append(cell);
      return [header, body];
    };
    tbody.append(
      ...row('6920000000000000001', ['张三', '18400913965-7576', DETAILED]),
      ...row('6920000000000000002', [
        '#ML3B#0BB1W4Xn5A=#1##',
        '$Ab12$xyzXYZ0123=$1$$',
        '#ML3B#0BB1W4Xn5A=#1##',
      ]),
    );
    table.append(tbody);
    document.body.append(shop, table);
    const r = readOrderPageAddresses(
      document,
      douyin,
      'dy1',
      ['6920000000000000001', '6920000000000000002'],
      NOW,
    );
    expect(r.orders).toEqual([
      {
        orderId: '6920000000000000001',
        state: 'detailed',
        address: DETAILED,
        virtual: { main: '18400913965', ext: '7576' },
      },
      { orderId: '6920000000000000002', state: 'not-virtual' },
    ]);
    expect(JSON.stringify(r)).not.toContain('张三');
  });

  it('a 100k-character hostile cell finishes fast and returns no address', () => {
    const hostile = `广东省广州市天河区${'花'.repeat(50_000)}${'*a'.repeat(25_000)}`;
    const doc = wechatPage([{ id: '3718000000000001', address: hostile, vn: VN }]);
    const t0 = performance.now();
    const r = readOrderPageAddresses(doc, wechat, 'wx1', ['3718000000000001'], NOW);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.orders[0]?.state).not.toBe('detailed');
  });

  it('property: never an order not asked, never a non-virtual order, never a masked value as detailed', () => {
    const row = fc.record({
      n: fc.integer({ min: 0, max: 9 }),
      address: fc.oneof(
        fc.constant(DETAILED),
        fc.constant(MASKED),
        fc.constant(''),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 20 }).map((x) => `广东省广州市天河区${x}`),
      ),
      vn: fc.option(fc.constantFrom(VN, '1347656787-3639', '134****7876'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.subarray([...Array(10).keys()]), (rows, asked) => {
        const doc = wechatPage(
          rows.map((r) => ({
            id: `37180000000000${r.n}`,
            address: r.address,
            ...(r.vn !== undefined ? { vn: r.vn } : {}),
          })),
        );
        const ids = asked.map((n) => `37180000000000${n}`);
        if (ids.length === 0) return;
        const r = readOrderPageAddresses(doc, wechat, 'wx1', ids, NOW);
        for (const a of r.orders) {
          expect(ids).toContain(a.orderId);
          if (a.state !== 'detailed') continue;
          const source = rows.find((x) => `37180000000000${x.n}` === a.orderId)!;
          expect(source.vn).toBe(VN);
          expect(a.address).not.toMatch(/[*＊]/u);
          expect(a.address.length).toBeLessThanOrEqual(200);
        }
      }),
    );
  });
});

describe('answerAddressRequest', () => {
  const req = (o: object) => ({
    type: 'order-page/addresses',
    shop: { platform: 'wechat', shopId: 'wx1' },
    orderIds: ['3718000000000001'],
    ...o,
  });
  it('answers on the right shop page only', () => {
    const doc = wechatPage([{ id: '3718000000000001', address: DETAILED, vn: VN }]);
    expect(answerAddressRequest(req({}), doc, WECHAT_URL, NOW)).toMatchObject({ ok: true });
    expect(
      answerAddressRequest(req({ shop: { platform: 'wechat', shopId: 'wx2' } }), doc, WECHAT_URL, NOW),
    ).toEqual({
      ok: false,
      reason: 'other-shop',
    });
    expect(
      answerAddressRequest(req({ shop: { platform: 'jd', shopId: 'wx1' } }), doc, WECHAT_URL, NOW),
    ).toEqual({
      ok: false,
      reason: 'other-shop',
    });
    expect(answerAddressRequest(req({}), doc, 'http://127.0.0.1:8790/elsewhere', NOW)).toEqual({
      ok: false,
      reason: 'not-an-order-list',
    });
  });
  it('refuses malformed requests, reading nothing', () => {
    const doc = wechatPage([{ id: '3718000000000001', address: DETAILED, vn: VN }]);
    for (const bad of [
      null,
      'x',
      req({ orderIds: [] }),
      req({ orderIds: ['<img>'] }),
      req({ orderIds: Array.from({ length: 1001 }, (_, i) => String(i)) }),
      req({ orderIds: 'a' }),
      req({ shop: null }),
    ])
      expect(answerAddressRequest(bad, doc, WECHAT_URL, NOW)).toEqual({ ok: false, reason: 'bad-request' });
  });
});
