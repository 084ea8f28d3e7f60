// The maskText of main before issue 20 (commit edda0a7), frozen for the throughput comparison in
// mask.bench.ts (issue 20, item 4: no more than 1.5× slower on the same inputs). Bench-only.
/**
 * `maskText`: finds phones, 18-digit resident ID numbers, virtual numbers and `转NNNN`
 * extensions in free text (buyer remarks, pasted addresses) and masks what must be masked:
 * mobiles and landlines by the `maskPhone` rule, ID numbers down to their first and last
 * character. Virtual numbers and extensions are platform routing, not buyer data: they are
 * reported and left as they are.
 * @module
 */
import { foldWidth } from '../../packages/core/src/classify/normalize.ts';
import { maskPhone } from '../../packages/core/src/mask/mask-phone.ts';

/**
 * What `maskText` found.
 * @example
 * const k: TextFindingKind = 'id-number';
 */
export type TextFindingKind = 'mobile' | 'landline' | 'id-number' | 'virtual' | 'extension';

/**
 * One finding, with UTF-16 offsets into the INPUT text (`end` exclusive).
 * @example
 * const f: TextFinding = { kind: 'mobile', start: 2, end: 13 };
 */
export interface TextFinding {
  readonly kind: TextFindingKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Result of `maskText`.
 * @example
 * const r: MaskedText = maskText('转9647'); // { value: '转9647', found: [{ kind: 'extension', start: 0, end: 5 }] }
 */
export interface MaskedText {
  readonly value: string;
  readonly found: readonly TextFinding[];
}

/**
 * One pass over width-folded text (folding keeps offsets). No nested quantifiers; every branch
 * is bounded, so the scan is linear in the text length.
 * Mobiles are found with a space or dash between any digits (`1344 096 3639`).
 * A virtual number in text must be written tight (`13240968483-9647`, `…转9647`, `…,9647`): with
 * spaces around the separator the 11 digits are read as a mobile and masked (safe side).
 */
const FINDER =
  /(?<!\d)(?:(?<virtual>1\d{10}(?:-|[转轉]|,|，)\d{4}#?)|(?<id>[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])|(?<mobile>(?:\+?86[ -]?)?1[ -]?[3-9](?:[ -]?\d){9})|(?<landline>0\d{2,3}-\d{7,8}))(?!\d)|(?<ext>[转轉]\d{4})(?!\d)/gu;

/** ID numbers keep their first and last character: `1****************X`. */
function maskId(id: string): string {
  return id[0] + '*'.repeat(id.length - 2) + id[id.length - 1];
}

/**
 * Find and mask phones and ID numbers in free text. Never throws; idempotent.
 * @example
 * // { value: '请打134****3639或转9647', found: [{ kind: 'mobile', start: 2, end: 13 }, { kind: 'extension', start: 14, end: 19 }] }
 */
export function maskTextBefore(text: string): MaskedText {
  if (typeof text !== 'string' || text === '') return { value: '', found: [] };
  const folded = foldWidth(text);
  const found: TextFinding[] = [];
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(FINDER)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    let kind: TextFindingKind;
    let replacement: string | undefined;
    if (g.virtual !== undefined) kind = 'virtual';
    else if (g.id !== undefined) {
      kind = 'id-number';
      replacement = maskId(g.id);
    } else if (g.mobile !== undefined) {
      kind = 'mobile';
      replacement = maskPhone(g.mobile).value;
    } else if (g.landline !== undefined) {
      kind = 'landline';
      replacement = maskPhone(g.landline).value;
    } else kind = 'extension';
    found.push({ kind, start, end });
    if (replacement !== undefined) {
      out += text.slice(last, start) + replacement;
      last = end;
    }
  }
  return { value: last === 0 ? text : out + text.slice(last), found };
}
