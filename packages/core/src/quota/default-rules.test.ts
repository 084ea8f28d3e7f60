import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dailyQuotaRule,
  defaultQuotaRules,
  douyinQuotaRule,
  jdQuotaRule,
  wechatQuotaRule,
} from './default-rules.js';

describe('default quota rules (DOMAIN.md, seeds 001-003)', () => {
  it('Douyin: 5% of orders in the calendar month, rounding down, re-views count', () => {
    expect(douyinQuotaRule).toMatchObject({
      kind: 'ratio',
      ratio: 0.05,
      period: 'month',
      rounding: 'floor',
      recountSameOrder: true,
    });
  });
  it('WeChat: 500 real-phone views a month', () => {
    expect(wechatQuotaRule).toMatchObject({
      kind: 'fixed',
      allowance: 500,
      period: 'month',
      fields: ['phone'],
    });
  });
  it('JD: a pack with no period, charged by bulk exports only', () => {
    expect(jdQuotaRule).toMatchObject({ kind: 'pack', initial: 0, charges: 'bulk' });
    expect('period' in jdQuotaRule).toBe(false);
  });
  it('per-platform table lists each rule once', () => {
    expect(defaultQuotaRules.douyin).toEqual([douyinQuotaRule]);
    expect(defaultQuotaRules.wechat).toEqual([wechatQuotaRule]);
    expect(defaultQuotaRules.jd).toEqual([jdQuotaRule]);
  });
  it('daily allowance: a fixed count per China day; bad numbers become 0', () => {
    expect(dailyQuotaRule(50, 'd')).toEqual({
      kind: 'fixed',
      id: 'd',
      allowance: 50,
      period: 'day',
      recountSameOrder: true,
      warnAt: 0.8,
    });
    expect(dailyQuotaRule(Number.NaN)).toMatchObject({ allowance: 0, id: 'daily' });
    expect(dailyQuotaRule(-3)).toMatchObject({ allowance: 0 });
    fc.assert(
      fc.property(fc.double(), (n) => {
        const r = dailyQuotaRule(n);
        return r.kind === 'fixed' && Number.isInteger(r.allowance) && r.allowance >= 0;
      }),
      { numRuns: 1000 },
    );
  });
});
