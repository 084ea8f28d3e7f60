import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_LINES, numbersFromList, numbersPerOrder } from './waybill-entry';

const ids = ['6920000000000000001', '6920000000000000002', '6920000000000000003'] as const;

describe('numbersFromList', () => {
  it('reads order id → number lines in any separator and either order, skipping a CSV header', () => {
    const text = [
      '订单号,运单号',
      `${ids[0]},78412345678901`,
      `"SF1234567890123"\t="${ids[1]}"`,
      `${ids[2]}；JT0001234567890`,
    ].join('\r\n');
    const r = numbersFromList(text, ids);
    expect([...r.byOrder]).toEqual([
      [ids[0], '78412345678901'],
      [ids[1], 'SF1234567890123'],
      [ids[2], 'JT0001234567890'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('gives bare numbers to the orders still without one, in page order (not consecutive numbers)', () => {
    const r = numbersFromList(`${ids[1]} 78412345678901\nYT7000000000031\nYT7000000000977`, ids);
    expect(r.byOrder.get(ids[0])).toBe('YT7000000000031');
    expect(r.byOrder.get(ids[1])).toBe('78412345678901');
    expect(r.byOrder.get(ids[2])).toBe('YT7000000000977');
  });

  it('reports, never drops: unknown orders, mobiles, a number twice, an order twice, left-overs', () => {
    const text = [
      `${ids[0]},78412345678901`,
      `6999999999999999999,78412345678902`,
      `${ids[1]},13812345678`,
      `${ids[2]},78412345678901`,
      `${ids[0]},78412345678903`,
      'YT7000000000031',
      'YT7000000000032',
      'YT7000000000033',
      '=HYPERLINK("x")',
    ].join('\n');
    const r = numbersFromList(text, ids);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['unknown-order', 2],
      ['mobile', 3],
      ['number-twice', 4],
      ['order-twice', 5],
      ['shape', 9],
      ['left-over', 8],
    ]);
    expect(r.byOrder.get(ids[1])).toBe('YT7000000000031');
    expect(r.byOrder.get(ids[2])).toBe('YT7000000000032');
  });

  it('reads at most MAX_LIST_LINES lines and says so; 100,000 characters on one line are cut', () => {
    const many = Array.from({ length: MAX_LIST_LINES + 10 }, (_, i) => `X${i}`).join('\n');
    expect(numbersFromList(many, ids).problems.some((p) => p.code === 'too-many-lines')).toBe(true);
    const long = numbersFromList('7'.repeat(100_000), ids);
    expect(long.byOrder.size).toBe(0);
  });

  it('property: every number given is one core accepts, given to one order of the print, once', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (lines) => {
        const r = numbersFromList(lines.join('\n'), ids);
        const values = [...r.byOrder.values()];
        expect(new Set(values).size).toBe(values.length);
        for (const [id, v] of r.byOrder) {
          expect(ids).toContain(id);
          expect(v).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('numbersPerOrder', () => {
  it('checks each box; empty boxes are not given yet; a number used twice is a problem', () => {
    const r = numbersPerOrder(
      new Map([
        [ids[0], ' 78412345678901 '],
        [ids[1], ''],
        [ids[2], '78412345678901'],
      ]),
    );
    expect([...r.byOrder]).toEqual([[ids[0], '78412345678901']]);
    expect(r.problems).toEqual([
      { code: 'number-twice', orderId: ids[2], value: '78412345678901', other: ids[0] },
    ]);
  });
});
