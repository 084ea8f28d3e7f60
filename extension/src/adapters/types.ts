import type { OrderStatus, PlatformId } from '@shipmask/core';
import type { GateRules } from './gate-rules';

/**
 * Where one value lives inside an order row: a selector relative to the row, and optionally an
 * attribute to read instead of the text, and a pattern whose first group is the value.
 */
export interface FieldRule {
  readonly selector: string;
  readonly attr?: string;
  readonly pattern?: RegExp;
}

/**
 * A site adapter: everything shipmask knows about one platform's order-list page, as data.
 * A back-office redesign is a change to this record, not to code.
 */
export interface SiteAdapter {
  readonly platform: PlatformId;
  /** Order-list pages: matched against `origin + pathname`. */
  readonly pages: readonly RegExp[];
  /** The element whose subtree holds the order rows; observed for SPA page swaps. */
  readonly list: string;
  /** One element per order. */
  readonly row: string;
  /** Values read from a row. Receiver values are masked by core before they leave the reader. */
  readonly fields: {
    readonly orderId: FieldRule;
    readonly status?: FieldRule;
    readonly category?: FieldRule;
    readonly createdAt?: FieldRule;
    readonly receivedAt?: FieldRule;
    readonly completedAt?: FieldRule;
    readonly receiverName?: FieldRule;
    readonly receiverPhone?: FieldRule;
    readonly receiverAddress?: FieldRule;
    readonly virtualNumber?: FieldRule;
    readonly cipherName?: FieldRule;
    readonly cipherPhone?: FieldRule;
    readonly cipherAddress?: FieldRule;
    readonly phoneInvalid?: FieldRule;
    readonly remark?: FieldRule;
  };
  /** Item lines inside a row. */
  readonly items?: {
    readonly row: string;
    readonly name: FieldRule;
    readonly sku?: FieldRule;
    readonly quantity?: FieldRule;
  };
  /** Item quantities when the page lists them in a separate column: matched to items by position. */
  readonly quantities?: FieldRule;
  /** The page's status texts, normalised. */
  readonly statuses: Readonly<Record<string, OrderStatus>>;
  /** The platform's reveal control inside a row (小眼睛 / 查看). */
  readonly reveal: string;
  /**
   * Row states in which a click on the reveal control costs nothing: `shown` (the click hides
   * the plaintext again) and `busy` (a decrypt is already under way; the page ignores clicks).
   * Selectors relative to the row.
   */
  readonly revealFree: { readonly shown: string; readonly busy?: string };
  /** The page's own remaining-views counter, if it shows one; group 1 is the number. */
  readonly counter?: { readonly selector: string; readonly pattern: RegExp };
  /** Where the page names the shop; group 1 (or the text) is the shop id. */
  readonly shop?: FieldRule;
  /** What the exception gate reads off a row (issue 18). */
  readonly gate?: GateRules;
}
