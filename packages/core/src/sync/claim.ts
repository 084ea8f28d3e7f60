/**
 * Print no order twice across stations (issue 22, deliver 4). Before a label is sent, a station
 * claims the order: one `claim` document per order (its id is the keyed hash of shop + order id,
 * so every station's claim of one order lands in the same CouchDB document).
 *
 * The rule, in two parts:
 * 1. Online, the first writer wins at the server: the station creates the claim with a plain
 *    `PUT /{db}/{docid}` without `_rev`, which CouchDB answers `409 Conflict` when the document
 *    already exists (CouchDB API, "PUT /{db}/{docid}"). The station that gets 409 reads the
 *    winner and shows "已由 X 号工位打印"; printing again needs an explicit reprint with a reason.
 * 2. A claim written while offline reaches the server later through replication and becomes a
 *    conflicting leaf. Then every station and the server pick the same winner by CouchDB's
 *    deterministic rule (`revisions.ts`), without talking to each other; the other claims are
 *    duplicates (both parcels went out) and are shown as such so the merchant can stop one.
 * @module
 */
import type { ClaimDoc, SyncShop, SyncStation } from './documents.js';
import { leaves, type Revision } from './revisions.js';

/**
 * A station's claim on an order.
 * @example
 * newClaim({ platform: 'douyin', shopId: 's1' }, '3718000000000001', { id: 'st-1', label: '1' }, now);
 */
export function newClaim(shop: SyncShop, orderId: string, station: SyncStation, at: number): ClaimDoc {
  return { kind: 'claim', shop, orderId, station, at };
}

/** What a station may do with an order, given what it knows of the order's claim. */
export type ClaimOutcome =
  /** Nobody claimed it (yet, as far as this replica knows). */
  | { readonly state: 'unclaimed' }
  /** This station holds the winning claim: print. `duplicates`: offline claims that lost. */
  | { readonly state: 'mine'; readonly claim: ClaimDoc; readonly duplicates: readonly ClaimDoc[] }
  /** Another station won: do not print without an explicit, logged reprint. */
  | { readonly state: 'taken'; readonly claim: ClaimDoc; readonly duplicates: readonly ClaimDoc[] };

/**
 * The outcome of one order's claim revisions for `stationId` (CouchDB's winner decides).
 * @example
 * claimOutcome(revisionsOfClaim, 'st-2'); // { state: 'taken', claim: { station: { label: '1' }, … }, … }
 */
export function claimOutcome(revisions: Iterable<Revision>, stationId: string): ClaimOutcome {
  const live = leaves(revisions).filter(
    (r): r is Revision & { doc: ClaimDoc } => !r.deleted && r.doc !== undefined && r.doc.kind === 'claim',
  );
  const [win, ...rest] = live;
  if (!win) return { state: 'unclaimed' };
  const duplicates = rest.map((r) => r.doc);
  return win.doc.station.id === stationId
    ? { state: 'mine', claim: win.doc, duplicates }
    : { state: 'taken', claim: win.doc, duplicates };
}

/**
 * The words a station shows for another station's claim: `已由 2 号工位打印` for a numbered
 * station, `已由「前台」工位打印` for a named one (the label is text, never markup).
 * @example
 * claimNotice({ …claim, station: { id: 'st-2', label: '2' } }); // '已由 2 号工位打印'
 */
export function claimNotice(claim: ClaimDoc): string {
  const label = claim.station.label;
  return /^[0-9]{1,4}$/u.test(label) ? `已由 ${label} 号工位打印` : `已由「${label}」工位打印`;
}
