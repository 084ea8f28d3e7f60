import { describe, expect, it } from 'vitest';
import { addressFingerprint, recordAddress } from './address-fingerprint.js';
import type { GateOrder } from './check.js';
import { INTERCEPT_LABEL, interceptNotice, markHandled, type PrintedRecord } from './intercept.js';

const key = new Uint8Array(32).fill(1);
const printedFp = addressFingerprint(key, { address: '浙江省杭州市西湖区****', ext: '0001' });
const record: PrintedRecord = {
  orderId: '6921000000000001',
  printedAt: 1_700_000_000_000,
  trackingNumber: 'JT0001234567',
  carrier: 'JTSD',
  address: recordAddress(undefined, printedFp),
};
const order: GateOrder = {
  platform: 'douyin',
  orderId: '6921000000000001',
  status: 'printed',
  createdAt: 1_699_000_000_000,
  address: printedFp,
};

describe('interceptNotice', () => {
  it('nothing while the order is unchanged', () => {
    expect(interceptNotice(record, order)).toBeUndefined();
  });
  it('a refund after printing raises 已打印，需拦截 with tracking number and carrier', () => {
    expect(interceptNotice(record, { ...order, flags: { refund: 'requested' } })).toEqual({
      orderId: order.orderId,
      reasons: ['refund'],
      label: INTERCEPT_LABEL,
      printedAt: record.printedAt,
      trackingNumber: 'JT0001234567',
      carrier: 'JTSD',
    });
    expect(INTERCEPT_LABEL).toBe('已打印，需拦截');
  });
  it('closed and address-changed too; a supplier assignment does not', () => {
    const moved = addressFingerprint(key, { address: '浙江省杭州市滨江区****', ext: '0001' });
    expect(interceptNotice(record, { ...order, status: 'cancelled', address: moved })?.reasons).toEqual([
      'closed',
      'address-changed',
    ]);
    expect(interceptNotice(record, { ...order, flags: { supplierAssigned: true } })).toBeUndefined();
  });
  it('handled reasons go away; a new reason raises it again; idempotent marking', () => {
    const h = markHandled(record, ['refund']);
    expect(interceptNotice(h, { ...order, flags: { refund: 'refunded' } })).toBeUndefined();
    expect(interceptNotice(h, { ...order, flags: { refund: 'refunded', afterSale: true } })?.reasons).toEqual(
      ['after-sale'],
    );
    expect(markHandled(markHandled(h, ['refund', 'closed']), ['closed']).handled).toEqual([
      'refund',
      'closed',
    ]);
  });
  it('a record of another order raises nothing', () => {
    expect(interceptNotice({ ...record, orderId: 'x' }, { ...order, status: 'cancelled' })).toBeUndefined();
  });
});
