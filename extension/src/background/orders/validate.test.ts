import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { validateRequest } from '../validate';

const shop = { platform: 'wechat', shopId: 'demo' } as const;
const order: OrderView = {
  platform: 'wechat',
  shopId: 'demo',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 1),
  items: [{ name: '保温杯', sku: 'SM-001', quantity: 1 }],
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
const seen = { type: 'orders/seen', shop, orders: [order] } as const;

/** The field a refusal names (the text before the first colon), or 'accepted'. */
function refusedField(value: unknown): string {
  const r = validateRequest(value);
  if (r.ok) return 'accepted';
  expect(r.code).toBe('invalid-message');
  return r.message.slice(0, r.message.indexOf(':'));
}

describe('orders message validation', () => {
  it('accepts a page of orders, a summary swap and the shop name, and returns an equal value', () => {
    for (const req of [seen, { ...seen, summary: true }, { ...seen, shopName: '禾木生活馆' }]) {
      expect(validateRequest(req)).toEqual({ ok: true, value: req });
    }
  });

  it('drops properties the contract does not name', () => {
    const r = validateRequest({
      ...seen,
      extra: 'x',
      orders: [{ ...order, buyerPhone: '13240968483', receiver: { ...order.receiver, realName: '张三' } }],
    });
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'orders/seen') {
      expect(JSON.stringify(r.value)).not.toContain('13240968483');
      expect(JSON.stringify(r.value)).not.toContain('张三');
      expect(r.value.orders[0]).toEqual(order);
    }
  });

  it('keeps the platform 代发 mark of an order (issue 17) and refuses any other value for it', () => {
    const marked = validateRequest({ ...seen, orders: [{ ...order, platformDropship: true }] });
    expect(marked.ok && marked.value.type === 'orders/seen' && marked.value.orders[0]?.platformDropship).toBe(
      true,
    );
    expect(validateRequest({ ...seen, orders: [{ ...order, platformDropship: 'yes' }] })).toMatchObject({
      ok: false,
      code: 'invalid-message',
    });
  });

  it('names the bad field', () => {
    const cases: [unknown, string][] = [
      [{ ...seen, orders: [{ ...order, shopId: 'other' }] }, 'orders[0]'],
      [
        { ...seen, orders: [{ ...order, items: [{ name: 'x', quantity: '1' }] }] },
        'orders[0].items[0].quantity',
      ],
      [
        { ...seen, orders: [{ ...order, receiver: { virtual: { main: '1', ext: '2' } } }] },
        'orders[0].receiver.virtual.main',
      ],
      [{ ...seen, orders: [{ ...order, status: 'lost' }] }, 'orders[0].status'],
      [{ ...seen, orders: [{ ...order, createdAt: Date.UTC(1999, 0, 1) }] }, 'orders[0].createdAt'],
      [{ ...seen, orders: [{ ...order, remark: 'x'.repeat(10_001) }] }, 'orders[0].remark'],
      [
        { ...seen, orders: [{ ...order, items: Array.from({ length: 201 }, () => order.items[0]) }] },
        'orders[0].items',
      ],
      [{ ...seen, orders: Array.from({ length: 1001 }, () => order) }, 'orders'],
      [{ ...seen, orders: 'all' }, 'orders'],
      [{ ...seen, summary: false }, 'summary'],
      [{ ...seen, shopName: '' }, 'shopName'],
      [{ ...seen, shopName: '店铺13240968483' }, 'shopName'],
      [{ ...seen, shop: { platform: 'taobao', shopId: 'x' } }, 'shop.platform'],
    ];
    for (const [value, field] of cases)
      expect(refusedField(value), JSON.stringify(value).slice(0, 80)).toBe(field);
  });
});
