/**
 * Raw DEFLATE (RFC 1951) with a preset dictionary, through fflate: small, pure, already a core
 * dependency, and it supports `dictionary` on both sides (CompressionStream does not, and is
 * not available everywhere core runs). Inflation is bounded in memory and in work: the sealer
 * states the body size (authenticated), the output buffer grows only up to that size, and the
 * input is fed in small chunks so inflation stops as soon as the output passes it (issue 14
 * item 3: a whole-buffer inflate keeps decoding, ~1,000 bytes of work per input byte, after its
 * output buffer is full).
 * @module
 */
import { deflateSync, Inflate } from 'fflate';

/**
 * Fewest input bytes fed to the inflater at a time. One chunk can expand to at most ~1,032
 * times its size (DEFLATE's largest ratio: a 258-byte copy per 2-bit code). A chunk is larger
 * (up to 64 KiB) only while the output still missing is more than 1,032 times it, so work past
 * the stated size is bounded by ~4 MiB of output, and large bodies take few pushes.
 */
export const INFLATE_CHUNK_BYTES = 4096;
const MAX_CHUNK_BYTES = 64 * 1024;
const MAX_RATIO = 1032;

/**
 * Deflate at level 9 with a preset dictionary.
 * @example
 * const packed = deflateWith(new TextEncoder().encode('广东省广州市天河区****'), dictionaryV1());
 */
export function deflateWith(data: Uint8Array, dictionary: Uint8Array): Uint8Array {
  // fflate's automatic memory level: a larger one allocates MBs per call for no smaller output.
  return deflateSync(data, { level: 9, dictionary });
}

/**
 * Result of `inflateWith`. A failure says how many input bytes were read before it stopped
 * (`read`), so callers and tests can see that a bomb was not inflated to its end.
 */
export type Inflated =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly code: 'corrupt' | 'too-large'; readonly read: number };

/**
 * Inflate raw DEFLATE with a preset dictionary into exactly `size` bytes (the size stated by
 * the authenticated sealer). Rule: a `size` above `limit` is `too-large` before anything is
 * read; output past `size` stops the inflation at once (within one chunk of input: at most
 * ~4 MiB of output past `size`) and is `corrupt`, as are less output, an unfinished stream and empty input.
 * The output buffer grows by doubling and never beyond `size`. Never throws.
 * @example
 * inflateWith(deflateWith(bytes, dict), dict, bytes.length, 1 << 20); // { ok: true, value: bytes }
 * inflateWith(bomb, dict, 1000, 1 << 20); // { ok: false, code: 'corrupt', read: 4096 }
 */
export function inflateWith(data: Uint8Array, dictionary: Uint8Array, size: number, limit: number): Inflated {
  if (!Number.isSafeInteger(size) || size < 0) return { ok: false, code: 'corrupt', read: 0 };
  if (size > limit) return { ok: false, code: 'too-large', read: 0 };
  if (!(data instanceof Uint8Array) || data.length === 0) return { ok: false, code: 'corrupt', read: 0 };
  let out = new Uint8Array(Math.min(size, 64 * 1024));
  let have = 0;
  let over = false;
  let ended = false;
  let read = 0;
  try {
    const onData = (chunk: Uint8Array, final: boolean): void => {
      if (over) return;
      if (have + chunk.length > size) {
        over = true;
        return;
      }
      if (have + chunk.length > out.length) {
        const next = new Uint8Array(Math.min(size, Math.max(out.length * 2, have + chunk.length)));
        next.set(out.subarray(0, have));
        out = next;
      }
      out.set(chunk, have);
      have += chunk.length;
      if (final) ended = true;
    };
    const inflater = new Inflate(dictionary.length > 0 ? { dictionary } : {}, onData);
    while (read < data.length && !over) {
      const room = Math.floor((size - have) / MAX_RATIO);
      const chunk = Math.min(MAX_CHUNK_BYTES, Math.max(INFLATE_CHUNK_BYTES, room));
      const end = Math.min(data.length, read + chunk);
      inflater.push(data.subarray(read, end), end === data.length);
      read = end;
    }
  } catch {
    return { ok: false, code: 'corrupt', read };
  }
  if (over || !ended || have !== size) return { ok: false, code: 'corrupt', read };
  return { ok: true, value: have === out.length ? out : out.slice(0, have) };
}
