import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressFingerprint, recordAddress } from './address-fingerprint.js';
import { checkOrder, gateOrders, HOLD_REASONS, type GateOrder } from './check.js';

const key = new Uint8Array(32).fill(9);
const t = (iso: string) => Date.parse(iso);
const base: GateOrder = {
  platform: 'wechat',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: t('2026-11-01T02:00:00Z'),
};
const reasons = (o: GateOrder, now = base.createdAt, action: 'print' | 'seal' | 'bulk-ship' = 'print') =>
  checkOrder(o, undefined, now, action).map((h) => h.reason);

describe('checkOrder', () => {
  it('a clean order goes on', () => {
    expect(checkOrder(base, undefined, base.createdAt, 'print')).toEqual([]);
  });
  it('each page fact holds with its typed reason', () => {
    expect(reasons({ ...base, flags: { refund: 'requested' } })).toEqual(['refund']);
    expect(reasons({ ...base, flags: { refund: 'refunded' } })).toEqual(['refund']);
    expect(reasons({ ...base, status: 'after_sale' })).toEqual(['after-sale']);
    expect(reasons({ ...base, flags: { afterSale: true } })).toEqual(['after-sale']);
    expect(reasons({ ...base, status: 'cancelled' })).toEqual(['closed']);
    expect(reasons({ ...base, flags: { supplierAssigned: true } })).toEqual(['supplier-assigned']);
    expect(reasons({ ...base, flags: { refund: 'requested', closed: true } })).toEqual(['refund', 'closed']);
  });
  it('address changed against the recorded fingerprint of the same form', () => {
    const first = addressFingerprint(key, { address: '广东省广州市天河区花城***', ext: '3639' });
    const now = addressFingerprint(key, { address: '广东省深圳市南山区****', ext: '3639' });
    const b = recordAddress(undefined, first);
    expect(checkOrder({ ...base, address: first }, b, base.createdAt, 'print')).toEqual([]);
    expect(checkOrder({ ...base, address: now }, b, base.createdAt, 'print').map((h) => h.reason)).toEqual([
      'address-changed',
    ]);
    const marked = addressFingerprint(key, {
      address: '广东省广州市天河区花城***',
      ext: '3639',
      changedMarker: true,
    });
    expect(checkOrder({ ...base, address: marked }, b, base.createdAt, 'seal')[0]?.reason).toBe(
      'address-changed',
    );
    expect(checkOrder({ ...base, address: now }, undefined, base.createdAt, 'print')).toEqual([]);
  });
  it('virtual number expired: WeChat, at the end of the 14th China day after receipt (China midnight)', () => {
    const receivedAt = t('2026-11-01T15:59:00Z'); // 23:59 on 11-01 China time
    const end = t('2026-11-15T16:00:00Z'); // 00:00 on 11-16 China time
    const o: GateOrder = { ...base, receivedAt, receiver: { virtual: { main: '13476567876', ext: '3639' } } };
    expect(reasons(o, end - 1)).toEqual([]);
    expect(reasons(o, end)).toEqual(['virtual-expired']);
    expect(reasons(o, end, 'bulk-ship')).toEqual([]);
    expect(reasons({ ...o, receiver: {} }, end)).toEqual([]);
  });
  it('virtual number expired: JD after completion is reobtainable, still held', () => {
    const o: GateOrder = {
      ...base,
      platform: 'jd',
      completedAt: base.createdAt + 86_400_000,
      receiver: { virtual: { main: '13476567876', ext: '3639' } },
    };
    const h = checkOrder(o, undefined, base.createdAt + 2 * 86_400_000, 'print');
    expect(h.map((x) => x.reason)).toEqual(['virtual-expired']);
    expect(h[0]?.detail).toContain('obtain a new one');
  });
  it('settings choose which reasons hold at which step', () => {
    const o = { ...base, flags: { refund: 'requested' as const, supplierAssigned: true } };
    expect(checkOrder(o, undefined, 0, 'print', { holdOn: { print: ['supplier-assigned'] } })).toHaveLength(
      1,
    );
    expect(checkOrder(o, undefined, 0, 'print', { holdOn: { print: [] } })).toEqual([]);
  });
});

describe('gateOrders', () => {
  const refund: GateOrder = { ...base, orderId: 'A1', flags: { refund: 'requested' } };
  const both: GateOrder = { ...base, orderId: 'B2', flags: { refund: 'requested', closed: true } };
  const clean: GateOrder = { ...base, orderId: 'C3' };
  it('holds, passes, and releases only overridden reasons', () => {
    const r = gateOrders([refund, both, clean], { now: 0, action: 'print' });
    expect(r.pass.map((o) => o.orderId)).toEqual(['C3']);
    expect(r.held.map((h) => h.order.orderId)).toEqual(['A1', 'B2']);
    const o = gateOrders([refund, both, clean], {
      now: 0,
      action: 'print',
      overrides: [
        { orderId: 'A1', reason: 'refund' },
        { orderId: 'B2', reason: 'refund' },
        { orderId: 'C3', reason: 'closed' },
      ],
    });
    expect(o.pass.map((x) => x.orderId)).toEqual(['A1', 'C3']);
    expect(o.held).toEqual([{ order: both, holds: [expect.objectContaining({ reason: 'closed' })] }]);
    expect(o.overridden).toEqual([{ orderId: 'A1', reason: 'refund' }]);
  });
  it('an override of another order releases nothing', () => {
    const r = gateOrders([refund], {
      now: 0,
      action: 'seal',
      overrides: [{ orderId: 'X', reason: 'refund' }],
    });
    expect(r.pass).toEqual([]);
  });

  const arbOrder = fc.record({
    orderId: fc.string({ minLength: 1, maxLength: 6 }),
    status: fc.constantFrom('awaiting_shipment', 'after_sale', 'cancelled', 'printed' as const),
    refund: fc.constantFrom(undefined, 'requested', 'refunded' as const),
    supplierAssigned: fc.boolean(),
  });
  const toOrder = (a: {
    orderId: string;
    status: GateOrder['status'];
    refund: 'requested' | 'refunded' | undefined;
    supplierAssigned: boolean;
  }): GateOrder => ({
    ...base,
    orderId: a.orderId,
    status: a.status,
    flags: { ...(a.refund ? { refund: a.refund } : {}), supplierAssigned: a.supplierAssigned },
  });
  it('order independence and idempotence (property)', () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 30 }), fc.integer(), (arr, seed) => {
        const orders = arr.map(toOrder);
        const shuffled = [...orders].sort(
          (a, b) => ((a.orderId.charCodeAt(0) * seed) % 7) - ((b.orderId.charCodeAt(0) * seed) % 7),
        );
        const r1 = gateOrders(orders, { now: 0, action: 'print' });
        const r2 = gateOrders(shuffled, { now: 0, action: 'print' });
        const ids = (xs: readonly GateOrder[]) => xs.map((o) => o.orderId).sort();
        expect(ids(r1.pass)).toEqual(ids(r2.pass));
        expect(ids(r1.held.map((h) => h.order))).toEqual(ids(r2.held.map((h) => h.order)));
        expect(gateOrders(r1.pass, { now: 0, action: 'print' }).held).toEqual([]);
        // overriding every reason of every held order passes all
        const all = gateOrders(orders, {
          now: 0,
          action: 'print',
          overrides: orders.flatMap((o) => HOLD_REASONS.map((reason) => ({ orderId: o.orderId, reason }))),
        });
        expect(all.pass).toHaveLength(orders.length);
      }),
    );
  });
});
