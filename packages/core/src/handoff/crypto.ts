/**
 * The cryptographic primitives of the hand-off, in one place:
 * - AES-256-GCM (NIST SP 800-38D) through WebCrypto `globalThis.crypto.subtle`: 96-bit IV,
 *   128-bit tag, the header as additional authenticated data;
 * - a 4-byte key check, HMAC-SHA256(key, "shipmask/handoff/v1/check"), so a wrong key or
 *   passphrase is told apart from altered content (it reveals nothing an attacker with the
 *   payload could not already test against the GCM tag);
 * - the passphrase KDF: scrypt (RFC 7914) from @noble/hashes, r = 8, p = 1, N = 2^logN;
 * - the return-code key: HKDF-SHA256 (RFC 5869) of the batch key, salted with the purpose and
 *   bound to the batch id.
 * @module
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';

const utf8 = new TextEncoder();

/**
 * Passphrase KDF parameters of format version 1. `logN` travels in the header (so a later
 * build may raise it); openers accept `MIN_LOG_N`..`MAX_LOG_N` only, which bounds the memory a
 * crafted link can demand (128 MiB at logN 17).
 * @example
 * PASSPHRASE_KDF.logN; // 16 (N = 65536, r = 8, p = 1: 64 MiB)
 */
export const PASSPHRASE_KDF = { name: 'scrypt', logN: 16, r: 8, p: 1, dkLen: 32, saltBytes: 16 } as const;
/** Lowest scrypt logN a link may name. */
export const MIN_LOG_N = 10;
/** Highest scrypt logN a link may name. */
export const MAX_LOG_N = 17;

/**
 * Copy into a fresh ArrayBuffer-backed array (what WebCrypto's types want).
 */
function own(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  return s;
}

/**
 * AES-256-GCM encrypt. Throws only when WebCrypto itself fails (callers catch).
 * @example
 * const ct = await aesGcmEncrypt(key32, iv12, aad, plaintext);
 */
export async function aesGcmEncrypt(
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  const s = subtle();
  const k = await s.importKey('raw', own(key), { name: 'AES-GCM' }, false, ['encrypt']);
  const ct = await s.encrypt(
    { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: 128 },
    k,
    own(plaintext),
  );
  return new Uint8Array(ct);
}

/**
 * AES-256-GCM decrypt; `undefined` when authentication fails.
 * @example
 * const pt = await aesGcmDecrypt(key32, iv12, aad, ct); // Uint8Array or undefined
 */
export async function aesGcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  ciphertext: Uint8Array,
): Promise<Uint8Array | undefined> {
  const s = subtle();
  const k = await s.importKey('raw', own(key), { name: 'AES-GCM' }, false, ['decrypt']);
  try {
    const pt = await s.decrypt(
      { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: 128 },
      k,
      own(ciphertext),
    );
    return new Uint8Array(pt);
  } catch {
    return undefined;
  }
}

/**
 * The 4-byte key check of a content key.
 * @example
 * keyCheck(new Uint8Array(32)).length; // 4
 */
export function keyCheck(key: Uint8Array): Uint8Array {
  return hmac(sha256, key, utf8.encode('shipmask/handoff/v1/check')).slice(0, 4);
}

/**
 * Derive a content key from a passphrase (NFC-normalised, UTF-8) with scrypt.
 * @example
 * const key = await passphraseKey('correct horse', salt16, 16);
 */
export async function passphraseKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Uint8Array> {
  return scryptAsync(utf8.encode(passphrase.normalize('NFC')), salt, {
    N: 2 ** logN,
    r: PASSPHRASE_KDF.r,
    p: PASSPHRASE_KDF.p,
    dkLen: PASSPHRASE_KDF.dkLen,
    // noble's memory use is 128 · r · (N + p + 1) bytes; allow exactly up to MAX_LOG_N.
    maxmem: 128 * PASSPHRASE_KDF.r * (2 ** MAX_LOG_N + PASSPHRASE_KDF.p + 1),
  });
}

/**
 * The return-code key of a batch: HKDF-SHA256(ikm = batch key, salt = "shipmask/handoff/v1/return",
 * info = batch id). The merchant derives it from what it keeps (`BatchKeyMaterial`).
 * @example
 * returnKey(batchKey32, 'q3Zk8Jd0WcLm').length; // 32
 */
export function returnKey(batchKey: Uint8Array, batchId: string): Uint8Array {
  return hkdf(sha256, batchKey, utf8.encode('shipmask/handoff/v1/return'), utf8.encode(batchId), 32);
}

/**
 * Constant-time byte equality.
 * @example
 * sameBytes(new Uint8Array([1]), new Uint8Array([1])); // true
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
