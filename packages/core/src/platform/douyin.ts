/**
 * Douyin shop (抖店) policy. Source: seed 001 (抖店 privacy-encryption notice, 2021).
 * @module
 */
import { cipherShapes } from '../classify/cipher-shapes.js';
import { carrierNames } from './carriers.js';
import { printComponents } from './print-components.js';
import { douyinQuotaRule } from '../quota/default-rules.js';
import type { PlatformPolicy } from './types.js';

/**
 * Douyin shop: masked in the back-office from 2021-08-01, exports in ciphertext; decrypts
 * ("小眼睛") may not exceed 5% of the shop's orders (period not stated: default the calendar
 * month in China time); printing goes through the Douyin e-waybill and official print component.
 * @example
 * douyin.quota[0]; // { kind: 'ratio', ratio: 0.05, period: 'month', ... }
 */
export const douyin: PlatformPolicy = {
  id: 'douyin',
  name: { zh: '抖店', en: 'Douyin shop' },
  masking: {
    phone: { keepStart: 3, keepEnd: 4, maskChar: '*' },
    name: 'keep-surname',
    address: 'keep-region',
    examples: { phone: '132****3639', name: '张*', address: '广东省广州市天河区****' },
  },
  cipher: cipherShapes.filter((s) => s.source === 'douyin'),
  virtualNumber: {
    // The seeds name no Douyin virtual number: buyers are reached through 飞鸽 IM or the
    // official SMS channel.
    issued: false,
    format: '11+4',
    dialSuffix: '',
    sms: { supported: false, reason: 'Douyin: use 飞鸽 IM or the open platform SMS channel' },
    validity: [],
  },
  // The default rule lives with the quota area (src/quota/default-rules.ts): one source of truth.
  quota: [douyinQuotaRule],
  // Recharge orders (话费/娱乐/会员) are out of scope of the encryption (seed 001); that is an
  // order type, not a first-level category, so no category is listed as exempt.
  exemptCategories: [],
  rollout: [
    {
      at: 1627747200000, // 2021-08-01T00:00+08:00
      chinaDate: '2021-08-01',
      what: 'receiver info masked in the back-office; exports move to ciphertext; decrypts capped at 5%',
      scope: 'all',
    },
  ],
  // The seeds list no carriers for Douyin; these are the common carriers of its e-waybill.
  carriers: (['ZTO', 'YTO', 'STO', 'YUNDA', 'JTSD', 'SF', 'JD', 'EMS', 'DBKD'] as const).map((code) => ({
    code,
    name: carrierNames[code],
    status: 'ready' as const,
  })),
  printComponent: printComponents.douyin,
  labelShowsRealPhone: true,
  contact: ['飞鸽 IM (platform chat)', 'open-platform official SMS channel'],
  notes: [
    'a self-service raise (自助提额) can grant more than 5% after platform approval',
    'recharge orders (话费/娱乐/会员) are not encrypted; third-party code issuing needs a decrypt',
    'fallback for every affected mode: ship by hand, then upload logistics info one by one or in bulk',
    'until a supplier joins, the merchant may hand it ciphertext orders for a tool that prints from ciphertext',
  ],
};
