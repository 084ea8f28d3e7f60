/**
 * Where a virtual-number label's detailed address can come from, per platform, as data (issue 21
 * item 1; DOMAIN.md): what the platform's order export holds in its address column, the order
 * page's own reveal control (as the page names it), and the platform's own e-waybill print. The
 * page's sentences are made from these facts (address-i18n.ts), never from per-platform branches.
 * @module
 */
import type { PlatformId } from '@shipmask/core';

/** A text in both page languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One platform's address facts. */
export interface AddressFacts {
  /**
   * What the order export's address holds: `ciphertext` (抖店: 收件人 / 详细地址 as `#…#`
   * strings), `masked` (微信小店: region + `****`; 京东's free export: receiver info with the
   * masked number). No export of these platforms carries the detailed address.
   */
  readonly exportAddress: 'ciphertext' | 'masked';
  /** The order page's reveal control, as the page shows it. */
  readonly reveal: Bilingual;
  /** Whether that reveal is counted by the platform (the quota ledger counts it either way). */
  readonly revealCounted: boolean;
  /** The platform's own e-waybill print, the path that needs no detailed address here. */
  readonly ewaybill: Bilingual;
}

/**
 * The facts (DOMAIN.md): 抖店 exports ciphertext and reveals with the eye icon (小眼睛, counted
 * against 5% of orders); 微信小店 exports masked addresses and reveals with 查看 (500 views a
 * month on PC); 京东 exports no receiver info or masked info and shows the real address and a
 * virtual number on 查看.
 * @example
 * ADDRESS_FACTS.wechat.reveal.zh; // '查看'
 */
export const ADDRESS_FACTS: Readonly<Record<PlatformId, AddressFacts>> = {
  douyin: {
    exportAddress: 'ciphertext',
    reveal: { zh: '小眼睛', en: 'the eye icon (“小眼睛”)' },
    revealCounted: true,
    ewaybill: { zh: '抖店电子面单（打单）', en: 'Douyin shop’s e-waybill print' },
  },
  wechat: {
    exportAddress: 'masked',
    reveal: { zh: '查看', en: '“查看” (view)' },
    revealCounted: true,
    ewaybill: { zh: '微信小店电子面单', en: 'WeChat shop’s e-waybill' },
  },
  jd: {
    exportAddress: 'masked',
    reveal: { zh: '查看', en: '“查看” (view)' },
    revealCounted: true,
    ewaybill: { zh: '京东无界电子面单', en: 'JD’s “无界” e-waybill' },
  },
};
