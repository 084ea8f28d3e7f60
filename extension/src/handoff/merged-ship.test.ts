import { describe, expect, it } from 'vitest';
import type { BatchDetail } from '../messages/handoff';
import { mergedShipping, parcelsOf } from './merged-ship';

const A = '6921000000000001';
const B = '6921000000000002';

function batch(id: string, part: number, items: BatchDetail['items'], createdAt = 1000): BatchDetail {
  return {
    batchId: id,
    shop: { platform: 'douyin', shopId: 's' },
    supplier: { name: id },
    createdAt,
    expiresAt: createdAt + 1,
    passphrase: false,
    orders: items.length,
    shipped: 0,
    cannotShip: 0,
    status: 'sent',
    imports: 0,
    group: { id: 'g', part, of: 2 },
    items,
  };
}

const o = (orderId: string) => ({ orderId, items: [{ name: '杯', quantity: 1 }], receiver: {} });

describe('merged bulk-ship file of several batches', () => {
  it('ranks parcels by selection then part, whatever order the batches come in', () => {
    const b1 = batch('b1', 0, [
      { order: o(A), result: { orderId: A, status: 'shipped', carrier: 'ZTO', waybill: '78901234567890' } },
    ]);
    const b2 = batch('b2', 1, [
      { order: o(A), result: { orderId: A, status: 'shipped', carrier: 'YTO', waybill: 'YT0000000001' } },
      { order: o(B), result: { orderId: B, status: 'shipped', carrier: 'YTO', waybill: 'YT0000000002' } },
    ]);
    const older = batch('b0', 1, [{ order: o(B) }], 10);
    expect(parcelsOf([b2, b1, older]).map((p) => [p.batchId, p.rank])).toEqual([
      ['b0', 0],
      ['b1', 1],
      ['b2', 2],
      ['b2', 2],
    ]);
    const m = mergedShipping([b2, b1], undefined, 'merged-g')!;
    expect(m.lines).toBe(`${A},中通快递,78901234567890\n${B},圆通速递,YT0000000002`);
    expect(m.extraParcels.map((x) => [x.orderId, x.batchId])).toEqual([[A, 'b2']]);
    expect(mergedShipping([b1, b2], undefined, 'merged-g')).toEqual(m);
    // The gate's pass list: a held order stays out.
    expect(mergedShipping([b1, b2], new Set([B]), 'x')!.lines).toBe(`${B},圆通速递,YT0000000002`);
    expect(mergedShipping([], undefined, 'x')).toBeUndefined();
  });
});
