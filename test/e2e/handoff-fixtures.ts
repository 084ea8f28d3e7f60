// Fixtures of the hand-off end-to-end tests (issue 17): the platform order export a merchant may
// legitimately hold with the detailed delivery address (WeChat's 详细地址, JD's 客户地址) and the
// virtual number, as the hand-off page reads it into memory for virtual-number orders only.
import { toCsv } from '../demo/csv.ts';
import type { DemoOrder, DemoPlatform } from '../demo/data.ts';
import { exportHeaders } from '../demo/export.ts';
import { chinaDateTime } from '../demo/format.ts';

/** An export of `orders` with detailed addresses (WeChat or JD column names). */
export function addressExport(
  platform: Exclude<DemoPlatform, 'douyin'>,
  orders: readonly DemoOrder[],
): string {
  const lines: string[][] = [];
  for (const o of orders) {
    const vn = o.virtualNumber;
    const p = o.plain;
    for (const it of o.items) {
      if (platform === 'wechat')
        lines.push([
          o.orderId,
          it.name,
          it.sku,
          String(it.quantity),
          o.masked.name,
          vn ? `${vn.main}-${vn.ext}` : o.masked.phone,
          vn ? vn.ext : '',
          p.province,
          p.city,
          p.district,
          p.fullAddress === '' ? '' : `${p.town}${p.street}${p.detail}`,
          '',
          chinaDateTime(o.createdAt),
          '待发货',
          o.category,
          '',
          '',
        ]);
      else
        lines.push([
          o.orderId,
          it.productId,
          it.name,
          String(it.quantity),
          o.masked.name,
          p.fullAddress,
          vn ? `${vn.main}-${vn.ext}` : o.masked.phone,
          '等待出库',
          chinaDateTime(o.createdAt),
          '',
          o.category,
          '',
          '',
        ]);
    }
  }
  return toCsv([exportHeaders[platform], ...lines]);
}

/** The detailed-address strings of an order (what must appear only where the label rule needs it). */
export function detailedAddressesOf(o: DemoOrder): string[] {
  const p = o.plain;
  return p.fullAddress === ''
    ? []
    : [p.town + p.street + p.detail, p.street + p.detail, p.detail, p.fullAddress];
}
