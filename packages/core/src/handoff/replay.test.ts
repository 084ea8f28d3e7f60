import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStoredResults, mergeReturnResults, type StoredReturnResult } from './replay.js';
import type { OpenedReturn, ReturnResult } from './return-code.js';

const batch = { batchId: 'b1', orderIds: ['1', '2', '3'] };
const ship = (orderId: string, waybill: string): ReturnResult => ({
  orderId,
  status: 'shipped',
  carrier: 'ZTO',
  waybill,
});
const code = (sealedAt: number, results: ReturnResult[]): OpenedReturn => ({
  batchId: 'b1',
  sealedAt,
  results,
});

function importAll(codes: readonly OpenedReturn[]): Readonly<Record<string, StoredReturnResult>> {
  let stored: Readonly<Record<string, StoredReturnResult>> = {};
  for (const c of codes) {
    const m = mergeReturnResults(stored, c, batch);
    if (!m.ok) throw new Error(m.error.message);
    stored = m.value.results;
  }
  return stored;
}

describe('mergeReturnResults', () => {
  it('an older code never overrides a newer one; the same result later moves the instant only', () => {
    const newer = code(200, [ship('1', 'ZT2')]);
    const older = code(100, [ship('1', 'ZT1')]);
    const a = mergeReturnResults({}, newer, batch);
    expect(a.ok && a.value.changes).toEqual([{ orderId: '1', after: ship('1', 'ZT2') }]);
    const b = a.ok ? mergeReturnResults(a.value.results, older, batch) : a;
    expect(b).toMatchObject({ ok: true, value: { changes: [], stale: 1 } });
    expect(b.ok && b.value.results).toBe(a.ok && a.value.results); // nothing moved: same object
    const later = mergeReturnResults(a.ok ? a.value.results : {}, code(300, [ship('1', 'ZT2')]), batch);
    expect(later).toMatchObject({ ok: true, value: { changes: [], unchanged: 1 } });
    expect(later.ok && later.value.results['1']?.sealedAt).toBe(300);
  });

  it('equal instants are decided by content, the same in either order', () => {
    const x = code(100, [ship('1', 'ZT1')]);
    const y = code(100, [ship('1', 'ZT9')]);
    expect(importAll([x, y])).toEqual(importAll([y, x]));
    expect(importAll([x, y])['1']?.result).toEqual(ship('1', 'ZT9'));
    const c = code(100, [{ orderId: '1', status: 'cannot-ship', reason: '缺货' }]);
    expect(importAll([x, c])).toEqual(importAll([c, x]));
  });

  it('refuses a code of another batch and a result for an order not in the batch, merging nothing', () => {
    expect(mergeReturnResults({}, { ...code(1, [ship('1', 'ZT1')]), batchId: 'b2' }, batch)).toMatchObject({
      ok: false,
      error: { code: 'wrong-batch' },
    });
    expect(mergeReturnResults({}, code(1, [ship('1', 'ZT1'), ship('99', 'ZT2')]), batch)).toMatchObject({
      ok: false,
      error: { code: 'unknown-order', orderId: '99' },
    });
    expect(mergeReturnResults({}, code(1, [ship('__proto__', 'ZT2')]), batch)).toMatchObject({
      ok: false,
      error: { code: 'unknown-order' },
    });
  });

  it('an order id such as __proto__ is stored as an own result, never as the prototype', () => {
    const odd = { batchId: 'b1', orderIds: ['__proto__', 'constructor'] };
    const m = mergeReturnResults({}, code(1, [ship('__proto__', 'ZT1'), ship('constructor', 'ZT2')]), odd);
    expect(m.ok && Object.keys(m.value.results)).toEqual(['__proto__', 'constructor']);
    expect(m.ok && Object.getPrototypeOf(m.value.results)).toBe(Object.prototype);
    expect(m.ok && m.value.results['__proto__']?.result).toEqual(ship('__proto__', 'ZT1'));
  });

  const result = fc.oneof(
    fc.record({
      orderId: fc.constantFrom(...batch.orderIds),
      status: fc.constant('shipped' as const),
      carrier: fc.constantFrom('ZTO', 'YTO'),
      waybill: fc.constantFrom('ZT1', 'ZT2', 'ZT3'),
    }),
    fc.record({
      orderId: fc.constantFrom(...batch.orderIds),
      status: fc.constant('cannot-ship' as const),
      reason: fc.constantFrom('缺货', '地址不到'),
    }),
  );
  const codeArb = fc.record({
    batchId: fc.constant('b1'),
    sealedAt: fc.integer({ min: 0, max: 3 }), // few instants: many ties
    results: fc.uniqueArray(result, { selector: (r) => r.orderId, maxLength: 3 }),
  });

  it('property: any import order gives the same results, the greatest per order; twice is once (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc
          .array(codeArb, { maxLength: 6 })
          .chain((codes) =>
            fc.tuple(fc.constant(codes), fc.shuffledSubarray(codes, { minLength: codes.length })),
          ),
        ([codes, shuffled]) => {
          const stored = importAll(codes);
          expect(importAll(shuffled)).toEqual(stored);
          expect(importAll([...codes, ...codes])).toEqual(stored);
          for (const id of batch.orderIds) {
            const entries = codes.flatMap((c) =>
              c.results.filter((r) => r.orderId === id).map((r) => ({ result: r, sealedAt: c.sealedAt })),
            );
            if (entries.length === 0) expect(stored[id]).toBeUndefined();
            else {
              const max = entries.reduce((a, b) => (compareStoredResults(a, b) >= 0 ? a : b));
              expect(stored[id]).toEqual(max);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
