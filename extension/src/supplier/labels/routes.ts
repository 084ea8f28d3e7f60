/**
 * Where each order of an opened batch prints on the supplier's side (issue 17):
 * - `label`: no route mark; the page prints the label itself (a virtual-number order that came
 *   with its delivery address: `店小二(转NNNN)` / main number / full address + `如需联系用户,请转NNNN`);
 * - `platform`: marked `platform-dropship` by the merchant: printed through the platform's own
 *   drop-ship, never from this page (no stand-in data goes to any print component). The page
 *   says where, by platform, and still takes its tracking number for the return code.
 * Also the label sizes the supplier can choose (core's templates).
 * @module
 */
import type { HandoffOrder, LabelTemplateId, PlatformId } from '@shipmask/core';

/** The label sizes offered, as core's template ids (width × height in mm). */
export const LABEL_SIZES: readonly LabelTemplateId[] = ['76x130', '100x150', '100x180'];

/**
 * How an order prints on the supplier's side.
 * @example
 * printRoute({ orderId: '1', items: [], receiver: {}, route: 'platform-dropship' }); // 'platform'
 */
export function printRoute(order: HandoffOrder): 'label' | 'platform' {
  return order.route === 'platform-dropship' ? 'platform' : 'label';
}

const WHERE: Record<PlatformId, { zh: string; en: string }> = {
  douyin: {
    zh: '在抖店「厂商代发」里打印（商家分配给你后），或用你已授权的打单软件打印',
    en: 'print in 抖店 厂商代发 (once the merchant assigns the orders to you), or in your authorised 打单 print software',
  },
  wechat: {
    zh: '在微信小店「代发管理」里打印（你已入驻为代发厂家时），或用你已授权的打单软件打印',
    en: 'print in 微信小店 代发管理 (as an onboarded drop-ship supplier), or in your authorised 打单 print software',
  },
  jd: {
    zh: '用京东授权的打单软件（无界电子面单）打印',
    en: "print with JD's authorised 打单 software (无界电子面单)",
  },
};

/**
 * Where platform 代发 orders of a platform print, in the page's language.
 * @example
 * wherePlatformPrints('douyin', 'zh'); // '在抖店「厂商代发」里打印…'
 */
export function wherePlatformPrints(platform: PlatformId, lang: 'zh' | 'en'): string {
  return WHERE[platform]?.[lang] ?? WHERE.douyin[lang];
}
