// Real-shaped print-data files for the e2e tests (issue 16): what a merchant's authorised 打单
// software writes after taking waybill numbers (电子面单取号), one entry per waybill. The shape
// of `printData` follows the platforms' e-waybill answers ({ encryptedData, signature,
// templateURL, ver }, e.g. Xiaohongshu 查询面单 data.printData); Douyin adds `params`, the signed
// logistics.getShopKey query string. The values are made up here, as test data: only the fake
// components (which refuse what the real ones refuse) ever receive them.
import { createHash } from 'node:crypto';

const hex = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** One waybill's print data for order `orderId`, as the e-waybill API returns it (JSON text). */
export function printDataFor(orderId: string, waybillCode: string): string {
  return JSON.stringify({
    encryptedData: `AES:${Buffer.from(hex(`enc:${orderId}`, 48), 'hex').toString('base64')}`,
    signature: hex(`sig:${orderId}:${waybillCode}`, 64),
    templateURL: 'https://lf3-cm.ecombdstatic.com/obj/logistics-davinci/template/zto_76_130.xml',
    ver: 'waybill_print_secret_version_1',
  });
}

/** A Douyin print-data file for these orders (waybills `78901…` in order). */
export function douyinPrintDataFile(orderIds: readonly string[], firstWaybill = 78_901_000_000_000): string {
  const params = `access_token=${hex('token', 32)}&app_key=7012345678901234567&method=logistics.getShopKey&param_json={}&timestamp=2026-12-07 10:00:00&v=2&sign=${hex('sign', 32)}`;
  return JSON.stringify({
    component: 'douyin',
    waybills: orderIds.map((orderId, i) => {
      const waybillCode = String(firstWaybill + i);
      return { orderId, waybillCode, printData: printDataFor(orderId, waybillCode), params };
    }),
  });
}

/** The seven components core has codecs for. */
export type FixtureComponent = 'cainiao' | 'douyin' | 'pdd' | 'kuaishou' | 'xiaohongshu' | 'jd' | 'wechat';

/**
 * A print-data file for `component` in the shape its platform's e-waybill API answers, one entry
 * per order (waybills `firstWaybill`, +1, …): Cainiao, PDD and Xiaohongshu the standard
 * `{ encryptedData, signature, templateURL, ver }`; Douyin the same plus `params`; Kuaishou plus
 * `key`; WeChat the `print_info` string with its e-waybill order id and carrier code; JD the
 * 无界电子面单 `printData` string and its standard template.
 */
export function printDataFile(
  component: FixtureComponent,
  orderIds: readonly string[],
  firstWaybill = 78_901_000_000_000,
): string {
  if (component === 'douyin') return douyinPrintDataFile(orderIds, firstWaybill);
  const waybills = orderIds.map((orderId, i) => {
    const waybillCode = String(firstWaybill + i);
    if (component === 'wechat') {
      return {
        orderId,
        waybillCode,
        printData: Buffer.from(`wx-print-info:${hex(`${orderId}:${waybillCode}`, 48)}`).toString('base64'),
        ewaybillOrderId: String(4_000_000_000 + i),
        deliveryId: 'ZTO',
      };
    }
    if (component === 'jd') {
      return {
        orderId,
        waybillCode: `JDVA${waybillCode}`,
        printData: Buffer.from(hex(`jd:${orderId}:${waybillCode}`, 64), 'hex').toString('base64'),
        templateURL: 'https://template-content.jd.com/template-oss?tempCode=jdkd76x130',
      };
    }
    const data = JSON.parse(printDataFor(orderId, waybillCode)) as Record<string, string>;
    return {
      orderId,
      waybillCode,
      printData: component === 'kuaishou' ? { ...data, key: hex(`key:${orderId}`, 32) } : data,
    };
  });
  return JSON.stringify({ component, waybills });
}
