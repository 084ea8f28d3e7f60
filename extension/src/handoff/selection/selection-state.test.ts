import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { previewPlan } from '../plan-preview';
import { isSealable, SELECTION_START, selectionOf, selectionReducer, sealOrderIds } from './selection-state';

const view = (orderId: string, extra: Partial<OrderView> = {}): OrderView => ({
  platform: 'wechat',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver: { name: '张*', phone: '138****0000' },
  ...extra,
});

describe('selectionOf', () => {
  it('the overlay selection wins; a known platform with shop and orders; anything else is none', () => {
    expect(selectionOf('?sel=abc&platform=jd&shopId=s&orders=1')).toEqual({ sel: 'abc' });
    expect(selectionOf('?platform=jd&shopId=s1&orders=1,,2')).toEqual({
      shop: { platform: 'jd', shopId: 's1' },
      orderIds: ['1', '2'],
    });
    expect(selectionOf('?platform=taobao&shopId=s1&orders=1')).toEqual({});
    expect(selectionOf('?platform=jd&orders=1')).toEqual({});
    expect(selectionOf('?platform=jd&shopId=s1&orders=')).toEqual({});
    expect(selectionOf('')).toEqual({});
  });
});

describe('selectionReducer', () => {
  it('the shop comes first, then its orders and the missing ones', () => {
    const s = selectionReducer(SELECTION_START, { type: 'shop', shop: { platform: 'jd', shopId: 's' } });
    expect(s).toEqual({ shop: { platform: 'jd', shopId: 's' }, orders: [], missing: [] });
    const loaded = selectionReducer(s, { type: 'loaded', orders: [view('1')], missing: ['9'] });
    expect(loaded.orders.map((o) => o.orderId)).toEqual(['1']);
    expect(loaded.missing).toEqual(['9']);
  });

  it('property: leaving orders out removes exactly those and keeps the order of the rest', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9]{1,4}$/u), { maxLength: 20 }),
        fc.array(fc.stringMatching(/^[0-9]{1,4}$/u), { maxLength: 10 }),
        (ids, out) => {
          const s = selectionReducer(
            { ...SELECTION_START, orders: ids.map((id) => view(id)) },
            { type: 'leave-out', orderIds: out },
          );
          expect(s.orders.map((o) => o.orderId)).toEqual(ids.filter((id) => !out.includes(id)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isSealable / sealOrderIds', () => {
  const VN = { main: '13476567876', ext: '3639' };
  it('needs one order not assigned through the platform and no order waiting for an address', () => {
    const dropship = view('1', { platformDropship: true });
    const masked = view('2');
    const waiting = view('3', { receiver: { name: '张*', virtual: VN } });
    expect(isSealable([], previewPlan([], [], new Map()))).toBe(false);
    expect(isSealable([dropship], previewPlan([dropship], [], new Map()))).toBe(false);
    expect(isSealable([dropship, masked], previewPlan([dropship, masked], [], new Map()))).toBe(true);
    expect(isSealable([masked, waiting], previewPlan([masked, waiting], [], new Map()))).toBe(false);
    const addresses = new Map([['3', '广东省广州市天河区花城广场888号']]);
    expect(isSealable([masked, waiting], previewPlan([masked, waiting], [], addresses))).toBe(true);
    expect(sealOrderIds([dropship, masked, waiting])).toEqual(['2', '3']);
  });

  it('property: every order of a selection lands in exactly one of label, platform, needs-address, assigned', () => {
    const receiver = fc.constantFrom<OrderView['receiver']>(
      { name: '张*', phone: '138****0000' },
      { name: '张*', virtual: VN },
      { name: '张*', cipher: { address: '#KQ7D#Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA==#1##' } },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^[0-9]{4,8}$/u),
            receiver,
            dropship: fc.boolean(),
            addr: fc.boolean(),
          }),
          { selector: (o) => o.id, maxLength: 30 },
        ),
        (spec) => {
          const orders = spec.map((o) =>
            view(o.id, { receiver: o.receiver, ...(o.dropship ? { platformDropship: true } : {}) }),
          );
          const addresses = new Map(
            spec.filter((o) => o.addr).map((o) => [o.id, '广东省广州市天河区花城广场888号']),
          );
          const p = previewPlan(orders, [], addresses);
          expect(p.label + p.platform + p.needsAddress.length + p.assigned.length).toBe(orders.length);
          expect(p.kinds.size).toBe(orders.length);
          const lists = [...p.needsAddress, ...p.assigned];
          expect(new Set(lists).size).toBe(lists.length);
          expect(sealOrderIds(orders).length).toBe(orders.length - p.assigned.length);
          if (p.needsAddress.length > 0) expect(isSealable(orders, p)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
