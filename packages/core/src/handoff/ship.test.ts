import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnResult } from './return-code.js';
import { shipFromReturn } from './ship.js';

const A = '3718000000000001234';
const B = '3718000000000001235';
const C = '3718000000000001236';

describe('shipFromReturn', () => {
  it('writes the file and the text-box lines from the same checked rows', () => {
    const s = shipFromReturn(
      'jd',
      [A, B, C],
      [
        { orderId: A, status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567890' },
        { orderId: B, status: 'cannot-ship', reason: '缺货' },
        { orderId: C, status: 'shipped', carrier: '顺丰', waybill: 'SF1234567890' },
      ],
      { batchId: 'q3Zk8Jd0WcLm' },
    );
    expect(s.lines).toBe(`${A},中通快递,ZT1234567890\n${C},顺丰快递,SF1234567890`);
    expect(s.file.csv).toBe(
      `\uFEFF订单号,物流公司,运单号\r\n${A},中通快递,ZT1234567890\r\n${C},顺丰快递,SF1234567890\r\n`,
    );
    expect(s.file.fileName).toBe('jd-bulk-ship-q3Zk8Jd0WcLm.csv');
    expect(s).toMatchObject({ cannotShip: 1, file: { written: 2, problems: [] } });
  });

  // Issue 14 item 2: no consumer joins raw strings; a line for another order id is refused.
  it('refuses a result for another order id and leaves out carriers and numbers the platform would not take', () => {
    const s = shipFromReturn(
      'wechat',
      [A, B],
      [
        { orderId: '9999999999', status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567890' },
        { orderId: A, status: 'shipped', carrier: '某某物流', waybill: 'ZT1234567890' },
        { orderId: B, status: 'shipped', carrier: 'ZTO', waybill: 'ZT1' },
      ],
    );
    expect(s.lines).toBe('');
    expect(s.file.written).toBe(0);
    expect(s.file.problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'bad-order-id'],
      [1, 'unknown-carrier'],
      [2, 'bad-tracking-number'],
    ]);
  });

  it(
    'property: hostile carrier and waybill text never reaches a line or the file (1,000 runs)',
    { timeout: 60_000 },
    () => {
      const text = fc.string({ unit: 'binary', maxLength: 40 });
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(A, B, C, 'x,y', '=1+1'), text, text), { maxLength: 5 }),
          (rs) => {
            const results: ReturnResult[] = rs.map(([orderId, carrier, waybill]) => ({
              orderId,
              status: 'shipped',
              carrier,
              waybill,
            }));
            const s = shipFromReturn('jd', [A, B, C], results);
            const lines = s.lines === '' ? [] : s.lines.split('\n');
            expect(lines).toHaveLength(s.file.written);
            for (const line of lines)
              expect(line).toMatch(/^371800000000000123[456],[^,\n"=+@-]+,[A-Za-z0-9][A-Za-z0-9-]{5,39}$/u);
          },
        ),
        { numRuns: 1000 },
      );
    },
  );
});
