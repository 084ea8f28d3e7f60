/**
 * Carrier names in the supplier page's language (issue 21 item 9).
 * @module
 */
import { carrierNames, shipCarrierNames, type PlatformId } from '@shipmask/core';
import type { Lang } from '../i18n';

/**
 * Carrier code → name. Rule: English uses core's English names; Chinese the platform's own
 * names (what its bulk-ship file takes); no batch open, no names (the code is shown).
 * @example
 * carrierNamesFor('zh', 'douyin').ZTO; // '中通快递'
 */
export function carrierNamesFor(lang: Lang, platform: PlatformId | undefined): Record<string, string> {
  if (lang === 'en') return Object.fromEntries(Object.entries(carrierNames).map(([c, n]) => [c, n.en]));
  return platform ? shipCarrierNames[platform] : {};
}
