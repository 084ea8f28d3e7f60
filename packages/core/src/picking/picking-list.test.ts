import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ITEM_QUANTITY, pickingList, type PickOrder } from './picking-list.js';

describe('pickingList', () => {
  it('totals per SKU, sorted by SKU, then unnamed SKUs by name', () => {
    const p = pickingList([
      {
        orderId: '1',
        items: [
          { name: '保温杯', sku: 'CUP-2', quantity: 2 },
          { name: '杯盖', quantity: 1 },
        ],
      },
      {
        orderId: '2',
        items: [
          { name: '保温杯', sku: 'CUP-1', quantity: 1 },
          { name: '保温杯', sku: 'CUP-2', quantity: 3 },
        ],
      },
      {
        orderId: '3',
        items: [
          { name: '杯刷', quantity: 4 },
          { name: '杯盖', quantity: 1 },
        ],
      },
    ]);
    expect(p.lines).toEqual([
      { sku: 'CUP-1', name: '保温杯', spec: '', quantity: 1, orders: 1 },
      { sku: 'CUP-2', name: '保温杯', spec: '', quantity: 5, orders: 2 },
      { sku: '', name: '杯刷', spec: '', quantity: 4, orders: 1 },
      { sku: '', name: '杯盖', spec: '', quantity: 2, orders: 2 },
    ]);
    expect(p.orderCount).toBe(3);
    expect(p.totalQuantity).toBe(12);
    expect(p.problems).toEqual([]);
  });
  it('name + spec key items without a SKU', () => {
    const p = pickingList([
      {
        orderId: '1',
        items: [
          { name: 'T恤', spec: 'L', quantity: 1 },
          { name: 'T恤', spec: 'M', quantity: 1 },
        ],
      },
    ]);
    expect(p.lines.map((l) => l.spec)).toEqual(['L', 'M']);
  });
  it('bad quantities are reported, not counted', () => {
    const p = pickingList([
      {
        orderId: '1',
        items: [
          { name: 'a', quantity: 0 },
          { name: 'b', quantity: 1.5 },
          { name: 'c', quantity: MAX_ITEM_QUANTITY + 1 },
          { name: 'd', quantity: Number.NaN },
          { name: 'e', quantity: 2 },
        ],
      },
    ]);
    expect(p.problems.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(p.totalQuantity).toBe(2);
  });
  it('caps items per order', () => {
    const p = pickingList([
      { orderId: '1', items: Array.from({ length: 600 }, () => ({ name: 'x', quantity: 1 })) },
    ]);
    expect(p.totalQuantity).toBe(500);
    expect(p.problems).toEqual([expect.objectContaining({ code: 'too-many-items' })]);
  });

  const arbOrders = fc.uniqueArray(
    fc.record({
      orderId: fc.string({ minLength: 1, maxLength: 4 }),
      items: fc.array(
        fc.record({
          name: fc.constantFrom('杯', '盖', '刷'),
          sku: fc.constantFrom(undefined, 'A', 'B', 'C'),
          quantity: fc.integer({ min: 1, max: 9 }),
        }),
        { maxLength: 5 },
      ),
    }),
    { selector: (o) => o.orderId, maxLength: 25 },
  );
  it('adds up, does not depend on order, and counts a repeated order once (property)', () => {
    fc.assert(
      fc.property(arbOrders, (raw) => {
        const orders = raw.map((o) => ({
          orderId: o.orderId,
          items: o.items.map((i) => (i.sku ? i : { name: i.name, quantity: i.quantity })),
        })) as PickOrder[];
        const p = pickingList(orders);
        const sum = orders.reduce((s, o) => s + o.items.reduce((t, i) => t + i.quantity, 0), 0);
        expect(p.totalQuantity).toBe(sum);
        expect(p.lines.reduce((s, l) => s + l.quantity, 0)).toBe(sum);
        expect(p.orderCount).toBe(orders.length);
        expect(pickingList([...orders].reverse())).toEqual(p);
        expect(pickingList([...orders, ...orders])).toEqual(p);
        const skus = p.lines.filter((l) => l.sku !== '').map((l) => l.sku);
        expect(skus).toEqual([...skus].sort());
        for (const l of p.lines) expect(l.orders).toBeLessThanOrEqual(orders.length);
      }),
    );
  });
});
