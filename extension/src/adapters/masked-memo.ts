/**
 * Remember the result of masking a value that was ALREADY masked on the page. Back-office pages
 * repeat such values a lot (masked addresses stop at the district, `何*`-style names), so a page
 * read or swap masks each distinct one once.
 *
 * Invariant 1: a key is never buyer plaintext. Only results whose input form was `masked`,
 * `ciphertext` or `empty` are remembered; plaintext (after a reveal) and `invalid` input (a phone
 * missing a digit is nearly plaintext) are masked every time and kept nowhere.
 * @module
 */
import type { Masked } from '@shipmask/core';

const SAFE_INPUT: ReadonlySet<string> = new Set(['masked', 'ciphertext', 'empty']);

/** Entries per memo; the memo starts over when full (a page holds a few hundred orders). */
const MAX_ENTRIES = 4096;

/**
 * `mask` with a memory of already-masked inputs.
 * @example
 * const name = maskedMemo(maskName);
 * name('何*'); // computed
 * name('何*'); // remembered
 * name('何雨桐'); // plaintext: computed, not remembered
 */
export function maskedMemo<M extends Masked>(mask: (value: string) => M): (value: string) => M {
  const seen = new Map<string, M>();
  return (value) => {
    const known = seen.get(value);
    if (known) return known;
    const result = mask(value);
    if (SAFE_INPUT.has(result.form)) {
      if (seen.size >= MAX_ENTRIES) seen.clear();
      seen.set(value, result);
    }
    return result;
  };
}

/**
 * `mask` for free text (item names, remarks), remembering the texts in which it found nothing to
 * mask: such a key is exactly the value the order view keeps anyway, so the memo holds nothing the
 * store would not (invariant 1). Texts it changed are masked every time and kept nowhere.
 * @example
 * const free = cleanTextMemo((t) => maskText(t).value);
 * free('保温杯 500ml'); // computed, remembered
 * free('电话13476567876'); // masked, not remembered
 */
export function cleanTextMemo(mask: (text: string) => string): (text: string) => string {
  const clean = new Set<string>();
  return (text) => {
    if (clean.has(text)) return text;
    const masked = mask(text);
    if (masked === text) {
      if (clean.size >= MAX_ENTRIES) clean.clear();
      clean.add(text);
    }
    return masked;
  };
}
