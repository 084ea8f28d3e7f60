/**
 * Where a row shows what the exception gate reads (issue 18), as data per adapter: exception
 * words (status cell, tags), the ship-by time, the payment time, the platform's merge key, the
 * address as shown and the page's own "address changed" marker. Selectors are relative to the row.
 */
export interface GateRules {
  /** Elements whose text carries exception words (退款中 / 售后中 / 已关闭 / 修改地址 / 厂商代发). */
  readonly exceptions?: readonly string[];
  /** The ship-by time or countdown (发货截止 / 剩余…). */
  readonly shipBy?: { readonly selector: string; readonly attr?: string };
  readonly paidAt?: { readonly selector: string; readonly attr?: string; readonly pattern?: RegExp };
  /** The platform's merge key (e.g. WeChat `hash_code`), usually an attribute. */
  readonly mergeKey?: { readonly selector: string; readonly attr: string };
  /** The address as shown (hashed, never stored). */
  readonly address?: string;
  /** The page's own marker that the buyer changed the address. */
  readonly addressMarker?: string;
}
