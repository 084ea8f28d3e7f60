/**
 * The keys of end-to-end encrypted sync (issue 22), all derived from one shop sync key that only
 * the stations hold (the pairing code carries it). Each purpose gets its own key, HKDF-SHA256
 * (RFC 5869) with salt `shipmask/sync/v1` and the purpose as `info`, so a key used for opaque ids
 * can never open a document and the other way round:
 * - `doc-id`: HMAC-SHA256 key of document ids (the server sees ids, never what they name);
 * - `rev`: HMAC-SHA256 key of deterministic revision ids (a plain hash of the plaintext would let
 *   the server confirm a guess of a short document);
 * - `seal`: AES-256-GCM key of document bodies;
 * - `match`: the shop's matching key for `orderKey` once stations share a ledger (the same order
 *   must hash the same on every station, so this key must come from the shared sync key).
 * @module
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { RandomBytes } from '../handoff/types.js';

/** Length of a shop sync key in bytes (256 bits). */
export const SYNC_KEY_BYTES = 32;

const utf8 = new TextEncoder();
const SALT = utf8.encode('shipmask/sync/v1');

/** The per-purpose keys of one shop sync key. */
export interface SyncKeys {
  /** HMAC key of document ids. */
  readonly idKey: Uint8Array;
  /** HMAC key of revision ids. */
  readonly revKey: Uint8Array;
  /** AES-256-GCM key of document bodies. */
  readonly sealKey: Uint8Array;
  /** Matching key of `orderKey` shared by every station of the shop. */
  readonly matchKey: Uint8Array;
}

/** Why a sync key was refused. */
export type SyncKeyError = 'bad-sync-key';

const derive = (syncKey: Uint8Array, purpose: string): Uint8Array =>
  hkdf(sha256, syncKey, SALT, utf8.encode(purpose), 32);

/**
 * Derive the per-purpose keys from a shop sync key (32 bytes; anything else is refused with
 * `bad-sync-key`, never thrown). Deterministic: the same sync key gives the same keys on every
 * station.
 * @example
 * const r = deriveSyncKeys(new Uint8Array(32));
 * if (r.ok) r.keys.sealKey.length; // 32
 */
export function deriveSyncKeys(
  syncKey: Uint8Array,
): { readonly ok: true; readonly keys: SyncKeys } | { readonly ok: false; readonly error: SyncKeyError } {
  if (!(syncKey instanceof Uint8Array) || syncKey.length !== SYNC_KEY_BYTES)
    return { ok: false, error: 'bad-sync-key' };
  return {
    ok: true,
    keys: {
      idKey: derive(syncKey, 'doc-id'),
      revKey: derive(syncKey, 'rev'),
      sealKey: derive(syncKey, 'seal'),
      matchKey: derive(syncKey, 'match'),
    },
  };
}

/**
 * A fresh shop sync key from the caller's random source (e.g. `crypto.getRandomValues`). Refuses
 * (returns `undefined`) a source that does not return exactly 32 bytes.
 * @example
 * newSyncKey((n) => crypto.getRandomValues(new Uint8Array(n)))?.length; // 32
 */
export function newSyncKey(random: RandomBytes): Uint8Array | undefined {
  const k = random(SYNC_KEY_BYTES);
  return k instanceof Uint8Array && k.length === SYNC_KEY_BYTES ? Uint8Array.from(k) : undefined;
}
