/**
 * A growable byte writer and a bounds-checked reader: unsigned LEB128 varints (up to 2^53 as
 * numbers, any size as bigints), zigzag signed varints, length-prefixed UTF-8 strings. The
 * reader never throws: a read past the end or a malformed value sets `failed` and returns a
 * neutral value, and callers check `failed` once at the end.
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Appends bytes, varints and strings to a growing buffer.
 * @example
 * const w = new ByteWriter();
 * w.varint(300); w.string('张*');
 * w.finish(); // Uint8Array [172, 2, 4, 229, 188, 160, 42]
 */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Number of bytes written so far. */
  get length(): number {
    return this.len;
  }

  /** One byte (0–255). */
  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b & 255;
  }

  /** Raw bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Unsigned LEB128 of a non-negative safe integer. */
  varint(n: number): void {
    this.room(8);
    let v = n;
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }

  /** Zigzag-signed LEB128 of an integer in [-2^52, 2^52). */
  svarint(n: number): void {
    this.varint(n < 0 ? -2 * n - 1 : 2 * n);
  }

  /** Unsigned LEB128 of a non-negative bigint. */
  bigVarint(n: bigint): void {
    let v = n;
    while (v >= 128n) {
      this.byte(Number(v & 127n) | 128);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  /** Zigzag-signed LEB128 of a bigint. */
  bigSvarint(n: bigint): void {
    this.bigVarint(n < 0n ? -2n * n - 1n : 2n * n);
  }

  /** Varint byte length, then UTF-8. */
  string(s: string): void {
    const b = encoder.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }

  /** 48-bit unsigned big-endian (instants in epoch ms). */
  uint48(n: number): void {
    const hi = Math.floor(n / 2 ** 32);
    const lo = n >>> 0;
    this.byte(hi >> 8);
    this.byte(hi);
    this.byte(lo >>> 24);
    this.byte(lo >>> 16);
    this.byte(lo >>> 8);
    this.byte(lo);
  }

  /** The bytes written (a copy trimmed to length). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/**
 * Reads what `ByteWriter` wrote. Never throws; check `failed` after reading.
 * @example
 * const r = new ByteReader(new Uint8Array([172, 2]));
 * r.varint(); // 300
 * r.failed; // false
 */
export class ByteReader {
  pos = 0;
  failed = false;
  constructor(private readonly buf: Uint8Array) {}

  /** Bytes left to read. */
  get remaining(): number {
    return this.buf.length - this.pos;
  }

  /** Mark the read as failed; returns `fallback` for convenience. */
  fail<T>(fallback: T): T {
    this.failed = true;
    return fallback;
  }

  byte(): number {
    if (this.pos >= this.buf.length) return this.fail(0);
    return this.buf[this.pos++]!;
  }

  bytes(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) return this.fail(new Uint8Array(0));
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Unsigned LEB128 up to 2^53 - 1; a longer or non-minimal encoding fails. */
  varint(): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      if (this.failed) return 0;
      v += (b & 127) * scale;
      if (b < 128) {
        if (i > 0 && b === 0) return this.fail(0);
        return Number.isSafeInteger(v) ? v : this.fail(0);
      }
      scale *= 128;
    }
    return this.fail(0);
  }

  svarint(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  /** Unsigned LEB128 bigint, at most `maxBytes` bytes; non-minimal encodings fail. */
  bigVarint(maxBytes = 16): bigint {
    let v = 0n;
    let shift = 0n;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.byte();
      if (this.failed) return 0n;
      v |= BigInt(b & 127) << shift;
      if (b < 128) {
        if (i > 0 && b === 0) return this.fail(0n);
        return v;
      }
      shift += 7n;
    }
    return this.fail(0n);
  }

  bigSvarint(maxBytes = 16): bigint {
    const z = this.bigVarint(maxBytes);
    return (z & 1n) === 0n ? z >> 1n : -((z + 1n) >> 1n);
  }

  /** A string of at most `maxBytes` UTF-8 bytes; invalid UTF-8 fails. */
  string(maxBytes = 1 << 20): string {
    const n = this.varint();
    if (this.failed || n > maxBytes) return this.fail('');
    const b = this.bytes(n);
    if (this.failed) return '';
    try {
      return decoder.decode(b);
    } catch {
      return this.fail('');
    }
  }

  uint48(): number {
    const b = this.bytes(6);
    if (this.failed) return 0;
    return (b[0]! * 256 + b[1]!) * 2 ** 32 + ((b[2]! << 24) >>> 0) + (b[3]! << 16) + (b[4]! << 8) + b[5]!;
  }
}
