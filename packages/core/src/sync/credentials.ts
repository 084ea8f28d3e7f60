/**
 * The shop's CouchDB user (issue 22): CouchDB 3.x has no admin party, so a shop database needs a
 * user, and every station of the shop signs in as that user with HTTP Basic authentication
 * (RFC 7617). The user name and password are typed by the merchant on the first station and carried
 * to the others inside the pairing code (pairing.ts), which already carries the more sensitive sync
 * key. Both are hostile until checked (a typed or scanned code):
 * - user name: 1-100 printable characters (CouchDB user names are free text), no colon (RFC 7617:
 *   the user-id cannot contain one), not starting with `_` (CouchDB reserves those names), no
 *   leading or trailing space (a typing slip the server would refuse as a wrong name);
 * - password: 1-200 printable characters, spaces and colons allowed.
 * "Printable" excludes control, format, surrogate and private-use characters and line separators.
 *
 * The credentials protect access to ciphertext: the server still sees sealed bodies and opaque ids
 * only. They are never put in a URL (server-url.ts refuses that), never in an error message.
 * @module
 */

/** Longest user name (Unicode code points). */
export const MAX_COUCH_USER_CHARS = 100;
/** Longest password (Unicode code points). */
export const MAX_COUCH_PASSWORD_CHARS = 200;

/** A checked CouchDB user name and password. */
export interface CouchCredentials {
  readonly user: string;
  readonly password: string;
}

/** Why credentials were refused (the message never repeats the password). */
export type CredentialsErrorCode = 'bad-user' | 'bad-password';

/**
 * Result of `checkCredentials`.
 * @example
 * const r: CredentialsResult = checkCredentials('shop1', 'pw');
 */
export type CredentialsResult =
  | { readonly ok: true; readonly value: CouchCredentials }
  | {
      readonly ok: false;
      readonly error: { readonly code: CredentialsErrorCode; readonly message: string };
    };

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** Code points of `s` when it has 1..max of them, else -1 (UTF-16 length is checked first). */
function lengthWithin(s: string, max: number): number {
  if (s.length === 0 || s.length > 2 * max) return -1;
  const n = [...s].length;
  return n <= max ? n : -1;
}

/**
 * Check a CouchDB user name and password (see the module rules). Never throws.
 * @example
 * checkCredentials('shop1', 'correct horse'); // { ok: true, value: { user: 'shop1', password: 'correct horse' } }
 * checkCredentials('a:b', 'pw'); // { ok: false, error: { code: 'bad-user', … } }
 */
export function checkCredentials(user: unknown, password: unknown): CredentialsResult {
  const fail = (code: CredentialsErrorCode, message: string) => ({
    ok: false as const,
    error: { code, message },
  });
  if (typeof user !== 'string' || lengthWithin(user, MAX_COUCH_USER_CHARS) < 0)
    return fail('bad-user', `A user name is 1-${MAX_COUCH_USER_CHARS} characters.`);
  if (NOT_PRINTABLE.test(user)) return fail('bad-user', 'A user name has printable characters only.');
  if (user.includes(':')) return fail('bad-user', 'A user name cannot contain ":".');
  if (user.startsWith('_')) return fail('bad-user', 'A user name cannot start with "_".');
  if (user.trim() !== user) return fail('bad-user', 'A user name cannot start or end with a space.');
  if (typeof password !== 'string' || lengthWithin(password, MAX_COUCH_PASSWORD_CHARS) < 0)
    return fail('bad-password', `A password is 1-${MAX_COUCH_PASSWORD_CHARS} characters.`);
  if (NOT_PRINTABLE.test(password)) return fail('bad-password', 'A password has printable characters only.');
  return { ok: true, value: { user, password } };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as Basic authentication wants it. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const v = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[v >> 18]! + B64[(v >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(v >> 6) & 63]!;
    out += c === undefined ? '=' : B64[v & 63]!;
  }
  return out;
}

/**
 * The `Authorization` header value for checked credentials: `Basic base64(utf8(user ":" password))`
 * (RFC 7617, charset UTF-8, as CouchDB reads it).
 * @example
 * basicAuthorization({ user: 'Aladdin', password: 'open sesame' }); // 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='
 */
export function basicAuthorization(credentials: CouchCredentials): string {
  return `Basic ${base64(new TextEncoder().encode(`${credentials.user}:${credentials.password}`))}`;
}
