/**
 * Detailed addresses for ONE print, read from an order export the merchant drops in (issue 7).
 *
 * Why: a virtual-number label (WeChat / JD 11+4) must carry the detailed address, and the stored
 * order is masked (`广东省广州市天河区****`) by design (invariant 1). The address therefore comes
 * at print time only: read here from the file, kept in a `Map` in the print page's memory, passed
 * to core's `layoutLabel` as the transient `recipient.address`, and dropped with the page. It is
 * never sent to the background, stored, logged or put in a job. Orders are read from the same
 * file by core's `parseOrderFile`, which masks every plaintext field on the way in.
 * @module
 */
import {
  decodeBytes,
  detectPlatform,
  isZip,
  looksLikeHeader,
  mapHeader,
  parseCsv,
  readXlsxRows,
  cleanCell,
} from '@shipmask/core';
import type { PlatformId } from '@shipmask/core';

/** A masked detail (`****`) is no address. */
const MASKED = /[*＊]/u;

/**
 * Order id → detailed address (province + city + district + street + detail as the file has
 * them), for rows whose detail is not masked. Never throws; an unreadable file gives an empty map.
 * @example
 * addressesFromExport(csvBytes).get('3718000000000001'); // '广东省广州市天河区花城广场888号'
 */
export function addressesFromExport(input: Uint8Array | string, platform?: PlatformId): Map<string, string> {
  const out = new Map<string, string>();
  let rows: readonly (readonly string[])[];
  try {
    if (input instanceof Uint8Array && isZip(input)) {
      const x = readXlsxRows(input);
      rows = x.ok ? x.records.map((r) => r.fields) : [];
    } else {
      const text = typeof input === 'string' ? input : decodeBytes(input).text;
      rows = parseCsv(text)
        .filter((r) => r.ok)
        .map((r) => r.fields);
    }
  } catch {
    return out;
  }
  const headerAt = rows.findIndex((r) => looksLikeHeader(r));
  if (headerAt < 0) return out;
  const header = rows[headerAt]!;
  const p = platform ?? detectPlatform(header);
  if (!p) return out;
  const { index } = mapHeader(header, p);
  if (index.orderId === undefined || index.address === undefined) return out;
  const cell = (r: readonly string[], i: number | undefined): string =>
    i === undefined ? '' : cleanCell(r[i] ?? '').trim();
  for (const r of rows.slice(headerAt + 1)) {
    const orderId = cell(r, index.orderId);
    const detail = cell(r, index.address);
    if (!orderId || !detail || MASKED.test(detail)) continue;
    const region = [
      cell(r, index.province),
      cell(r, index.city),
      cell(r, index.district),
      cell(r, index.street),
    ];
    // Exports differ: some repeat the region inside the detail column.
    const prefix = region.filter((part) => part && !detail.includes(part)).join('');
    out.set(orderId, prefix + detail);
  }
  return out;
}
