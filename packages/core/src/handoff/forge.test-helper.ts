// Test helper: links and return codes sealed around ARBITRARY body bytes, the way an attacker who
// holds a link (and so the key) can make them, to test what opening does with hostile content
// that authenticates. Follows the envelope layouts documented in seal.ts and return-code.ts.
import { encodeBase64url } from './base64url.js';
import { ByteWriter } from './bytes.js';
import { deflateWith } from './compress.js';
import { aesGcmEncrypt, keyCheck, returnKey } from './crypto.js';
import { dictionaryV1 } from './dictionary.js';
import { decodeKey } from './seal.js';
import type { BatchKeyMaterial } from './types.js';

const KEY = new Uint8Array(32).fill(9);
const IV = new Uint8Array(12).fill(3);

/** Envelope length including its own varint (the fixed point both sealers find). */
function withTotal(write: (w: ByteWriter, total: number) => void, rest: number): Uint8Array {
  let total = rest;
  for (;;) {
    const w = new ByteWriter();
    write(w, total);
    if (w.length + rest === total) return w.finish();
    total = w.length + rest;
  }
}

/**
 * A format-1 key-mode link whose plaintext is `text` (deflated with the dictionary; `size`
 * overrides the stated inflated size) and `raw`.
 */
export async function forgeBatchLink(
  text: Uint8Array,
  header: { batchId: string; expiresAt: number },
  options: { raw?: Uint8Array; size?: number } = {},
): Promise<string> {
  const deflated = deflateWith(text, dictionaryV1());
  const pw = new ByteWriter();
  pw.varint(options.size ?? text.length);
  pw.varint(deflated.length);
  pw.bytes(deflated);
  pw.bytes(options.raw ?? new Uint8Array(0));
  const packed = pw.finish();
  const aad = withTotal(
    (w, total) => {
      w.byte(1);
      w.byte(0);
      w.varint(total);
      w.byte(header.batchId.length);
      for (const c of header.batchId) w.byte(c.charCodeAt(0));
      w.uint48(header.expiresAt);
      w.bytes(keyCheck(KEY));
    },
    32 + 12 + packed.length + 16,
  );
  const ct = await aesGcmEncrypt(KEY, IV, aad, packed);
  const env = new ByteWriter();
  env.bytes(aad);
  env.bytes(KEY);
  env.bytes(IV);
  env.bytes(ct);
  return `https://supplier.example/open/#${encodeBase64url(env.finish())}`;
}

/** A return code for `keep`'s batch whose (inflated) body is `body`. */
export async function forgeReturnCode(body: Uint8Array, keep: BatchKeyMaterial): Promise<string> {
  const pw = new ByteWriter();
  pw.varint(body.length);
  pw.bytes(deflateWith(body, new Uint8Array(0)));
  const packed = pw.finish();
  const aad = withTotal(
    (w, total) => {
      w.byte(0x81);
      w.varint(total);
      w.byte(keep.batchId.length);
      for (const c of keep.batchId) w.byte(c.charCodeAt(0));
    },
    12 + packed.length + 16,
  );
  const ct = await aesGcmEncrypt(returnKey(decodeKey(keep.key)!, keep.batchId), IV, aad, packed);
  const env = new ByteWriter();
  env.bytes(aad);
  env.bytes(IV);
  env.bytes(ct);
  return encodeBase64url(env.finish());
}
