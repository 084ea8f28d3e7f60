import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSupplierRules,
  parseSupplierRules,
  serializeSupplierRules,
  splitBySupplier,
  supplierLookup,
  SUPPLIER_RULE_LIMITS,
  type SupplierRuleSet,
} from './supplier-rules.js';

const rules: SupplierRuleSet = {
  version: 1,
  rules: [
    { sku: 'BWB-500-BK', supplier: '义乌杯厂' },
    { sku: 'TOWEL-3', supplier: '高阳毛巾厂' },
  ],
};

describe('supplier rule sets', () => {
  it('round-trips a rule set file and trims', () => {
    expect(parseSupplierRules(serializeSupplierRules(rules))).toEqual({ ok: true, value: rules });
    expect(
      parseSupplierRules('\uFEFF{"version":1,"rules":[{"sku":" A-1 ","supplier":" 杯厂 ","x":1}]}'),
    ).toEqual({ ok: true, value: { version: 1, rules: [{ sku: 'A-1', supplier: '杯厂' }] } });
  });

  it('refuses bad files with a typed error naming the field', () => {
    const cases: [string, string | undefined][] = [
      ['{', undefined],
      ['[]', undefined],
      ['{"version":2,"rules":[]}', 'version'],
      ['{"version":1,"rules":{}}', 'rules'],
      ['{"version":1,"rules":[{"sku":"","supplier":"a"}]}', 'rules[0].sku'],
      ['{"version":1,"rules":[{"sku":"a","supplier":"王经理13812345678"}]}', 'rules[0].supplier'],
      ['{"version":1,"rules":[{"sku":"a\\u0007","supplier":"b"}]}', 'rules[0].sku'],
      ['{"version":1,"rules":[{"sku":"a","supplier":"b"},{"sku":" a","supplier":"c"}]}', 'rules[1].sku'],
      [`{"version":1,"rules":[{"sku":"${'x'.repeat(65)}","supplier":"b"}]}`, 'rules[0].sku'],
      ['x'.repeat(SUPPLIER_RULE_LIMITS.chars + 1), undefined],
    ];
    for (const [text, field] of cases) {
      const r = parseSupplierRules(text);
      expect(r.ok, text.slice(0, 60)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-rules');
        expect(r.error.field).toBe(field);
      }
    }
    expect(checkSupplierRules(null).ok).toBe(false);
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (t) => {
        expect(typeof parseSupplierRules(t).ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof checkSupplierRules(v).ok).toBe('boolean');
      }),
    );
  });
});

describe('splitBySupplier', () => {
  it('splits an order with items of two suppliers into two parcels and lists it', () => {
    const orders: { orderId: string; items: { sku?: string; n: number }[] }[] = [
      {
        orderId: '1',
        items: [
          { sku: 'BWB-500-BK', n: 1 },
          { sku: 'TOWEL-3', n: 2 },
        ],
      },
      { orderId: '2', items: [{ sku: 'TOWEL-3', n: 3 }] },
      { orderId: '3', items: [{ n: 4 }] },
    ];
    const s = splitBySupplier(orders, rules, '自营仓');
    expect(s.split).toEqual(['1']);
    expect(
      s.parts.map((p) => [p.supplier, p.orders.map((o) => [o.orderId, o.items.map((i) => i.n)])]),
    ).toEqual([
      ['义乌杯厂', [['1', [1]]]],
      [
        '高阳毛巾厂',
        [
          ['1', [2]],
          ['2', [3]],
        ],
      ],
      ['自营仓', [['3', [4]]]],
    ]);
    // An order that stays whole is the same object.
    expect(s.parts[1]!.orders[1]).toBe(orders[1]);
  });

  it('property: every item lands in exactly one part; an order is in as many parts as it has suppliers', () => {
    const skus = ['A', 'B', 'C', 'D', undefined];
    const orderArb = fc.array(
      fc.record({ items: fc.array(fc.constantFrom(...skus), { minLength: 1, maxLength: 5 }) }),
      { maxLength: 10 },
    );
    const ruleArb = fc.uniqueArray(
      fc.record({ sku: fc.constantFrom('A', 'B', 'C'), supplier: fc.constantFrom('甲', '乙') }),
      { selector: (r) => r.sku },
    );
    fc.assert(
      fc.property(orderArb, ruleArb, (raw, rs) => {
        const orders = raw.map((o, i) => ({
          orderId: String(i),
          items: o.items.map((sku, k) => ({ ...(sku ? { sku } : {}), key: `${i}:${k}` })),
        }));
        const s = splitBySupplier(orders, { version: 1, rules: rs }, '丙');
        const placed = s.parts.flatMap((p) => p.orders.flatMap((o) => o.items.map((it) => it.key)));
        expect([...placed].sort()).toEqual(orders.flatMap((o) => o.items.map((it) => it.key)).sort());
        for (const o of orders) {
          const suppliers = new Set(o.items.map((it) => rs.find((r) => r.sku === it.sku)?.supplier ?? '丙'));
          const inParts = s.parts.filter((p) => p.orders.some((x) => x.orderId === o.orderId));
          expect(inParts.map((p) => p.supplier).sort()).toEqual([...suppliers].sort());
          expect(s.split.includes(o.orderId)).toBe(suppliers.size > 1);
        }
      }),
    );
  });
});

describe('prefix rules', () => {
  const set: SupplierRuleSet = {
    version: 1,
    rules: [
      { sku: 'SM-', supplier: '总厂', match: 'prefix' },
      { sku: 'SM-001-', supplier: '义乌杯厂', match: 'prefix' },
      { sku: 'SM-001-C', supplier: '高阳毛巾厂' },
    ],
  };

  it('exact first, else the longest prefix; round-trips through the file', () => {
    const of = supplierLookup(set);
    expect(of('SM-001-C')).toBe('高阳毛巾厂');
    expect(of(' SM-001-A ')).toBe('义乌杯厂');
    expect(of('SM-002-A')).toBe('总厂');
    expect(of('XX-1')).toBeUndefined();
    expect(of(undefined)).toBeUndefined();
    expect(of('  ')).toBeUndefined();
    expect(parseSupplierRules(serializeSupplierRules(set))).toEqual({ ok: true, value: set });
  });

  it('an exact and a prefix rule may name the same text; a bad match value is refused', () => {
    expect(
      checkSupplierRules({
        version: 1,
        rules: [
          { sku: 'A', supplier: 'x' },
          { sku: 'A', supplier: 'y', match: 'prefix' },
        ],
      }).ok,
    ).toBe(true);
    const r = checkSupplierRules({ version: 1, rules: [{ sku: 'A', supplier: 'x', match: 'glob' }] });
    expect(r.ok ? undefined : r.error.field).toBe('rules[0].match');
    const twice = checkSupplierRules({
      version: 1,
      rules: [
        { sku: 'A', supplier: 'x', match: 'prefix' },
        { sku: 'A', supplier: 'y', match: 'prefix' },
      ],
    });
    expect(twice.ok ? undefined : twice.error.field).toBe('rules[1].sku');
  });

  it('property: the supplier found is a rule whose SKU equals or prefixes the SKU, and no longer one matches', () => {
    const sku = fc.stringMatching(/^[A-C]{1,4}$/u);
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ sku, prefix: fc.boolean(), supplier: fc.constantFrom('甲', '乙', '丙') }),
          {
            selector: (r) => `${r.prefix}:${r.sku}`,
          },
        ),
        sku,
        (raw, probe) => {
          const rules = raw.map((r) =>
            r.prefix
              ? { sku: r.sku, supplier: r.supplier, match: 'prefix' as const }
              : { sku: r.sku, supplier: r.supplier },
          );
          const got = supplierLookup({ version: 1, rules })(probe);
          const exact = rules.find((r) => r.match === undefined && r.sku === probe);
          const matching = rules.filter((r) => r.match === 'prefix' && probe.startsWith(r.sku));
          const longest = Math.max(0, ...matching.map((r) => r.sku.length));
          if (exact) expect(got).toBe(exact.supplier);
          else if (matching.length === 0) expect(got).toBeUndefined();
          else expect(matching.filter((r) => r.sku.length === longest).map((r) => r.supplier)).toContain(got);
        },
      ),
    );
  });
});
