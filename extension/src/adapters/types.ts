import type { PlatformId } from '@shipmask/core';

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
}
