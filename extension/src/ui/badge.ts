/**
 * The shape of a row mark: what the content script (`content/badges.ts`) and the exception gate
 * (`gate/badges.ts`) produce, and the mark layer and the panel show.
 * @module
 */

/** What a row mark says: the receiver's form, the order's state, the exception gate's verdict. */
export type BadgeKind =
  | 'cipher'
  | 'virtual'
  | 'masked'
  | 'exempt'
  | 'noaddress'
  | 'invalid'
  | 'revealed'
  | 'expired'
  | 'dropship'
  // exception gate (issue 18): ship-by countdown, overdue, held, mergeable, printed-to-intercept
  | 'due'
  | 'late'
  | 'held'
  | 'merge'
  | 'intercept';

/** One mark on an order row (and a count in the panel's summary); its text is shown as text. */
export interface Badge {
  readonly kind: BadgeKind;
  readonly label: string;
  readonly title?: string;
}
