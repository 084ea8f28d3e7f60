import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { previewSuppliers, splitLine, unassignedText } from './split-plan';

const order = (orderId: string, skus: (string | undefined)[], extra: Partial<OrderView> = {}): OrderView => ({
  platform: 'douyin',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items: skus.map((sku, i) => (sku ? { name: `品${i}`, sku, quantity: 1 } : { name: `品${i}`, quantity: 1 })),
  receiver: { name: '张*' },
  ...extra,
});

describe('multi-supplier preview', () => {
  it('shows the split before sealing and leaves platform-assigned orders out', () => {
    const p = previewSuppliers(
      [
        order('1', ['SM-001-A', 'SM-002-B']),
        order('2', ['SM-003-C']),
        order('3', ['SM-001-A'], { platformDropship: true }),
      ],
      {
        rules: {
          version: 1,
          rules: [
            { sku: 'SM-001-', supplier: '杯厂', match: 'prefix' },
            { sku: 'SM-002-B', supplier: '毛巾厂' },
          ],
        },
      },
    );
    expect(p.split.map((s) => splitLine(s, 'zh'))).toEqual([
      '订单 1：2 个包裹 → 杯厂（SM-001-A），毛巾厂（SM-002-B）',
    ]);
    expect(p.split.map((s) => splitLine(s, 'en'))).toEqual([
      'Order 1: 2 parcels → 杯厂 (SM-001-A), 毛巾厂 (SM-002-B)',
    ]);
    expect(p.unassigned).toEqual([{ orderId: '2', reason: 'no-rule', skus: ['SM-003-C'] }]);
    expect(p.parts.flatMap((x) => x.orders.map((o) => o.orderId))).not.toContain('3');
    expect(unassignedText('no-rule', ['SM-003-C'], 'zh')).toBe(
      '未分配厂家：商家编码 SM-003-C 没有对应厂家，也没有设置默认厂家',
    );
    for (const r of ['no-items', 'no-sku', 'no-rule', 'duplicate'] as const) {
      expect(unassignedText(r, ['x'], 'zh')).not.toBe('');
      expect(unassignedText(r, ['x'], 'en')).not.toBe('');
    }
  });
});
