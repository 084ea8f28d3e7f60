import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlinesPerDay, dueLists, type Deadline } from './due.js';

const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('dueLists', () => {
  const now = t('2026-12-01T02:00:00Z');
  it('splits overdue and due within 12 h, sorted', () => {
    const r = dueLists(
      [
        { orderId: 'late2', at: now - H },
        { orderId: 'soon', at: now + 11 * H },
        { orderId: 'far', at: now + 13 * H },
        { orderId: 'late1', at: now - 2 * H },
        { orderId: 'edge', at: now + 12 * H },
        { orderId: 'nan', at: Number.NaN },
      ],
      now,
    );
    expect(r.overdue.map((d) => d.orderId)).toEqual(['late1', 'late2']);
    expect(r.dueSoon.map((d) => d.orderId)).toEqual(['soon', 'edge']);
  });
  it('order independent and idempotent (property)', () => {
    const arb = fc.array(
      fc.record({
        orderId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        at: fc.integer({ min: now - 48 * H, max: now + 48 * H }),
      }),
    );
    fc.assert(
      fc.property(arb, (ds: Deadline[]) => {
        const a = dueLists(ds, now);
        const b = dueLists([...ds].reverse(), now);
        expect(b).toEqual(a);
        expect(dueLists([...a.overdue, ...a.dueSoon], now)).toEqual(a);
      }),
    );
  });
});

describe('deadlinesPerDay', () => {
  it('China midnight (16:00 UTC) starts a new day', () => {
    expect(
      deadlinesPerDay([
        t('2026-11-30T15:59:59.999Z'),
        t('2026-11-30T16:00:00Z'),
        t('2026-12-01T15:00:00Z'),
        Number.NaN,
      ]),
    ).toEqual([
      { date: '2026-11-30', count: 1 },
      { date: '2026-12-01', count: 2 },
    ]);
  });
  it('counts add up and do not depend on order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 })), (xs) => {
        const a = deadlinesPerDay(xs);
        expect(a.reduce((s, d) => s + d.count, 0)).toBe(xs.length);
        expect(deadlinesPerDay([...xs].reverse())).toEqual(a);
        for (const d of a) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      }),
    );
  });
});
