/**
 * Waybill (tracking) numbers as a merchant types, pastes or imports them. E-waybill numbers are
 * issued by the carrier per parcel and are not consecutive; only a paper 号段 counts up. The
 * shape rule is the one return codes use (handoff/result-check.ts): letters, digits and dashes,
 * a letter or digit first (so a CSV cell never starts a formula), at most 64 characters, and never
 * a mobile number (a buyer's phone typed into the wrong box must not reach a label or a file).
 * @module
 */
import { maskMobilesIn } from '../mask/mask-text.js';

/**
 * Letters, digits and dashes; a letter or digit first; 1–64 characters. Return codes check
 * their waybill numbers with it too (handoff/result-check.ts).
 * @example
 * WAYBILL_SHAPE.test('JDVA0123456789'); // true
 * WAYBILL_SHAPE.test('=1+1'); // false
 */
export const WAYBILL_SHAPE = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/u;

/** Why a waybill number was refused. */
export type WaybillNumberProblem = 'empty' | 'shape' | 'mobile';

/** A checked waybill number, or why not. */
export type WaybillNumberCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: WaybillNumberProblem; readonly message: string };

/**
 * Check one waybill number (trimmed, full-width digits and letters folded to ASCII). Never throws.
 * @example
 * checkWaybillNumber(' 78412345678901 '); // { ok: true, value: '78412345678901' }
 * checkWaybillNumber('ＪＤＶＡ０１２３４５６７８９'); // { ok: true, value: 'JDVA0123456789' }
 * checkWaybillNumber('13812345678').ok; // false (problem 'mobile')
 * checkWaybillNumber('=1+1').ok; // false (problem 'shape')
 */
export function checkWaybillNumber(text: unknown): WaybillNumberCheck {
  if (typeof text !== 'string') return { ok: false, problem: 'empty', message: 'no waybill number' };
  // Limit before work: anything past 200 characters cannot be a waybill number.
  const t = text
    .slice(0, 200)
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d]/gu, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .trim();
  if (t === '') return { ok: false, problem: 'empty', message: 'no waybill number' };
  if (!WAYBILL_SHAPE.test(t))
    return { ok: false, problem: 'shape', message: 'a waybill number is 1–64 letters, digits or dashes' };
  if (maskMobilesIn(t) !== t)
    return { ok: false, problem: 'mobile', message: 'this looks like a mobile number, not a waybill number' };
  return { ok: true, value: t };
}
