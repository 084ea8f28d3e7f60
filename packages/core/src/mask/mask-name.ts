/**
 * `maskName`: keeps the surname and replaces the rest with ONE `*`, whatever its length, so the
 * mask leaks no length (`张三丰` → `张*`, `欧阳娜娜` → `欧阳*`). The seeds' example is `张*`.
 * - Compound surnames (欧阳, 司马, 诸葛, …; see compound-surnames.ts) are kept whole.
 * - Names with `·` (transliterated, e.g. 迪丽热巴·迪力木拉提): the part before `·` is a given
 *   name, not a surname, so only its first character is kept: `迪*`.
 * - Latin-script names: the first letter is kept (`John Smith` → `J*`); word order does not tell
 *   which word is the surname, so no whole word is kept.
 * - A WeChat label suffix `(转3639)` is kept after the mask: it is the virtual extension, not
 *   buyer data.
 * - Already-masked names are re-cut to the rule; ciphertext passes through; text without letters
 *   gets the fixed mask.
 * @module
 */
import { isCiphertext } from '../classify/cipher-shapes.js';
import { foldWidth, isHanCodePoint, mayHaveWhitespace } from '../classify/normalize.js';
import { startsWithCompoundSurname } from './compound-surnames.js';
import type { Masked } from './types.js';

/**
 * The mask after the kept surname: exactly one star. Also the whole value for input that is not a name.
 * @example
 * maskName('张三').value === `张${NAME_MASK}`; // true
 */
export const NAME_MASK = '*';

/** Longest name read in full. */
const MAX_NAME_LENGTH = 256;

/** `(转1234)` / `（转1234）` at the end: the WeChat virtual-number extension on a label. */
const EXT_SUFFIX = /[(（][转轉](\d{4})[)）]$/u;

/**
 * Mask a name. Never throws; idempotent.
 * @example
 * maskName('张三'); // { value: '张*', form: 'plain' }
 * maskName('欧阳娜娜').value; // '欧阳*'
 * maskName('迪丽热巴·迪力木拉提').value; // '迪*'
 * maskName('John Smith').value; // 'J*'
 * maskName('店小二(转3639)').value; // '店*(转3639)'
 * maskName('张*'); // { value: '张*', form: 'masked' }
 */
export function maskName(value: string): Masked {
  if (typeof value !== 'string') return { value: NAME_MASK, form: 'invalid', reason: 'not a string' };
  const trimmed = value.trim();
  if (trimmed === '') return { value: '', form: 'empty' };
  const first = trimmed.charCodeAt(0);
  if (first === 35 || first === 36 || first === 126) {
    if (isCiphertext(trimmed)) return { value: trimmed, form: 'ciphertext' };
  }
  if (trimmed.length > MAX_NAME_LENGTH)
    return { value: NAME_MASK, form: 'invalid', reason: `longer than ${MAX_NAME_LENGTH} characters` };
  let t = foldWidth(trimmed);
  if (mayHaveWhitespace(t)) t = t.replace(/\s+/gu, ' ');
  let suffix = '';
  const lastUnit = t.charCodeAt(t.length - 1);
  const ext = lastUnit === 0x29 || lastUnit === 0xff09 ? EXT_SUFFIX.exec(t) : null;
  if (ext) {
    suffix = `(转${ext[1] ?? ''})`;
    t = t.slice(0, ext.index).trim();
    if (t === '') return { value: `${NAME_MASK}${suffix}`, form: 'masked' };
  }
  const star = t.indexOf('*');
  if (star >= 0) {
    // Already masked: keep at most the surname part that precedes the first star.
    const head = t.slice(0, star);
    return { value: keepSurname(head, true) + NAME_MASK + suffix, form: 'masked' };
  }
  // The rule of classifyField: a name has a letter. Fast path: a first unit among the BMP
  // unified ideographs (all assigned letters); not the whole Han range of isHanCodePoint, which
  // holds unassigned code points (`𮹞`, U+2EE5E, a fast-check counterexample) and 〇 (a number).
  const f0 = t.charCodeAt(0);
  if (!(f0 >= 0x4e00 && f0 <= 0x9fff) && !/\p{L}/u.test(t))
    return { value: NAME_MASK, form: 'invalid', reason: 'no letters: not a name' };
  return { value: keepSurname(t, false) + NAME_MASK + suffix, form: 'plain' };
}

/** The part of a name the rule keeps. `partial`: the text before a star of a masked name. */
function keepSurname(t: string, partial: boolean): string {
  // Chinese characters (incl. extensions) or other non-Latin scripts.
  const firstCp = t.codePointAt(0);
  if (firstCp === undefined) return '';
  const firstChar = String.fromCodePoint(firstCp);
  if (isHanCodePoint(firstCp)) {
    if (t.includes('·') || t.includes('•') || t.includes('・')) return firstChar;
    if (startsWithCompoundSurname(t) && (partial || t.length > 2)) return t.slice(0, 2);
    // A one-character "name" is kept only when it is a masked head (the surname itself).
    if (!partial && t.length === firstChar.length) return '';
    return firstChar;
  }
  if (!/\p{L}/u.test(firstChar)) return '';
  // Latin and other scripts: the first letter only.
  return firstChar;
}
