import type { Selector } from './selector-list';

/**
 * Where a row shows what the exception gate reads (issue 18), as data per adapter: exception
 * words (status cell, tags), the ship-by time, the payment time, the platform's merge key, the
 * address as shown and the page's own "address changed" marker. Selectors are relative to the
 * row (for a table order, to any of its group rows) and, like every adapter selector, lists of
 * variants newest first (`Selector`).
 */
export interface GateRules {
  /** Elements whose text carries exception words (退款中 / 售后中 / 已关闭 / 修改地址 / 厂商代发); every variant is read. */
  readonly exceptions?: readonly Selector[];
  /** The ship-by time or countdown (承诺发货时间 / 最晚发货时间 / 剩余…). */
  readonly shipBy?: { readonly selector: Selector; readonly attr?: string };
  readonly paidAt?: { readonly selector: Selector; readonly attr?: string; readonly pattern?: RegExp };
  /** The platform's merge key (e.g. WeChat `hash_code`), usually an attribute. */
  readonly mergeKey?: { readonly selector: Selector; readonly attr: string };
  /** The address as shown (hashed in page memory, never stored or sent). */
  readonly address?: Selector;
  /** The page's own marker that the buyer changed the address. */
  readonly addressMarker?: Selector;
}
