/**
 * Base64url (RFC 4648 §5) without padding, strict on decode: only the 64 URL-safe characters,
 * no length of 1 mod 4, and the unused low bits of the last character must be zero. Strictness
 * matters for sealed links: every different text decodes to different bytes (or fails), so a
 * changed character can never be silently accepted.
 * @module
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The alphabet's character codes, by sextet. */
const CODES = /* @__PURE__ */ Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ascii = new TextDecoder();

const DECODE = /* @__PURE__ */ (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/**
 * Encode bytes as base64url without padding.
 * @example
 * encodeBase64url(new Uint8Array([251, 255])); // '-_8'
 */
export function encodeBase64url(bytes: Uint8Array): string {
  const n = bytes.length;
  // The characters' codes are written to bytes and turned into text by one decoder call, not
  // by appending to a string four characters at a time (sync seals thousands of documents).
  const out = new Uint8Array(Math.ceil((n * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[v >> 18]!;
    out[o++] = CODES[(v >> 12) & 63]!;
    out[o++] = CODES[(v >> 6) & 63]!;
    out[o++] = CODES[v & 63]!;
  }
  if (n - i === 1) {
    const v = bytes[i]! << 16;
    out[o] = CODES[v >> 18]!;
    out[o + 1] = CODES[(v >> 12) & 63]!;
  } else if (n - i === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out[o] = CODES[v >> 18]!;
    out[o + 1] = CODES[(v >> 12) & 63]!;
    out[o + 2] = CODES[(v >> 6) & 63]!;
  }
  return ascii.decode(out);
}

/**
 * Whether a UTF-16 unit is one of the 64 base64url characters.
 * @example
 * isBase64urlCode('-'.charCodeAt(0)); // true
 */
export function isBase64urlCode(c: number): boolean {
  return c < 128 && DECODE[c]! >= 0;
}

/**
 * Decode strict unpadded base64url, or `undefined` when the text is not exactly that.
 * @example
 * decodeBase64url('-_8'); // Uint8Array [251, 255]
 * decodeBase64url('-_9'); // undefined (non-zero unused bits)
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const n = text.length;
  if (n % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = text.charCodeAt(i + 2);
    const cd = text.charCodeAt(i + 3);
    if ((ca | cb | cc | cd) >= 128) return undefined;
    const a = DECODE[ca]!;
    const b = DECODE[cb]!;
    const c = DECODE[cc]!;
    const d = DECODE[cd]!;
    if ((a | b | c | d) < 0) return undefined;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = n - i;
  if (rest === 2) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    if ((a | b) < 0 || (b & 15) !== 0) return undefined;
    out[o] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    if ((a | b | c) < 0 || (c & 3) !== 0) return undefined;
    const v = (a << 12) | (b << 6) | c;
    out[o] = v >> 10;
    out[o + 1] = (v >> 2) & 255;
  }
  return out;
}

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? DECODE[c]! : -1;
}
