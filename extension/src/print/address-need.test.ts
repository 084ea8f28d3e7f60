import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { needsDetailedAddress } from './address-need';

const base: OrderView = {
  platform: 'wechat',
  shopId: 'wx1',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 22),
  items: [],
  receiver: { virtual: { main: '13476567876', ext: '3639' }, address: '广东省广州市天河区****' },
};

describe('needsDetailedAddress', () => {
  it('a shippable order with a masked address and no ciphertext needs one; others do not', () => {
    expect(needsDetailedAddress(base)).toBe(true);
    expect(
      needsDetailedAddress({
        ...base,
        receiver: { phone: '175****6926', address: '四川省成都市武侯区****' },
      }),
    ).toBe(true);
    expect(needsDetailedAddress({ ...base, status: 'shipped' })).toBe(false);
    expect(needsDetailedAddress({ ...base, receiver: { ...base.receiver, phoneInvalid: true } })).toBe(false);
    expect(
      needsDetailedAddress({ ...base, receiver: { cipher: { address: '#ML3B#0BB1W4Xn5A=#1##' } } }),
    ).toBe(false);
    expect(needsDetailedAddress({ ...base, receiver: { ...base.receiver, address: '' } })).toBe(false);
  });
});
