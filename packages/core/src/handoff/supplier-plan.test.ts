import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSupplierParcels } from './supplier-plan.js';
import type { SupplierRuleSet } from './supplier-rules.js';

const rules: SupplierRuleSet = {
  version: 1,
  rules: [
    { sku: 'BWB-', supplier: '义乌杯厂', match: 'prefix' },
    { sku: 'TOWEL-3', supplier: '高阳毛巾厂' },
  ],
};

type O = { orderId: string; items: { sku?: string; name: string; key?: string }[] };

const orders: O[] = [
  {
    orderId: '1',
    items: [
      { sku: 'BWB-500-BK', name: '保温杯' },
      { sku: 'TOWEL-3', name: '毛巾' },
    ],
  },
  { orderId: '2', items: [{ sku: 'TOWEL-3', name: '毛巾' }] },
  { orderId: '3', items: [{ name: '赠品贴纸' }] },
  { orderId: '4', items: [{ sku: 'PEN-1', name: '笔' }] },
  { orderId: '5', items: [] },
  { orderId: '2', items: [{ sku: 'TOWEL-3', name: '毛巾' }] },
];

describe('planSupplierParcels', () => {
  it('without a default: splits by SKU and leaves the rest unassigned with why', () => {
    const p = planSupplierParcels(orders, rules);
    expect(
      p.parts.map((x) => [x.supplier, x.orders.map((o) => [o.orderId, o.items.map((i) => i.sku)])]),
    ).toEqual([
      ['义乌杯厂', [['1', ['BWB-500-BK']]]],
      [
        '高阳毛巾厂',
        [
          ['1', ['TOWEL-3']],
          ['2', ['TOWEL-3']],
        ],
      ],
    ]);
    expect(p.split).toEqual([
      {
        orderId: '1',
        parcels: [
          { supplier: '义乌杯厂', skus: ['BWB-500-BK'] },
          { supplier: '高阳毛巾厂', skus: ['TOWEL-3'] },
        ],
      },
    ]);
    expect(p.unassigned).toEqual([
      { orderId: '3', reason: 'no-sku', skus: ['赠品贴纸'] },
      { orderId: '4', reason: 'no-rule', skus: ['PEN-1'] },
      { orderId: '5', reason: 'no-items', skus: [] },
      { orderId: '2', reason: 'duplicate', skus: [] },
    ]);
    // An order that stays whole is the same object.
    expect(p.parts[1]!.orders[1]).toBe(orders[1]);
  });

  it('with a default: unmatched items go to it; an order mixing a rule and the default is split', () => {
    const p = planSupplierParcels(
      [{ orderId: '9', items: [{ sku: 'BWB-1', name: '杯' }, { name: '贴纸' }] }, ...orders.slice(2, 5)],
      rules,
      { fallback: ' 自营仓 ' },
    );
    expect(p.parts.map((x) => [x.supplier, x.orders.map((o) => o.orderId)])).toEqual([
      ['义乌杯厂', ['9']],
      ['自营仓', ['9', '3', '4']],
    ]);
    expect(p.split).toEqual([
      {
        orderId: '9',
        parcels: [
          { supplier: '义乌杯厂', skus: ['BWB-1'] },
          { supplier: '自营仓', skus: ['贴纸'] },
        ],
      },
    ]);
    // No items read: never guessed, even with a default.
    expect(p.unassigned).toEqual([{ orderId: '5', reason: 'no-items', skus: [] }]);
    expect(planSupplierParcels(orders.slice(2, 3), rules, { fallback: '   ' }).unassigned[0]?.reason).toBe(
      'no-sku',
    );
  });

  it('never throws on odd input', () => {
    expect(planSupplierParcels(null as unknown as O[], rules)).toEqual({
      parts: [],
      unassigned: [],
      split: [],
    });
    expect(
      planSupplierParcels([{ orderId: 'x', items: null as unknown as O['items'] }], rules).unassigned,
    ).toEqual([{ orderId: 'x', reason: 'no-items', skus: [] }]);
  });

  it('property: every order ends in exactly one of {parts, unassigned}; every item in exactly one parcel', () => {
    const sku = fc.option(fc.constantFrom('A-1', 'A-2', 'B-1', 'C-1', 'D'), { nil: undefined });
    const orderArb = fc.array(
      fc.record({ id: fc.integer({ min: 0, max: 12 }), items: fc.array(sku, { maxLength: 4 }) }),
      {
        maxLength: 15,
      },
    );
    const ruleArb = fc.uniqueArray(
      fc.record({ sku: fc.constantFrom('A-', 'B-1', 'C-1'), supplier: fc.constantFrom('甲', '乙', '丙') }),
      { selector: (r) => r.sku },
    );
    fc.assert(
      fc.property(orderArb, ruleArb, fc.constantFrom(undefined, '', '默认厂'), (raw, rs, fallback) => {
        const input = raw.map((o, i) => ({
          orderId: String(o.id),
          items: o.items.map((s, k) => ({ ...(s ? { sku: s } : {}), name: 'x', key: `${i}:${k}` })),
        }));
        const set: SupplierRuleSet = {
          version: 1,
          rules: rs.map((r) => (r.sku === 'A-' ? { ...r, match: 'prefix' as const } : r)),
        };
        const p = planSupplierParcels(input, set, fallback === undefined ? {} : { fallback });
        const planned = new Set(p.parts.flatMap((x) => x.orders.map((o) => o.orderId)));
        const firstIndex = new Map<string, number>();
        input.forEach((o, i) => {
          if (!firstIndex.has(o.orderId)) firstIndex.set(o.orderId, i);
        });
        // Each input line: planned (first sighting) xor unassigned; unassigned lines are counted.
        const unassignedIds = p.unassigned.filter((u) => u.reason !== 'duplicate').map((u) => u.orderId);
        expect(new Set(unassignedIds).size).toBe(unassignedIds.length);
        for (const id of firstIndex.keys()) expect(planned.has(id) !== unassignedIds.includes(id)).toBe(true);
        expect(p.unassigned.length + planned.size).toBe(input.length);
        // Items of planned orders: each in exactly one parcel, and every parcel of a split order listed.
        const placed = p.parts.flatMap((x) => x.orders.flatMap((o) => o.items.map((it) => it.key)));
        const expected = input
          .filter((o, i) => planned.has(o.orderId) && firstIndex.get(o.orderId) === i)
          .flatMap((o) => o.items.map((it) => it.key));
        expect([...placed].sort()).toEqual([...expected].sort());
        for (const id of planned) {
          const n = p.parts.filter((x) => x.orders.some((o) => o.orderId === id)).length;
          const s = p.split.find((x) => x.orderId === id);
          expect(s ? s.parcels.length : 1).toBe(n);
          for (const x of p.parts)
            expect(x.orders.filter((o) => o.orderId === id).length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
