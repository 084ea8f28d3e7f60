/**
 * Calling and texting a virtual number.
 * @module
 */
import { resolvePlatform, type PlatformRef } from '../platform/registry.js';
import type { VirtualNumber } from '../types.js';

/**
 * Options of `dialString`.
 * @example
 * dialString({ main: '13240968483', ext: '9647' }, 'wechat', { pauses: 2 }); // 'tel:13240968483,,9647'
 */
export interface DialOptions {
  /** How many `,` pauses (about 2 s each on most phones) before the extension. Default 1. */
  readonly pauses?: number;
}

/**
 * A `tel:` URI that dials the main number, pauses (`,`), then keys the extension; on platforms
 * whose rule ends the extension with `#` (JD, seed 003) the `#` follows, percent-encoded
 * (`%23`) because `#` would start a URI fragment.
 * @example
 * dialString({ main: '13240968483', ext: '9647' }); // 'tel:13240968483,9647'
 * dialString({ main: '13240968483', ext: '9647' }, 'jd'); // 'tel:13240968483,9647%23'
 */
export function dialString(v: VirtualNumber, platform?: PlatformRef, options: DialOptions = {}): string {
  const p = platform === undefined ? undefined : resolvePlatform(platform);
  const n = Math.min(Math.max(Math.trunc(options.pauses ?? 1), 1), 5);
  const suffix = p?.virtualNumber.dialSuffix === '#' ? '%23' : '';
  return `tel:${digitsOnly(v.main)}${','.repeat(n)}${digitsOnly(v.ext)}${suffix}`;
}

function digitsOnly(s: string): string {
  return typeof s === 'string' ? s.replace(/\D/gu, '') : '';
}

/**
 * Why an SMS cannot be sent through a virtual number.
 * @example
 * const c: SmsErrorCode = 'sms-not-supported';
 */
export type SmsErrorCode = 'sms-not-supported' | 'unknown-platform' | 'empty-text';

/**
 * Result of `smsTarget`.
 * @example
 * const t: SmsTarget = smsTarget('wechat', { main: '13240968483', ext: '9647' }, 'hi'); // { ok: false, error: { code: 'sms-not-supported', … } }
 */
export type SmsTarget =
  | {
      readonly ok: true;
      readonly value: { readonly to: string; readonly body: string; readonly uri: string };
    }
  | { readonly ok: false; readonly error: { readonly code: SmsErrorCode; readonly message: string } };

/**
 * Where and what to text to reach a buyer through a virtual number. JD (seed 003): to the
 * 11-digit main number with body `#<ext>#<text>`. WeChat (seed 002): not supported, typed
 * error. `uri` is an `sms:` URI with the body percent-encoded.
 * @example
 * smsTarget('jd', { main: '13240968483', ext: '9647' }, '您好');
 * // { ok: true, value: { to: '13240968483', body: '#9647#您好', uri: 'sms:13240968483?body=%239647%23%E6%82%A8%E5%A5%BD' } }
 * smsTarget('wechat', { main: '13240968483', ext: '9647' }, 'hi').ok; // false
 */
export function smsTarget(platform: PlatformRef, v: VirtualNumber, text: string): SmsTarget {
  const p = resolvePlatform(platform);
  if (!p) return { ok: false, error: { code: 'unknown-platform', message: 'unknown platform' } };
  const sms = p.virtualNumber.sms;
  if (!sms.supported) return { ok: false, error: { code: 'sms-not-supported', message: sms.reason } };
  const t = typeof text === 'string' ? text : '';
  if (t.trim() === '') return { ok: false, error: { code: 'empty-text', message: 'empty message' } };
  const to = digitsOnly(v.main);
  const body = sms.bodyTemplate.replace('{ext}', digitsOnly(v.ext)).replace('{text}', () => t);
  return { ok: true, value: { to, body, uri: `sms:${to}?body=${encodeURIComponent(toWellFormed(body))}` } };
}

/** Replace lone surrogates so `encodeURIComponent` cannot throw. */
function toWellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD');
}
