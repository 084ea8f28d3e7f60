/**
 * Revision trees as CouchDB keeps them, and the merge of two replicas.
 *
 * A replica holds, per document id, a set of revisions `{ rev, parent?, deleted, doc? }` (the edges
 * of CouchDB's revision tree). Replication only ever adds revisions, so merging two replicas is the
 * union of these sets: commutative, associative and idempotent, whatever order documents arrive in.
 * The leaves are the revisions nobody names as parent.
 *
 * The winner among leaves is CouchDB's deterministic rule (CouchDB docs, "Replication and
 * conflict model"; PouchDB `winningRev`): a non-deleted leaf beats a deleted one, then the longer
 * revision history (higher generation) wins, then the revision id that sorts highest in ASCII
 * order. Every replica that holds the same tree picks the same winner without talking to the
 * others; `claim.ts` relies on that.
 * @module
 */
import { MERGE_MODE, docText, type SyncDoc } from './documents.js';
import { revGeneration } from './ids.js';

/** One revision of one document (the opened body, absent for deletions and stubs). */
export interface Revision {
  readonly rev: string;
  readonly parent?: string;
  readonly deleted: boolean;
  readonly doc?: SyncDoc;
}

/** A replica: document id → revision id → revision. */
export type Replica = ReadonlyMap<string, ReadonlyMap<string, Revision>>;

/**
 * Order two leaves by CouchDB's rule: negative when `a` loses to `b`.
 * @example
 * compareLeaves({ rev: '2-a', deleted: false }, { rev: '1-f', deleted: false }) > 0; // true
 */
export function compareLeaves(a: Revision, b: Revision): number {
  if (a.deleted !== b.deleted) return a.deleted ? -1 : 1;
  const ga = revGeneration(a.rev);
  const gb = revGeneration(b.rev);
  if (ga !== gb) return ga - gb;
  return a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0;
}

/**
 * The leaves of one document's revisions (revisions no other revision names as parent), winner
 * first (CouchDB's rule), then the others in losing order.
 * @example
 * leaves([r1, r2childOfR1]).map((r) => r.rev); // [r2childOfR1.rev]
 */
export function leaves(revisions: Iterable<Revision>): Revision[] {
  const all = [...revisions];
  const parents = new Set(all.map((r) => r.parent).filter((p): p is string => p !== undefined));
  return all.filter((r) => !parents.has(r.rev)).sort((a, b) => compareLeaves(b, a));
}

/**
 * CouchDB's winning revision of one document, or `undefined` when it has none.
 * @example
 * winningRevision([{ rev: '1-a', deleted: false }, { rev: '1-b', deleted: false }])?.rev; // '1-b'
 */
export function winningRevision(revisions: Iterable<Revision>): Revision | undefined {
  return leaves(revisions)[0];
}

/**
 * Merge two replicas: per document, the union of their revisions (a revision id names one
 * content; when two replicas disagree on it, the one whose canonical body sorts higher is kept, so
 * the merge stays a deterministic union even against a broken peer).
 * @example
 * mergeReplicas(a, b); // same as mergeReplicas(b, a)
 */
export function mergeReplicas(a: Replica, b: Replica): Replica {
  const out = new Map<string, Map<string, Revision>>();
  for (const side of [a, b]) {
    for (const [id, revs] of side) {
      let m = out.get(id);
      if (!m) out.set(id, (m = new Map<string, Revision>()));
      for (const [rev, r] of revs) {
        const old = m.get(rev);
        m.set(rev, old === undefined ? r : pickRevision(old, r));
      }
    }
  }
  return out;
}

const revText = (r: Revision): string =>
  `${r.deleted ? 1 : 0}\u0000${r.parent ?? ''}\u0000${r.doc ? docText(r.doc) : ''}`;

function pickRevision(a: Revision, b: Revision): Revision {
  return revText(a) >= revText(b) ? a : b;
}

/** The merged view of one document: the version shown, and what lost. */
export interface Resolved {
  /** The document the stations use (absent when every leaf is deleted). */
  readonly doc?: SyncDoc;
  /** The leaf it comes from. */
  readonly rev?: string;
  /** Other non-deleted leaves (a claim's duplicate prints, settings edits that lost). */
  readonly losers: readonly { readonly rev: string; readonly doc: SyncDoc }[];
  /** Which rule picked it. */
  readonly rule: 'only' | 'couchdb-winner' | 'latest-edit';
}

/**
 * Resolve one document's revisions by its kind's merge mode (`MERGE_MODE`):
 * - `set` and `first-claim`: CouchDB's winner (set members have one content per id, so any leaf
 *   is the same member; claims: see `claim.ts`);
 * - `latest-edit` (settings, adapters): among non-deleted leaves, the one written last (`at`),
 *   ties broken by the higher station id, then by the higher canonical text. This is the rule the
 *   UI shows ("工位 2 的修改较新，已覆盖工位 1 的修改").
 * @example
 * resolveDocument(replica.get(id)!.values()).doc;
 */
export function resolveDocument(revisions: Iterable<Revision>): Resolved {
  const live = leaves(revisions).filter(
    (r): r is Revision & { doc: SyncDoc } => !r.deleted && r.doc !== undefined,
  );
  const first = live[0];
  if (!first) return { losers: [], rule: 'only' };
  if (live.length === 1) return { doc: first.doc, rev: first.rev, losers: [], rule: 'only' };
  if (MERGE_MODE[first.doc.kind] !== 'latest-edit') {
    return {
      doc: first.doc,
      rev: first.rev,
      losers: live.slice(1).map(({ rev, doc }) => ({ rev, doc })),
      rule: 'couchdb-winner',
    };
  }
  const sorted = [...live].sort(
    (a, b) => compareEdits(b.doc, a.doc) || (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0),
  );
  const [win, ...rest] = sorted as [Revision & { doc: SyncDoc }, ...(Revision & { doc: SyncDoc })[]];
  return {
    doc: win.doc,
    rev: win.rev,
    losers: rest.map(({ rev, doc }) => ({ rev, doc })),
    rule: 'latest-edit',
  };
}

/**
 * Order two edits by the latest-edit rule: positive when `a` wins.
 * @example
 * compareEdits({ ...s, at: 2 }, { ...s, at: 1 }) > 0; // true
 */
export function compareEdits(a: SyncDoc, b: SyncDoc): number {
  const at = (d: SyncDoc): number => ('at' in d ? d.at : d.event.at);
  const st = (d: SyncDoc): string => ('station' in d ? d.station.id : '');
  if (at(a) !== at(b)) return at(a) - at(b);
  if (st(a) !== st(b)) return st(a) < st(b) ? -1 : 1;
  const ta = docText(a);
  const tb = docText(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * The merged view of a whole replica: document id → resolved document (ids whose leaves are all
 * deleted are left out).
 * @example
 * resolveReplica(mergeReplicas(a, b)).size;
 */
export function resolveReplica(replica: Replica): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  for (const [id, revs] of replica) {
    const r = resolveDocument(revs.values());
    if (r.doc) out.set(id, r);
  }
  return out;
}
