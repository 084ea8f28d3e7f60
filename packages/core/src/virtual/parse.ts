/**
 * Parsing and formatting "11+4" virtual numbers (虚拟号): an 11-digit main number (主机号) owned by
 * the platform and a 4-digit extension (分机号). Seed 002: `13240968483-9647`.
 * @module
 */
import { foldWidth, isAllDigits } from '../classify/normalize.js';
import type { VirtualNumber } from '../types.js';

/**
 * Why a text is not a virtual number.
 * @example
 * const c: VirtualNumberErrorCode = 'ext-length';
 */
export type VirtualNumberErrorCode =
  'empty' | 'too-long' | 'no-extension' | 'main-length' | 'main-prefix' | 'ext-length' | 'malformed';

/**
 * Result of `parseVirtualNumberDetailed`.
 * @example
 * const r: VirtualNumberParse = parseVirtualNumberDetailed('13240968483'); // { ok: false, code: 'no-extension', reason: … }
 */
export type VirtualNumberParse =
  | { readonly ok: true; readonly value: VirtualNumber }
  | { readonly ok: false; readonly code: VirtualNumberErrorCode; readonly reason: string };

/** Longest text considered (a virtual number with decoration is ~25 characters). */
const MAX_LENGTH = 64;

/**
 * main, separator (`-` `–` `—` `,` `，` `、` `转` `轉` `ext`, or `(转` … `)`), extension, optional `#`.
 * Applied only to inputs of at most 64 characters; no nested quantifiers.
 */
const SHAPE =
  /^(\d+)[ \t]*(?:[-–—,，、]|[(（]?[转轉][ \t]*|[(（]?ext\.?[ \t]*)[ \t]*(\d+)[ \t]*[)）]?[ \t]*#?$/iu;

function fail(code: VirtualNumberErrorCode, reason: string): VirtualNumberParse {
  return { ok: false, code, reason };
}

/**
 * Parse a virtual number with a reason on failure. Accepts `13240968483-9647`,
 * `13240968483转9647`, `13240968483,9647`, `13240968483-9647#`, `13240968483(转9647)`, spaces
 * around the separator and full-width digits. Never throws.
 * @example
 * parseVirtualNumberDetailed('13240968483转9647'); // { ok: true, value: { main: '13240968483', ext: '9647' } }
 * parseVirtualNumberDetailed('1324096848-9647').ok; // false (code 'main-length')
 */
export function parseVirtualNumberDetailed(text: string): VirtualNumberParse {
  if (typeof text !== 'string') return fail('empty', 'not a string');
  const s = foldWidth(text).trim();
  if (s === '') return fail('empty', 'empty input');
  if (s.length > MAX_LENGTH) return fail('too-long', `longer than ${MAX_LENGTH} characters`);
  const m = SHAPE.exec(s);
  if (!m) {
    if (isAllDigits(s.replace(/[ \t]/gu, '')))
      return fail('no-extension', 'no 4-digit extension after the main number');
    return fail('malformed', 'expected an 11-digit main number, a separator and a 4-digit extension');
  }
  const main = m[1] ?? '';
  const ext = m[2] ?? '';
  if (main.length !== 11) return fail('main-length', `main number has ${main.length} digits, expected 11`);
  if (main[0] !== '1') return fail('main-prefix', 'main number must be a mobile number starting with 1');
  if (ext.length !== 4) return fail('ext-length', `extension has ${ext.length} digits, expected 4`);
  return { ok: true, value: { main, ext } };
}

/**
 * Parse a virtual number, or `null` when the text is not one.
 * @example
 * parseVirtualNumber('13240968483-9647#'); // { main: '13240968483', ext: '9647' }
 * parseVirtualNumber('132****3639'); // null
 */
export function parseVirtualNumber(text: string): VirtualNumber | null {
  const r = parseVirtualNumberDetailed(text);
  return r.ok ? r.value : null;
}

/**
 * The canonical written form `main-ext` (seed 002).
 * @example
 * formatVirtualNumber({ main: '13240968483', ext: '9647' }); // '13240968483-9647'
 */
export function formatVirtualNumber(v: VirtualNumber): string {
  return `${v.main}-${v.ext}`;
}
