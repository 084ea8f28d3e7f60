/**
 * Where a local print component listens: `ws://` + host + port + path, built from the
 * component's record (src/platform `printComponents`), never from order or page data. The host is
 * the loopback name (`127.0.0.1` or `localhost`), the port an integer 1–65535 (default: the
 * record's first port, or its second for TLS), the path the record's (Kuaishou `/ks/printer`,
 * others `/`).
 * @module
 */
import { getPrintComponent } from '../platform/index.js';
import type { PrintCodecError } from './types.js';

/** Loopback host names a component endpoint may use. */
export const COMPONENT_HOSTS = ['127.0.0.1', 'localhost'] as const;

/** Options of {@link componentEndpoint}. */
export interface EndpointOptions {
  /** A port the merchant set (components can be moved); default from the record. */
  readonly port?: number | string;
  /** `127.0.0.1` (default) or `localhost`. */
  readonly host?: string;
  /** `wss://` on the record's TLS port (its second default port). */
  readonly tls?: boolean;
}

/** Result of {@link componentEndpoint}. */
export type EndpointResult =
  | { readonly ok: true; readonly url: string; readonly port: number; readonly path: string }
  | { readonly ok: false; readonly error: PrintCodecError };

const fail = (code: PrintCodecError['code'], message: string): EndpointResult => ({
  ok: false,
  error: { code, message },
});

/**
 * The WebSocket URL of component `id`. Rule: host ∈ {127.0.0.1, localhost}; port an integer
 * 1–65535 (digits only when given as text); path from the component record. Never throws.
 * @example
 * componentEndpoint('kuaishou'); // { ok: true, url: 'ws://127.0.0.1:16888/ks/printer', port: 16888, path: '/ks/printer' }
 * componentEndpoint('douyin', { port: '13999', tls: true }).ok; // true: 'wss://127.0.0.1:13999/'
 * componentEndpoint('jd', { host: 'evil.example' }).ok; // false
 */
export function componentEndpoint(id: string, options: EndpointOptions = {}): EndpointResult {
  const c = typeof id === 'string' ? getPrintComponent(id) : undefined;
  if (!c) return fail('unknown-component', `Unknown print component ${JSON.stringify(String(id))}.`);
  const host = options.host ?? '127.0.0.1';
  if (!(COMPONENT_HOSTS as readonly string[]).includes(host)) {
    return fail('bad-field', 'A print component listens on 127.0.0.1 or localhost only.');
  }
  const tls = options.tls === true;
  let port: number | undefined;
  if (options.port === undefined) port = c.defaultPorts[tls ? 1 : 0];
  else if (typeof options.port === 'number') port = options.port;
  else if (typeof options.port === 'string' && /^\d{1,5}$/u.test(options.port.trim()))
    port = Number(options.port.trim());
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
    return fail('bad-field', 'The port must be an integer from 1 to 65535.');
  }
  const path = c.path ?? '/';
  return { ok: true, url: `${tls ? 'wss' : 'ws'}://${host}:${port}${path}`, port, path };
}
