/**
 * Lowercase hex of bytes (random batch ids).
 * @example
 * bytesToHex(new Uint8Array([1, 255])); // '01ff'
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
