/**
 * Which source gives each order's detailed address, best first (issue 21 item 1): the order page
 * (as shown after the merchant's own reveal, asked at print time), then an export that carries
 * addresses, else why there is none (the gap the page explains in a plain sentence).
 * @module
 */
import type { AddressGap } from './address-i18n';
import type { OrderPageAddresses } from './order-page-addresses';

/** The source that applies to one order, or the gap. */
export type AddressSourceKind = 'page' | 'file' | AddressGap;

/**
 * The source of one order's address. Rule: the order page first, then the export file; without
 * either, what the order page said (`masked`, `missing`, …), or why it could not answer (no tab,
 * another shop's tab), or `not-asked` before anything was asked.
 * @example
 * addressSourceOf('3718…', pageResult, new Map()); // 'page'
 */
export function addressSourceOf(
  orderId: string,
  page: OrderPageAddresses | undefined,
  file: ReadonlyMap<string, string>,
): AddressSourceKind {
  if (page?.found.has(orderId)) return 'page';
  if (file.has(orderId)) return 'file';
  if (!page) return 'not-asked';
  if (page.tab !== 'answered') return page.tab;
  const state = page.states.get(orderId) ?? 'missing';
  return state === 'detailed' ? 'missing' : state;
}

/**
 * The orders grouped by source, groups in the order of `SOURCE_ORDER` (sources first, then gaps).
 * @example
 * groupBySource(['a', 'b'], pageResult, fileMap); // [['page', ['a']], ['masked', ['b']]]
 */
export function groupBySource(
  orderIds: readonly string[],
  page: OrderPageAddresses | undefined,
  file: ReadonlyMap<string, string>,
): [AddressSourceKind, string[]][] {
  const groups = new Map<AddressSourceKind, string[]>();
  for (const id of orderIds) {
    const k = addressSourceOf(id, page, file);
    const g = groups.get(k);
    if (g) g.push(id);
    else groups.set(k, [id]);
  }
  return SOURCE_ORDER.flatMap((k) => {
    const g = groups.get(k);
    return g ? [[k, g] as [AddressSourceKind, string[]]] : [];
  });
}

/** How the groups are listed. */
export const SOURCE_ORDER: readonly AddressSourceKind[] = [
  'page',
  'file',
  'masked',
  'missing',
  'no-tab',
  'other-shop',
  'mismatch',
  'not-virtual',
  'no-address',
  'not-asked',
];

/**
 * The detailed addresses for the label, page first (the freshest, what the merchant just saw),
 * then the export's. Page memory only.
 * @example
 * addressesForPrint(pageResult, fileMap).get('3718…'); // '广东省广州市天河区花城广场888号'
 */
export function addressesForPrint(
  page: OrderPageAddresses | undefined,
  file: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  if (!page || page.found.size === 0) return file;
  const out = new Map(file);
  for (const [id, p] of page.found) out.set(id, p.address);
  return out;
}
