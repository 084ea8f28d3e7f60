import type { OrderStatus } from '@shipmask/core';

/** Status texts the three back-offices share (订单状态), normalised. */
export const commonStatuses: Readonly<Record<string, OrderStatus>> = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  待发货: 'awaiting_shipment',
  等待出库: 'awaiting_shipment',
  已打待发货: 'printed',
  已发货: 'shipped',
  等待确认收货: 'shipped',
  已收货: 'received',
  已完成: 'completed',
  完成: 'completed',
  售后中: 'after_sale',
  已关闭: 'cancelled',
  已取消: 'cancelled',
};
