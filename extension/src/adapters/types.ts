import type { OrderStatus, PlatformId } from '@shipmask/core';
import type { GateRules } from './gate-rules';
import type { Selector } from './selector-list';

export type { Selector };

/**
 * Where one value lives inside an order row: a selector relative to the row, and optionally an
 * attribute to read instead of the text, and a pattern whose first group is the value. With a
 * pattern, the first matching element whose text matches is used (a header of several spans).
 */
export interface FieldRule {
  readonly selector: Selector;
  readonly attr?: string;
  readonly pattern?: RegExp;
  /**
   * For a row that spans several sibling elements (content-based detection's `group` rows): which
   * of them holds the field (0 = the one with the order number). Absent: the first that matches.
   */
  readonly block?: number;
}

/**
 * A site adapter: everything shipmask knows about one platform's order-list page, as data.
 * A back-office redesign is a change to this record, not to code.
 */
export interface SiteAdapter {
  readonly platform: PlatformId;
  /** Order-list pages: matched against `origin + pathname`. */
  readonly pages: readonly RegExp[];
  /** The element whose subtree holds the order rows (its size changes move the rows). */
  readonly list: Selector;
  /** One element per order (for a table order spanning several rows: its first row). */
  readonly row: Selector;
  /**
   * A table order spans several sibling rows (抖店: header row, body row, remark row): the row's
   * following siblings matching this selector, up to the next order row, belong to it.
   */
  readonly rowGroup?: string;
  /** Values read from a row. Receiver values are masked by core before they leave the reader. */
  readonly fields: {
    readonly orderId: FieldRule;
    readonly status?: FieldRule;
    readonly category?: FieldRule;
    readonly createdAt?: FieldRule;
    readonly receivedAt?: FieldRule;
    readonly completedAt?: FieldRule;
    /**
     * ONE cell holding name, phone and address on separate lines (抖店 `index_locationDetail`):
     * split by line and by what core classifies each line as. Dedicated fields below win.
     */
    readonly receiver?: FieldRule;
    readonly receiverName?: FieldRule;
    readonly receiverPhone?: FieldRule;
    readonly receiverAddress?: FieldRule;
    readonly virtualNumber?: FieldRule;
    readonly cipherName?: FieldRule;
    readonly cipherPhone?: FieldRule;
    readonly cipherAddress?: FieldRule;
    readonly phoneInvalid?: FieldRule;
    /** Present when the page marks the order as assigned to a supplier by the platform (代发). */
    readonly platformDropship?: FieldRule;
    readonly remark?: FieldRule;
  };
  /** Item lines inside a row. */
  readonly items?: {
    readonly row: Selector;
    readonly name: FieldRule;
    readonly sku?: FieldRule;
    readonly quantity?: FieldRule;
  };
  /** Item quantities when the page lists them in a separate column: matched to items by position. */
  readonly quantities?: FieldRule;
  /** The page's status texts, normalised. */
  readonly statuses: Readonly<Record<string, OrderStatus>>;
  /** The platform's reveal control inside a row (小眼睛 / 查看). */
  readonly reveal: Selector;
  /**
   * The reveal control's name as the merchant knows it from the page (抖店's eye icon: 小眼睛; a
   * 查看 link elsewhere): the reveal warning names it. Absent (detected or taught rows): 查看.
   */
  readonly revealLabel?: string;
  /**
   * Row states in which a click on the reveal control costs nothing: `shown` (the click hides
   * the plaintext again) and `busy` (a decrypt is already under way; the page ignores clicks).
   * Selectors relative to the row.
   */
  readonly revealFree: { readonly shown: Selector; readonly busy?: Selector };
  /**
   * The page's own remaining-views counter, if it shows one; group 1 is the number. Not public
   * for any platform: optional, and every feature works without it.
   */
  readonly counter?: { readonly selector: Selector; readonly pattern: RegExp };
  /** Where the page names the shop; group 1 (or the text) is the shop id. The first rule found wins. */
  readonly shop?: FieldRule | readonly FieldRule[];
  /**
   * Where the page shows the shop's display name (issue 21: names such as 山茶小铺, not ids, on
   * every page). The first rule found wins; the merchant's own name in the popup overrides it.
   */
  readonly shopName?: FieldRule | readonly FieldRule[];
  /**
   * The platform's own print (平台打单, issue 16): `select` is the row's checkbox (relative to the
   * row) that the platform's batch actions act on; `entry` the page's own 批量打印 / 打单 control.
   * shipmask ticks rows through `select` and points at `entry`; it never clicks `entry`. Both are
   * selector variants (newest first); both may sit in an open shadow root (微信小店's micro-app).
   */
  readonly platformPrint?: { readonly select: Selector; readonly entry: Selector };
  /** What the exception gate reads off a row (issue 18). */
  readonly gate?: GateRules;
}

/** What an expectation counts on a saved page: rows found, and orders with each value read. */
export type ExpectKey =
  | 'rows'
  | 'orderId'
  | 'status'
  | 'createdAt'
  | 'name'
  | 'phone'
  | 'virtual'
  | 'cipher'
  | 'address'
  | 'phoneInvalid'
  | 'items'
  | 'remark'
  | 'reveal'
  | 'counter'
  | 'shop'
  | 'shopName'
  /** Exception gate (issue 18): rows with a refund request, the 修改地址 marker, a ship-by time. */
  | 'refund'
  | 'addressChanged'
  | 'shipBy'
  /** Rows with the platform-print checkbox (`platformPrint.select`). */
  | 'check'
  /** The page's own print control (`platformPrint.entry`): 1 when found. */
  | 'printEntry';

/**
 * An adapter's expectations beside its selectors: per saved demo page
 * (`test/fixtures/pages/<name>.html`), how many rows it finds and how many orders get each value.
 * `adapters/selectors.test.ts` checks them; a page the adapter must NOT read (a redesign where
 * content-based detection takes over) expects `rows: 0`.
 */
export type Expectations = Readonly<Record<string, Readonly<Partial<Record<ExpectKey, number>>>>>;
