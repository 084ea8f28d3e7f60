import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handoffOrderFromView, isDetailedAddress, type OrderView } from '@shipmask/core';
import { planSeal, recordOrders } from './plan';

const NOW = Date.UTC(2026, 10, 23, 2);
const ADDRESS = '广东省广州市天河区花城广场888号';

function view(id: string, kind: 'virtual' | 'cipher' | 'masked'): OrderView {
  return {
    platform: 'wechat',
    shopId: 'wx3f8a2c1d9e6b4a70',
    orderId: id,
    status: 'awaiting_shipment',
    createdAt: NOW,
    items: [{ name: '保温杯', quantity: 1 }],
    receiver: {
      name: '张*',
      phone: '132****3639',
      address: '广东省广州市天河区****',
      ...(kind === 'virtual' ? { virtual: { main: '13476567876', ext: '3639' } } : {}),
      ...(kind === 'cipher'
        ? { cipher: { address: '#KQ7D#Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA==#1##' } }
        : {}),
    },
  };
}
const toOrder = (v: OrderView) => handoffOrderFromView(v);

describe('planSeal', () => {
  it('labels a virtual order with its address, routes ciphertext and masked-only orders to the platform', () => {
    const views = [view('1', 'virtual'), view('2', 'cipher'), view('3', 'masked')];
    const p = planSeal(views, new Map([['1', ADDRESS]]), toOrder);
    if (!p.ok) throw new Error(p.code);
    expect(p.orders.map((o) => [o.orderId, o.route ?? 'label', o.receiver.address])).toEqual([
      ['1', 'label', ADDRESS],
      ['2', 'platform-dropship', '广东省广州市天河区****'],
      ['3', 'platform-dropship', '广东省广州市天河区****'],
    ]);
    // The record keeps the masked form.
    expect(recordOrders(p.orders, views).map((o) => o.receiver.address)).toEqual([
      '广东省广州市天河区****',
      '广东省广州市天河区****',
      '广东省广州市天河区****',
    ]);
  });

  it('refuses a virtual order without an address, an address beside no virtual number, an address of another order', () => {
    expect(planSeal([view('1', 'virtual')], new Map(), toOrder)).toMatchObject({
      ok: false,
      code: 'needs-address',
      orderId: '1',
    });
    expect(planSeal([view('2', 'cipher')], new Map([['2', ADDRESS]]), toOrder)).toMatchObject({
      ok: false,
      code: 'address-without-virtual',
      orderId: '2',
    });
    expect(planSeal([{ ...view('3', 'cipher'), platformDropship: true }], new Map(), toOrder)).toMatchObject({
      ok: false,
      code: 'platform-assigned',
      orderId: '3',
    });
    expect(planSeal([view('1', 'virtual')], new Map([['9', ADDRESS]]), toOrder)).toMatchObject({
      ok: false,
      code: 'unknown-order',
    });
  });

  it('property: what is sealed holds a detailed address only beside a virtual number; the record none', () => {
    const kinds = fc.array(fc.constantFrom<'virtual' | 'cipher' | 'masked'>('virtual', 'cipher', 'masked'), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(kinds, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (ks, give) => {
        const views = ks.map((k, i) => view(String(i + 1), k));
        const addresses = new Map(views.filter((_, i) => give[i]).map((v) => [v.orderId, ADDRESS]));
        const p = planSeal(views, addresses, toOrder);
        if (!p.ok) {
          const v = views.find((x) => x.orderId === p.orderId)!;
          if (p.code === 'needs-address')
            expect(v.receiver.virtual && !addresses.has(v.orderId)).toBeTruthy();
          else expect(p.code === 'address-without-virtual' && !v.receiver.virtual).toBe(true);
          return;
        }
        for (const o of p.orders)
          if (o.receiver.address && isDetailedAddress(o.receiver.address))
            expect(o.receiver.virtual).toBeDefined();
        for (const o of recordOrders(p.orders, views))
          expect(o.receiver.address === undefined || !isDetailedAddress(o.receiver.address)).toBe(true);
      }),
    );
  });
});
