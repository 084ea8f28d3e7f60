// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCounter, readRow, readShopId, readShopName } from './read';
import type { SiteAdapter } from './types';

const adapter: SiteAdapter = {
  platform: 'wechat',
  pages: [/x/u],
  list: '.list',
  row: '.row',
  fields: {
    orderId: { selector: '.id', pattern: /订单号[:：]?\s*(\d+)/u },
    status: { selector: '.status' },
    category: { selector: '.cat' },
    createdAt: { selector: '.created' },
    receiverName: { selector: '.name' },
    receiverPhone: { selector: '.phone' },
    receiverAddress: { selector: '.addr' },
    virtualNumber: { selector: '.vn' },
    remark: { selector: '.remark' },
  },
  items: {
    row: '.item',
    name: { selector: '.item-name' },
    quantity: { selector: '.qty', pattern: /(\d+)/u },
  },
  statuses: { 待发货: 'awaiting_shipment', 已发货: 'shipped' },
  reveal: '.reveal',
  revealFree: { shown: '.shown' },
  counter: { selector: '.counter', pattern: /剩余查看次数\s*(\d+)/u },
  shop: { selector: '.shop' },
};

function rowOf(fields: Record<string, string>): Element {
  const row = document.createElement('div');
  row.className = 'row';
  for (const [cls, text] of Object.entries(fields)) {
    const el = document.createElement('span');
    el.className = cls;
    el.textContent = text;
    row.append(el);
  }
  document.body.append(row);
  return row;
}

const NOW = Date.parse('2026-11-20T00:00:00Z');

describe('readRow', () => {
  it('reads a masked row with a virtual number', () => {
    const row = rowOf({
      id: '订单号：3718000000000001',
      status: '待发货',
      cat: '家居日用',
      created: '2026-11-03 12:34:56',
      name: '张*',
      phone: '132****3639',
      addr: '广东省广州市天河区****',
      vn: '13240968483-9647',
      remark: '请尽快发货',
    });
    const r = readRow(row, adapter, 'shop1', NOW)!;
    expect(r.revealed).toBe(false);
    expect(r.order.orderId).toBe('3718000000000001');
    expect(r.order.status).toBe('awaiting_shipment');
    expect(r.order.createdAt).toBe(Date.parse('2026-11-03T04:34:56Z'));
    expect(r.order.receiver).toMatchObject({
      name: '张*',
      phone: '132****3639',
      virtual: { main: '13240968483', ext: '9647' },
    });
    expect(r.order.remark).toBe('请尽快发货');
  });

  it('masks plaintext shown after a reveal and flags the row as revealed', () => {
    const row = rowOf({
      id: '订单号 3718000000000002',
      name: '欧阳娜娜',
      phone: '13476567876',
      addr: '广东省广州市天河区花城广场888号',
      remark: '电话13476567876，身份证110101199003074578',
    });
    const r = readRow(row, adapter, 'shop1', NOW)!;
    expect(r.revealed).toBe(true);
    const json = JSON.stringify(r.order);
    expect(json).not.toContain('13476567876');
    expect(json).not.toContain('娜娜');
    expect(json).not.toContain('花城广场');
    expect(json).not.toContain('110101199003074578');
    expect(r.order.receiver.name?.startsWith('欧阳')).toBe(true);
  });

  it('keeps ciphertext as ciphertext', () => {
    const row = rowOf({
      id: '订单号 6920000000000000001',
      name: '#ML3B#0BB1W4Hq8Xk2mN7pQ9rS3tU5vW1xY=#1##',
      phone: '$$9kXq2LmN4pR7sT1vW3yZ5bD8fH0jK$1$$',
    });
    const r = readRow(row, adapter, 'shop1', NOW)!;
    expect(r.order.receiver.cipher?.name).toContain('#ML3B#');
    expect(r.order.receiver.cipher?.phone).toContain('$$');
    expect(r.revealed).toBe(false);
  });

  it('marks a malformed phone and keeps markup-looking remarks as text', () => {
    const row = rowOf({
      id: '订单号 1',
      phone: '1347656787',
      remark: '<img src=x onerror=alert(1)>好评返现',
    });
    const r = readRow(row, adapter, 'shop1', NOW)!;
    expect(r.order.receiver.phoneInvalid).toBe(true);
    expect(r.order.receiver.phone ?? '').not.toContain('1347656787');
    expect(r.order.remark).toContain('<img');
    expect(document.querySelector('img')).toBeNull();
  });

  it('marks an order the page shows as assigned to a supplier through the platform (issue 17)', () => {
    const withRule: SiteAdapter = {
      ...adapter,
      fields: { ...adapter.fields, platformDropship: { selector: '.dropship', pattern: /(已分配厂家)/u } },
    };
    const assigned = readRow(
      rowOf({ id: '订单号 7', dropship: '代发：已分配厂家' }),
      withRule,
      'shop1',
      NOW,
    )!;
    expect(assigned.order.platformDropship).toBe(true);
    const plain = readRow(rowOf({ id: '订单号 8', dropship: '未分配' }), withRule, 'shop1', NOW)!;
    expect(plain.order.platformDropship).toBeUndefined();
    expect(readRow(rowOf({ id: '订单号 9' }), adapter, 'shop1', NOW)!.order.platformDropship).toBeUndefined();
  });

  it('reads a summary without items and remark', () => {
    const row = rowOf({ id: '订单号 9', name: '张*', phone: '132****3639', remark: '放门口' });
    const item = document.createElement('div');
    item.className = 'item';
    item.append(
      Object.assign(document.createElement('span'), { className: 'item-name', textContent: '保温杯' }),
    );
    row.append(item);
    const summary = readRow(row, adapter, 's', NOW, false)!.order;
    const full = readRow(row, adapter, 's', NOW)!.order;
    expect(summary.items).toEqual([]);
    expect(summary.remark).toBeUndefined();
    expect(full.items).toEqual([{ name: '保温杯', quantity: 1 }]);
    expect(full.remark).toBe('放门口');
    const { items: _items, remark: _remark, ...rest } = full;
    expect(summary).toEqual({ ...rest, items: [] });
  });

  it('skips rows without an order id', () => {
    expect(readRow(rowOf({ name: '张*' }), adapter, 's', NOW)).toBeUndefined();
  });

  it('reads items, the shop and the page counter', () => {
    const row = rowOf({ id: '订单号 9' });
    const item = document.createElement('div');
    item.className = 'item';
    item.append(
      Object.assign(document.createElement('span'), { className: 'item-name', textContent: '保温杯' }),
    );
    item.append(Object.assign(document.createElement('span'), { className: 'qty', textContent: 'x2' }));
    row.append(item);
    expect(readRow(row, adapter, 's', NOW)!.order.items).toEqual([{ name: '保温杯', quantity: 2 }]);
    document.body.append(
      Object.assign(document.createElement('div'), {
        className: 'counter',
        textContent: '本月剩余查看次数 497',
      }),
    );
    document.body.append(
      Object.assign(document.createElement('div'), { className: 'shop', textContent: '小店A' }),
    );
    expect(readCounter(document, adapter)).toBe(497);
    expect(readShopId(document, adapter)).toBe('小店A');
  });

  it('reads the shop name the page shows, never a long number or a 100k-character text', () => {
    const named: SiteAdapter = { ...adapter, shopName: { selector: '.shop-name' } };
    const el = Object.assign(document.createElement('div'), {
      className: 'shop-name',
      textContent: ' 山茶小铺 ',
    });
    document.body.append(el);
    expect(readShopName(document, adapter)).toBeUndefined();
    expect(readShopName(document, named)).toBe('山茶小铺');
    for (const text of ['店主 13812345678', '１３８１２３４５６７８', 'x'.repeat(100_000), '   ']) {
      el.textContent = text;
      expect(readShopName(document, named)).toBeUndefined();
    }
    el.remove();
  });

  it('never lets a revealed mobile number through (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/u),
        fc.constantFrom('王小明', '司马相如', '李雷', 'Anna Smith'),
        fc.string({ maxLength: 20 }),
        (phone, name, detail) => {
          document.body.replaceChildren();
          const row = rowOf({ id: '订单号 123', phone, name, remark: `${detail} 电话${phone}。` });
          const json = JSON.stringify(readRow(row, adapter, 's', NOW)!.order);
          expect(json).not.toContain(phone);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
