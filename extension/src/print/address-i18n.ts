/**
 * Strings of the address-source section (AddressSource.tsx), shared by the print page and the
 * hand-off page, in Chinese (full-width punctuation) and English. Platform words come from
 * address-facts.ts.
 * @module
 */
import type { AddressFacts } from './address-facts';
import type { PageAddressState } from './address-reply-check';

/** The page languages. */
export type AddressLang = 'zh' | 'en';

/** Why an order has no detailed address yet, as the section groups it. */
export type AddressGap = Exclude<PageAddressState, 'detailed'> | 'not-asked' | 'no-tab' | 'other-shop';

const zh = {
  title: '详细地址来源',
  intro: '虚拟号面单必须印完整收货地址。地址只在本页内存中使用：不保存、不记录、不上传。',
  ask: '从订单页获取地址',
  asking: '正在从订单页获取…',
  counts: (page: number, file: number, none: number) =>
    `来自订单页 ${page} 单 · 来自导出文件 ${file} 单 · 缺详细地址 ${none} 单`,
  fromPage: '来自订单页（查看后的地址）',
  fromFile: '来自导出文件',
  gap: (gap: AddressGap, f: AddressFacts): string => {
    const again = '再点「从订单页获取地址」';
    switch (gap) {
      case 'masked':
        return `订单页上仍是脱敏地址：请在订单页点「${f.reveal.zh}」${f.revealCounted ? '（计入查看次数）' : ''}，${again}`;
      case 'missing':
      case 'no-tab':
        return `订单页已关闭或已翻页：请回到订单页，查看地址后${again}`;
      case 'other-shop':
        return `打开的订单页不是这个店铺：请打开本店铺的订单列表，查看地址后${again}`;
      case 'not-virtual':
        return `订单页上该单没有虚拟号：点「${f.reveal.zh}」后出现虚拟号的，${again}；否则请用${f.ewaybill.zh}`;
      case 'no-address':
        return '订单页上该单没有收件地址：请联系买家补充地址';
      case 'mismatch':
        return '订单页上的地址或虚拟号与选中时不同（买家可能改了地址）：请在订单页重新选择该单';
      case 'not-asked':
        return `${f.exportAddress === 'ciphertext' ? '本平台导出文件中的地址是密文' : '本平台导出文件的地址已脱敏'}，不含详细地址：请在订单页查看后打印，或使用${f.ewaybill.zh}`;
    }
  },
};

const en: typeof zh = {
  title: 'Where the detailed addresses come from',
  intro:
    'A virtual-number label must carry the full delivery address. Addresses are used in this page’s memory only: never stored, logged or uploaded.',
  ask: 'Get addresses from the order page',
  asking: 'Asking the order page…',
  counts: (page, file, none) =>
    `${page} from the order page · ${file} from the export file · ${none} without a detailed address`,
  fromPage: 'From the order page (as shown after a reveal)',
  fromFile: 'From the export file',
  gap: (gap, f) => {
    const again = 'then click “Get addresses from the order page” again';
    switch (gap) {
      case 'masked':
        return `The order page still shows the masked address: click ${f.reveal.en} on the order page${f.revealCounted ? ' (counted as a view)' : ''}, ${again}`;
      case 'missing':
      case 'no-tab':
        return `The order page is closed or shows another page: go back to it, reveal the address, ${again}`;
      case 'other-shop':
        return `The open order page is another shop’s: open this shop’s order list, reveal the address, ${again}`;
      case 'not-virtual':
        return `The order page shows no virtual number for this order: if one appears after ${f.reveal.en}, ${again}; otherwise use ${f.ewaybill.en}`;
      case 'no-address':
        return 'The order page shows no delivery address for this order: ask the buyer to add one';
      case 'mismatch':
        return 'The order page shows another address or virtual number than when it was selected (the buyer may have changed it): select the order again on the order page';
      case 'not-asked':
        return `This platform’s export ${f.exportAddress === 'ciphertext' ? 'holds the address as ciphertext' : 'holds the address masked'}, with no detailed address: reveal it on the order page and print, or use ${f.ewaybill.en}`;
    }
  },
};

/**
 * The section's strings in `lang`.
 * @example
 * addressStrings('zh').ask; // '从订单页获取地址'
 */
export function addressStrings(lang: AddressLang): typeof zh {
  return lang === 'zh' ? zh : en;
}
