/**
 * Messages of the exception gate, deadlines and merge hints (issue 18), merged into
 * `PageRequest` / `ReplyValues` in index.ts.
 *
 * Invariant 1: facts carry no receiver text: exception flags read off the row, the ship-by instant,
 * the platform's merge key (an opaque platform hash) and the keyed fingerprint of the address as
 * shown (HMAC under the install's gate key; the content script holds the key in memory to hash
 * what the page shows, and only the hash is sent).
 * @module
 */
import type {
  AddressFingerprint,
  DayCount,
  DueLists,
  GateAction,
  GateOverride,
  Hold,
  InterceptNotice,
  InterceptReason,
  Instant,
  MergeGroup,
  OrderFlags,
} from '@shipmask/core';
import type { ShopRef } from './shared';

/** What a row shows besides the masked view: exception words, deadline, merge key, address hash. */
export interface OrderFacts {
  readonly orderId: string;
  readonly flags?: OrderFlags;
  /** The page's own ship-by instant (发货截止时间), when shown. */
  readonly shipBy?: Instant;
  readonly paidAt?: Instant;
  /** The platform's merge key (WeChat `hash_code`), when the page shows it. */
  readonly mergeKey?: string;
  readonly address?: AddressFingerprint;
}

/** Gate requests. */
export type GateRequest =
  /** Facts of the orders on the page (content script, after each read). */
  | { readonly type: 'gate/facts'; readonly shop: ShopRef; readonly facts: readonly OrderFacts[] }
  /** The install's gate key (hex), for address fingerprints computed in the content script. */
  | { readonly type: 'gate/key' }
  /**
   * Re-check orders before a step. Overrides release the named reason of the named order and
   * are logged (audit `gate-override`).
   */
  | {
      readonly type: 'gate/check';
      readonly shop: ShopRef;
      readonly orderIds: readonly string[];
      readonly action: GateAction;
      readonly overrides?: readonly GateOverride[];
    }
  /** What the panel shows: held orders, intercept notices, deadlines, merge groups. */
  | { readonly type: 'gate/overview'; readonly shop: ShopRef; readonly dueWithinHours?: number }
  /** The merchant handled an intercept notice (intercepted the parcel, or let it go). */
  | {
      readonly type: 'gate/handled';
      readonly shop: ShopRef;
      readonly orderId: string;
      readonly reasons: readonly InterceptReason[];
    };

/** Reply of `gate/check`. */
export interface GateCheckResult {
  readonly pass: readonly string[];
  readonly held: readonly { readonly orderId: string; readonly holds: readonly Hold[] }[];
  /** Overrides that released a hold (logged). */
  readonly overridden: readonly GateOverride[];
  /** Ids not stored (never seen on a page): they cannot be checked and do not pass. */
  readonly missing: readonly string[];
}

/** Reply of `gate/overview`. */
export interface GateOverview {
  readonly held: readonly { readonly orderId: string; readonly holds: readonly Hold[] }[];
  readonly intercepts: readonly InterceptNotice[];
  readonly due: DueLists;
  /** Ship-by deadlines of open orders per China day. */
  readonly perDay: readonly DayCount[];
  readonly groups: readonly MergeGroup[];
  /** Ship-by instant per open order id (for badges). */
  readonly shipBy: Readonly<Record<string, Instant>>;
}

/** Reply values of the gate requests. */
export interface GateReplyValues {
  'gate/facts': { readonly stored: number; readonly overview: GateOverview };
  'gate/key': { readonly key: string };
  'gate/check': GateCheckResult;
  'gate/overview': GateOverview;
  'gate/handled': { readonly handled: boolean };
}
