/**
 * Messages of the supplier hand-off (issue 8), merged into `PageRequest` / `ReplyValues` in
 * index.ts. The hand-off page (`handoff.html`) sends them; the background seals batches with
 * core, keeps them in the `batches` store and opens return codes.
 *
 * Invariant 1: a batch record holds the masked orders as sealed (core's `checkBatch` refused any
 * plaintext), the supplier the merchant typed, the results that came back, and the batch's key
 * material (`BatchKeyMaterial`: a random 256-bit key that opens this batch's link and return
 * codes only; it is not buyer data, and what it opens is masked too). The link itself is handed
 * to the page once and never stored or logged.
 * @module
 */
import type {
  HandoffOrder,
  HoldReason,
  Instant,
  OrderView,
  ReturnResult,
  SupplierRuleSet,
  UnassignedReason,
} from '@shipmask/core';
import type { ShopRef } from './shared';

/** A supplier (厂家) the merchant hands orders to. */
export interface HandoffSupplier {
  readonly name: string;
  readonly note?: string;
}

/** Ciphertext / virtual number of one order, from the platform's export file. */
export interface HandoffExtra {
  readonly orderId: string;
  readonly cipher?: { readonly name?: string; readonly phone?: string; readonly address?: string };
  readonly virtual?: { readonly main: string; readonly ext: string };
}

/**
 * The detailed delivery address of one virtual-number order (issue 17), read by the hand-off page
 * from the platform export the merchant dropped (page memory only). The background uses it for
 * that one sealing and keeps nothing of it: the batch record holds the masked form.
 */
export interface HandoffAddress {
  readonly orderId: string;
  readonly address: string;
}

/** A batch near expiry with orders the supplier has not returned yet (the panel's reminder). */
export interface BatchReminder {
  readonly batchId: string;
  readonly shop: ShopRef;
  readonly supplier: HandoffSupplier;
  readonly expiresAt: Instant;
  /** Orders with no result yet. */
  readonly pending: number;
}

/** Hand-off settings (install-wide). */
export interface HandoffConfig {
  /**
   * Where links point: the static supplier page on a host the merchant trusts, e.g.
   * `https://example.com/shipmask/supplier.html`. Empty: no link; the merchant sends the sealed
   * text (or file) and the supplier pastes it into the supplier page opened from disk.
   */
  readonly baseUrl: string;
  /** Suppliers used before (most recent first). */
  readonly suppliers: readonly HandoffSupplier[];
}

/** Where a batch stands. */
/**
 * `returned`: every order has a result and the bulk-ship file has not been made yet (the
 * merchant still has to ship on the platform: 已回传，待上传发货); `shipped`: the file was made
 * (or nothing came back to ship).
 */
export type BatchStatus = 'sent' | 'partly-shipped' | 'returned' | 'shipped' | 'expired' | 'revoked';

/** One order of a batch as the merchant's page shows it. */
export interface BatchOrderView {
  readonly order: HandoffOrder;
  /** The supplier's result, once a return code brought one. */
  readonly result?: ReturnResult;
}

/** A batch in lists. */
export interface BatchSummary {
  readonly batchId: string;
  readonly shop: ShopRef;
  readonly supplier: HandoffSupplier;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly passphrase: boolean;
  readonly orders: number;
  readonly shipped: number;
  readonly cannotShip: number;
  readonly status: BatchStatus;
  readonly imports: number;
  /** When the merchant revoked the batch (its return codes are refused from then on). */
  readonly revokedAt?: Instant;
  /** The multi-supplier selection this batch is part of (issue 17 item 4). */
  readonly group?: BatchGroup;
}

/**
 * The place of a batch in a multi-supplier selection: the selection's id, this batch's part
 * (0-based, the order the split was shown in; a split order ships by its lowest part) and the
 * number of batches the selection became.
 */
export interface BatchGroup {
  readonly id: string;
  readonly part: number;
  readonly of: number;
}

/** A batch with its orders. */
export interface BatchDetail extends BatchSummary {
  readonly items: readonly BatchOrderView[];
}

/** One order whose result a return code changed. */
export interface ResultChange {
  readonly orderId: string;
  readonly before?: ReturnResult;
  readonly after: ReturnResult;
}

/** Reply of `handoff/import`. */
export interface ImportResult {
  /** Orders whose result changed (empty when the same code is imported again). */
  readonly changes: readonly ResultChange[];
  /** Results in the code that were already known (same value). */
  readonly unchanged: number;
  /** Results older than what is stored (a later code already said otherwise): kept as stored. */
  readonly stale: number;
  readonly batch: BatchDetail;
}

/** Why a hand-off request could not be done (a value in the reply, never a throw). */
export interface HandoffFailure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly orderId?: string;
  readonly field?: string;
}

/** Reply of `handoff/seal`. */
export type SealReply =
  | {
      readonly ok: true;
      readonly batch: BatchSummary;
      /** `link`: send `text`; `file`: too long for a link, send `text` as a file named `fileName`. */
      readonly kind: 'link' | 'file';
      readonly text: string;
      readonly fileName?: string;
      /** The sealed payload alone (to paste into the supplier page). */
      readonly payload: string;
    }
  | HandoffFailure;

/** A shop's supplier-per-SKU rules as the hand-off page edits them (issue 17 item 4). */
export interface SupplierRulesValue {
  readonly rules: SupplierRuleSet;
  /** Default supplier for SKUs no rule names; absent: those orders stay unassigned. */
  readonly fallback?: string;
  readonly updatedAt?: Instant;
}

/** One sealed batch of a multi-supplier selection, as the page shows it (the link is not stored). */
export interface SealedPart {
  readonly supplier: HandoffSupplier;
  readonly batch: BatchSummary;
  readonly kind: 'link' | 'file';
  readonly text: string;
  readonly fileName?: string;
  readonly payload: string;
  /** Order lines and items in this batch; `split`: lines that are one parcel of a split order. */
  readonly orders: number;
  readonly items: number;
  readonly split: number;
}

/** Reply of `handoff/seal-suppliers`. */
export type SupplierSealReply =
  | {
      readonly ok: true;
      readonly groupId: string;
      readonly parts: readonly SealedPart[];
      /** Orders not sealed: no supplier for some item (no default), or no items read. */
      readonly unassigned: readonly {
        readonly orderId: string;
        readonly reason: UnassignedReason;
        readonly skus: readonly string[];
      }[];
      /** Orders that became several parcels, each parcel's supplier and SKUs. */
      readonly split: readonly {
        readonly orderId: string;
        readonly parcels: readonly { readonly supplier: string; readonly skus: readonly string[] }[];
      }[];
    }
  | HandoffFailure;

/** Reply of `handoff/import`. */
export type ImportReply = ({ readonly ok: true } & ImportResult) | HandoffFailure;

/**
 * Batches of a shop near expiry with orders not yet returned (issue 17): the overlay panel's
 * reminder, so content scripts may ask, for the shop of their own page only (the router checks
 * `shop` against the sender's site).
 */
export interface HandoffRemindersRequest {
  readonly type: 'handoff/reminders';
  readonly shop: ShopRef;
}

/** Requests of the hand-off page. */
export type HandoffRequest =
  /** The stored masked orders of a selection (and the ids not stored). */
  | { readonly type: 'handoff/orders'; readonly shop: ShopRef; readonly orderIds: readonly string[] }
  | {
      readonly type: 'handoff/seal';
      readonly shop: ShopRef;
      readonly orderIds: readonly string[];
      readonly supplier: HandoffSupplier;
      /** Link lifetime in days (default 7 on the page). */
      readonly expiresInDays: number;
      readonly passphrase?: string;
      /** Carrier the supplier should use (code or name). */
      readonly carrier?: string;
      /**
       * Platform ciphertext and virtual numbers read from the platform's order export (the list
       * page shows neither for Douyin): what a supplier's print tool prints from. Never plaintext
       * (the background refuses anything that does not classify as ciphertext / 11+4).
       */
      readonly extras?: readonly HandoffExtra[];
      /** Explicit overrides of the exception gate (issue 18), logged. */
      readonly overrides?: readonly { readonly orderId: string; readonly reason: HoldReason }[];
      /**
       * Detailed delivery addresses of virtual-number orders (issue 17), from page memory: they
       * go into the sealed link only. An address for an order without a virtual number is
       * refused, and so is a virtual-number order the supplier could not print (`needs-address`).
       */
      readonly addresses?: readonly HandoffAddress[];
    }
  /** A shop's supplier-per-SKU rule set (issue 17 item 4). */
  | { readonly type: 'handoff/rules/get'; readonly shop: ShopRef }
  | {
      readonly type: 'handoff/rules/set';
      readonly shop: ShopRef;
      readonly rules: SupplierRuleSet;
      readonly fallback?: string;
    }
  /**
   * Seal one batch per supplier with the shop's stored rule set (issue 17 item 4): each batch its
   * own key and link; a split order is one line in each supplier's batch with that supplier's
   * items. No passphrase here: one passphrase shared by several suppliers would open each
   * other's links. Unassigned orders are not sealed and come back with their reason.
   */
  | {
      readonly type: 'handoff/seal-suppliers';
      readonly shop: ShopRef;
      readonly orderIds: readonly string[];
      readonly expiresInDays: number;
      readonly carrier?: string;
      readonly extras?: readonly HandoffExtra[];
      readonly overrides?: readonly { readonly orderId: string; readonly reason: HoldReason }[];
      readonly addresses?: readonly HandoffAddress[];
    }
  /** The batches of one multi-supplier selection, or the batches of a shop not revoked, with results. */
  | { readonly type: 'handoff/details'; readonly groupId: string }
  | { readonly type: 'handoff/details'; readonly shop: ShopRef }
  /** Revoke a batch locally: its return codes are refused from then on. */
  | { readonly type: 'handoff/revoke'; readonly batchId: string }
  /** The merchant made the bulk-ship file (download or copied lines) of this batch. */
  | { readonly type: 'handoff/ship-file'; readonly batchId: string }
  | HandoffRemindersRequest
  /** Batches of one shop (`ofShop`), or of every shop. */
  | { readonly type: 'handoff/batches'; readonly ofShop?: ShopRef }
  | { readonly type: 'handoff/batch'; readonly batchId: string }
  | { readonly type: 'handoff/import'; readonly batchId: string; readonly code: string }
  | { readonly type: 'handoff/config/get' }
  | { readonly type: 'handoff/config/set'; readonly config: HandoffConfig };

/** Reply values of the hand-off requests. */
export interface HandoffReplyValues {
  'handoff/orders': { readonly orders: readonly OrderView[]; readonly missing: readonly string[] };
  'handoff/seal': SealReply;
  'handoff/batches': readonly BatchSummary[];
  'handoff/batch': BatchDetail | null;
  'handoff/revoke': BatchSummary | null;
  'handoff/ship-file': BatchSummary | null;
  'handoff/reminders': readonly BatchReminder[];
  'handoff/import': ImportReply;
  'handoff/config/get': HandoffConfig;
  'handoff/config/set': HandoffConfig;
  'handoff/rules/get': SupplierRulesValue;
  'handoff/rules/set': SupplierRulesValue;
  'handoff/seal-suppliers': SupplierSealReply;
  'handoff/details': readonly BatchDetail[];
}
