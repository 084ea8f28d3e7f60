/**
 * The preset deflate dictionaries by format version, as bytes. Frozen: a test pins the SHA-256
 * of each, so a change is caught before it breaks links already sent.
 * @module
 */
import { DICTIONARY_V1_PARTS } from './dictionary-data.js';

let v1: Uint8Array | undefined;

/**
 * The version-1 dictionary as UTF-8 bytes (built once, on first use).
 * @example
 * dictionaryV1().length; // 19174
 */
export function dictionaryV1(): Uint8Array {
  v1 ??= new TextEncoder().encode(DICTIONARY_V1_PARTS.join(''));
  return v1;
}
