/**
 * The pairing code (issue 22, deliver 3): how a second station joins a shop. It carries the shop
 * sync key and the server URL in a text fit for typing and for a QR code:
 * ```
 * SM-XXXX-XXXX-…   (Crockford base32, groups of 4; letters and digits only, so a QR code can use
 *                   its compact alphanumeric mode)
 * version 1 (no credentials: an open database, or a proxy in front of it):
 * bytes = 1 | sync key (32) | server URL (UTF-8, checked by checkServerUrl) | CRC-32 (4)
 * version 2 (the shop's CouchDB user, credentials.ts):
 * bytes = 2 | sync key (32) | user length (uint16 BE) | user (UTF-8) | password length (uint16 BE)
 *           | password (UTF-8) | server URL (UTF-8) | CRC-32 (4)
 * ```
 * A code is written as version 1 when there are no credentials (codes made before credentials
 * existed keep their exact text) and as version 2 otherwise; both are read.
 * Decoding ignores case, spaces and hyphens and reads O as 0 and I, L as 1 (Crockford). The CRC-32
 * (IEEE 802.3 polynomial, as in zip) covers every preceding byte: one mistyped character changes at
 * most 5 adjacent bits, and CRC-32 detects every error burst of up to 32 bits, so any single
 * wrong character is caught (`checksum`), never decoded into another key or URL.
 *
 * The code is a secret: whoever holds it can read and write the shop's sync data (and, in version
 * 2, sign in to the shop's CouchDB). Show it only on request; removing a station means a new sync
 * key (and a new code) for the others, and a new CouchDB password if the removed computer must
 * also lose access to the server.
 * @module
 */
import { checkServerUrl, type ServerUrlErrorCode } from './server-url.js';
import { SYNC_KEY_BYTES } from './keys.js';
import {
  MAX_COUCH_PASSWORD_CHARS,
  MAX_COUCH_USER_CHARS,
  checkCredentials,
  type CouchCredentials,
  type CredentialsErrorCode,
} from './credentials.js';

/** The pairing-code format version without credentials. */
export const PAIRING_VERSION = 1;
/** The pairing-code format version with the shop's CouchDB user name and password. */
export const PAIRING_VERSION_CREDENTIALS = 2;
/** The text before the first group. */
export const PAIRING_PREFIX = 'SM';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** What a pairing code carries. */
export interface Pairing {
  readonly syncKey: Uint8Array;
  /** The checked, normalised server URL. */
  readonly serverUrl: string;
  /** The shop's CouchDB user (version 2), absent for an open database. */
  readonly credentials?: CouchCredentials;
}

/** Why a pairing code was refused. */
export type PairingErrorCode =
  /** Not a shipmask pairing code (no `SM-` prefix, or far too short). */
  | 'not-a-pairing-code'
  /** A character outside the code's alphabet. */
  | 'bad-character'
  /** A mistyped or missing character: the checksum does not match. */
  | 'checksum'
  | 'unknown-version'
  | 'bad-sync-key'
  | CredentialsErrorCode
  | ServerUrlErrorCode;

/**
 * Result of the pairing functions.
 * @example
 * const r: PairingResult<Pairing> = decodePairingCode(typed);
 */
export type PairingResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: PairingErrorCode; readonly message: string } };

const fail = (
  code: PairingErrorCode,
  message: string,
): { ok: false; error: { code: PairingErrorCode; message: string } } => ({
  ok: false,
  error: { code, message },
});

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32 (IEEE 802.3, reflected, init and final XOR 0xFFFFFFFF).
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31]!;
  return out;
}

/** Decode base32 symbols; `undefined` when unused trailing bits are not zero or the length is impossible. */
function fromBase32(symbols: readonly number[]): Uint8Array | undefined {
  const n = Math.floor((symbols.length * 5) / 8);
  if (Math.ceil((n * 8) / 5) !== symbols.length) return undefined;
  const out = new Uint8Array(n);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const s of symbols) {
    acc = (acc << 5) | s;
    bits += 5;
    if (bits >= 8) {
      out[o++] = (acc >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  return acc === 0 ? out : undefined;
}

/**
 * Encode a pairing code (the URL is checked and normalised first).
 * @example
 * encodePairingCode({ syncKey, serverUrl: 'https://couch.example.com/shipmask-s1' });
 * // { ok: true, value: 'SM-0G00-…' } (version 1)
 * encodePairingCode({ syncKey, serverUrl, credentials: { user: 'shop1', password: 'pw' } });
 * // { ok: true, value: 'SM-0WRG-…' } (version 2)
 */
export function encodePairingCode(pairing: Pairing): PairingResult<string> {
  if (!(pairing.syncKey instanceof Uint8Array) || pairing.syncKey.length !== SYNC_KEY_BYTES)
    return fail('bad-sync-key', `A sync key is ${SYNC_KEY_BYTES} bytes.`);
  const url = checkServerUrl(pairing.serverUrl);
  if (!url.ok) return fail(url.error.code, url.error.message);
  const u = utf8.encode(url.value.url);
  let creds = new Uint8Array(0);
  if (pairing.credentials !== undefined) {
    const c = checkCredentials(pairing.credentials.user, pairing.credentials.password);
    if (!c.ok) return fail(c.error.code, c.error.message);
    const user = utf8.encode(c.value.user);
    const password = utf8.encode(c.value.password);
    creds = new Uint8Array(4 + user.length + password.length);
    const v = new DataView(creds.buffer);
    v.setUint16(0, user.length);
    creds.set(user, 2);
    v.setUint16(2 + user.length, password.length);
    creds.set(password, 4 + user.length);
  }
  const bytes = new Uint8Array(1 + SYNC_KEY_BYTES + creds.length + u.length + 4);
  bytes[0] = pairing.credentials === undefined ? PAIRING_VERSION : PAIRING_VERSION_CREDENTIALS;
  bytes.set(pairing.syncKey, 1);
  bytes.set(creds, 1 + SYNC_KEY_BYTES);
  bytes.set(u, 1 + SYNC_KEY_BYTES + creds.length);
  const crc = crc32(bytes.subarray(0, bytes.length - 4));
  new DataView(bytes.buffer).setUint32(bytes.length - 4, crc);
  const groups = toBase32(bytes).match(/.{1,4}/gu) ?? [];
  return { ok: true, value: `${PAIRING_PREFIX}-${groups.join('-')}` };
}

/**
 * Longest pairing code text read (limits before allocation): the longest version 2 code (a
 * 100-character user and a 200-character password of 4-byte UTF-8 characters, a 300-character
 * URL) is 1,541 bytes, 2,466 symbols, 3,087 characters with its hyphens.
 */
export const MAX_PAIRING_CODE_CHARS = 3200;
/** Longest UTF-8 user name and password in a code (4 bytes per character at most). */
const MAX_USER_BYTES = 4 * MAX_COUCH_USER_CHARS;
const MAX_PASSWORD_BYTES = 4 * MAX_COUCH_PASSWORD_CHARS;

/**
 * Decode a typed or scanned pairing code, or say exactly what is wrong with it. Never throws.
 * @example
 * decodePairingCode('sm-0g00 …'); // { ok: true, value: { syncKey, serverUrl } } (version 1)
 * decodePairingCode('SM-0WRG-…'); // { ok: true, value: { syncKey, serverUrl, credentials: { user, password } } }
 * decodePairingCode(codeWithOneTypo); // { ok: false, error: { code: 'checksum', … } }
 */
export function decodePairingCode(text: string): PairingResult<Pairing> {
  if (typeof text !== 'string' || text.length > MAX_PAIRING_CODE_CHARS)
    return fail('not-a-pairing-code', 'Not a shipmask pairing code.');
  const compact = text.replace(/[\s-]+/gu, '').toUpperCase();
  if (!compact.startsWith(PAIRING_PREFIX))
    return fail('not-a-pairing-code', 'A pairing code starts with SM-.');
  const symbols: number[] = [];
  for (const ch of compact.slice(PAIRING_PREFIX.length)) {
    const c = ch === 'O' ? '0' : ch === 'I' || ch === 'L' ? '1' : ch;
    const v = ALPHABET.indexOf(c);
    if (v < 0) return fail('bad-character', `"${ch}" is not a character of pairing codes.`);
    symbols.push(v);
  }
  const bytes = fromBase32(symbols);
  if (!bytes) return fail('checksum', 'A character is missing, extra or mistyped.');
  if (bytes.length < 1 + SYNC_KEY_BYTES + 4 + 1)
    return fail('not-a-pairing-code', 'The pairing code is too short.');
  const crc = new DataView(bytes.buffer).getUint32(bytes.length - 4);
  if (crc32(bytes.subarray(0, bytes.length - 4)) !== crc) return fail('checksum', 'A character is mistyped.');
  if (bytes[0] !== PAIRING_VERSION && bytes[0] !== PAIRING_VERSION_CREDENTIALS)
    return fail('unknown-version', `Pairing code version ${bytes[0]} is unknown.`);
  const end = bytes.length - 4;
  let at = 1 + SYNC_KEY_BYTES;
  let credentials: CouchCredentials | undefined;
  if (bytes[0] === PAIRING_VERSION_CREDENTIALS) {
    const view = new DataView(bytes.buffer);
    const field = (max: number): string | undefined => {
      if (at + 2 > end) return undefined;
      const n = view.getUint16(at);
      if (n > max || at + 2 + n > end) return undefined;
      const from = at + 2;
      at = from + n;
      try {
        return utf8Strict.decode(bytes.subarray(from, at));
      } catch {
        return undefined;
      }
    };
    const user = field(MAX_USER_BYTES);
    if (user === undefined) return fail('bad-user', 'The user name in the code is malformed.');
    const password = field(MAX_PASSWORD_BYTES);
    if (password === undefined) return fail('bad-password', 'The password in the code is malformed.');
    const c = checkCredentials(user, password);
    if (!c.ok) return fail(c.error.code, c.error.message);
    credentials = c.value;
  }
  let urlText: string;
  try {
    urlText = utf8Strict.decode(bytes.subarray(at, end));
  } catch {
    return fail('bad-url', 'The server URL is not UTF-8.');
  }
  const url = checkServerUrl(urlText);
  if (!url.ok) return fail(url.error.code, url.error.message);
  return {
    ok: true,
    value: {
      syncKey: bytes.slice(1, 1 + SYNC_KEY_BYTES),
      serverUrl: url.value.url,
      ...(credentials ? { credentials } : {}),
    },
  };
}
