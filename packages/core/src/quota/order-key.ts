/**
 * Order ids in the quota ledger are keyed hashes, never the raw id (DESIGN.md invariant 1: stored
 * values are masked, ciphertext, virtual or keyed hashes used only for matching).
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

/**
 * HMAC-SHA256 of an order id under the shop's matching key, as 64 lowercase hex characters. The
 * same key and order id always give the same string, so re-views of one order can be matched
 * without storing the order id. Use a random key of 32 bytes kept by the extension.
 * @example
 * orderKey(new Uint8Array(32), '3718000000000001'); // '…64 hex characters…'
 */
export function orderKey(key: Uint8Array, orderId: string): string {
  return bytesToHex(hmac(sha256, key, utf8.encode(orderId)));
}
