/**
 * The merchant's CouchDB database URL, checked (hostile until checked: it comes from a pairing
 * code someone typed or scanned). Parsed by a strict grammar, not a URL library, so core stays
 * pure and nothing odd slips through:
 * ```
 * http[s]://host[:port][/prefix-segment…]/database[/]
 * host     = DNS name (letters, digits, hyphens; labels of 1-63) | IPv4 | [IPv6]
 * database = CouchDB database name: [a-z][a-z0-9_$()+-]*  (CouchDB API, "PUT /{db}")
 * ```
 * No query, no fragment, at most 300 characters. Credentials in the URL (`user:pass@host`) are
 * refused with `credentials-in-url`: fetch refuses URLs with credentials, and URLs end up in status
 * views and logs. The shop's CouchDB user name and password are separate checked fields
 * (credentials.ts), sent only as an `Authorization` header. `http` is allowed (a
 * shop LAN server) but reported as `secure: false` unless the host is loopback, so the settings
 * page can warn: the bodies stay sealed, but ids, sizes and timing travel in the clear.
 * @module
 */

/** Longest server URL accepted. */
export const MAX_SERVER_URL_CHARS = 300;

/** A checked server URL. */
export interface ServerUrl {
  /** Normalised: scheme and host lowercased, no trailing slash. */
  readonly url: string;
  /** The database name (the last path segment). */
  readonly database: string;
  /** `https`, or `http` to a loopback host. */
  readonly secure: boolean;
}

/** Why a server URL was refused. */
export type ServerUrlErrorCode = 'bad-url' | 'credentials-in-url' | 'not-http';

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
const IPV4 =
  /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$/u;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/u;
const DB_NAME = /^[a-z][a-z0-9_$()+-]{0,237}$/u;
const PREFIX_SEGMENT = /^[A-Za-z0-9._~-]{1,100}$/u;

function hostOk(host: string): boolean {
  if (IPV6.test(host)) return host.includes(':');
  if (IPV4.test(host)) return true;
  if (host.length > 253) return false;
  const labels = host.split('.');
  return labels.every((l) => DNS_LABEL.test(l)) && !/^[0-9.]+$/u.test(host);
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127\./u.test(host);

/**
 * Check and normalise a CouchDB database URL (see the module grammar). Never throws.
 * @example
 * checkServerUrl('https://Couch.Example.com:6984/shipmask-s1/');
 * // { ok: true, value: { url: 'https://couch.example.com:6984/shipmask-s1', database: 'shipmask-s1', secure: true } }
 * checkServerUrl('https://admin:pw@couch.example.com/db'); // { ok: false, error: { code: 'credentials-in-url', … } }
 */
export function checkServerUrl(
  text: string,
):
  | { readonly ok: true; readonly value: ServerUrl }
  | { readonly ok: false; readonly error: { readonly code: ServerUrlErrorCode; readonly message: string } } {
  const fail = (code: ServerUrlErrorCode, message: string) => ({
    ok: false as const,
    error: { code, message },
  });
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_SERVER_URL_CHARS)
    return fail('bad-url', `A server URL is 1-${MAX_SERVER_URL_CHARS} characters.`);
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)$/u.exec(text.trim());
  if (!m) return fail('bad-url', 'Expected http(s)://host/database with no query or fragment.');
  const scheme = m[1]!.toLowerCase();
  const authority = m[2]!;
  const path = m[3]!;
  if (scheme !== 'http' && scheme !== 'https')
    return fail('not-http', 'Only http and https server URLs are allowed.');
  if (authority.includes('@'))
    return fail('credentials-in-url', 'The URL must not contain a user name or password.');
  const am = /^(\[[^\]]*\]|[^:]*)(?::([0-9]{1,5}))?$/u.exec(authority.toLowerCase());
  if (!am) return fail('bad-url', 'Bad host or port.');
  const host = am[1]!;
  const port = am[2];
  if (!hostOk(host)) return fail('bad-url', 'Bad host name.');
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535 || port.startsWith('0')))
    return fail('bad-url', 'Bad port.');
  const segments = path.replace(/\/$/u, '').split('/').slice(1);
  const database = segments.at(-1);
  if (database === undefined || !DB_NAME.test(database))
    return fail(
      'bad-url',
      'The URL must end with a CouchDB database name (lowercase, starting with a letter).',
    );
  if (!segments.slice(0, -1).every((s) => PREFIX_SEGMENT.test(s))) return fail('bad-url', 'Bad path.');
  const url = `${scheme}://${host}${port !== undefined ? `:${port}` : ''}/${segments.join('/')}`;
  return { ok: true, value: { url, database, secure: scheme === 'https' || isLoopback(host) } };
}
