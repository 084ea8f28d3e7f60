/**
 * Reading a ZIP archive (an XLSX file) without trusting it: the central directory is read
 * first (names, methods, declared sizes, no data touched), the caller decides which parts it
 * needs and checks their declared sizes, and only then are those parts inflated, each one
 * stopped as soon as its output passes the size it declared. Inflation runs in input steps
 * through fflate's streaming `Inflate`, each step no larger than what could fill the room left
 * (deflate expands at most ~1032:1) plus 1 KB, so a part that lies about its size costs at most
 * ~1 MB of output beyond its declared size in memory and CPU, never the gigabytes of a zip bomb. Layout per PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7
 * (local file header), 4.3.12 (central directory header) and 4.3.16 (end of central directory):
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 * ZIP64 archives and encrypted entries are not read (an order export is neither).
 * @module
 */
import { Inflate } from 'fflate';

/** One entry of the central directory. */
export interface ZipEntry {
  /** The entry name as stored (UTF-8 decoded). */
  readonly name: string;
  /** 0 = stored, 8 = deflated; anything else cannot be read. */
  readonly method: number;
  /** Compressed size in bytes, as declared. */
  readonly compressedSize: number;
  /** Uncompressed size in bytes, as declared (what a reader allocates). */
  readonly size: number;
  /** Offset of the local file header. */
  readonly localOffset: number;
  /** Encrypted (general-purpose flag bit 0) or ZIP64 (a size or offset of 0xFFFFFFFF). */
  readonly unreadable: boolean;
}

/** Result of `readZipDirectory`. */
export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly message: string };

/** Result of `inflateZipEntry`. */
export type ZipInflate =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: 'damaged' | 'over-size'; readonly message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Deflate's largest expansion: 258 output bytes from about 2 bits (RFC 1951 length codes). */
const MAX_RATIO = 1032;
/** Smallest and largest number of compressed bytes fed to the inflater in one step. */
const MIN_STEP = 1024;
const MAX_STEP = 65_536;

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;

/**
 * Read the central directory of a ZIP archive: every entry's name, method and declared sizes.
 * Nothing is inflated. Never throws; a damaged directory is `{ ok: false }`.
 * @example
 * const d = readZipDirectory(bytes); // bytes of an .xlsx file
 * if (d.ok) d.entries.map((e) => [e.name, e.size]); // [['xl/workbook.xml', 712], …]
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (!(bytes instanceof Uint8Array) || bytes.length < 22)
    return { ok: false, message: 'too short for a ZIP' };
  // The end record sits in the last 22 + 65,535 (comment) bytes.
  let e = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  while (e >= stop && u32(bytes, e) !== EOCD) e--;
  if (e < stop) return { ok: false, message: 'no end of central directory' };
  const count = u16(bytes, e + 10);
  const cdSize = u32(bytes, e + 12);
  const cdOffset = u32(bytes, e + 16);
  if (cdOffset + cdSize > e) return { ok: false, message: 'the central directory lies outside the archive' };
  const dec = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== CENTRAL)
      return { ok: false, message: 'a central directory entry is damaged' };
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const next = p + 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    if (next > cdOffset + cdSize) return { ok: false, message: 'a central directory entry is damaged' };
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const zip64 = compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff;
    entries.push({ name, method, compressedSize, size, localOffset, unreadable: (flags & 1) === 1 || zip64 });
    p = next;
  }
  return { ok: true, entries };
}

/**
 * Inflate one entry, refusing (`over-size`) as soon as its output passes its declared `size`,
 * and refusing up front when that declared size exceeds `maxBytes`. The output buffer is
 * allocated once, at the declared size, after that check. Never throws.
 * @example
 * const d = readZipDirectory(bytes);
 * const entry = d.ok ? d.entries.find((x) => x.name === 'xl/workbook.xml') : undefined;
 * const r = entry ? inflateZipEntry(bytes, entry, 1 << 20) : undefined;
 * if (r?.ok) new TextDecoder().decode(r.bytes); // '<?xml …><workbook …'
 */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): ZipInflate {
  const damaged = (message: string): ZipInflate => ({ ok: false, code: 'damaged', message });
  if (entry.size > maxBytes)
    return { ok: false, code: 'over-size', message: `declares ${entry.size} bytes, above ${maxBytes}` };
  if (entry.unreadable) return damaged('is encrypted or ZIP64');
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) return damaged('has no local header');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return damaged('runs past the end of the archive');
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) return damaged('is stored with two different sizes');
    return { ok: true, bytes: bytes.slice(start, end) };
  }
  if (entry.method !== 8) return damaged(`uses compression method ${entry.method}`);
  const out = new Uint8Array(entry.size);
  let got = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (got + chunk.length > out.length) {
      over = true;
      return;
    }
    out.set(chunk, got);
    got += chunk.length;
  });
  try {
    // Each step feeds only as much input as could fill the room left (plus 1 KB), so a part that
    // lies about its size is caught after at most ~1 MB of output beyond what it declared.
    for (let p = start; p < end && !over;) {
      const step = Math.min(
        MAX_STEP,
        Math.max(MIN_STEP, Math.floor((out.length - got) / MAX_RATIO) + MIN_STEP),
      );
      const q = Math.min(p + step, end);
      inflater.push(bytes.subarray(p, q), q === end);
      p = q;
    }
    if (start === end) inflater.push(new Uint8Array(0), true);
  } catch {
    if (!over) return damaged('is not a valid deflate stream');
  }
  if (over)
    return {
      ok: false,
      code: 'over-size',
      message: `inflates past the ${entry.size} bytes it declares`,
    };
  return { ok: true, bytes: got === out.length ? out : out.subarray(0, got) };
}
