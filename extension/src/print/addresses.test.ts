import { describe, expect, it } from 'vitest';
import { addressesFromExport } from './addresses';

const header =
  '订单号,商品名称,商品数量,收件人姓名,收件人手机号,虚拟号分机号,省份,城市,区县,详细地址,下单时间,订单状态';

describe('addressesFromExport', () => {
  it('reads detailed addresses by order id, region first, skipping masked ones', () => {
    const csv = [
      header,
      '3718000000000001,保温杯,1,张*,13476567876-3639,3639,广东省,广州市,天河区,花城广场888号,2026-11-20 10:00:00,待发货',
      '3718000000000002,保温杯,1,李*,13476567876-1111,1111,北京市,北京市,朝阳区,****,2026-11-20 10:00:00,待发货',
      '3718000000000003,保温杯,1,王*,13476567876-2222,2222,浙江省,杭州市,西湖区,浙江省杭州市西湖区文三路1号,2026-11-20 10:00:00,待发货',
    ].join('\r\n');
    const m = addressesFromExport(new TextEncoder().encode(`\uFEFF${csv}`), 'wechat');
    expect([...m]).toEqual([
      ['3718000000000001', '广东省广州市天河区花城广场888号'],
      ['3718000000000003', '浙江省杭州市西湖区文三路1号'],
    ]);
  });

  it('never throws: garbage gives an empty map', () => {
    expect(addressesFromExport('not,a\nheader').size).toBe(0);
    expect(addressesFromExport(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).size).toBe(0);
    expect(addressesFromExport('x'.repeat(100_000)).size).toBe(0);
  });
});
