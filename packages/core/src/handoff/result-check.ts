/**
 * The rule for one supplier result, shared by `sealReturn` (on the way in) and `openReturn` (on
 * the way out, issue 14 item 2): anyone who holds the link can seal a return code, so what
 * opens is checked exactly as what is sealed, and a result that breaks the rule is `tampered`.
 * - `shipped`: the carrier is 1–64 characters, already trimmed, with no control, format
 *   (zero-width, bidi) or line-separator characters and no mobile number; the waybill number is
 *   1–64 letters, digits and dashes starting with a letter or digit, and not a mobile number;
 * - `cannot-ship`: the reason is at most 500 characters, already what `maskText` makes of it,
 *   with no mobile number (any way `containsMobile` reads one) and no control characters other
 *   than tab and line breaks, and no bidi overrides.
 * @module
 */
import { maskText } from '../mask/mask-text.js';
import { WAYBILL_SHAPE } from '../waybill/waybill-number.js';
import { containsMobile } from './check.js';
import { fail, type HandoffResult } from './errors.js';
import type { ReturnResult } from './return-code.js';

/** Limits of a supplier result (characters). */
export const RETURN_LIMITS = { carrier: 64, waybill: 64, reason: 500 } as const;

/** Control, format (zero-width, bidi, BOM), line / paragraph separators, lone surrogates. */
const CARRIER_BAD = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** In a reason: controls but tab / LF / CR, bidi embeddings, overrides and isolates, lone surrogates. */
// eslint-disable-next-line no-control-regex
const REASON_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\p{Cs}]/u;

type Code = 'invalid-result';

/**
 * Check one result against the rule above; `orderId` must already be known to belong to the
 * batch. Returns the result rebuilt from its known fields only. Never throws.
 * @example
 * checkReturnResult({ orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' }).ok; // true
 * checkReturnResult({ orderId: '1', status: 'shipped', carrier: 'ZTO\u202e', waybill: '7841' }).ok; // false (carrier)
 * checkReturnResult({ orderId: '1', status: 'cannot-ship', reason: '打13812345678' }).ok; // false (reason not masked)
 */
export function checkReturnResult(r: ReturnResult): HandoffResult<ReturnResult, Code> {
  const orderId = typeof r?.orderId === 'string' ? r.orderId : '';
  const bad = (message: string, field: string) => fail<Code>('invalid-result', message, { orderId, field });
  if (r?.status === 'shipped') {
    const { carrier, waybill } = r;
    if (
      typeof carrier !== 'string' ||
      carrier === '' ||
      carrier !== carrier.trim() ||
      carrier.length > RETURN_LIMITS.carrier ||
      CARRIER_BAD.test(carrier)
    )
      return bad('carrier must be 1–64 characters, trimmed, without control characters', 'carrier');
    if (containsMobile(carrier)) return bad('the carrier holds a mobile number', 'carrier');
    if (typeof waybill !== 'string' || !WAYBILL_SHAPE.test(waybill))
      return bad('waybill number must be 1–64 letters, digits or dashes', 'waybill');
    if (containsMobile(waybill)) return bad('a waybill number may not be a mobile number', 'waybill');
    return { ok: true, value: { orderId, status: 'shipped', carrier, waybill } };
  }
  if (r?.status === 'cannot-ship') {
    const { reason } = r;
    if (typeof reason !== 'string' || reason.length > RETURN_LIMITS.reason || REASON_BAD.test(reason))
      return bad('reason must be at most 500 characters without control characters', 'reason');
    if (maskText(reason).value !== reason) return bad('the reason is not masked', 'reason');
    if (containsMobile(reason)) return bad('the reason holds a mobile number', 'reason');
    return { ok: true, value: { orderId, status: 'cannot-ship', reason } };
  }
  return bad('status must be shipped or cannot-ship', 'status');
}

/**
 * What `sealReturn` makes of a result before checking it: carrier and waybill trimmed, the
 * reason passed through `maskText`. Other values are left for `checkReturnResult` to refuse.
 * @example
 * normalizeReturnResult({ orderId: '1', status: 'cannot-ship', reason: '打13812345678' });
 * // { orderId: '1', status: 'cannot-ship', reason: '打138****5678' }
 */
export function normalizeReturnResult(r: ReturnResult): ReturnResult {
  if (r?.status === 'shipped' && typeof r.carrier === 'string' && typeof r.waybill === 'string')
    return { ...r, carrier: r.carrier.trim(), waybill: r.waybill.trim() };
  if (r?.status === 'cannot-ship' && typeof r.reason === 'string' && r.reason.length <= RETURN_LIMITS.reason)
    return { ...r, reason: maskText(r.reason).value };
  return r;
}
