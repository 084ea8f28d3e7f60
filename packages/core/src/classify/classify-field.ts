/**
 * `classifyField(value, kind)`: what form a receiver field takes (plain / masked / ciphertext /
 * virtual / empty / invalid), which platform's ciphertext it is and its search index.
 * @module
 */
import type { FieldForm, FieldKind, VirtualNumber } from '../types.js';
import { readCipher, type CipherSource } from './cipher-shapes.js';
import { foldWidth } from './normalize.js';
import { readPhone } from './phone.js';

/**
 * The class of one field value.
 * @example
 * const c: FieldClass = classifyField('132****3639', 'phone'); // { form: 'masked', phoneType: 'mobile' }
 */
export interface FieldClass {
  readonly form: FieldForm;
  /** Why the value is `invalid` (or a remark on another form). */
  readonly reason?: string;
  /** The platform whose ciphertext shape this is. */
  readonly source?: CipherSource;
  /** The ciphertext's search-index segment, where present. */
  readonly searchIndex?: string;
  /** The virtual number, when `form` is `virtual`. */
  readonly virtual?: VirtualNumber;
  /** Phone detail: `mobile` or `landline` for plain and masked phones. */
  readonly phoneType?: 'mobile' | 'landline';
}

/** Longest value classified in full (longer text is classified from its form only). */
const MAX_FIELD_LENGTH = 100_000;

/** Whether the text contains a mask character (`*`, full-width `＊`, `●`). */
function hasMask(s: string): boolean {
  return s.includes('*') || s.includes('＊') || s.includes('●');
}

/**
 * Classify one receiver field. `kind` says what the field should hold; for phones the number
 * rules apply (an 11-digit valid mobile is `plain`, which callers use to refuse real numbers).
 * Never throws.
 * @example
 * classifyField('13240968483', 'phone').form; // 'plain'
 * classifyField('132****3639', 'phone').form; // 'masked'
 * classifyField('13240968483-9647', 'phone'); // { form: 'virtual', virtual: { main: '13240968483', ext: '9647' } }
 * classifyField('1324096848', 'phone'); // { form: 'invalid', reason: 'a mobile number with 10 digits (a digit missing)' }
 * classifyField('#ML3B#0BB1W4Xn5A=#1##', 'address'); // { form: 'ciphertext', source: 'douyin', searchIndex: 'ML3B' }
 */
export function classifyField(value: string, kind: FieldKind): FieldClass {
  if (typeof value !== 'string') return { form: 'invalid', reason: 'not a string' };
  if (kind === 'phone') {
    const r = readPhone(value);
    switch (r.kind) {
      case 'empty':
        return { form: 'empty' };
      case 'mobile':
        return { form: 'plain', phoneType: 'mobile' };
      case 'landline':
        return { form: 'plain', phoneType: 'landline' };
      case 'virtual':
        return { form: 'virtual', virtual: r.value };
      case 'masked':
        return r.shape === 'other' ? { form: 'masked' } : { form: 'masked', phoneType: r.shape };
      case 'cipher':
        return {
          form: 'ciphertext',
          source: r.reading.source,
          ...(r.reading.searchIndex !== undefined ? { searchIndex: r.reading.searchIndex } : {}),
        };
      case 'invalid':
        return { form: 'invalid', reason: r.reason };
    }
  }
  const t = value.trim();
  if (t === '') return { form: 'empty' };
  const c = readCipher(t);
  if (c) {
    return {
      form: 'ciphertext',
      source: c.source,
      ...(c.searchIndex !== undefined ? { searchIndex: c.searchIndex } : {}),
    };
  }
  if (t.length > MAX_FIELD_LENGTH) {
    return hasMask(t) ? { form: 'masked' } : { form: 'plain', reason: 'very long text' };
  }
  if (kind === 'name') return classifyName(t);
  if (kind === 'address') return hasMask(t) ? { form: 'masked' } : classifyAddress(t);
  return hasMask(t) ? { form: 'masked' } : { form: 'plain' };
}

function classifyName(t: string): FieldClass {
  if (hasMask(t)) return { form: 'masked' };
  const f = foldWidth(t);
  // A name has at least one letter (any script); digits-only or punctuation-only is not a name.
  if (!/\p{L}/u.test(f)) return { form: 'invalid', reason: 'no letters: not a name' };
  return { form: 'plain' };
}

function classifyAddress(t: string): FieldClass {
  if (!/\p{L}/u.test(t)) return { form: 'invalid', reason: 'no letters: not an address' };
  return { form: 'plain' };
}
