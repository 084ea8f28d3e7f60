import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderStatus, OrderView } from '../types.js';
import { shippable } from './shippable.js';

const order: OrderView = {
  platform: 'wechat',
  shopId: 's',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 1),
  items: [{ name: '保温杯', quantity: 1 }],
  receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
};
const ALL: OrderStatus[] = [
  'unpaid',
  'awaiting_shipment',
  'printed',
  'shipped',
  'received',
  'completed',
  'after_sale',
  'cancelled',
];

describe('shippable', () => {
  it('only 待发货 orders (awaiting shipment, or printed and not shipped) get labels', () => {
    for (const status of ALL) {
      const r = shippable({ ...order, status });
      if (status === 'awaiting_shipment' || status === 'printed') expect(r, status).toEqual({ ok: true });
      else expect(r, status).toMatchObject({ ok: false, code: 'not-awaiting-shipment', status });
    }
  });

  it('a service order in an exempt category needs no shipment, whatever its status', () => {
    for (const status of ALL)
      expect(shippable({ ...order, status, category: '生活服务' })).toMatchObject({
        ok: false,
        code: 'no-shipment-needed',
      });
    expect(shippable({ ...order, category: '服饰内衣' })).toEqual({ ok: true });
  });

  it('property: a hostile status or category never throws and never ships unless 待发货', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (status, category) => {
        const r = shippable({ ...order, status, category } as unknown as OrderView);
        if (r.ok) expect(['awaiting_shipment', 'printed']).toContain(status);
      }),
    );
  });
});
