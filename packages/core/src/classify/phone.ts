/**
 * Reading a phone field: mobile, landline, virtual number, masked value, ciphertext or invalid.
 * Shared by `classifyField` and `maskPhone` so both agree on every input.
 * @module
 */
import type { VirtualNumber } from '../types.js';
import { parseVirtualNumber } from '../virtual/parse.js';
import { readCipher, type CipherReading } from './cipher-shapes.js';
import { foldWidth, isAllDigits, isMobileDigits } from './normalize.js';

/**
 * What a phone field holds.
 * @example
 * const r: PhoneReading = readPhone('020-87654321'); // { kind: 'landline', area: '020', number: '87654321' }
 */
export type PhoneReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'mobile'; readonly digits: string }
  | { readonly kind: 'landline'; readonly area: string; readonly number: string }
  | { readonly kind: 'virtual'; readonly value: VirtualNumber }
  | { readonly kind: 'masked'; readonly text: string; readonly shape: 'mobile' | 'landline' | 'other' }
  | { readonly kind: 'cipher'; readonly reading: CipherReading }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Longest phone field read in full; longer input is invalid without further work. */
const MAX_PHONE_LENGTH = 64;

/** Mask characters platforms use: `*`, and `●`/`•`/`×`/`x` seen in some exports. */
function isMaskChar(c: number): boolean {
  return c === 42 || c === 0x25cf || c === 0x2022 || c === 0xd7 || c === 120 || c === 88;
}

/** Separators allowed inside a written phone number. */
function isPhoneSeparator(c: number): boolean {
  return (
    c === 32 ||
    c === 45 ||
    c === 40 ||
    c === 41 ||
    c === 46 ||
    c === 9 ||
    c === 0x2010 ||
    c === 0x2013 ||
    c === 0x2014
  );
}

/** Area code, number, then an extension after `-`, `#`, `转`, `ext` or `分机` (inputs <= 64 chars). */
const LANDLINE_WITH_EXT = /^[(（]?(0\d{2,3})[)）]?[ -]?(\d{7,8})[ ]*(?:-|#|转|轉|ext\.?|分机)[ ]*\d{1,6}$/iu;

/** Strip `+86`, `0086`, `86` in front of a mobile number. */
function stripCountryCode(d: string): string {
  if (d.length === 13 && d.startsWith('86')) return d.slice(2);
  if (d.length === 15 && d.startsWith('0086')) return d.slice(4);
  return d;
}

/**
 * Area codes: `010`, `02x` (3 digits) or `0[3-9]xx` (4 digits). A landline number is 7 or 8
 * digits after the area code.
 */
function splitLandline(d: string): { area: string; number: string } | undefined {
  if (d.length < 10 || d.length > 12 || d[0] !== '0') return undefined;
  const threeDigitArea = d[1] === '1' || d[1] === '2';
  const area = d.slice(0, threeDigitArea ? 3 : 4);
  const number = d.slice(area.length);
  if (number.length < 7 || number.length > 8 || number[0] === '0' || number[0] === '1') return undefined;
  return { area, number };
}

/**
 * Read a phone field. Never throws.
 * @example
 * readPhone('+86 132 4096 8483'); // { kind: 'mobile', digits: '13240968483' }
 * readPhone('132****3639'); // { kind: 'masked', text: '132****3639', shape: 'mobile' }
 */
export function readPhone(value: string): PhoneReading {
  if (typeof value !== 'string') return { kind: 'invalid', reason: 'not a string' };
  // Fast path: exactly 11 ASCII digits.
  if (value.length === 11 && isAllDigits(value)) {
    return isMobileDigits(value)
      ? { kind: 'mobile', digits: value }
      : { kind: 'invalid', reason: 'an 11-digit number that is not a mainland mobile number' };
  }
  const t = value.trim();
  if (t === '') return { kind: 'empty' };
  if (t.length > MAX_PHONE_LENGTH)
    return { kind: 'invalid', reason: `longer than ${MAX_PHONE_LENGTH} characters` };
  const first = t.charCodeAt(0);
  if (first === 35 || first === 36 || first === 126) {
    const reading = readCipher(t);
    if (reading) return { kind: 'cipher', reading };
  }
  const s = foldWidth(t);
  // Landline with an extension (`0755-2345678-801`, `010-62345678转8001`): the extension is dropped.
  const withExt = LANDLINE_WITH_EXT.exec(s);
  if (withExt) {
    const land = splitLandline((withExt[1] ?? '') + (withExt[2] ?? ''));
    if (land) return { kind: 'landline', ...land };
  }
  // Keep digits, mask characters and `+`; drop separators; anything else goes to virtual/invalid.
  let d = '';
  let masks = 0;
  let other = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) d += s[i];
    else if (isMaskChar(c)) {
      d += '*';
      masks++;
    } else if (c === 43 && d === '') continue;
    else if (!isPhoneSeparator(c)) other = true;
  }
  if (!other && masks === 0) {
    // A dash may separate an extension: that is the virtual-number shape, checked first.
    const v = /\d{11}\s*-\s*\d{4}$/u.test(s) ? parseVirtualNumber(s) : null;
    if (v) return { kind: 'virtual', value: v };
    const m = stripCountryCode(d);
    if (isMobileDigits(m)) return { kind: 'mobile', digits: m };
    const land = splitLandline(d);
    if (land) return { kind: 'landline', ...land };
    if (d.length === 10 && d[0] === '1')
      return { kind: 'invalid', reason: 'a mobile number with 10 digits (a digit missing)' };
    if (d.length === 12 && d[0] === '1')
      return { kind: 'invalid', reason: 'a mobile number with 12 digits (a digit too many)' };
    if (d.length === 11 && d[0] === '1')
      return { kind: 'invalid', reason: 'an 11-digit number that is not a mainland mobile number' };
    return { kind: 'invalid', reason: `not a phone number (${d.length} digits)` };
  }
  if (!other && masks > 0) {
    const m = d.length === 13 && d.startsWith('86') ? d.slice(2) : d;
    if (m.length === 11 && m[0] === '1') return { kind: 'masked', text: m, shape: 'mobile' };
    if (m[0] === '0' && m.length >= 7) return { kind: 'masked', text: m, shape: 'landline' };
    return { kind: 'masked', text: m, shape: 'other' };
  }
  const v = parseVirtualNumber(s);
  if (v) return { kind: 'virtual', value: v };
  return { kind: 'invalid', reason: 'contains characters that are not part of a phone number' };
}
