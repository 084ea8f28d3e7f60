/**
 * Ciphertext shapes of the Chinese shop platforms' open APIs and exports, as data, and the
 * recogniser that reads one. A platform ciphertext is an opaque string between separator
 * characters; it must be stored and passed on untouched (only the official print component or
 * a counted decrypt reveals it).
 *
 * Shapes seen in public material (SDK docs and samples):
 * - Douyin (抖店): `#<search index>#<base64 cipher>#<version>##` for names and addresses, and
 *   `$<search index>$<base64 cipher>$<version>$$` for phones, e.g. `#ML3B#0BB1W4…=#1##`,
 *   `$$…$1$$` (an empty search index is allowed).
 * - PDD (拼多多): `~<base64 cipher starting AgAAAA>~<version>~~` and `$…$<version>$$`; the
 *   cipher is base64 of a blob whose first bytes are `02 00 00 00`, so it starts `AgAAAA`.
 * - Taobao/Tmall TOP (its open SDK's SecurityBiz): phone `$<first digits>$<base64 cipher of the
 *   last 8>$<version>$`, searchable phone `$<HMAC-MD5 of the last 4>$<cipher>$<version>$$` (same
 *   layout as Douyin's; told apart by the 24-character HMAC), simple `~<cipher>~<version>~`,
 *   searchable `~<cipher>~<sliding-window HMACs>~<version>~~`.
 * @module
 */

/**
 * Who emitted a ciphertext, when its shape tells.
 * @example
 * const s: CipherSource = 'douyin';
 */
export type CipherSource = 'douyin' | 'pdd' | 'taobao' | 'jd' | 'wechat' | 'kuaishou' | (string & {});

/**
 * One ciphertext shape, as data (for documentation, platform records and UIs).
 * @example
 * const s: CipherShape = { source: 'douyin', separator: '#', fields: ['name', 'address'],
 *   layout: '#<index>#<cipher>#<ver>##', example: '#ML3B#0BB1W4Xn5A=#1##' };
 */
export interface CipherShape {
  readonly source: CipherSource;
  readonly separator: '#' | '$' | '~';
  readonly fields: readonly ('phone' | 'name' | 'address' | 'text')[];
  readonly layout: string;
  readonly example: string;
}

/**
 * The known shapes. Examples are made-up values of the documented layout, not real data.
 * @example
 * cipherShapes.filter((s) => s.source === 'pdd').length; // 2
 */
export const cipherShapes: readonly CipherShape[] = [
  {
    source: 'douyin',
    separator: '#',
    fields: ['name', 'address', 'text'],
    layout: '#<index>#<cipher>#<ver>##',
    example: '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##',
  },
  {
    source: 'douyin',
    separator: '$',
    fields: ['phone'],
    layout: '$<index>$<cipher>$<ver>$$',
    example: '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$',
  },
  {
    source: 'pdd',
    separator: '~',
    fields: ['name', 'address', 'text'],
    layout: '~<cipher AgAAAA…>~<ver>~~',
    example: '~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~0~~',
  },
  {
    source: 'pdd',
    separator: '$',
    fields: ['phone'],
    layout: '$<cipher AgAAAA…>$<ver>$$',
    example: '$AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=$0$$',
  },
  {
    source: 'taobao',
    separator: '$',
    fields: ['phone'],
    layout: '$<prefix>$<cipher>$<ver>$',
    example: '$132$1ejKajhsndi0370DKbiU/w==$1$',
  },
  {
    source: 'taobao',
    separator: '~',
    fields: ['name', 'address', 'text'],
    layout: '~<cipher>~<ver>~ or ~<cipher>~<index>~<ver>~~',
    example: '~8SPcn5YcviStk1oP01BhNg==~1~',
  },
];

/**
 * What `readCipher` found in a ciphertext.
 * @example
 * const r: CipherReading | undefined = readCipher('~8SPcn5YcviStk1oP01BhNg==~1~'); // { source: 'taobao', … }
 */
export interface CipherReading {
  readonly source: CipherSource;
  readonly separator: '#' | '$' | '~';
  /** The search-index segment (platform-side fuzzy search token), when the shape has one. */
  readonly searchIndex?: string;
  readonly version: string;
  readonly cipher: string;
  /** Taobao legacy phones carry their first digits in the clear (`$132$…$1$`). */
  readonly prefix?: string;
}

/** Longest ciphertext accepted (a receiver field's ciphertext is far shorter). */
const MAX_CIPHER_LENGTH = 4096;

const HASH = 35;
const DOLLAR = 36;
const TILDE = 126;

function isSep(c: number): boolean {
  return c === HASH || c === DOLLAR || c === TILDE;
}

const OTHER = 0;
const B64 = 1;
const DIGIT = 2;
const DASH = 3;

/**
 * ASCII characters by what they can be in a ciphertext: base64 (standard or URL-safe) body
 * characters, `=` padding and `*` (some index tokens) are `B64`, with digits and `-` told apart
 * (a mobile number hides in digits and dashes); anything else (separators included) is `OTHER`.
 */
const CHAR_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++)
    t[c] =
      c >= 48 && c <= 57
        ? DIGIT
        : c === 45
          ? DASH
          : (c >= 65 && c <= 90) ||
              (c >= 97 && c <= 122) ||
              c === 43 ||
              c === 47 ||
              c === 95 ||
              c === 61 ||
              c === 42
            ? B64
            : OTHER;
  return t;
})();

/**
 * A mainland mobile number inside a segment, tight or with dashes (`-` is a base64url
 * character), also inside a longer digit run: a random base64 body holds 11 digits in a row
 * with odds of about 1 in 10^9 per position, so a segment that does is a number pasted into a
 * ciphertext-shaped string.
 */
const MOBILE_IN_SEGMENT = /1-?[3-9](?:-?\d){9}/u;

/**
 * `<sep><index><sep><cipher of 4+><sep><1 to 4 digits><sep><sep>` with `#` or `$`: a value of this
 * layout that holds no mobile number (`MOBILE_IN_SEGMENT`) is one `cipherShape` accepts.
 */
const SEARCHABLE = /^([#$])[\w+/=*-]*\1[\w+/=*-]{4,}\1\d{1,4}\1\1$/u;

/** Which reading a ciphertext gets (`NONE`: not a ciphertext). */
const NONE = 0;
/** One body segment `<cipher>`, read as PDD / Taobao / Douyin. */
const ONE_PDD = 1;
const ONE_TAOBAO = 2;
const ONE_DOUYIN = 3;
/** Two body segments `<a><sep><b>`: which is the cipher and what the other one is. */
const PDD_A_INDEX_B = 4;
const PDD_B_INDEX_A = 5;
const TAOBAO_B_INDEX_A = 6;
const DOUYIN_B_INDEX_A = 7;
const TAOBAO_B_PREFIX_A = 8;
const TAOBAO_A_INDEX_B = 9;

/**
 * The reading `s` (already trimmed) gets, without copying any part of it: the rules of
 * `readCipher`, shared with `isCiphertext`.
 */
function cipherShape(s: string): number {
  const n = s.length;
  if (n < 6 || n > MAX_CIPHER_LENGTH) return NONE;
  const first = s.charCodeAt(0);
  if (!isSep(first) || s.charCodeAt(n - 1) !== first) return NONE;
  const double = s.charCodeAt(n - 2) === first;
  // One pass over the inner text (between the outer separators). Every character of it is a
  // separator, a body character (base64) or a version digit (also base64), so any other
  // character rules the value out at once. Every row of an export has up to three
  // ciphertexts, so no segment is copied to be checked: `MOBILE_IN_SEGMENT` runs only on a
  // segment with a run of at least 11 digits (single dashes allowed between them), a necessary
  // condition a random base64 body meets with odds of about 1 in 10^8.
  const end = double ? n - 2 : n - 1;
  let cut1 = -1;
  let cut2 = -1;
  let segStart = 1;
  let digits = 0;
  let longRun = false;
  for (let i = 1; i < end; i++) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? CHAR_CLASS[c] : OTHER;
    if (k === B64) digits = 0;
    else if (k === DIGIT) {
      if (++digits >= 11) longRun = true;
    } else if (k !== DASH) {
      if (c !== first || cut2 >= 0) return NONE; // a stranger, or a third body segment
      if (longRun && MOBILE_IN_SEGMENT.test(s.slice(segStart, i))) return NONE;
      if (cut1 >= 0) cut2 = i;
      else cut1 = i;
      segStart = i + 1;
      digits = 0;
      longRun = false;
    }
  }
  if (cut1 < 0) return NONE; // no body segment
  const versionStart = (cut2 >= 0 ? cut2 : cut1) + 1;
  if (end - versionStart < 1 || end - versionStart > 4) return NONE;
  for (let i = versionStart; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NONE;
  }
  if (cut2 < 0) {
    // `~<cipher>~<ver>~~` and `$<cipher>$<ver>$$` with the AgAAAA blob header: PDD.
    if (cut1 - 1 < 4) return NONE;
    if (s.startsWith('AgAAAA', 1) || (double && first === TILDE)) return ONE_PDD;
    if (!double && first === TILDE) return ONE_TAOBAO;
    if (double) return ONE_DOUYIN;
    return NONE;
  }
  const aLength = cut1 - 1;
  if (cut2 - cut1 - 1 < 4) return NONE;
  // PDD searchable: `~<cipher>~<index>~<ver>~~`.
  if (s.startsWith('AgAAAA', 1)) return PDD_A_INDEX_B;
  if (s.startsWith('AgAAAA', cut1 + 1)) return PDD_B_INDEX_A;
  // Taobao TOP searchable phone: `$<HMAC-MD5 of the last 4 digits>$<cipher>$<ver>$$`.
  if (double && first === DOLLAR && aLength === 24 && s.startsWith('==', cut1 - 2)) return TAOBAO_B_INDEX_A;
  if (double && first !== TILDE) return DOUYIN_B_INDEX_A;
  // Taobao TOP phone: `$<first digits, in the clear>$<cipher of the last 8>$<ver>$`.
  if (!double && first === DOLLAR && aLength > 0) return TAOBAO_B_PREFIX_A;
  // Taobao TOP searchable text: `~<cipher>~<sliding-window HMACs>~<ver>~~`.
  if (first === TILDE && aLength > 0) return TAOBAO_A_INDEX_B;
  return NONE;
}

/**
 * Read a platform ciphertext: which platform's shape it has, its search index and version.
 * Returns `undefined` when the value is not a ciphertext of a known shape, or when any part of it
 * (search index, Taobao prefix or body) carries a mobile number in the clear (issue 14, item 4:
 * such a value is plaintext, whatever its shape). Never throws.
 * @example
 * readCipher('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##');
 * // { source: 'douyin', separator: '#', searchIndex: 'ML3B', version: '1', cipher: '0BB1W4Xn5AbCdEfGh1234=' }
 */
export function readCipher(value: string): CipherReading | undefined {
  const s = value.trim();
  const shape = cipherShape(s);
  if (shape === NONE) return undefined;
  const n = s.length;
  const separator = s[0] as '#' | '$' | '~';
  const cut1 = s.indexOf(separator, 1);
  const end = s.charCodeAt(n - 2) === s.charCodeAt(0) ? n - 2 : n - 1;
  const v = s.lastIndexOf(separator, end - 1);
  const version = s.slice(v + 1, end);
  if (shape <= ONE_DOUYIN) {
    const source = shape === ONE_PDD ? 'pdd' : shape === ONE_TAOBAO ? 'taobao' : 'douyin';
    return { source, separator, version, cipher: s.slice(1, cut1) };
  }
  const a = s.slice(1, cut1);
  const b = s.slice(cut1 + 1, v);
  switch (shape) {
    case PDD_A_INDEX_B:
      return { source: 'pdd', separator, version, cipher: a, searchIndex: b };
    case PDD_B_INDEX_A:
      return { source: 'pdd', separator, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
    case TAOBAO_B_INDEX_A:
      return { source: 'taobao', separator, version, cipher: b, searchIndex: a };
    case DOUYIN_B_INDEX_A:
      return { source: 'douyin', separator, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
    case TAOBAO_B_PREFIX_A:
      return { source: 'taobao', separator, version, cipher: b, prefix: a };
    default:
      return { source: 'taobao', separator, version, cipher: a, searchIndex: b };
  }
}

/**
 * Whether `value` is a platform ciphertext of a known shape: `readCipher(value) !== undefined`,
 * without building the reading (masking asks this of every receiver field of an export).
 * @example
 * isCiphertext('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##'); // true
 * isCiphertext('#话题#'); // false
 */
export function isCiphertext(value: string): boolean {
  const s = value.trim();
  // The searchable `#<index>#<cipher>#<ver>##` / `$<index>$<cipher>$<ver>$$` layout (Douyin's,
  // on every receiver field of its exports) by two matches: any such value is a ciphertext unless
  // a body holds a mobile number (a match of which lies inside one body: it is digits and
  // dashes, and the version has at most 4 digits). Anything else takes the full reading. (Two
  // plain matches cost less than one with the mobile number as a lookahead at every position.)
  if (s.length <= MAX_CIPHER_LENGTH && s.length >= 9) {
    const c = s.charCodeAt(0);
    if ((c === HASH || c === DOLLAR) && SEARCHABLE.test(s) && !MOBILE_IN_SEGMENT.test(s)) return true;
  }
  return cipherShape(s) !== NONE;
}
