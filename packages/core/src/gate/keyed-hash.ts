/**
 * One keyed hash for matching without plaintext (DESIGN.md invariant 1): HMAC-SHA256 under the
 * shop's matching key, as `orderKey` in src/quota does. The key's inner and outer pads are
 * computed once per hasher, so hashing many short texts costs two compressions each.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

/** Hashes text under one key: the same key and text always give the same 64 hex characters. */
export type KeyedHasher = (text: string) => string;

/**
 * A keyed HMAC-SHA256 hasher for one key. Rule: the key comes in as an argument (a random 32-byte
 * key the extension keeps per shop); texts are UTF-8 encoded; the result is lowercase hex.
 * @example
 * const h = keyedHasher(new Uint8Array(32));
 * h('a') === h('a'); // true
 * h('a').length; // 64
 */
export function keyedHasher(key: Uint8Array): KeyedHasher {
  const base = hmac.create(sha256, key);
  return (text) => bytesToHex(base.clone().update(utf8.encode(text)).digest());
}
