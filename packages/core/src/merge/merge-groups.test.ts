import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHasher } from '../gate/keyed-hash.js';
import { mergeGroups, mergeIdentity, type MergeOrder } from './merge-groups.js';

const key = new Uint8Array(32).fill(5);
const zhang = { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' };
const o = (
  orderId: string,
  receiver: MergeOrder['receiver'] = zhang,
  extra: Partial<MergeOrder> = {},
): MergeOrder => ({
  platform: 'douyin',
  shopId: 'shop1',
  orderId,
  status: 'awaiting_shipment',
  receiver,
  ...extra,
});

describe('mergeGroups', () => {
  it('groups the same masked buyer and address; ids sorted; id is a keyed hash without text', () => {
    const g = mergeGroups([o('3'), o('1'), o('2', { ...zhang, name: '李*' }), o('4')], key);
    expect(g).toHaveLength(1);
    expect(g[0]?.orderIds).toEqual(['1', '3', '4']);
    expect(g[0]?.basis).toBe('shown');
    expect(g[0]?.id).toMatch(/^[0-9a-f]{64}$/u);
    expect(g[0]?.id).toBe(keyedHasher(key)(mergeIdentity(o('1')) ?? ''));
    expect(JSON.stringify(g)).not.toContain('天河');
  });
  it('other shop, other status, other virtual main number, no address: not merged', () => {
    expect(mergeGroups([o('1'), o('2', zhang, { shopId: 'shop2' })], key)).toEqual([]);
    expect(mergeGroups([o('1'), o('2', zhang, { status: 'printed' })], key)).toEqual([]);
    expect(
      mergeGroups(
        [
          o('1', { ...zhang, virtual: { main: '13476567876', ext: '1' } }),
          o('2', { ...zhang, virtual: { main: '13476567877', ext: '1' } }),
        ],
        key,
      ),
    ).toEqual([]);
    expect(mergeGroups([o('1', { name: '张*' }), o('2', { name: '张*' })], key)).toEqual([]);
  });
  it('the virtual extension does not split a group (one buyer, one extension per order)', () => {
    const g = mergeGroups(
      [
        o('1', { ...zhang, virtual: { main: '13476567876', ext: '1111' } }),
        o('2', { ...zhang, virtual: { main: '13476567876', ext: '2222' } }),
      ],
      key,
    );
    expect(g[0]?.orderIds).toEqual(['1', '2']);
  });
  it("the platform's merge key decides where shown", () => {
    const g = mergeGroups(
      [
        o('1', zhang, { mergeKey: 'h1' }),
        o('2', { ...zhang, name: '李*' }, { mergeKey: 'h1' }),
        o('3', zhang, { mergeKey: 'h2' }),
      ],
      key,
    );
    expect(g).toEqual([expect.objectContaining({ basis: 'platform', orderIds: ['1', '2'] })]);
  });
  it('a repeated order id is one order; oversize parts are unmergeable', () => {
    expect(mergeGroups([o('1'), o('1')], key)).toEqual([]);
    const big = { ...zhang, address: '广'.repeat(100_000) };
    expect(mergeGroups([o('1', big), o('2', big)], key)).toEqual([]);
  });
  it('order independence and idempotence (property)', () => {
    const names = ['张*', '李*', '欧阳*'];
    const addrs = ['广东省广州市天河区****', '浙江省杭州市西湖区****'];
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 60 }),
        n: fc.integer({ min: 0, max: 2 }),
        a: fc.integer({ min: 0, max: 1 }),
        shipped: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer(), (rows, seed) => {
        const orders = rows.map((r) =>
          o(
            String(r.id),
            { name: names[r.n], phone: '132****3639', address: addrs[r.a] },
            r.shipped ? { status: 'shipped' } : {},
          ),
        );
        // keep the first appearance of each id so "same id, other buyer" does not arise
        const seen = new Set<string>();
        const uniq = orders.filter((x) => (seen.has(x.orderId) ? false : (seen.add(x.orderId), true)));
        const shuffled = [...uniq].sort(
          (a, b) => ((Number(a.orderId) * seed) % 11) - ((Number(b.orderId) * seed) % 11),
        );
        const g = mergeGroups(uniq, key);
        expect(mergeGroups(shuffled, key)).toEqual(g);
        for (const grp of g) {
          const members = uniq.filter((x) => grp.orderIds.includes(x.orderId));
          expect(mergeGroups(members, key)).toEqual([grp]);
        }
        const inGroups = g.flatMap((x) => x.orderIds);
        expect(new Set(inGroups).size).toBe(inGroups.length);
      }),
    );
  });
});
