/**
 * JD (京东 merchant back-office, VC, 京麦) policy. Source: seed 003 (JD privacy upgrade notice).
 * @module
 */
import { carrierNames } from './carriers.js';
import { printComponents } from './print-components.js';
import { jdQuotaRule } from '../quota/default-rules.js';
import type { PlatformPolicy } from './types.js';

/**
 * JD: blurred from 2022-06-20; printing via 无界电子面单 / JD Express puts the real phone on the
 * label; virtual numbers dial main → extension → `#`, SMS to the main number with body
 * `#<ext>#<text>`; bulk virtual-number exports consume a prepaid service pack.
 * @example
 * jd.virtualNumber.dialSuffix; // '#'
 */
export const jd: PlatformPolicy = {
  id: 'jd',
  name: { zh: '京东', en: 'JD' },
  masking: {
    phone: { keepStart: 3, keepEnd: 4, maskChar: '*' },
    name: 'keep-surname',
    address: 'keep-region',
    examples: { phone: '132****3639', name: '张*' },
  },
  cipher: [],
  virtualNumber: {
    issued: true,
    format: '11+4',
    dialSuffix: '#',
    sms: { supported: true, to: 'main', bodyTemplate: '#{ext}#{text}' },
    validity: [
      // Seed 003: "虚拟号订单完成前有效,订单完成后失效".
      { kind: 'order', until: { event: 'completedAt' } },
      // "订单完成后3个月内商家可重新获取虚拟号,有效期2天".
      { kind: 'reobtain', after: 'completedAt', withinMonths: 3, validHours: 48 },
      // "售后服务单虚拟号有效期15天,过期可再次获取".
      { kind: 'after-sale', validHours: 15 * 24, renewable: true },
    ],
    notes: [
      'subscription orders (定期购) split into sub-orders, each with its own virtual number',
      'free to look up one by one; bulk export needs a virtual-number service pack',
    ],
  },
  // The default rule lives with the quota area (src/quota/default-rules.ts): one source of truth.
  quota: [jdQuotaRule],
  exemptCategories: [],
  rollout: [
    {
      at: 1655654400000, // 2022-06-20T00:00+08:00
      chinaDate: '2022-06-20',
      what: 'name/address/phone blurred in order, delivery and after-sales pages (gradual)',
      scope: 'gradual-start',
    },
  ],
  // 无界电子面单 serves JD Express and third-party carriers.
  carriers: (['JD', 'SF', 'ZTO', 'YTO', 'STO', 'YUNDA', 'JTSD', 'EMS', 'DBKD'] as const).map((code) => ({
    code,
    name: carrierNames[code],
    status: 'ready' as const,
  })),
  printComponent: printComponents.jd,
  labelShowsRealPhone: true,
  contact: ['virtual number: call main, then extension, then #', 'SMS to main with #<ext>#<text>'],
  notes: [
    'exports: no receiver info, receiver info with masked number (free), or virtual numbers in bulk (service pack)',
    'applies to FBP, SOP and self-operated (FCS, 厂直) merchants and suppliers, switched gradually',
    'an order auto-closed after pickup timeout may have its virtual number re-bound',
  ],
};
