/**
 * Raw DEFLATE (RFC 1951) with a preset dictionary, through fflate: small, pure, already a core
 * dependency, and it supports `dictionary` on both sides (CompressionStream does not, and is
 * not available everywhere core runs). Inflation is bounded: the sealer states the body size
 * (authenticated), and nothing larger is ever allocated (no "zip bomb" from a crafted link).
 * @module
 */
import { deflateSync, inflateSync } from 'fflate';

/**
 * Deflate at level 9 with a preset dictionary.
 * @example
 * const packed = deflateWith(new TextEncoder().encode('广东省广州市天河区****'), dictionaryV1());
 */
export function deflateWith(data: Uint8Array, dictionary: Uint8Array): Uint8Array {
  // fflate's automatic memory level: a larger one allocates MBs per call for no smaller output.
  return deflateSync(data, { level: 9, dictionary });
}

/** Result of `inflateWith`. */
export type Inflated =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly code: 'corrupt' | 'too-large' };

/**
 * Inflate raw DEFLATE with a preset dictionary into exactly `size` bytes (the size stated by
 * the authenticated sealer). More or less output is `corrupt`; a `size` above `limit` is
 * `too-large`. fflate writes into the buffer given and stops at its end, so a crafted stream
 * can never make it allocate more than `size + 1` bytes. Never throws.
 * @example
 * inflateWith(deflateWith(bytes, dict), dict, bytes.length, 1 << 20); // { ok: true, value: bytes }
 */
export function inflateWith(data: Uint8Array, dictionary: Uint8Array, size: number, limit: number): Inflated {
  if (!Number.isSafeInteger(size) || size < 0) return { ok: false, code: 'corrupt' };
  if (size > limit) return { ok: false, code: 'too-large' };
  try {
    const out = inflateSync(data, { dictionary, out: new Uint8Array(size + 1) });
    return out.length === size ? { ok: true, value: out } : { ok: false, code: 'corrupt' };
  } catch {
    return { ok: false, code: 'corrupt' };
  }
}
