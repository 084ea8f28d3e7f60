/**
 * WeChat Channels shop (视频号小店) policy. Sources: seed 000 (rollout, carriers, exempt
 * categories, monthly decrypts) and seed 002 (virtual numbers, 500 real-number views a month).
 * @module
 */
import { carrierNames } from './carriers.js';
import { printComponents } from './print-components.js';
import { wechatQuotaRule } from '../quota/default-rules.js';
import type { PlatformPolicy } from './types.js';

/**
 * WeChat Channels shop: encryption rolled out 2023-09-25 → 2023-10-20, everyone else on
 * 2023-11-20; free "11+4" virtual numbers valid until 14 days after receipt, calls only; the PC
 * back-office may view the real phone 500 times a month.
 * @example
 * wechat.exemptCategories; // ['虚拟商品', '教育培训', '旅游休闲', '生活服务']
 */
export const wechat: PlatformPolicy = {
  id: 'wechat',
  name: { zh: '视频号小店', en: 'WeChat Channels shop' },
  masking: {
    phone: { keepStart: 3, keepEnd: 4, maskChar: '*' },
    name: 'keep-surname',
    address: 'keep-region',
    examples: { phone: '132****3639', name: '店小二', address: '广东省广州市天河区****' },
  },
  // WeChat shows masked values and virtual numbers; no ciphertext shape is public.
  cipher: [],
  virtualNumber: {
    issued: true,
    format: '11+4',
    dialSuffix: '',
    sms: { supported: false, reason: 'WeChat virtual numbers take calls only (seed 002: 暂未开启短信功能)' },
    validity: [{ kind: 'order', until: { event: 'receivedAt', days: 14 } }],
    notes: [
      'on by default, free, cannot be switched off',
      'a malformed buyer phone (a digit missing) gets no virtual number',
      'label: 收件人 <name>(转<ext>), 收件电话 <main>, address ends 如需联系用户,请转<ext>',
    ],
  },
  // The default rule lives with the quota area (src/quota/default-rules.ts): one source of truth.
  quota: [wechatQuotaRule],
  exemptCategories: ['虚拟商品', '教育培训', '旅游休闲', '生活服务'],
  rollout: [
    {
      at: 1695571200000, // 2023-09-25T00:00+08:00
      chinaDate: '2023-09-25',
      what: 'encryption switched on shop by shop; shipping moves to e-waybill printing',
      scope: 'gradual-start',
    },
    {
      at: 1697731200000, // 2023-10-20T00:00+08:00
      chinaDate: '2023-10-20',
      what: 'end of the gradual switch-on',
      scope: 'gradual-end',
    },
    {
      at: 1700409600000, // 2023-11-20T00:00+08:00
      chinaDate: '2023-11-20',
      what: 'every remaining shop switched to encrypted orders at once',
      scope: 'all',
    },
    {
      at: 1702224000000, // 2023-12-11T00:00+08:00
      chinaDate: '2023-12-11',
      what: '"upload shipping list" tool rate-limited; printed orders must still be marked shipped',
      scope: 'rule-change',
    },
  ],
  carriers: [
    ...(['JTSD', 'STO', 'YTO', 'YUNDA', 'ZTO'] as const).map((code) => ({
      code,
      name: carrierNames[code],
      status: 'ready' as const,
    })),
    ...(['SF', 'JD', 'EMS', 'DBKD'] as const).map((code) => ({
      code,
      name: carrierNames[code],
      status: 'connecting' as const,
    })),
  ],
  printComponent: printComponents.wechat,
  labelShowsRealPhone: false,
  contact: ['virtual number (calls only)'],
  notes: [
    'the real phone can be viewed on the PC back-office only, not on mobile',
    'merchants moved off SF/JD/China Post/Deppon during the gradual switch got extra decrypt quota sized on their past volume with them',
    'after printing via e-waybill, mark orders shipped (已打待发货 → 发货) or buyers see 待发货 and can refund',
    'brand merchants shipping from offline stores could apply to stay unencrypted for now',
  ],
};
