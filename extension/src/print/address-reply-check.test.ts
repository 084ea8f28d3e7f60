import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { checkAddressReply, pageVirtualExtras, withPageVirtuals } from './address-reply-check';

const order = (orderId: string, receiver: OrderView['receiver']): OrderView => ({
  platform: 'wechat',
  shopId: 'wx1',
  orderId,
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 22),
  items: [],
  receiver,
});
const VN = { main: '13476567876', ext: '3639' };
const A = order('3718000000000001', { virtual: VN, address: '广东省广州市天河区****', name: '张*' });
// 京东: no virtual number listed before the reveal.
const B = order('3718000000000002', { phone: '175****6926', address: '四川省成都市武侯区****' });
const asked = new Map([A, B].map((o) => [o.orderId, o]));
const detailed = (orderId: string, address: string, virtual: unknown = VN) => ({
  orderId,
  state: 'detailed',
  address,
  virtual,
});

describe('checkAddressReply', () => {
  it('keeps checked addresses of asked orders, with the number the page showed', () => {
    const r = checkAddressReply(
      {
        ok: true,
        orders: [
          detailed(A.orderId, '广东省广州市天河区花城广场888号'),
          detailed(B.orderId, '四川省成都市武侯区科华北路1号', { main: '17692517802', ext: '2776' }),
        ],
        missing: [],
      },
      asked,
    );
    expect(r.ok && [...r.found]).toEqual([
      [A.orderId, { address: '广东省广州市天河区花城广场888号', virtual: VN }],
      [
        B.orderId,
        { address: '四川省成都市武侯区科华北路1号', virtual: { main: '17692517802', ext: '2776' } },
      ],
    ]);
    const shown = withPageVirtuals([A, B], r.ok ? r.found : new Map());
    expect(shown[1]!.receiver.virtual).toEqual({ main: '17692517802', ext: '2776' });
    expect(shown[0]).toBe(A);
  });

  it('flags another region or another virtual number as a mismatch; drops masked, unasked and malformed answers', () => {
    const r = checkAddressReply(
      {
        ok: true,
        orders: [
          detailed(A.orderId, '浙江省杭州市西湖区文三路1号'),
          detailed(B.orderId, '四川省成都市武侯区****', { main: '17692517802', ext: '2776' }),
        ],
        missing: ['9999', B.orderId],
      },
      asked,
    );
    // B's masked "detailed" answer is dropped; its id in `missing` then counts (an unasked id does not).
    expect(r.ok && [...r.states]).toEqual([
      [A.orderId, 'mismatch'],
      [B.orderId, 'missing'],
    ]);
    expect(r.ok && r.found.size).toBe(0);
    const other = checkAddressReply(
      {
        ok: true,
        orders: [
          detailed(A.orderId, '广东省广州市天河区花城广场888号', { main: '13476567876', ext: '1111' }),
        ],
        missing: [],
      },
      asked,
    );
    expect(other.ok && other.states.get(A.orderId)).toBe('mismatch');
    for (const bad of [
      null,
      'x',
      { ok: 'yes' },
      { ok: true, orders: 'x', missing: [] },
      { ok: true, orders: Array(3).fill(1), missing: [] },
    ])
      expect(checkAddressReply(bad, asked)).toEqual({ ok: false, reason: 'bad-reply' });
    expect(checkAddressReply({ ok: false, reason: 'other-shop' }, asked)).toEqual({
      ok: false,
      reason: 'other-shop',
    });
    const hostile = {
      get ok() {
        throw new Error('x');
      },
    };
    expect(checkAddressReply(hostile, asked)).toEqual({ ok: false, reason: 'bad-reply' });
  });

  it('property: never an address for an order not asked, never a masked one, never without a virtual number', () => {
    const answer = fc.record({
      orderId: fc.constantFrom(A.orderId, B.orderId, '3718000000000003', ''),
      state: fc.constantFrom('detailed', 'masked', 'other'),
      address: fc.oneof(
        fc.constant('广东省广州市天河区花城广场888号'),
        fc.constant('广东省广州市天河区****'),
        fc.string({ maxLength: 30 }),
      ),
      virtual: fc.oneof(
        fc.constant(VN),
        fc.record({ main: fc.string(), ext: fc.string() }),
        fc.constant(null),
      ),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 2 }), (orders) => {
        const r = checkAddressReply({ ok: true, orders, missing: [] }, asked);
        if (!r.ok) return;
        for (const [id, p] of r.found) {
          expect(asked.has(id)).toBe(true);
          expect(p.address).not.toMatch(/[*＊]/u);
          expect(p.virtual.main).toMatch(/^1\d{10}$/u);
          expect(p.virtual.ext).toMatch(/^\d{4}$/u);
        }
      }),
    );
  });
});

describe('pageVirtualExtras', () => {
  it("adds the page's virtual number only where neither the order nor its extra holds one", () => {
    const jdVn = { main: '17692517802', ext: '2776' };
    const found = new Map([
      [A.orderId, { address: '广东省广州市天河区花城广场888号', virtual: VN }],
      [B.orderId, { address: '四川省成都市武侯区科华北路1号', virtual: jdVn }],
    ]);
    expect(pageVirtualExtras([A, B], [], found)).toEqual([{ orderId: B.orderId, virtual: jdVn }]);
    const cipherExtra = { orderId: B.orderId, cipher: { name: '#a#' } };
    expect(pageVirtualExtras([A, B], [cipherExtra], found)).toEqual([{ ...cipherExtra, virtual: jdVn }]);
    expect(pageVirtualExtras([A, B], [cipherExtra], new Map())).toEqual([cipherExtra]);
  });
});
