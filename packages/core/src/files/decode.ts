/**
 * Decoding export bytes incrementally. Platform exports are UTF-8, usually with a byte-order
 * mark; files saved again by Excel on Chinese Windows are GBK. The encoding is decided once,
 * from the start of the file:
 * - a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE;
 * - otherwise the first `sniffBytes` bytes are checked as strict UTF-8; bytes that are not
 *   valid UTF-8 mean GB18030 (a superset of GBK and GB2312), decoded with the standard
 *   `TextDecoder('gb18030')`.
 * Bytes later in the file that do not fit the chosen encoding become U+FFFD and are counted in
 * `replaced`, so the caller can report them.
 * @module
 */

/** The encodings the decoder can pick. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Options of `createByteDecoder`. */
export interface ByteDecoderOptions {
  /** Force an encoding instead of sniffing it. */
  readonly encoding?: TextEncodingName;
  /** How many bytes to look at before deciding (default 65,536). */
  readonly sniffBytes?: number;
}

/** An incremental decoder: `push` byte chunks, then `end` once. */
export interface ByteDecoder {
  /** Decode the next chunk; may return '' while the encoding is still being sniffed. */
  push(bytes: Uint8Array): string;
  /** Flush what is left. */
  end(): string;
  /** The chosen encoding (undefined until decided). */
  readonly encoding: TextEncodingName | undefined;
  /** How many U+FFFD replacement characters the decoder produced (invalid bytes). */
  readonly replaced: number;
}

function sniff(head: Uint8Array): TextEncodingName {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // `stream: true`: a sequence cut at the end of the window is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function countReplacements(s: string): number {
  let n = 0;
  let i = s.indexOf('\uFFFD');
  while (i >= 0) {
    n++;
    i = s.indexOf('\uFFFD', i + 1);
  }
  return n;
}

/**
 * Create an incremental byte decoder that sniffs the encoding. Never throws.
 * @example
 * const d = createByteDecoder();
 * d.push(new Uint8Array([0xef, 0xbb, 0xbf, 0xe8, 0xae, 0xa2])) + d.end(); // '订'
 * d.encoding; // 'utf-8'
 */
export function createByteDecoder(options: ByteDecoderOptions = {}): ByteDecoder {
  const window =
    typeof options.sniffBytes === 'number' && options.sniffBytes >= 4 ? options.sniffBytes : 65_536;
  let encoding: TextEncodingName | undefined = options.encoding;
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let replaced = 0;

  function open(enc: TextEncodingName): TextDecoder {
    encoding = enc;
    try {
      decoder = new TextDecoder(enc);
    } catch {
      encoding = 'utf-8';
      decoder = new TextDecoder('utf-8');
    }
    return decoder;
  }

  function decode(bytes: Uint8Array, stream: boolean): string {
    const d = decoder ?? open(encoding ?? 'utf-8');
    const s = d.decode(bytes, { stream });
    replaced += countReplacements(s);
    return s;
  }

  function flushPending(stream: boolean): string {
    const all = new Uint8Array(pendingLength);
    let o = 0;
    for (const p of pending) {
      all.set(p, o);
      o += p.length;
    }
    pending = [];
    pendingLength = 0;
    if (!decoder) open(encoding ?? sniff(all));
    return decode(all, stream);
  }

  return {
    push(bytes: Uint8Array): string {
      if (!(bytes instanceof Uint8Array) || bytes.length === 0) return '';
      if (decoder) return decode(bytes, true);
      pending.push(bytes);
      pendingLength += bytes.length;
      if (encoding === undefined && pendingLength < window) return '';
      return flushPending(true);
    },
    end(): string {
      if (!decoder) return flushPending(false);
      return decode(new Uint8Array(0), false);
    },
    get encoding() {
      return encoding;
    },
    get replaced() {
      return replaced;
    },
  };
}

/**
 * Decode a whole file's bytes, sniffing the encoding. Never throws.
 * @example
 * decodeBytes(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd])); // { text: '张三', encoding: 'gb18030', replaced: 0 }
 */
export function decodeBytes(
  bytes: Uint8Array,
  options: ByteDecoderOptions = {},
): { text: string; encoding: TextEncodingName; replaced: number } {
  const d = createByteDecoder({ ...options, sniffBytes: Number.MAX_SAFE_INTEGER });
  const text = d.push(bytes instanceof Uint8Array ? bytes : new Uint8Array(0)) + d.end();
  return { text, encoding: d.encoding ?? 'utf-8', replaced: d.replaced };
}
