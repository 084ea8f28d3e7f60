import { describe, expect, it } from 'vitest';
import { ADDRESS_FACTS } from './address-facts';
import { addressStrings, type AddressGap } from './address-i18n';

const GAPS: readonly AddressGap[] = [
  'masked',
  'missing',
  'no-tab',
  'other-shop',
  'not-virtual',
  'no-address',
  'mismatch',
  'not-asked',
];
/** Han outside “quotes” (English may quote a Chinese-only control as the page shows it). */
const HAN = /\p{Script=Han}(?![^“”]*”)/u;
const HALF_WIDTH = /\p{Script=Han}[,:;!?()]|[,:;!?(]\p{Script=Han}/u;

describe('address-source strings', () => {
  it('every sentence in both languages: no Han leftovers in English, full-width punctuation in Chinese', () => {
    for (const facts of Object.values(ADDRESS_FACTS)) {
      const en = addressStrings('en');
      const zh = addressStrings('zh');
      for (const gap of GAPS) {
        expect(en.gap(gap, facts)).not.toMatch(HAN);
        expect(zh.gap(gap, facts)).not.toMatch(HALF_WIDTH);
        expect(zh.gap(gap, facts)).not.toBe('');
      }
      for (const text of [en.title, en.intro, en.ask, en.fromPage, en.fromFile, en.counts(1, 2, 3)])
        expect(text).not.toMatch(HAN);
      for (const text of [zh.title, zh.intro, zh.ask, zh.fromPage, zh.fromFile, zh.counts(1, 2, 3)])
        expect(text).not.toMatch(HALF_WIDTH);
    }
    // The per-platform sentence never loops back to "drop an export with addresses".
    expect(addressStrings('zh').gap('not-asked', ADDRESS_FACTS.jd)).toBe(
      '本平台导出文件的地址已脱敏，不含详细地址：请在订单页查看后打印，或使用京东无界电子面单',
    );
  });
});
