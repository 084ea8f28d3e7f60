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

function isSep(c: number): c is 35 | 36 | 126 {
  return c === 35 /* # */ || c === 36 /* $ */ || c === 126; /* ~ */
}

/** Base64 (standard or URL-safe) body characters, plus `=` padding. */
function isB64(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 43 ||
      c === 47 ||
      c === 45 ||
      c === 95 ||
      c === 61 ||
      c === 42; /* * appears in some index tokens */
    if (!ok) return false;
  }
  return true;
}

/** Base64 of a 16-byte HMAC-MD5: 22 characters and `==`. */
function isHmacMd5(s: string): boolean {
  return s.length === 24 && s.endsWith('==') && isB64(s);
}

function isVersion(s: string): boolean {
  if (s.length === 0 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A mainland mobile number inside a segment, tight or with dashes (`-` is a base64url
 * character), also inside a longer digit run: a random base64 body holds 11 digits in a row
 * with odds of about 1 in 10^9 per position, so a segment that does is a number pasted into a
 * ciphertext-shaped string.
 */
const MOBILE_IN_SEGMENT = /1-?[3-9](?:-?\d){9}/u;

/**
 * `MOBILE_IN_SEGMENT`, after a cheap necessary condition that nearly every body fails: a match is
 * 11 digits with at most single dashes between them, so it lies inside one run of digits and
 * dashes holding at least 11 digits. A random base64 body has such a run with odds of about 1 in
 * 10^8; counting all the digits of a body instead passed every body longer than ~70 characters
 * and ran the pattern on each (the Douyin export bench: three ciphertexts a row).
 */
function mobileInSegment(s: string): boolean {
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 11) return MOBILE_IN_SEGMENT.test(s);
    } else if (c !== 45 /* - */) digits = 0;
  }
  return false;
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
  const n = s.length;
  if (n < 6 || n > MAX_CIPHER_LENGTH) return undefined;
  const first = s.charCodeAt(0);
  if (!isSep(first) || s.charCodeAt(n - 1) !== first) return undefined;
  const sep = s[0] as '#' | '$' | '~';
  const double = s.charCodeAt(n - 2) === first;
  const inner = s.slice(1, double ? n - 2 : n - 1);
  const parts = inner.split(sep);
  // Trailing separator of the last segment: `…#<ver>#` → parts end with the version.
  const version = parts[parts.length - 1] ?? '';
  if (!isVersion(version)) return undefined;
  const body = parts.slice(0, -1);
  if (body.length === 0 || body.length > 2) return undefined;
  for (const p of body) if (p.length > 0 && (!isB64(p) || mobileInSegment(p))) return undefined;

  if (body.length === 1) {
    const cipher = body[0] ?? '';
    if (cipher.length < 4) return undefined;
    // `~<cipher>~<ver>~~` and `$<cipher>$<ver>$$` with the AgAAAA blob header: PDD.
    if (cipher.startsWith('AgAAAA') || (double && sep === '~'))
      return { source: 'pdd', separator: sep, version, cipher };
    if (!double && sep === '~') return { source: 'taobao', separator: sep, version, cipher };
    if (double && sep !== '~') return { source: 'douyin', separator: sep, version, cipher };
    return undefined;
  }

  const [a = '', b = ''] = body;
  if (b.length < 4) return undefined;
  if (a.startsWith('AgAAAA')) {
    // PDD searchable: `~<cipher>~<index>~<ver>~~`.
    return { source: 'pdd', separator: sep, version, cipher: a, searchIndex: b };
  }
  if (b.startsWith('AgAAAA')) {
    return { source: 'pdd', separator: sep, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
  }
  if (double && sep === '$' && isHmacMd5(a)) {
    // Taobao TOP searchable phone: `$<HMAC-MD5 of the last 4 digits>$<cipher>$<ver>$$`.
    return { source: 'taobao', separator: sep, version, cipher: b, searchIndex: a };
  }
  if (double && sep !== '~') {
    return { source: 'douyin', separator: sep, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
  }
  if (!double && sep === '$' && a.length > 0) {
    // Taobao TOP phone: `$<first digits, in the clear>$<cipher of the last 8>$<ver>$`.
    return { source: 'taobao', separator: sep, version, cipher: b, prefix: a };
  }
  if (sep === '~' && a.length > 0) {
    // Taobao TOP searchable text: `~<cipher>~<sliding-window HMACs>~<ver>~~`.
    return { source: 'taobao', separator: sep, version, cipher: a, searchIndex: b };
  }
  return undefined;
}
