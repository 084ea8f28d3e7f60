import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { previewPlan } from './plan-preview';

const view = (orderId: string, receiver: OrderView['receiver']): OrderView => ({
  platform: 'douyin',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver,
});
const VN = { main: '13476567876', ext: '3639' };
const CIPHER = '#KQ7D#Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA==#1##';

describe('previewPlan', () => {
  it('tells label, platform 代发 and needs-address orders apart, extras included', () => {
    const orders = [
      view('1', { name: '张*', virtual: VN }),
      view('2', { name: '李*', virtual: VN }),
      view('3', { name: '王*' }),
      view('4', { name: '赵*' }),
    ];
    const p = previewPlan(
      orders,
      [
        { orderId: '3', cipher: { address: CIPHER } },
        { orderId: '4', virtual: VN },
      ],
      new Map([['1', '广东省广州市天河区花城广场888号']]),
    );
    expect([...p.kinds]).toEqual([
      ['1', 'label'],
      ['2', 'needs-address'],
      ['3', 'platform'],
      ['4', 'needs-address'],
    ]);
    expect(p).toMatchObject({ label: 1, platform: 1, needsAddress: ['2', '4'], assigned: [] });
  });

  it('excludes orders already assigned to a supplier through the platform, whatever else they have', () => {
    const assigned = { ...view('5', { name: '张*', virtual: VN }), platformDropship: true as const };
    const p = previewPlan(
      [assigned, view('6', { name: '王*' })],
      [],
      new Map([['5', '广东省广州市天河区花城广场888号']]),
    );
    expect([...p.kinds]).toEqual([
      ['5', 'assigned'],
      ['6', 'platform'],
    ]);
    expect(p).toMatchObject({ label: 0, platform: 1, needsAddress: [], assigned: ['5'] });
  });
});
