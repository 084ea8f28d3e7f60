import { describe, expect, it } from 'vitest';
import { shipRows } from './ship-state';

describe('shipRows', () => {
  const docs = [
    { orderId: 'a', state: 'printed', trackingNumber: '7801' },
    { orderId: 'b', state: 'printed', trackingNumber: '7802' },
    { orderId: 'c', state: 'failed', trackingNumber: '7803' },
    { orderId: 'd', state: 'queued', trackingNumber: '7804' },
  ] as const;
  it("printed orders the gate let pass, with the job's carrier and each waybill number", () => {
    expect(shipRows(docs, new Set(['a', 'c', 'd']), 'ZTO')).toEqual([
      { orderId: 'a', carrier: 'ZTO', trackingNumber: '7801' },
    ]);
  });
  it('a held order (refunded since printing) stays out; nothing passes, no row', () => {
    expect(shipRows(docs, new Set(['b']), 'SF').map((r) => r.orderId)).toEqual(['b']);
    expect(shipRows(docs, new Set(), 'SF')).toEqual([]);
  });
});
