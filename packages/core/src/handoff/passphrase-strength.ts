/**
 * `passphraseStrength(text)`: a conservative estimate of how many guesses a passphrase costs an
 * attacker who holds a passphrase-sealed link and tries passphrases offline against its scrypt
 * key (N = 2^16, 64 MiB per guess). The estimate is in bits (log2 of the guesses), pattern-aware
 * in the manner of zxcvbn (Wheeler, "zxcvbn: Low-Budget Password Strength Estimation", USENIX
 * Security 2016): brute force over the character classes used, but repeats, runs, a common
 * password, a mobile number, a date or a whole phrase typed twice cost almost nothing. Chinese
 * characters count 6 bits each: people pick words and idioms, not random characters.
 * @module
 */
import { containsMobile } from './check.js';

/** At or above this estimate a passphrase is accepted for sealing (about 10^12 scrypt guesses). */
export const MIN_PASSPHRASE_BITS = 40;
/** At or above this estimate a passphrase is `strong`. */
export const STRONG_PASSPHRASE_BITS = 60;
/** Only this many code points are examined (a longer passphrase is strong on its length alone). */
export const PASSPHRASE_SCAN_LIMIT = 256;

/** What lowered the estimate, for a hint next to the field. */
export type PassphraseProblem =
  'too-short' | 'common' | 'repeats' | 'sequence' | 'mobile' | 'date' | 'one-class';

/**
 * The estimate: `bits` (rounded down to a tenth), its level, whether it is acceptable, and why it
 * is lower than its length suggests.
 * @example
 * passphraseStrength('4821-0937-5562-1048-7390'); // { bits: ~57, level: 'fair', acceptable: true, ... }
 */
export interface PassphraseStrength {
  readonly bits: number;
  readonly level: 'empty' | 'weak' | 'fair' | 'strong';
  readonly acceptable: boolean;
  readonly problems: readonly PassphraseProblem[];
}

/**
 * Passwords and words people reach for first (lower case, after NFKC). Inside a passphrase each
 * costs about log2 of this list's length instead of its characters.
 */
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'zxcvbn',
  'iloveyou',
  'woaini',
  'admin',
  'welcome',
  'letmein',
  'monkey',
  'dragon',
  'abc123',
  'a123456',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '123123',
  '654321',
  '111111',
  '000000',
  '666666',
  '888888',
  '5201314',
  '1314520',
  'shipmask',
  'douyin',
  'weixin',
  'taobao',
  'jingdong',
  'shangpin',
  'kuaidi',
  '我爱你',
  '一生一世',
  '发货',
  '口令',
  '密码',
] as const;
const COMMON_BITS = Math.log2(COMMON.length) + 1;

/** Characters that only separate words: guessable, about 1 bit each. */
const SEPARATORS = new Set([' ', '-', '_', '.', '·', '/', ',', '，', '、']);
const HAN_BITS = 6;
const PATTERN_BITS = 1;

type Cls = 'digit' | 'lower' | 'upper' | 'symbol' | 'sep' | 'han' | 'other';

function classOf(cp: number, ch: string): Cls {
  if (cp >= 0x30 && cp <= 0x39) return 'digit';
  if (cp >= 0x61 && cp <= 0x7a) return 'lower';
  if (cp >= 0x41 && cp <= 0x5a) return 'upper';
  if (SEPARATORS.has(ch)) return 'sep';
  if (cp >= 0x21 && cp <= 0x7e) return 'symbol';
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ebef))
    return 'han';
  return 'other';
}

const POOL: Readonly<Record<Cls, number>> = {
  digit: 10,
  lower: 26,
  upper: 26,
  symbol: 33,
  sep: 0,
  han: 0,
  other: 100,
};

/**
 * Bits of a string of code points by position: brute force over the classes present, a Chinese
 * character 6, a separator 1, and a repeat or a ±1 step of the previous character 1.
 */
function positionalBits(cps: readonly number[], cls: readonly Cls[]): number[] {
  let pool = 0;
  for (const c of new Set(cls)) pool += POOL[c];
  const free = pool > 0 ? Math.log2(pool) : 0;
  return cps.map((cp, i) => {
    const c = cls[i] as Cls;
    if (c === 'sep') return PATTERN_BITS;
    if (i > 0) {
      const prev = cps[i - 1] as number;
      if (prev === cp) return PATTERN_BITS;
      if (c !== 'han' && cls[i - 1] === c && Math.abs(prev - cp) === 1) return PATTERN_BITS;
    }
    return c === 'han' ? HAN_BITS : free;
  });
}

/**
 * Shortest period of `xs` when it is a unit typed at least twice (the last copy may be cut short:
 * `abcabcab` has period 3), from the KMP prefix function; else its length.
 */
function period(xs: readonly number[]): number {
  const n = xs.length;
  const pi = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    let k = pi[i - 1] as number;
    while (k > 0 && xs[i] !== xs[k]) k = pi[k - 1] as number;
    if (xs[i] === xs[k]) k++;
    pi[i] = k;
  }
  const p = n - (pi[n - 1] ?? 0);
  return 2 * p <= n ? p : n;
}

/** Whether 8 digits read as a date yyyymmdd of 1900–2099, or 4 as a year 1900–2099. */
function isDate(d: string): boolean {
  const year = Number(d.slice(0, 4));
  if (year < 1900 || year > 2099) return false;
  if (d.length === 4) return true;
  const month = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Estimate a passphrase's strength (see the module comment). Rules, in order:
 * 1. Not a string, or empty: `empty`, 0 bits. NFKC first (full-width digits are digits); only the
 *    first `PASSPHRASE_SCAN_LIMIT` code points are examined.
 * 2. A passphrase that is one shorter unit typed again and again (the last copy may be cut short)
 *    costs the unit plus log2(length ÷ unit length).
 * 3. Per character: log2 of the pool of the classes present (digits 10, lower 26, upper 26,
 *    symbols 33, other letters 100); a Chinese character 6; a separator (space - _ . · / ，、) 1;
 *    a repeat or a ±1 step of the previous character 1.
 * 4. Segments that cost less than that: a common password or word (`COMMON`, case-insensitive)
 *    about 6 bits; a mobile number (11 digits 1[3-9]…) 12; an 8-digit date 15, a 4-digit year 7.
 * 5. Levels: below `MIN_PASSPHRASE_BITS` weak (not acceptable), below `STRONG_PASSPHRASE_BITS`
 *    fair, else strong. Fewer than 8 characters always adds `too-short`.
 * Linear in the input; never throws.
 * @example
 * passphraseStrength('123456').level; // 'weak' (common)
 * passphraseStrength('茶杯-42').acceptable; // false (about 20 bits)
 * passphraseStrength('4821-0937-5562-1048-7390').acceptable; // true
 */
export function passphraseStrength(text: unknown): PassphraseStrength {
  if (typeof text !== 'string' || text === '')
    return { bits: 0, level: 'empty', acceptable: false, problems: [] };
  const chars = Array.from(text.slice(0, PASSPHRASE_SCAN_LIMIT * 2).normalize('NFKC')).slice(
    0,
    PASSPHRASE_SCAN_LIMIT,
  );
  const problems = new Set<PassphraseProblem>();
  const bits = estimate(chars, problems, true);
  if (chars.length < 8) problems.add('too-short');
  const rounded = Math.floor(bits * 10) / 10;
  const acceptable = rounded >= MIN_PASSPHRASE_BITS;
  return {
    bits: rounded,
    level: !acceptable ? 'weak' : rounded < STRONG_PASSPHRASE_BITS ? 'fair' : 'strong',
    acceptable,
    problems: [...problems],
  };
}

function estimate(chars: readonly string[], problems: Set<PassphraseProblem>, top: boolean): number {
  if (chars.length === 0) return 0;
  // ASCII case only (a locale-aware lower case may change a character's length).
  const lower = chars.map((c) =>
    c.length === 1 && c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 32) : c,
  );
  const cps = lower.map((c) => c.codePointAt(0) as number);
  if (top) {
    const p = period(cps);
    if (p < cps.length) {
      problems.add('repeats');
      return estimate(chars.slice(0, p), problems, false) + Math.log2(cps.length / p);
    }
  }
  const cls = chars.map((c) => classOf(c.codePointAt(0) as number, c));
  const cost = positionalBits(cps, cls);
  for (let i = 1; i < cost.length; i++) {
    if (cost[i] === PATTERN_BITS && cls[i] !== 'sep') {
      problems.add(cps[i] === cps[i - 1] ? 'repeats' : 'sequence');
    }
  }
  const classes = new Set(cls.filter((c) => c !== 'sep'));
  if (classes.size === 1 && !classes.has('han') && chars.length >= 1) problems.add('one-class');

  /** Replace the cost of positions [from, to) by `bits` (spread over them) if that is lower. */
  const cheapen = (from: number, to: number, bits: number, why: PassphraseProblem): void => {
    let current = 0;
    for (let i = from; i < to; i++) current += cost[i] as number;
    problems.add(why);
    if (bits >= current) return;
    for (let i = from; i < to; i++) cost[i] = bits / (to - from);
  };

  // Common words (substring search per entry: |COMMON| × n).
  const joined = lower.join('');
  const offsets: number[] = [];
  let acc = 0;
  for (const c of lower) {
    offsets.push(acc);
    acc += c.length;
  }
  const indexAt = new Map<number, number>();
  offsets.forEach((o, i) => indexAt.set(o, i));
  for (const word of COMMON) {
    const wordLen = Array.from(word).length;
    for (let at = joined.indexOf(word); at >= 0; at = joined.indexOf(word, at + 1)) {
      const start = indexAt.get(at);
      if (start !== undefined) cheapen(start, start + wordLen, COMMON_BITS, 'common');
    }
  }

  // Digit runs: mobiles, dates, years.
  let i = 0;
  while (i < cls.length) {
    if (cls[i] !== 'digit') {
      i++;
      continue;
    }
    let j = i;
    while (j < cls.length && cls[j] === 'digit') j++;
    const run = lower.slice(i, j).join('');
    if (containsMobile(run)) {
      for (let k = 0; k + 11 <= run.length; k++) {
        if (containsMobile(run.slice(k, k + 11))) {
          cheapen(i + k, i + k + 11, 12, 'mobile');
          k += 10;
        }
      }
    }
    for (let k = 0; k + 8 <= run.length; k++)
      if (isDate(run.slice(k, k + 8))) cheapen(i + k, i + k + 8, 15, 'date');
    if (run.length === 4 && isDate(run)) cheapen(i, j, 7, 'date');
    i = j;
  }
  let sum = 0;
  for (const c of cost) sum += c;
  return sum;
}
