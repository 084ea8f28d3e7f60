// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { PickingSheet } from './PickingSheet';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const o = (orderId: string, items: OrderView['items'], extra: Partial<OrderView> = {}): OrderView => ({
  platform: 'douyin',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items,
  receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
  ...extra,
});

describe('PickingSheet', () => {
  it('the picking list adds up over the selection; slips are masked', () => {
    render(
      <PickingSheet
        lang="zh"
        orders={[
          o('1', [{ name: '保温杯', sku: 'CUP-2', quantity: 2 }]),
          o(
            '2',
            [
              { name: '保温杯', sku: 'CUP-2', quantity: 1 },
              { name: '杯盖', sku: 'CAP-1', quantity: 3 },
            ],
            {
              remark: '请打13812345678',
            },
          ),
        ]}
      />,
      root,
    );
    const rows = [...root.querySelectorAll('table.picking-list tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['CAP-1', '杯盖', '', '3', '1'],
      ['CUP-2', '保温杯', '', '3', '2'],
      ['合计', '', '', '6', '2'],
    ]);
    expect(root.querySelectorAll('.packing-slip')).toHaveLength(2);
    expect(root.textContent).toContain('请打138****5678');
    expect(root.textContent).not.toContain('13812345678');
  });
  it('nothing without orders', () => {
    render(<PickingSheet lang="en" orders={[]} />, root);
    expect(root.innerHTML).toBe('');
  });
});
