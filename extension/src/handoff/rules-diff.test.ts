import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSupplierRules, type SupplierRuleSet } from '@shipmask/core';
import { diffRules, rulesErrorText } from './rules-diff';

const current: SupplierRuleSet = {
  version: 1,
  rules: [
    { sku: 'A', supplier: '甲' },
    { sku: 'B', supplier: '乙' },
    { sku: 'C', supplier: '丙', match: 'prefix' },
  ],
};

describe('importing a rule set file', () => {
  it('shows what the file changes before saving', () => {
    const d = diffRules(current, {
      version: 1,
      rules: [
        { sku: 'A', supplier: '甲' },
        { sku: 'B', supplier: '丁' },
        { sku: 'C', supplier: '丙' },
      ],
    });
    expect(d).toEqual({
      added: [{ sku: 'C', supplier: '丙' }],
      changed: [{ before: { sku: 'B', supplier: '乙' }, after: { sku: 'B', supplier: '丁' } }],
      removed: [{ sku: 'C', supplier: '丙', match: 'prefix' }],
      unchanged: 1,
    });
  });

  it('a refused file gets its reason in plain words', () => {
    const cases: [string, string][] = [
      ['{', '不是 JSON'],
      ['{"version":2,"rules":[]}', '版本不对'],
      ['{"version":1,"rules":[{"sku":"a","supplier":"王13812345678"}]}', '第 1 条的厂家名称：含手机号'],
      [
        '{"version":1,"rules":[{"sku":"a","supplier":"b"},{"sku":"a","supplier":"c"}]}',
        '第 2 条的商家编码：商家编码重复',
      ],
      ['{"version":1,"rules":[{"sku":"a","supplier":"b","match":"x"}]}', '匹配方式只能是'],
    ];
    for (const [text, words] of cases) {
      const r = parseSupplierRules(text);
      if (r.ok) throw new Error(text);
      expect(rulesErrorText(r.error, 'zh')).toContain(words);
      expect(rulesErrorText(r.error, 'en')).toContain(r.error.message);
    }
  });

  it('property: added + changed + unchanged = the file; removed are the rules the file lacks', () => {
    const rule = fc.record({
      sku: fc.constantFrom('A', 'B', 'C', 'D'),
      supplier: fc.constantFrom('甲', '乙'),
    });
    const set = fc
      .uniqueArray(rule, { selector: (r) => r.sku, maxLength: 4 })
      .map((rules): SupplierRuleSet => ({ version: 1, rules }));
    fc.assert(
      fc.property(set, set, (a, b) => {
        const d = diffRules(a, b);
        expect(d.added.length + d.changed.length + d.unchanged).toBe(b.rules.length);
        expect(d.removed.map((r) => r.sku).sort()).toEqual(
          a.rules
            .filter((r) => !b.rules.some((x) => x.sku === r.sku))
            .map((r) => r.sku)
            .sort(),
        );
      }),
    );
  });
});
