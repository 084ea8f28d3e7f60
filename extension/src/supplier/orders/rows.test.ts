import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH, CIPHER, MASKED, PREFERS_SF, VN } from '../batch.fixture';
import {
  carrierOf,
  EMPTY_ROW,
  resultsOf,
  rowOf,
  waybillIsBad,
  withRow,
  withTracking,
  type Rows,
} from './rows';

const orders = BATCH.orders;

describe('rows', () => {
  it('an untouched order has the empty row; withRow keeps the other fields', () => {
    expect(rowOf({}, VN)).toEqual(EMPTY_ROW);
    const r = withRow(withRow({}, VN, { carrier: 'YTO' }), VN, { waybill: 'YT7890123456' });
    expect(r[VN]).toEqual({ carrier: 'YTO', waybill: 'YT7890123456', cannot: false, reason: '' });
  });

  it('carrier: the row, else the merchant preference, else the default', () => {
    expect(carrierOf({}, orders, VN, 'ZTO')).toBe('ZTO');
    expect(carrierOf({}, orders, PREFERS_SF, 'ZTO')).toBe('SF');
    expect(carrierOf(withRow({}, PREFERS_SF, { carrier: 'JD' }), orders, PREFERS_SF, 'ZTO')).toBe('JD');
  });

  it('a bad waybill is a non-empty one that is not a waybill number', () => {
    expect(waybillIsBad(EMPTY_ROW)).toBe(false);
    expect(waybillIsBad({ ...EMPTY_ROW, waybill: '  ' })).toBe(false);
    expect(waybillIsBad({ ...EMPTY_ROW, waybill: '12' })).toBe(true);
    expect(waybillIsBad({ ...EMPTY_ROW, waybill: ' ZT78901234567890 ' })).toBe(false);
  });

  it('results: cannot-ship with reason or "-", shipped with a valid number, open orders left out', () => {
    let rows: Rows = withRow({}, VN, { waybill: ' ZT78901234567890 ' });
    rows = withRow(rows, MASKED, { cannot: true, reason: '  ' });
    rows = withRow(rows, CIPHER, { waybill: 'x' });
    rows = withRow(rows, PREFERS_SF, { cannot: true, reason: '缺货', waybill: 'SF1234567890' });
    expect(resultsOf(orders, rows, 'YTO')).toEqual([
      { orderId: VN, status: 'shipped', carrier: 'YTO', waybill: 'ZT78901234567890' },
      { orderId: MASKED, status: 'cannot-ship', reason: '-' },
      { orderId: PREFERS_SF, status: 'cannot-ship', reason: '缺货' },
    ]);
  });

  it('tracking: named and bare numbers fill orders of the batch, clear cannot-ship, keep filled ones', () => {
    const rows = withRow(withRow({}, MASKED, { waybill: 'YT0000000001' }), CIPHER, { cannot: true });
    const r = withTracking(
      rows,
      orders,
      `${CIPHER} ZT78901234567890\nZT78901234567891\nZT78901234567892\n???`,
    );
    expect(r.applied).toBe(3);
    expect(r.skipped).toBe(1);
    expect(r.rows[CIPHER]).toMatchObject({ waybill: 'ZT78901234567890', cannot: false });
    expect(r.rows[MASKED]?.waybill).toBe('YT0000000001');
    expect(r.rows[VN]?.waybill).toBe('ZT78901234567891');
    expect(r.rows[PREFERS_SF]?.waybill).toBe('ZT78901234567892');
  });

  it('property: results name only orders of the batch, each at most once, whatever rows and pastes hold', () => {
    const ids = orders.map((o) => o.orderId);
    const anyId = fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[0-9]{6,20}$/u));
    const row = fc.record({
      carrier: fc.constantFrom('', 'ZTO', 'SF'),
      waybill: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z0-9]{2,14}$/u), fc.string()),
      cannot: fc.boolean(),
      reason: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.dictionary(anyId, row),
        fc.array(fc.tuple(anyId, fc.stringMatching(/^[A-Z0-9]{6,14}$/u))),
        (rows, lines) => {
          const pasted = withTracking(rows, orders, lines.map(([id, w]) => `${id} ${w}`).join('\n')).rows;
          for (const rs of [rows, pasted]) {
            const out = resultsOf(orders, rs, 'ZTO').map((x) => x.orderId);
            expect(out.every((id) => ids.includes(id))).toBe(true);
            expect(new Set(out).size).toBe(out.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
