import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { readHandoffExport } from './export-read';

const header =
  '订单号,商品名称,商品数量,收件人姓名,收件人手机号,虚拟号分机号,省份,城市,区县,详细地址,下单时间,订单状态';

const view = (orderId: string, virtual: boolean): OrderView => ({
  platform: 'wechat',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver: {
    name: '张*',
    address: '广东省广州市天河区****',
    ...(virtual ? { virtual: { main: '13476567876', ext: '3639' } } : {}),
  },
});

describe('readHandoffExport', () => {
  it('keeps the detailed address of selected virtual-number orders only', () => {
    const csv = [
      header,
      // Selected, virtual number in the export: address kept.
      '3718000000000001,保温杯,1,张*,13476567876-3639,3639,广东省,广州市,天河区,花城广场888号,2026-11-20 10:00:00,待发货',
      // Selected, no virtual number anywhere: its address is never read into the page.
      '3718000000000002,保温杯,1,李*,132****1111,,北京市,北京市,朝阳区,建国路88号,2026-11-20 10:00:00,待发货',
      // Not selected.
      '3718000000000003,保温杯,1,王*,13476567876-2222,2222,浙江省,杭州市,西湖区,文三路1号,2026-11-20 10:00:00,待发货',
      // Selected, virtual number on the stored view, masked in the file: no address.
      '3718000000000004,保温杯,1,赵*,13476567876-4444,4444,浙江省,杭州市,西湖区,****,2026-11-20 10:00:00,待发货',
    ].join('\r\n');
    const r = readHandoffExport(new TextEncoder().encode(`\uFEFF${csv}`), 'wechat', [
      view('3718000000000001', false),
      view('3718000000000002', false),
      view('3718000000000004', true),
    ]);
    expect([...r.addresses]).toEqual([['3718000000000001', '广东省广州市天河区花城广场888号']]);
    expect(r.extras.map((e) => e.orderId).sort()).toEqual(['3718000000000001', '3718000000000004']);
    // The extras carry no plaintext: virtual numbers and ciphertext only.
    expect(JSON.stringify(r.extras)).not.toContain('花城广场');
  });

  it('never throws on garbage', () => {
    const r = readHandoffExport(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), 'wechat', [view('1', true)]);
    expect(r).toEqual({ extras: [], addresses: new Map() });
  });
});
