/**
 * `maskPhone`: a mobile number keeps its first 3 and last 4 digits (`134****3639`); a landline
 * keeps its area code and last 4 digits (`020-****5678`). Already-masked values are re-cut to the
 * rule (so idempotent), virtual numbers stay as they are (the main number is the platform's, not
 * the buyer's), platform ciphertext passes through, anything else gets the fixed mask.
 * @module
 */
import { isMobileDigits } from '../classify/normalize.js';
import { readPhone } from '../classify/phone.js';
import { formatVirtualNumber } from '../virtual/parse.js';
import { FIXED_MASK, type Masked } from './types.js';

/** The middle of a masked mobile: always 4 stars (rule 3 + 4). */
const MOBILE_MIDDLE = '****';

/**
 * Mask a phone field. Never throws; `value` never keeps more than 7 digits of a mobile number.
 * @example
 * maskPhone('13440963639'); // { value: '134****3639', form: 'plain' }
 * maskPhone('+86 134 4096 3639').value; // '134****3639'
 * maskPhone('132****3639'); // { value: '132****3639', form: 'masked' }
 * maskPhone('13240968483-9647'); // { value: '13240968483-9647', form: 'virtual' }
 * maskPhone('020-87654321').value; // '020-****4321'
 * maskPhone('1344096363'); // { value: '****', form: 'invalid', reason: 'a mobile number with 10 digits (a digit missing)' }
 */
export function maskPhone(value: string): Masked {
  // Fast path, same rule as readPhone: 11 ASCII digits `1[3-9]…` is a mobile number.
  if (typeof value === 'string' && value.length === 11 && isMobileDigits(value)) {
    return { value: value.slice(0, 3) + MOBILE_MIDDLE + value.slice(7), form: 'plain' };
  }
  const r = readPhone(value);
  switch (r.kind) {
    case 'mobile': {
      const d = r.digits;
      return { value: d.slice(0, 3) + MOBILE_MIDDLE + d.slice(7), form: 'plain' };
    }
    case 'landline':
      return { value: `${r.area}-****${r.number.slice(-4)}`, form: 'plain' };
    case 'virtual':
      return { value: formatVirtualNumber(r.value), form: 'virtual' };
    case 'empty':
      return { value: '', form: 'empty' };
    case 'cipher':
      return { value: typeof value === 'string' ? value.trim() : '', form: 'ciphertext' };
    case 'masked':
      return { value: recut(r.text, r.shape), form: 'masked' };
    case 'invalid':
      return { value: FIXED_MASK, form: 'invalid', reason: r.reason };
  }
}

/** Re-cut an already-masked value to the rule, so it never shows more than the rule allows. */
function recut(t: string, shape: 'mobile' | 'landline' | 'other'): string {
  if (shape === 'mobile') return t.slice(0, 3) + MOBILE_MIDDLE + t.slice(7);
  if (shape === 'landline') {
    const area = t[1] === '1' || t[1] === '2' ? t.slice(0, 3) : t.slice(0, 4);
    const tail = t.slice(area.length).slice(-4);
    // Only digits the rule allows: the area code and at most the last 4.
    return `${area.includes('*') ? FIXED_MASK : area}-****${tail}`;
  }
  return FIXED_MASK;
}
