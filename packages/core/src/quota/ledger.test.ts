import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyQuotaRule, douyinQuotaRule, jdQuotaRule, wechatQuotaRule } from './default-rules.js';
import { checkQuotaEvent, type QuotaEvent } from './events.js';
import {
  applyEvent,
  applyEvents,
  emptyLedger,
  hasEvent,
  ledgerFromEvents,
  type QuotaLedger,
} from './ledger.js';
import { orderKey } from './order-key.js';
import { arbAt, arbEvents, DEC_1_CN, dec, HOUR, key, observed, orders, status } from './quota.test-helper.js';
import type { QuotaRule } from './rule.js';

const rules: QuotaRule[] = [
  douyinQuotaRule,
  wechatQuotaRule,
  jdQuotaRule,
  dailyQuotaRule(4),
  { ...wechatQuotaRule, id: 'once', recountSameOrder: false, fields: ['phone', 'name'] },
];

describe('ledger: idempotent, order-independent, serialisable', () => {
  it('applying an event twice changes nothing (same object back)', () => {
    const e = dec(DEC_1_CN, 1);
    const l = applyEvent(emptyLedger('s'), e);
    expect(applyEvent(l, e)).toBe(l);
    expect(applyEvent(l, { ...e })).toBe(l);
    expect(hasEvent(l, e.id)).toBe(true);
  });

  it('property: re-applying any subset of the events gives a deeply equal ledger (1,000 runs)', () => {
    fc.assert(
      fc.property(
        arbEvents().chain((es) => fc.tuple(fc.constant(es), fc.subarray(es))),
        ([events, again]) => {
          const l = ledgerFromEvents('s', events);
          expect(applyEvents(l, again)).toEqual(l);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: any delivery order (with duplicates) gives the same ledger and statuses (1,000 runs)', () => {
    fc.assert(
      fc.property(
        arbEvents().chain((es) =>
          fc.tuple(
            fc.constant(es),
            fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }),
            fc.array(fc.constantFrom(...(es.length > 0 ? es : [dec(0, 0, 'phone', 'single', 'x')])), {
              maxLength: 10,
            }),
          ),
        ),
        arbAt,
        ([events, shuffled, dupes], now) => {
          const a = ledgerFromEvents('s', events);
          const delivered = events.length > 0 ? [...shuffled, ...dupes] : shuffled;
          const b = ledgerFromEvents('s', delivered);
          expect(b).toEqual(a);
          for (const rule of rules) expect(status(b, rule, now)).toEqual(status(a, rule, now));
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('property: applyEvent never changes its input ledger (1,000 runs)', () => {
    fc.assert(
      fc.property(arbEvents(30), (events) => {
        const l = ledgerFromEvents('s', events.slice(1));
        const snapshot = JSON.stringify(l);
        if (events[0]) applyEvent(l, events[0]);
        expect(JSON.stringify(l)).toBe(snapshot);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: survives JSON and structuredClone, and keeps working afterwards (1,000 runs)', () => {
    fc.assert(
      fc.property(arbEvents(25), fc.nat(25), arbAt, (events, cut, now) => {
        const head = ledgerFromEvents('s', events.slice(0, cut));
        const viaJson = JSON.parse(JSON.stringify(head)) as QuotaLedger;
        const viaClone = structuredClone(head);
        const full = applyEvents(head, events.slice(cut));
        expect(applyEvents(viaJson, events.slice(cut))).toEqual(full);
        expect(applyEvents(viaClone, events.slice(cut))).toEqual(full);
        for (const rule of rules) expect(status(viaJson, rule, now)).toEqual(status(head, rule, now));
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('an id reused with different content is a distinct event, listed in conflicts, in any order', () => {
    const a = dec(DEC_1_CN, 1, 'phone', 'single', 'same');
    const b = dec(DEC_1_CN, 2, 'phone', 'single', 'same');
    const c = orders(DEC_1_CN, 3, 'same');
    const ab = ledgerFromEvents('s', [a, b, c]);
    for (const order of [
      [b, a, c],
      [c, b, a],
      [a, c, b, a, b],
    ])
      expect(ledgerFromEvents('s', order)).toEqual(ab);
    expect(ab.ids.size).toBe(1);
    expect(ab.conflicts.size).toBe(3);
    expect(applyEvent(ab, b)).toBe(ab);
    expect(applyEvent(ab, a)).toBe(ab);
    // Both decrypts count (two orders), whichever came first.
    expect(status(ab, wechatQuotaRule, DEC_1_CN).used).toBe(2);
    expect(status(ledgerFromEvents('s', [b, a]), wechatQuotaRule, DEC_1_CN).used).toBe(2);
  });

  it('two counters with one id and one instant: the lower remaining is trusted, in any order', () => {
    const hi = observed(DEC_1_CN + HOUR, 400, undefined, 'ob-same');
    const lo = observed(DEC_1_CN + HOUR, 300, undefined, 'ob-same');
    const x = status(ledgerFromEvents('s', [hi, lo]), wechatQuotaRule, DEC_1_CN + 2 * HOUR);
    const y = status(ledgerFromEvents('s', [lo, hi]), wechatQuotaRule, DEC_1_CN + 2 * HOUR);
    expect(x).toEqual(y);
    expect(x.remaining).toBe(300);
  });

  it('invalid events are ignored (and checkQuotaEvent says why)', () => {
    const bad = [
      null,
      'x',
      { type: 'decrypted', id: 'a', at: 0, orderKey: '13800138000', field: 'phone', source: 'tool' },
      { type: 'decrypted', id: 'a', at: 0, orderKey: key(1), field: 'email', source: 'tool' },
      { type: 'granted', id: '', at: 0, amount: 1 },
      { type: 'granted', id: 'g', at: Number.NaN, amount: 1 },
      { type: 'granted', id: 'g', at: 0, amount: 1.5 },
      { type: 'corrected', id: 'c', at: 0, delta: 1, reason: '  ' },
      { type: 'exploded', id: 'c', at: 0 },
    ];
    const codes = bad.map((b) => {
      const r = checkQuotaEvent(b);
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).toEqual([
      'not-an-object',
      'not-an-object',
      'bad-order-key',
      'bad-field',
      'bad-id',
      'bad-time',
      'bad-number',
      'bad-reason',
      'bad-type',
    ]);
    const l = applyEvents(emptyLedger('s'), bad as unknown as QuotaEvent[]);
    expect(l).toEqual(emptyLedger('s'));
  });

  it('long inputs finish and are refused (regex over 100,000 characters)', () => {
    const long = 'a'.repeat(100_000);
    const r = checkQuotaEvent({
      type: 'decrypted',
      id: 'd',
      at: 0,
      orderKey: long,
      field: 'phone',
      source: 'tool',
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('bad-order-key');
    const r2 = checkQuotaEvent({
      type: 'decrypted',
      id: 'd',
      at: 0,
      orderKey: `${'0'.repeat(99_999)}g`,
      field: 'phone',
      source: 'tool',
    });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('bad-order-key');
    const r3 = checkQuotaEvent({ type: 'corrected', id: 'c', at: 0, delta: 1, reason: long });
    expect(r3.ok ? 'ok' : r3.error.code).toBe('bad-reason');
  });

  it('checkQuotaEvent keeps only known fields (no stray plaintext is stored)', () => {
    const r = checkQuotaEvent({ ...dec(0, 1), phone: '13800138000', name: '张三' });
    expect(r.ok && Object.keys(r.event).sort()).toEqual([
      'at',
      'field',
      'id',
      'orderKey',
      'source',
      'type',
      'via',
    ]);
    const l = ledgerFromEvents('s', [{ ...dec(0, 1), phone: '13800138000' } as unknown as QuotaEvent]);
    expect(JSON.stringify(l)).not.toContain('13800138000');
  });

  it('property: checkQuotaEvent never throws on arbitrary values (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof checkQuotaEvent(v).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('orderKey: HMAC-SHA256 of the order id', () => {
  it('matches RFC 4231 test case 2', () => {
    const k = new TextEncoder().encode('Jefe');
    expect(orderKey(k, 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('property: deterministic, key-dependent, accepted by the ledger, never the raw id (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string(), (k, id) => {
        const h = orderKey(k, id);
        expect(h).toMatch(/^[0-9a-f]{64}$/u);
        expect(orderKey(k, id)).toBe(h);
        const k2 = k.slice();
        k2[0] = (k2[0] ?? 0) ^ 1;
        expect(orderKey(k2, id)).not.toBe(h);
        expect(
          checkQuotaEvent({ type: 'decrypted', id: 'd', at: 0, orderKey: h, field: 'phone', source: 'tool' })
            .ok,
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
