/**
 * `sealBatch` and `openBatch`: a batch sealed into a link whose fragment carries everything,
 * key included (the fragment never reaches a server: zero-knowledge like PrivateBin or Bitwarden
 * Send), or, with a passphrase, a link that opens only with that passphrase.
 *
 * Envelope, format version 1 (all integers big-endian unless varint):
 * ```
 * version (1) = 1 | flags (1): bit 0 passphrase, others 0 | total length (varint, whole envelope)
 * | batch id length (1) + batch id (ASCII) | expiresAt (6, epoch ms)
 * | passphrase only: scrypt logN (1) + salt (16) | key check (4)       <- end of AAD
 * | key mode only: content key (32) | IV (12) | AES-256-GCM ciphertext + tag (16)
 * ```
 * The plaintext is `text size (varint) | deflated size (varint) | deflate(text, dictionary v1) | raw`
 * where `{ text, raw } = encodeBody(batch)` (raw: packed ciphertext bodies, not deflated). Version, flags, length, batch id,
 * expiry and KDF parameters are authenticated as AAD; the key check tells a wrong key or
 * passphrase from altered content. The text is base64url; a link is `<base>#<text>`, a sealed
 * file is a title line, then `#` and the same text in 76-character lines.
 * @module
 */
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { ByteReader, ByteWriter } from './bytes.js';
import { checkBatch } from './check.js';
import { decodeBody, encodeBody } from './codec.js';
import { deflateWith, inflateWith } from './compress.js';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  keyCheck,
  MAX_LOG_N,
  MIN_LOG_N,
  PASSPHRASE_KDF,
  passphraseKey,
  sameBytes,
} from './crypto.js';
import { dictionaryV1 } from './dictionary.js';
import { fail, type HandoffResult, type OpenErrorCode, type SealErrorCode } from './errors.js';
import { findPayload, type HeaderProbe } from './payload-text.js';
import type { BatchKeyMaterial, HandoffBatch, RandomBytes } from './types.js';

/** The format version `sealBatch` writes. */
export const HANDOFF_FORMAT_VERSION = 1;
/** Links longer than this many characters are offered as a sealed file instead (issue 9). */
export const MAX_LINK_CHARS = 64 * 1024;
/** Largest envelope accepted (bytes). */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
/** Largest decompressed body accepted (bytes). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const FLAG_PASSPHRASE = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_BYTES = 4;
const FILE_TITLE = 'shipmask 供货单 · 加密文件 (sealed supplier batch, format 1)';

/** Options of `sealBatch`. */
export interface SealOptions {
  /** Where the static supplier page lives, e.g. `https://example.com/supplier/`; the link is `<base>#<payload>`. */
  readonly base: string;
  /** Fresh random bytes: key, IV and salt come from here (e.g. `crypto.getRandomValues`). */
  readonly random: RandomBytes;
  /** Optional passphrase: the link then holds no key and opens only with it. */
  readonly passphrase?: string;
  /** scrypt cost exponent for passphrase mode (default `PASSPHRASE_KDF.logN`, allowed 10–17). */
  readonly logN?: number;
  /** Offer a file above this many link characters (default `MAX_LINK_CHARS`). */
  readonly maxLinkChars?: number;
  /** Current instant; when given, a batch already expired (`expiresAt <= now`) is refused. */
  readonly now?: number;
}

/** A sealed batch. */
export interface SealedBatch {
  /** `link`: send `text` as a link; `file`: the link would be too long, send `text` as a file. */
  readonly kind: 'link' | 'file';
  /** The link (`<base>#<payload>`) or the sealed file's content. */
  readonly text: string;
  /** Suggested file name when `kind` is `file`. */
  readonly fileName?: string;
  /** The payload alone (base64url), as in the link's fragment. */
  readonly payload: string;
  /** Envelope size in bytes. */
  readonly bytes: number;
  /** The batch as sealed (remarks masked). */
  readonly batch: HandoffBatch;
  /** What the merchant keeps to open return codes (`openReturn`). */
  readonly keep: BatchKeyMaterial;
}

/** Options of `openBatch`. */
export interface OpenOptions {
  /** Current instant; a batch at or after its `expiresAt` is refused. */
  readonly now: number;
  /** The passphrase, for links sealed with one. */
  readonly passphrase?: string;
}

/** An opened batch, with the key material for `sealReturn`. */
export interface OpenedBatch {
  readonly batch: HandoffBatch;
  readonly keep: BatchKeyMaterial;
  readonly passphrase: boolean;
}

interface Header {
  readonly flags: number;
  readonly total: number;
  readonly batchId: string;
  readonly expiresAt: number;
  readonly logN?: number;
  readonly salt?: Uint8Array;
  readonly check: Uint8Array;
  readonly aadEnd: number;
  readonly key?: Uint8Array;
  readonly iv: Uint8Array;
  readonly ctStart: number;
}

function writeHeader(
  w: ByteWriter,
  h: {
    flags: number;
    total: number;
    batchId: string;
    expiresAt: number;
    logN?: number;
    salt?: Uint8Array;
    check: Uint8Array;
  },
): void {
  w.byte(HANDOFF_FORMAT_VERSION);
  w.byte(h.flags);
  w.varint(h.total);
  w.byte(h.batchId.length);
  for (let i = 0; i < h.batchId.length; i++) w.byte(h.batchId.charCodeAt(i));
  w.uint48(h.expiresAt);
  if (h.flags & FLAG_PASSPHRASE) {
    w.byte(h.logN ?? PASSPHRASE_KDF.logN);
    w.bytes(h.salt ?? new Uint8Array(PASSPHRASE_KDF.saltBytes));
  }
  w.bytes(h.check);
}

/** Parse the header; the array may be a prefix of the envelope (then only `total` matters). */
function readHeader(
  bytes: Uint8Array,
): { ok: true; header: Header } | { ok: false; code: 'unknown-version' | 'truncated' | 'not-mine' } {
  const r = new ByteReader(bytes);
  const version = r.byte();
  const flags = r.byte();
  if (r.failed) return { ok: false, code: 'not-mine' };
  if (version !== HANDOFF_FORMAT_VERSION) return { ok: false, code: 'unknown-version' };
  if ((flags & ~FLAG_PASSPHRASE) !== 0) return { ok: false, code: 'unknown-version' };
  const total = r.varint();
  const idLen = r.byte();
  if (r.failed) return { ok: false, code: 'truncated' };
  if (idLen < 1 || idLen > 64) return { ok: false, code: 'not-mine' };
  const idBytes = r.bytes(idLen);
  let batchId = '';
  for (const b of idBytes) {
    const ok = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 45 || b === 95;
    if (!ok) return { ok: false, code: 'not-mine' };
    batchId += String.fromCharCode(b);
  }
  const expiresAt = r.uint48();
  let logN: number | undefined;
  let salt: Uint8Array | undefined;
  if (flags & FLAG_PASSPHRASE) {
    logN = r.byte();
    salt = r.bytes(PASSPHRASE_KDF.saltBytes);
  }
  const check = r.bytes(CHECK_BYTES);
  const aadEnd = r.pos;
  const key = flags & FLAG_PASSPHRASE ? undefined : r.bytes(KEY_BYTES);
  const iv = r.bytes(IV_BYTES);
  if (r.failed) return { ok: false, code: 'truncated' };
  return {
    ok: true,
    header: {
      flags,
      total,
      batchId,
      expiresAt,
      check,
      aadEnd,
      iv,
      ctStart: r.pos,
      ...(logN !== undefined ? { logN } : {}),
      ...(salt ? { salt } : {}),
      ...(key ? { key } : {}),
    },
  };
}

/** Header probe for `findPayload`. */
function probeBatch(head: Uint8Array): HeaderProbe {
  const r = new ByteReader(head);
  const version = r.byte();
  const flags = r.byte();
  const total = r.varint();
  if (r.failed) return { kind: 'not-mine' };
  if (version !== HANDOFF_FORMAT_VERSION || (flags & ~FLAG_PASSPHRASE) !== 0)
    return { kind: 'unknown-version' };
  if (total > MAX_PAYLOAD_BYTES) return { kind: 'too-large' };
  const idLen = r.byte();
  if (!r.failed && (idLen < 1 || idLen > 64)) return { kind: 'not-mine' };
  return total < 2 + KEY_BYTES ? { kind: 'not-mine' } : { kind: 'ok', total };
}

function takeRandom(random: RandomBytes, n: number): Uint8Array | undefined {
  const b = random(n);
  return b instanceof Uint8Array && b.length === n ? b.slice() : undefined;
}

function chunkLines(s: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += width) lines.push(s.slice(i, i + width));
  return lines.join('\n');
}

/**
 * Seal a batch for a supplier. Checks it first (`checkBatch`: a real mobile number or a
 * plaintext full name with a detailed address is refused with the order and field), masks
 * remarks, encodes, deflates with the preset dictionary and encrypts with AES-256-GCM under a
 * fresh random key (or a scrypt key from `passphrase`). Never rejects.
 * @example
 * const r = await sealBatch(batch, { base: 'https://example.com/supplier/', random: (n) => crypto.getRandomValues(new Uint8Array(n)) });
 * if (r.ok) send(r.value.text); // 'https://example.com/supplier/#AQA…' (kind 'link'), or a file above 64 KB
 */
export async function sealBatch(
  batch: HandoffBatch,
  options: SealOptions,
): Promise<HandoffResult<SealedBatch, SealErrorCode>> {
  const checked = checkBatch(batch);
  if (!checked.ok) return checked;
  const b = checked.value;
  if (typeof options?.now === 'number' && b.expiresAt <= options.now)
    return fail('invalid-batch', 'the batch has already expired', { field: 'expiresAt' });
  try {
    const passphrase = options.passphrase;
    const usePass = typeof passphrase === 'string' && passphrase !== '';
    const logN = options.logN ?? PASSPHRASE_KDF.logN;
    if (usePass && (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > MAX_LOG_N))
      return fail('invalid-batch', `logN must be ${MIN_LOG_N}–${MAX_LOG_N}`, { field: 'logN' });
    let key: Uint8Array | undefined;
    let salt: Uint8Array | undefined;
    if (usePass) {
      salt = takeRandom(options.random, PASSPHRASE_KDF.saltBytes);
      if (salt) key = await passphraseKey(passphrase, salt, logN);
    } else key = takeRandom(options.random, KEY_BYTES);
    const iv = takeRandom(options.random, IV_BYTES);
    if (!key || !iv) return fail('crypto-failed', 'the random source did not return the bytes asked for');
    const body = encodeBody(b);
    const deflated = deflateWith(body.text, dictionaryV1());
    const pw = new ByteWriter();
    pw.varint(body.text.length);
    pw.varint(deflated.length);
    pw.bytes(deflated);
    pw.bytes(body.raw);
    const packed = pw.finish();
    const check = keyCheck(key);
    const flags = usePass ? FLAG_PASSPHRASE : 0;
    // The total length includes its own varint: find the fixed point.
    const rest = (usePass ? 0 : KEY_BYTES) + IV_BYTES + packed.length + TAG_BYTES;
    let total = 0;
    for (let guess = rest; ;) {
      const w = new ByteWriter();
      writeHeader(w, { flags, total: guess, batchId: b.batchId, expiresAt: b.expiresAt, logN, salt, check });
      const size = w.length + rest;
      if (size === guess) {
        total = size;
        break;
      }
      guess = size;
    }
    if (total > MAX_PAYLOAD_BYTES) return fail('invalid-batch', 'the sealed batch would exceed 16 MiB');
    const hw = new ByteWriter();
    writeHeader(hw, { flags, total, batchId: b.batchId, expiresAt: b.expiresAt, logN, salt, check });
    const aad = hw.finish();
    const ct = await aesGcmEncrypt(key, iv, aad, packed);
    const env = new ByteWriter();
    env.bytes(aad);
    if (!usePass) env.bytes(key);
    env.bytes(iv);
    env.bytes(ct);
    const envelope = env.finish();
    const payload = encodeBase64url(envelope);
    const link = `${options.base}#${payload}`;
    const keep: BatchKeyMaterial = {
      batchId: b.batchId,
      key: encodeBase64url(key),
      createdAt: b.createdAt,
      expiresAt: b.expiresAt,
      orderIds: b.orders.map((o) => o.orderId),
    };
    const common = { payload, bytes: envelope.length, batch: b, keep };
    if (link.length <= (options.maxLinkChars ?? MAX_LINK_CHARS))
      return { ok: true, value: { kind: 'link', text: link, ...common } };
    return {
      ok: true,
      value: {
        kind: 'file',
        text: `${FILE_TITLE}\n#\n${chunkLines(payload, 76)}\n`,
        fileName: `shipmask-${b.batchId}.txt`,
        ...common,
      },
    };
  } catch (e) {
    return fail('crypto-failed', `sealing failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Open a sealed batch from a link, the link inside chat text (with `&utm…`, line breaks,
 * zero-width characters), a bare payload, or a sealed file's text. Never rejects; errors are
 * typed: `not-a-link`, `truncated`, `too-large`, `unknown-version`, `wrong-key`,
 * `wrong-passphrase`, `passphrase-required`, `tampered`, `expired`.
 * @example
 * const r = await openBatch('供货单 https://example.com/supplier/#AQA…&utm_source=wechat 请查收', { now: Date.now() });
 * if (r.ok) show(r.value.batch.orders);
 * else if (r.error.code === 'passphrase-required') askPassphrase();
 */
export async function openBatch(
  text: string,
  options: OpenOptions,
): Promise<HandoffResult<OpenedBatch, OpenErrorCode>> {
  try {
    const found = findPayload(text, probeBatch, MAX_PAYLOAD_BYTES);
    if (!found.ok) {
      if (found.code === 'corrupt') return fail('tampered', 'the payload is not valid base64url');
      const messages = {
        'not-a-link': 'no sealed batch found in the text',
        truncated: 'the sealed batch is cut off (copy the whole link)',
        'too-large': 'the sealed batch is larger than allowed',
        'unknown-version': 'the sealed batch has a format version this page does not know',
      } as const;
      return fail(found.code, messages[found.code]);
    }
    const env = found.bytes;
    const parsed = readHeader(env);
    if (!parsed.ok) {
      if (parsed.code === 'not-mine') return fail('tampered', 'the header is malformed');
      return fail(parsed.code, `the header is ${parsed.code}`);
    }
    const h = parsed.header;
    if (h.total !== env.length || env.length - h.ctStart < TAG_BYTES)
      return fail('tampered', 'the stated length does not match');
    let key: Uint8Array;
    const usePass = (h.flags & FLAG_PASSPHRASE) !== 0;
    if (usePass) {
      const pass = options.passphrase;
      if (typeof pass !== 'string' || pass === '')
        return fail('passphrase-required', 'this batch opens with a passphrase');
      if (h.logN === undefined || h.salt === undefined || h.logN < MIN_LOG_N || h.logN > MAX_LOG_N)
        return fail('tampered', 'the passphrase parameters are out of range');
      key = await passphraseKey(pass, h.salt, h.logN);
      if (!sameBytes(keyCheck(key), h.check))
        return fail('wrong-passphrase', 'the passphrase does not open this batch');
    } else {
      if (!h.key) return fail('tampered', 'the key is missing');
      key = h.key;
      if (!sameBytes(keyCheck(key), h.check))
        return fail('wrong-key', 'the key does not belong to this batch');
    }
    const aad = env.subarray(0, h.aadEnd);
    const packed = await aesGcmDecrypt(key, h.iv, aad, env.subarray(h.ctStart));
    if (!packed) return fail('tampered', 'the batch was altered (authentication failed)');
    const now = options?.now;
    if (typeof now !== 'number' || !Number.isFinite(now) || now >= h.expiresAt)
      return fail('expired', `the batch expired at ${new Date(h.expiresAt).toISOString()}`);
    const pr = new ByteReader(packed);
    const size = pr.varint();
    const deflatedSize = pr.varint();
    const deflated = pr.bytes(deflatedSize);
    if (pr.failed) return fail('tampered', 'the content does not decode');
    const inflated = inflateWith(deflated, dictionaryV1(), size, MAX_BODY_BYTES);
    if (!inflated.ok)
      return fail(
        inflated.code === 'too-large' ? 'too-large' : 'tampered',
        `the content does not expand: ${inflated.code}`,
      );
    const decoded = decodeBody(
      { text: inflated.value, raw: packed.subarray(pr.pos) },
      { batchId: h.batchId, expiresAt: h.expiresAt },
    );
    if (!decoded.ok)
      return decoded.code === 'too-large'
        ? fail('too-large', `the batch exceeds a limit (${decoded.field ?? 'size'})`, {
            ...(decoded.field ? { field: decoded.field } : {}),
          })
        : fail('tampered', 'the content does not decode');
    // Issue 14 item 3: anyone can seal a link (the key travels in it), so the batch is checked
    // like sealBatch checks it; what sealBatch would have refused or changed is `tampered`.
    const batch = checkOpened(decoded.value);
    if (!batch.ok) return batch;
    return {
      ok: true,
      value: {
        batch: batch.value,
        passphrase: usePass,
        keep: {
          batchId: h.batchId,
          key: encodeBase64url(key),
          createdAt: batch.value.createdAt,
          expiresAt: h.expiresAt,
          orderIds: batch.value.orders.map((o) => o.orderId),
        },
      },
    };
  } catch (e) {
    return fail('crypto-failed', `opening failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Check an opened batch with `checkBatch`, the rule `sealBatch` applies: a refusal, or a value
 * `checkBatch` would change (a remark `maskText` would mask, an empty optional field), means
 * the batch was not sealed by `sealBatch` and is `tampered`, naming the order and field.
 */
function checkOpened(decoded: HandoffBatch): HandoffResult<HandoffBatch, OpenErrorCode> {
  const checked = checkBatch(decoded);
  if (!checked.ok)
    return fail('tampered', `the batch breaks a sealing rule: ${checked.error.message}`, {
      ...(checked.error.orderId !== undefined ? { orderId: checked.error.orderId } : {}),
      ...(checked.error.field !== undefined ? { field: checked.error.field } : {}),
    });
  for (let i = 0; i < decoded.orders.length; i++) {
    const a = decoded.orders[i]!;
    const b = checked.value.orders[i]!;
    for (const field of ['remark', 'carrier'] as const)
      if (a[field] !== b[field])
        return fail('tampered', `the batch breaks a sealing rule: ${field} is not as sealBatch leaves it`, {
          orderId: a.orderId,
          field,
        });
    for (const key of ['name', 'phone', 'address'] as const)
      if (a.receiver[key] !== b.receiver[key])
        return fail('tampered', `the batch breaks a sealing rule: receiver.${key} is blank`, {
          orderId: a.orderId,
          field: `receiver.${key}`,
        });
  }
  return checked;
}

/**
 * A new batch id: 12 base64url characters from 9 random bytes (72 bits); `undefined` when the
 * random source does not return 9 bytes.
 * @example
 * newBatchId((n) => crypto.getRandomValues(new Uint8Array(n))); // e.g. 'q3Zk8Jd0WcLm'
 */
export function newBatchId(random: RandomBytes): string | undefined {
  const b = random(9);
  return b instanceof Uint8Array && b.length === 9 ? encodeBase64url(b) : undefined;
}

/** Decode a `BatchKeyMaterial.key`; `undefined` when it is not 32 bytes of base64url. */
export function decodeKey(key: string): Uint8Array | undefined {
  const b = typeof key === 'string' ? decodeBase64url(key) : undefined;
  return b && b.length === KEY_BYTES ? b : undefined;
}
