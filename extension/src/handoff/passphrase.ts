/**
 * A generated passphrase for passphrase-sealed links: 20 random digits in five groups of four
 * (`4821-0937-5562-1048-7390`, about 66 bits before the strength estimate's discounts), easy to
 * read out over a phone call in any language. Digits are drawn uniformly from
 * `crypto.getRandomValues` bytes by rejection (bytes 250–255 are dropped, so no digit is more
 * likely than another), and a draw the core's `passphraseStrength` does not rate at least
 * `GENERATED_MIN_BITS` is drawn again.
 * @module
 */
import { passphraseStrength } from '@shipmask/core';

/** Generated passphrases are drawn again until the estimate reaches this (MIN_PASSPHRASE_BITS is 40). */
export const GENERATED_MIN_BITS = 50;
const GROUPS = 5;
const GROUP = 4;
const MAX_DRAWS = 64;

/** Random bytes (the extension passes `crypto.getRandomValues`; tests a seeded source). */
export type RandomBytes = (n: number) => Uint8Array;

const webRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** `count` uniform decimal digits from `random`, by rejection sampling of bytes. */
function digits(random: RandomBytes, count: number): string {
  let out = '';
  for (let round = 0; out.length < count; round++) {
    if (round > 32) throw new Error('the random source returned no usable bytes');
    for (const b of random(count * 2)) {
      if (b < 250) out += String(b % 10);
      if (out.length === count) break;
    }
  }
  return out;
}

/**
 * A fresh passphrase: five groups of four uniform random digits joined by `-`, drawn again when the
 * strength estimate is below `GENERATED_MIN_BITS`. Throws only when the random source is broken
 * (no acceptable draw in 64 tries, which a working source practically never gives).
 * @example
 * generatePassphrase(); // '4821-0937-5562-1048-7390'
 */
export function generatePassphrase(random: RandomBytes = webRandom): string {
  for (let i = 0; i < MAX_DRAWS; i++) {
    const d = digits(random, GROUPS * GROUP);
    const p = Array.from({ length: GROUPS }, (_, g) => d.slice(g * GROUP, (g + 1) * GROUP)).join('-');
    if (passphraseStrength(p).bits >= GENERATED_MIN_BITS) return p;
  }
  throw new Error('the random source gave no passphrase of the required strength');
}
