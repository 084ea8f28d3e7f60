import { applyEvents, emptyLedger, jdQuotaRule, wechatQuotaRule, type QuotaEvent } from '@shipmask/core';
import { describe, expect, it } from 'vitest';
import { quotaView } from './quota-view';

const NOW = Date.parse('2026-11-20T04:00:00Z');
const key = 'ab'.repeat(16);
const reveal = (i: number): QuotaEvent => ({
  type: 'decrypted',
  id: `c:${i}`,
  at: NOW - 1000 * (i + 1),
  orderKey: key,
  field: 'phone',
  source: 'backoffice',
  via: 'single',
});

describe('quotaView', () => {
  it('a JD pack with nothing bought claims no limit and no warning', () => {
    const ledger = applyEvents(emptyLedger('jd'), [reveal(1), reveal(2)]);
    const v = quotaView(ledger, jdQuotaRule, NOW);
    expect(v).toMatchObject({ limit: null, remaining: null, level: 'ok', drift: null });
  });

  it('a JD pack shows the page counter when there is one, without inventing a limit of 0', () => {
    const seen: QuotaEvent = { type: 'platformCounterObserved', id: 'p:1', at: NOW - 10, remaining: 198 };
    const v = quotaView(applyEvents(emptyLedger('jd'), [reveal(1), reveal(2), seen]), jdQuotaRule, NOW);
    expect(v.limit).toBeNull();
    expect(v.remaining).toBe(198);
    expect(v.level).toBe('ok');
    const zero: QuotaEvent = { type: 'platformCounterObserved', id: 'p:2', at: NOW - 5, remaining: 0 };
    expect(quotaView(applyEvents(emptyLedger('jd'), [seen, zero]), jdQuotaRule, NOW).level).toBe('exhausted');
  });

  it('WeChat: 500 a month, counts used', () => {
    const v = quotaView(
      applyEvents(emptyLedger('wx'), [reveal(1), reveal(2), reveal(3)]),
      wechatQuotaRule,
      NOW,
    );
    expect(v).toMatchObject({ used: 3, limit: 500, remaining: 497, level: 'ok' });
  });
});
