import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeParcelShipments, type ParcelResult } from './parcel-ship.js';
import type { ReturnResult } from './return-code.js';

const shipped = (orderId: string, waybill: string, carrier = 'ZTO'): ReturnResult => ({
  orderId,
  status: 'shipped',
  carrier,
  waybill,
});
const cannot = (orderId: string, reason = '缺货'): ReturnResult => ({
  orderId,
  status: 'cannot-ship',
  reason,
});

const A = '6921000000000001';
const B = '6921000000000002';
const C = '6921000000000003';
const D = '6921000000000004';
const E = '6921000000000005';

describe('mergeParcelShipments', () => {
  it('one row per order; a split order ships by its first parcel, the other is listed for 追加包裹', () => {
    const m = mergeParcelShipments(
      'douyin',
      [
        { orderId: B, batchId: 'b2', rank: 1, result: shipped(B, 'YT0000000002', 'YTO') },
        { orderId: A, batchId: 'b1', rank: 0, result: shipped(A, '78901234567890') },
        { orderId: A, batchId: 'b2', rank: 1, result: shipped(A, 'YT0000000001', 'YTO') },
        { orderId: C, batchId: 'b2', rank: 1 },
        { orderId: C, batchId: 'b1', rank: 0, result: shipped(C, '78901234567891') },
        { orderId: D, batchId: 'b1', rank: 0 },
        { orderId: D, batchId: 'b2', rank: 1, result: shipped(D, 'YT0000000004', 'YTO') },
        { orderId: E, batchId: 'b1', rank: 0, result: cannot(E) },
        { orderId: E, batchId: 'b2', rank: 1, result: shipped(E, 'YT0000000005', 'YTO') },
      ],
      { name: 'sel1' },
    );
    expect(m.file.fileName).toBe('douyin-bulk-ship-sel1.csv');
    expect(m.lines.split('\n')).toEqual([
      `${A},中通快递,78901234567890`,
      `${B},圆通速递,YT0000000002`,
      `${C},中通快递,78901234567891`,
      `${E},圆通速递,YT0000000005`,
    ]);
    expect(m.shipped.map((s) => [s.orderId, s.batchId])).toEqual([
      [A, 'b1'],
      [B, 'b2'],
      [C, 'b1'],
      [E, 'b2'],
    ]);
    expect(m.extraParcels).toEqual([
      { orderId: A, batchId: 'b2', carrier: 'YTO', waybill: 'YT0000000001' },
      { orderId: D, batchId: 'b2', carrier: 'YTO', waybill: 'YT0000000004' },
    ]);
    // D waits for its first parcel: a later parcel never ships the order ahead of it.
    expect(m.waiting).toEqual([
      { orderId: C, batchId: 'b2', blocksOrder: false },
      { orderId: D, batchId: 'b1', blocksOrder: true },
    ]);
    expect(m.cannotShip).toEqual([{ orderId: E, batchId: 'b1', reason: '缺货', orderShips: true }]);
  });

  it('leaves out orders no parcel can ship, rows the platform refuses and results filed under another order', () => {
    const m = mergeParcelShipments('jd', [
      { orderId: A, batchId: 'b1', rank: 0, result: cannot(A) },
      { orderId: B, batchId: 'b1', rank: 0, result: shipped(B, 'x') },
      { orderId: C, batchId: 'b1', rank: 0, result: shipped(D, 'JDVA00000001', 'JD') },
    ]);
    expect(m.file.written).toBe(0);
    expect(m.file.problems.map((p) => p.code)).toEqual(['bad-tracking-number']);
    expect(m.shipped).toEqual([]);
    expect(m.cannotShip).toEqual([{ orderId: A, batchId: 'b1', reason: '缺货', orderShips: false }]);
    expect(m.waiting).toEqual([{ orderId: C, batchId: 'b1', blocksOrder: true }]);
    expect(mergeParcelShipments('jd', null as unknown as ParcelResult[]).file.written).toBe(0);
  });

  it('property: any input order gives the same file, and no order appears twice', () => {
    const ids = [A, B, C, D];
    const parcel = fc.record({
      orderId: fc.constantFrom(...ids),
      batchId: fc.constantFrom('b1', 'b2', 'b3'),
      rank: fc.integer({ min: 0, max: 3 }),
      result: fc.option(
        fc.oneof(
          fc.record({
            status: fc.constant('shipped' as const),
            carrier: fc.constantFrom('ZTO', 'YTO', 'nope'),
            waybill: fc.constantFrom('78901234567890', 'YT0000000001', 'x'),
          }),
          fc.record({
            status: fc.constant('cannot-ship' as const),
            reason: fc.constantFrom('缺货', '地址不全'),
          }),
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(parcel, { maxLength: 12 }).map((ps) =>
          ps.map((p): ParcelResult => ({
            orderId: p.orderId,
            batchId: p.batchId,
            rank: p.rank,
            ...(p.result ? { result: { ...p.result, orderId: p.orderId } } : {}),
          })),
        ),
        fc.nat(),
        (ps, seed) => {
          const shuffled = [...ps].sort(
            (a, b) => ((ps.indexOf(a) * 7919 + seed) % 97) - ((ps.indexOf(b) * 7919 + seed) % 97),
          );
          const x = mergeParcelShipments('wechat', ps);
          const y = mergeParcelShipments('wechat', [...shuffled].reverse());
          expect(y).toEqual(x);
          const rows = x.file.table.slice(1).map((r) => r[0]);
          expect(new Set(rows).size).toBe(rows.length);
          // Each order is in exactly one of: the file, waiting for its first parcel, cannot ship at all,
          // or refused by the platform's rules.
          for (const id of new Set(ps.map((p) => p.orderId))) {
            const inFile = rows.includes(id);
            const blocked = x.waiting.some((w) => w.orderId === id && w.blocksOrder);
            const none = x.cannotShip.some((c) => c.orderId === id && !c.orderShips) && !inFile && !blocked;
            const refused = x.file.problems.some((p) => p.orderId === id);
            expect([inFile, blocked, none, refused].filter(Boolean).length).toBe(1);
          }
        },
      ),
    );
  });
});
