/**
 * What every feature's messages share: the shop a request speaks for, the reply envelope and its
 * error codes. Feature modules (`quota.ts`, `print.ts`, `handoff.ts`…) import this file and
 * `@shipmask/core` only; `index.ts` composes them into the request union and the reply map.
 *
 * Invariant: no message carries buyer plaintext. Orders travel as masked `OrderView`s; reveals are
 * identified by order id only (the background turns it into a keyed hash for the ledger).
 * @module
 */
import type { PlatformId } from '@shipmask/core';

/** A shop is identified by platform + the shop id the page shows (or `default`). */
export interface ShopRef {
  readonly platform: PlatformId;
  readonly shopId: string;
}

/** Every reply: ok with a value, or a typed error. */
export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: MessageErrorCode; readonly message: string } };

/**
 * `wrong-shop`: a content script named a shop other than the one its tab's page is bound to.
 * `unreachable`: the background could not be reached (extension reloaded or updated, so this
 * context is orphaned); only `send()` in client.ts produces it, never the background.
 */
export type MessageErrorCode =
  | 'invalid-message'
  | 'unknown-type'
  | 'forbidden-sender'
  | 'wrong-shop'
  | 'storage'
  | 'internal'
  | 'unreachable'
  /** The exception gate held orders of a print job or a sealed batch (issue 18); the message lists them. */
  | 'held';
