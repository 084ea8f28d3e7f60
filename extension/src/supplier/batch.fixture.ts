/**
 * A sealed batch as the supplier page sees it once opened, for the page's state tests: a
 * virtual-number order with its full address (printed here), a masked one (refused by the label
 * layout), a ciphertext platform 代发 order and one with the merchant's carrier preference.
 * Demo data only (no real buyer).
 * @module
 */
import type { HandoffBatch, OpenedBatch } from '@shipmask/core';

export const VN = '3720000000000000001';
export const MASKED = '3720000000000000002';
export const CIPHER = '3720000000000000003';
export const PREFERS_SF = '3720000000000000004';

export const BATCH: HandoffBatch = {
  shop: '山茶小铺',
  platform: 'wechat',
  batchId: 'q3Zk8Jd0WcLm',
  createdAt: Date.UTC(2026, 10, 23),
  expiresAt: Date.UTC(2026, 10, 30),
  orders: [
    {
      orderId: VN,
      items: [{ name: '保温杯', sku: 'SM-001', quantity: 2 }],
      receiver: {
        name: '店小二(转3639)',
        address: '广东省广州市天河区花城广场888号如需联系用户,请转3639',
        virtual: { main: '13476567876', ext: '3639' },
      },
    },
    {
      orderId: MASKED,
      items: [{ name: '茶叶', quantity: 1 }],
      receiver: { name: '李*', phone: '135****0000', address: '浙江省杭州市西湖区****' },
    },
    {
      orderId: CIPHER,
      items: [{ name: '毛巾', quantity: 3 }],
      receiver: {
        name: '张**',
        cipher: {
          name: '#ML3B#0BB1W4Xn5A=#1##',
          phone: '$ML3B$0BB1W4Xn5A=$1$$',
          address: '#ML3B#0BB1W4Xn5B=#1##',
        },
      },
      route: 'platform-dropship',
    },
    {
      orderId: PREFERS_SF,
      items: [{ name: '杯套', quantity: 1 }],
      receiver: { name: '王*', phone: '138****1234', address: '江苏省南京市鼓楼区****' },
      carrier: 'SF',
    },
  ],
};

/** The batch as `openBatch` returns it (the key material is not read by the page's state). */
export const OPENED: OpenedBatch = { batch: BATCH, keep: {} as OpenedBatch['keep'], passphrase: false };
