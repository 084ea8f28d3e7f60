/**
 * Messages of multi-station sync (issue 22), merged into `PageRequest` / `ReplyValues` in
 * messages/index.ts. Extension pages only (the popup): content scripts never see the sync key or the
 * pairing code.
 * @module
 */
import type { SyncStation } from '@shipmask/core';
import type { ShopRef } from './shared';

/** Why a request failed, in words the status line can turn into plain language. */
export type CouchErrorCode =
  /** No answer (server down, network gone, DNS, CORS). */
  | 'offline'
  /**
   * 401/403: the server refused this station's CouchDB user name or password (or it has none and
   * the database needs one). Scheduled syncs back off until the credentials change.
   */
  | 'unauthorized'
  /** 404 for the database itself. */
  | 'no-database'
  /** 409 where a create was expected to succeed (handled by callers that expect it). */
  | 'conflict'
  /** Any other non-2xx status (5xx, 400, 413). */
  | 'server'
  /** A 2xx answer that is not what the protocol says (wrong shape, too large). */
  | 'bad-response';

/** A typed failure. `message` is English prose for logs (never document content). */
export interface CouchError {
  readonly code: CouchErrorCode;
  readonly status?: number;
  readonly message: string;
}

/** Sync requests. */
export type SyncRequest =
  /** Paired or not, the status line's facts, and conflicts the last sync resolved. */
  | { readonly type: 'sync/status' }
  /**
   * First station of a shop: a new shop sync key for this CouchDB database URL, and the shop's
   * CouchDB user (both empty or absent: an open database).
   */
  | {
      readonly type: 'sync/start';
      readonly serverUrl: string;
      readonly label: string;
      readonly user?: string;
      readonly password?: string;
    }
  /** Another station joins with the pairing code the first one shows. */
  | { readonly type: 'sync/join'; readonly code: string; readonly label: string }
  /** Show the pairing code again (for the next station). */
  | { readonly type: 'sync/code' }
  /** Sync now (the popup's button; the schedule does it every minute while online). */
  | { readonly type: 'sync/now' }
  /**
   * A station was removed: a new shop sync key (and code) for the same server; the other
   * stations enter the new code. Documents sealed under the old key stay unreadable to everyone.
   */
  | { readonly type: 'sync/rotate'; readonly user?: string; readonly password?: string }
  /**
   * The CouchDB user name or password changed (the server's admin changed them): this station
   * signs in with the new ones; key, server and mirror stay. Both empty: no credentials. The
   * reply's code carries the new credentials for the other stations.
   */
  | { readonly type: 'sync/credentials'; readonly user: string; readonly password: string }
  /** This station stops syncing and forgets the key (its own data stays). */
  | { readonly type: 'sync/leave' };

/**
 * A single-valued edit (shop settings, a taught adapter, supplier rules, the hand-off link base
 * URL) that lost to a later one on another station (shown to the merchant).
 */
export interface SyncConflictNote {
  readonly at: number;
  /** Label of the station whose edit was kept, and of those overridden. */
  readonly kept: string;
  readonly overridden: readonly string[];
  readonly what: 'settings' | 'adapter' | 'supplierRules' | 'handoffConfig';
}

/**
 * An order printed on two stations (issue 22, deliver 4): its claim has more than one live leaf
 * after replication (a claim written while a station was offline met another station's claim).
 * CouchDB's deterministic winner names who printed it; the others printed it too, so two parcels
 * may have gone out. Shown to the merchant until a newer one pushes it out of the list.
 */
export interface SyncDuplicateNote {
  /** When this station found it. */
  readonly at: number;
  readonly shop: ShopRef;
  readonly orderId: string;
  /** Label of the station whose claim won. */
  readonly printedBy: string;
  /** Labels of the stations whose claims lost (they printed it too). */
  readonly alsoBy: readonly string[];
  /** This station's part: the winner, one of the duplicates, or neither. */
  readonly here: 'winner' | 'duplicate' | 'neither';
}

/** The station's sync state for the status line. */
export interface SyncStatus {
  readonly lastSyncAt: number | null;
  /** Revisions written here and not yet on the server. */
  readonly pending: number;
  readonly error: CouchError | null;
  /** Bodies that did not open on the last pull (another key, altered). */
  readonly unreadable: number;
}

/** Reply of `sync/status`, `sync/now`. */
export interface SyncStatusView {
  readonly paired: boolean;
  readonly serverUrl?: string;
  /** `false` for plain http to a host other than loopback (ids and timing travel in the clear). */
  readonly secure?: boolean;
  readonly station?: SyncStation;
  /** The CouchDB user name this station signs in with (never the password); absent: none. */
  readonly user?: string;
  /**
   * After the server refused the credentials: when scheduled syncs try again (they back off until
   * then; new credentials or "sync now" try at once). `null` when not backing off.
   */
  readonly retryAt?: number | null;
  readonly lastSyncAt: number | null;
  readonly pending: number;
  readonly error: CouchError | null;
  readonly unreadable: number;
  readonly conflicts: readonly SyncConflictNote[];
  /** Orders printed on two stations (newest first, at most 20). */
  readonly duplicates: readonly SyncDuplicateNote[];
}

/** Why pairing was refused (core pairing and URL codes, or a bad label). */
export interface SyncPairingRefused {
  readonly ok: false;
  readonly error: string;
}

/** Reply of `sync/start`, `sync/join`, `sync/code`, `sync/rotate`. */
export type SyncPairingReply =
  { readonly ok: true; readonly code: string | null; readonly status: SyncStatusView } | SyncPairingRefused;

/** Reply values of the sync requests. */
export interface SyncReplyValues {
  'sync/status': SyncStatusView;
  'sync/start': SyncPairingReply;
  'sync/join': SyncPairingReply;
  'sync/code': SyncPairingReply;
  'sync/now': SyncStatusView;
  'sync/rotate': SyncPairingReply;
  'sync/credentials': SyncPairingReply;
  'sync/leave': SyncStatusView;
}
