import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { fileShop, mergeFileOrders } from './source-state';

const o = (orderId: string, from = 'sel') => ({ orderId, remark: from }) as OrderView;
const ids = (xs: readonly OrderView[]) => xs.map((x) => x.orderId);

describe('mergeFileOrders', () => {
  it('keeps the selection first (its stored views win) and adds only the orders new in the file', () => {
    const m = mergeFileOrders([o('a'), o('b')], new Set(), [o('b', 'file'), o('c', 'file')]);
    expect(ids(m.orders)).toEqual(['a', 'b', 'c']);
    expect(m.orders[1]?.remark).toBe('sel');
    expect([...m.fileOnly]).toEqual(['c']);
  });
  it("a second file replaces the first file's own orders, never the selection's", () => {
    const first = mergeFileOrders([o('a')], new Set(), [o('x', 'file'), o('y', 'file')]);
    const second = mergeFileOrders(first.orders, first.fileOnly, [o('a', 'file'), o('z', 'file')]);
    expect(ids(second.orders)).toEqual(['a', 'z']);
    expect([...second.fileOnly]).toEqual(['z']);
  });
  it('an order listed twice in a file is added once', () => {
    expect(ids(mergeFileOrders([], new Set(), [o('a'), o('a')]).orders)).toEqual(['a']);
  });
  it('property: no order twice; selection kept; every file order present; fileOnly = added', () => {
    const idArb = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 });
    fc.assert(
      fc.property(idArb, idArb, idArb, (sel, f1, f2) => {
        const selection = [...new Set(sel)].map((x) => o(x));
        const one = mergeFileOrders(
          selection,
          new Set(),
          f1.map((x) => o(x, 'file')),
        );
        const two = mergeFileOrders(
          one.orders,
          one.fileOnly,
          f2.map((x) => o(x, 'file')),
        );
        for (const m of [one, two]) expect(new Set(ids(m.orders)).size).toBe(m.orders.length);
        expect(ids(two.orders).slice(0, selection.length)).toEqual(ids(selection));
        for (const x of f2) expect(ids(two.orders)).toContain(x);
        // The first file's own orders are gone unless the second file or the selection has them.
        for (const x of one.fileOnly) expect(ids(two.orders).includes(x)).toBe(f2.includes(x));
        expect([...two.fileOnly].sort()).toEqual(
          ids(two.orders)
            .filter((x) => !sel.includes(x))
            .sort(),
        );
      }),
    );
  });
});

describe('fileShop', () => {
  it("the page's shop, else the file's platform as shop default, else none", () => {
    const shop = { platform: 'jd', shopId: '9' } as const;
    expect(fileShop(shop, 'wechat')).toBe(shop);
    expect(fileShop(undefined, 'wechat')).toEqual({ platform: 'wechat', shopId: 'default' });
    expect(fileShop(undefined, undefined)).toBeUndefined();
  });
});
