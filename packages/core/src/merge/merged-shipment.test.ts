import { describe, expect, it } from 'vitest';
import { writeBulkShipFile } from '../files/bulk-ship.js';
import type { OrderView } from '../types.js';
import { groupShipRows, MAX_MERGED_ORDERS, mergedLabelOrder } from './merged-shipment.js';

const base: OrderView = {
  platform: 'wechat',
  shopId: 's',
  orderId: '3718000000000002',
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [{ name: '保温杯', sku: 'CUP-1', quantity: 1 }],
  receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
};

describe('groupShipRows', () => {
  it('every order of the group gets the one tracking number, and the bulk-ship file carries it', () => {
    const rows = groupShipRows(
      { id: 'x', basis: 'shown', orderIds: ['3718000000000001', '3718000000000002'] },
      'ZTO',
      '78901234567890',
    );
    const f = writeBulkShipFile('wechat', rows);
    expect(f.problems).toEqual([]);
    expect(f.table.slice(1)).toEqual([
      ['3718000000000001', '中通', '78901234567890'],
      ['3718000000000002', '中通', '78901234567890'],
    ]);
  });
});

describe('mergedLabelOrder', () => {
  it('one label order: first id, all items, every order id in the remark', () => {
    const m = mergedLabelOrder([
      base,
      { ...base, orderId: '3718000000000001', items: [{ name: '杯盖', quantity: 2 }], remark: '请用纸箱' },
    ]);
    expect(m?.orderId).toBe('3718000000000001');
    expect(m?.items.map((i) => i.name)).toEqual(['杯盖', '保温杯']);
    expect(m?.remark).toBe('合并2单:3718000000000001 3718000000000002 请用纸箱');
    expect(m?.receiver).toEqual(base.receiver);
  });
  it('refuses what is not one group', () => {
    expect(mergedLabelOrder([base])).toBeUndefined();
    expect(mergedLabelOrder([base, { ...base, orderId: '9', shopId: 'other' }])).toBeUndefined();
    expect(
      mergedLabelOrder([
        base,
        { ...base, orderId: '9', receiver: { virtual: { main: '13000000000', ext: '1' } } },
      ]),
    ).toBeUndefined();
    expect(mergedLabelOrder([base, base])).toBeUndefined();
    const many = Array.from({ length: MAX_MERGED_ORDERS + 1 }, (_, i) => ({ ...base, orderId: String(i) }));
    expect(mergedLabelOrder(many)).toBeUndefined();
  });
});
