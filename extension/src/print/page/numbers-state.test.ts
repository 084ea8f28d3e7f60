import { describe, expect, it } from 'vitest';
import { waybillNumbers, type NumberInputs } from './numbers-state';

const ids = ['6920000000000000001', '6920000000000000002'];
const base: NumberInputs = {
  job: undefined,
  mode: 'list',
  list: '',
  each: new Map(),
  start: '',
  orderIds: ids,
};

describe('waybillNumbers', () => {
  it('list mode reads the pasted lines per order', () => {
    const s = waybillNumbers({ ...base, list: `${ids[1]},78412345678901` });
    expect([...s.trackingByOrder!]).toEqual([[ids[1], '78412345678901']]);
    expect(s.given).toBe(1);
    expect(s.trackingNumbers).toEqual([]);
    expect(s.mode).toBe('list');
    expect(s.jobFirst).toBeUndefined();
  });
  it('list mode reports problems (a mobile number is not a waybill number)', () => {
    const s = waybillNumbers({ ...base, list: `${ids[0]},13812345678` });
    expect(s.given).toBe(0);
    expect(s.entry?.problems.length).toBeGreaterThan(0);
  });
  it('each mode takes the boxes', () => {
    const s = waybillNumbers({ ...base, mode: 'each', each: new Map([[ids[0]!, 'SF1234567890123']]) });
    expect(s.trackingByOrder?.get(ids[0]!)).toBe('SF1234567890123');
    expect(s.given).toBe(1);
    expect(s.mode).toBe('each');
  });
  it('range mode counts up from the start for every order, nothing per order', () => {
    const s = waybillNumbers({ ...base, mode: 'range', start: 'JDVA000009' });
    expect(s.trackingNumbers).toEqual(['JDVA000009', 'JDVA000010']);
    expect(s.trackingByOrder).toBeUndefined();
    expect(s.entry).toBeUndefined();
    expect(s.given).toBe(2);
  });
  it('range mode without a usable start gives no number', () => {
    expect(waybillNumbers({ ...base, mode: 'range', start: 'abc' }).given).toBe(0);
  });
  it("a loaded job's own numbers win over anything typed, shown locked in range mode", () => {
    const job = {
      documents: [
        { orderId: ids[0], trackingNumber: '7801' },
        { orderId: ids[1], trackingNumber: '7802' },
      ],
    } as never;
    const s = waybillNumbers({ ...base, job, mode: 'list', list: `${ids[0]},78412345678901`, start: '1' });
    expect([...s.trackingByOrder!]).toEqual([
      [ids[0], '7801'],
      [ids[1], '7802'],
    ]);
    expect(s).toMatchObject({
      mode: 'range',
      jobFirst: '7801',
      given: 2,
      trackingNumbers: [],
      entry: undefined,
    });
    expect(waybillNumbers({ ...base, job: { documents: [] } }).jobFirst).toBe('');
  });
});
