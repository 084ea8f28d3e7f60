/**
 * Sealing replicated documents end to end (issue 22): the server stores and replicates
 * `{ _id, s }` bodies and learns nothing but their ids (opaque HMACs, `ids.ts`), sizes (padded to
 * 64-byte steps) and when they were written.
 *
 * `s` is base64url of, format version 1:
 * ```
 * version (1) = 1 | key check (4) | IV (12) | AES-256-GCM ciphertext + tag (16)
 * ```
 * Same primitives as the hand-off (`handoff/crypto.ts`), with the imported key cached per key:
 * AES-256-GCM through WebCrypto with a
 * 96-bit IV from the caller's random source and a 128-bit tag; the additional authenticated data is
 * `shipmask/sync/v1` NUL doc id, so a body moved to another id does not open; the key check,
 * HMAC-SHA256(sealKey, "shipmask/sync/v1/check") truncated to 4 bytes, tells a wrong key (another
 * shop, a rotated key) from altered content. The plaintext is the canonical JSON text of the
 * checked document, padded with spaces (JSON ignores them) to a multiple of 64 bytes.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64url, encodeBase64url } from '../handoff/base64url.js';
import { sameBytes } from '../handoff/crypto.js';
import type { RandomBytes } from '../handoff/types.js';
import { checkSyncDoc, docText, type SyncDoc } from './documents.js';
import { DOC_ID, docId } from './ids.js';
import type { SyncKeys } from './keys.js';

/** The sealed-body format version `sealSyncDoc` writes. */
export const SYNC_FORMAT_VERSION = 1;
/** Largest plaintext document (canonical JSON bytes) sealed or opened. */
export const MAX_SYNC_DOC_BYTES = 256 * 1024;
/** Plaintexts are padded to a multiple of this many bytes. */
export const SYNC_PAD_BYTES = 64;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_BYTES = 4;
const HEAD_BYTES = 1 + CHECK_BYTES + IV_BYTES;
/** Longest `s` accepted, checked before decoding (limits before allocation). */
const MAX_SEALED_CHARS = Math.ceil(((HEAD_BYTES + MAX_SYNC_DOC_BYTES + SYNC_PAD_BYTES + TAG_BYTES) * 4) / 3);
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** A sealed document as the server stores it (CouchDB adds `_rev`). */
export interface SealedSyncDoc {
  readonly _id: string;
  readonly s: string;
}

/** Why `sealSyncDoc` refused. */
export type SyncSealErrorCode = 'bad-document' | 'too-large' | 'crypto-failed';

/** Why `openSyncDoc` refused. */
export type SyncOpenErrorCode =
  /** Not a `{ _id, s }` body with a 32-hex id and base64url `s` (a foreign or design document). */
  | 'not-sealed'
  /** A format version this build does not know. */
  | 'unknown-version'
  | 'too-large'
  /** Sealed under another key (another shop, or a key rotated since). */
  | 'wrong-key'
  /** The right key, but the body or its id was altered. */
  | 'tampered'
  /** It opened but is not a valid document (a newer build's kind, or a broken station). */
  | 'bad-document'
  /** It opened but belongs under another id. */
  | 'id-mismatch'
  | 'crypto-failed';

/**
 * A typed sync failure (`message` is English prose for logs, never document content).
 * @example
 * const e: SyncError<SyncOpenErrorCode> = { code: 'wrong-key', message: '…' };
 */
export interface SyncError<C extends string> {
  readonly code: C;
  readonly message: string;
}

/**
 * Result of a sealing function.
 * @example
 * const r: SyncResult<SealedSyncDoc, SyncSealErrorCode> = await sealSyncDoc(keys, doc, random);
 */
export type SyncResult<T, C extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SyncError<C> };

const fail = <C extends string>(code: C, message: string): { ok: false; error: SyncError<C> } => ({
  ok: false,
  error: { code, message },
});

// Per-key caches: a station seals and opens thousands of documents under one key, and importing
// the WebCrypto key (and computing the key check) once per key instead of once per document is
// most of the cost of sealing (measured: 11,000 seals 6.5 s with a fresh import each, see
// test/bench/sync.bench.ts). Keyed by the key array itself; `SyncKeys` are immutable.
const checks = new WeakMap<Uint8Array, Uint8Array>();
const cryptoKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function keyCheck(sealKey: Uint8Array): Uint8Array {
  let c = checks.get(sealKey);
  if (!c)
    checks.set(
      sealKey,
      (c = hmac(sha256, sealKey, utf8.encode('shipmask/sync/v1/check')).slice(0, CHECK_BYTES)),
    );
  return c;
}

const own = (b: Uint8Array): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
};

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  return s;
}

function aesKey(sealKey: Uint8Array): Promise<CryptoKey> {
  let k = cryptoKeys.get(sealKey);
  if (!k) {
    k = subtle().importKey('raw', own(sealKey), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    cryptoKeys.set(sealKey, k);
    // A failed import must not stay cached.
    k.catch(() => cryptoKeys.delete(sealKey));
  }
  return k;
}

/** AES-256-GCM (NIST SP 800-38D), 96-bit IV, 128-bit tag, as the hand-off's `aesGcmEncrypt`. */
async function aesGcmEncrypt(
  sealKey: Uint8Array,
  iv: Uint8Array,
  aadBytes: Uint8Array<ArrayBuffer>,
  pt: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  // `aadBytes` and `pt` are this module's own fresh arrays; only the caller's IV is copied.
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv: own(iv), additionalData: aadBytes, tagLength: 128 },
    await aesKey(sealKey),
    pt,
  );
  return new Uint8Array(ct);
}

/** AES-256-GCM decrypt; `undefined` when authentication fails. */
async function aesGcmDecrypt(
  sealKey: Uint8Array,
  iv: Uint8Array<ArrayBuffer>,
  aadBytes: Uint8Array<ArrayBuffer>,
  ct: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array | undefined> {
  const key = await aesKey(sealKey);
  try {
    // Views into this module's own fresh arrays (WebCrypto copies what it reads).
    const pt = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: aadBytes, tagLength: 128 },
      key,
      ct,
    );
    return new Uint8Array(pt);
  } catch {
    return undefined;
  }
}

const aad = (id: string): Uint8Array<ArrayBuffer> => utf8.encode(`shipmask/sync/v1\u0000${id}`);

/**
 * Seal a document under the shop's keys: check it (`checkSyncDoc`), compute its opaque id, encrypt
 * its canonical text. Never throws; the IV comes from `random`.
 *
 * `id`, when given, is the document's id as the caller already holds it (the sync mirror stores
 * every revision under its id): the keyed hash is not computed again and the body is sealed under
 * that id (a 32-hex id, else `bad-document`). A wrong id is never accepted: `openSyncDoc`
 * recomputes the id of every opened document and refuses a mismatch.
 * @example
 * const r = await sealSyncDoc(keys, doc, (n) => crypto.getRandomValues(new Uint8Array(n)));
 * if (r.ok) await db.put(r.value); // { _id: '…32 hex…', s: '…' }
 * await sealSyncDoc(keys, stored.doc, random, stored.id); // sealed under the mirror's id
 */
export async function sealSyncDoc(
  keys: SyncKeys,
  doc: SyncDoc,
  random: RandomBytes,
  id?: string,
): Promise<SyncResult<SealedSyncDoc, SyncSealErrorCode>> {
  if (id !== undefined && (typeof id !== 'string' || !DOC_ID.test(id)))
    return fail('bad-document', 'A document id is 32 lowercase hex characters.');
  const checked = checkSyncDoc(doc);
  if (!checked.ok) return fail('bad-document', checked.error.message);
  const text = utf8.encode(docText(checked.doc));
  if (text.length > MAX_SYNC_DOC_BYTES)
    return fail('too-large', `A document is at most ${MAX_SYNC_DOC_BYTES} bytes.`);
  const padded = new Uint8Array(Math.ceil((text.length + 1) / SYNC_PAD_BYTES) * SYNC_PAD_BYTES).fill(0x20);
  padded.set(text);
  const _id = id ?? docId(keys.idKey, checked.doc);
  try {
    const iv = random(IV_BYTES);
    if (!(iv instanceof Uint8Array) || iv.length !== IV_BYTES)
      return fail('crypto-failed', 'The random source failed.');
    const ct = await aesGcmEncrypt(keys.sealKey, iv, aad(_id), padded);
    const out = new Uint8Array(HEAD_BYTES + ct.length);
    out[0] = SYNC_FORMAT_VERSION;
    out.set(keyCheck(keys.sealKey), 1);
    out.set(iv, 1 + CHECK_BYTES);
    out.set(ct, HEAD_BYTES);
    return { ok: true, value: { _id, s: encodeBase64url(out) } };
  } catch {
    return fail('crypto-failed', 'WebCrypto failed to encrypt.');
  }
}

/**
 * Open a body read from the server (hostile until checked): shape and size first, then the key
 * check, then AES-GCM authentication, then `checkSyncDoc`, then the id. Never throws.
 * @example
 * const r = await openSyncDoc(keys, await (await fetch(url)).json());
 * if (!r.ok && r.error.code === 'wrong-key') showRotatedKeyHelp();
 */
export async function openSyncDoc(
  keys: SyncKeys,
  body: unknown,
): Promise<SyncResult<SyncDoc, SyncOpenErrorCode>> {
  if (typeof body !== 'object' || body === null) return fail('not-sealed', 'A sealed document is an object.');
  const { _id: id, s } = body as Record<string, unknown>;
  if (typeof id !== 'string' || !DOC_ID.test(id) || typeof s !== 'string')
    return fail('not-sealed', 'Not a sealed shipmask document.');
  if (s.length > MAX_SEALED_CHARS) return fail('too-large', 'The sealed body is too large.');
  const bytes = decodeBase64url(s);
  if (!bytes) return fail('not-sealed', 'The sealed body is not base64url.');
  if (bytes.length < HEAD_BYTES + TAG_BYTES) return fail('not-sealed', 'The sealed body is truncated.');
  if (bytes[0] !== SYNC_FORMAT_VERSION)
    return fail('unknown-version', `Sealed format ${bytes[0]} is unknown.`);
  if (!sameBytes(bytes.subarray(1, 1 + CHECK_BYTES), keyCheck(keys.sealKey)))
    return fail('wrong-key', 'Sealed under another sync key.');
  let plain: Uint8Array | undefined;
  try {
    plain = await aesGcmDecrypt(
      keys.sealKey,
      bytes.subarray(1 + CHECK_BYTES, HEAD_BYTES),
      aad(id),
      bytes.subarray(HEAD_BYTES),
    );
  } catch {
    return fail('crypto-failed', 'WebCrypto failed to decrypt.');
  }
  if (!plain) return fail('tampered', 'The sealed body or its id was altered.');
  let value: unknown;
  try {
    value = JSON.parse(utf8Strict.decode(plain));
  } catch {
    return fail('bad-document', 'The opened body is not JSON.');
  }
  const checked = checkSyncDoc(value);
  if (!checked.ok) return fail('bad-document', checked.error.message);
  if (docId(keys.idKey, checked.doc) !== id)
    return fail('id-mismatch', 'The document belongs under another id.');
  return { ok: true, value: checked.doc };
}
