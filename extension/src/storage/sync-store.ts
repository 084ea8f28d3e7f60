/**
 * The sync mirror (issue 22): every revision of every replicated document this station knows, in
 * its own IndexedDB database `shipmask-sync` (separate from `shipmask`, so sync never needs a
 * migration of the main schema and can be wiped to re-pair without touching orders or the ledger).
 * Owned by the background like every store (DESIGN.md); the sync engine reaches it through the
 * `SyncLocalStore` interface, so tests can swap the factory for fake-indexeddb.
 *
 * Revisions are kept opened (the `SyncDoc`): they hold nothing the main database does not already
 * hold (masked views, keyed hashes, our own ids; invariant 1), and are sealed again on the way out,
 * so the server only ever sees ciphertext. Every new revision gets the next local sequence number;
 * the push checkpoint is a sequence number, which is what makes a push resumable after the service
 * worker is killed.
 * @module
 */
import type { SyncDoc } from '@shipmask/core';
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';

/** Name of the sync mirror database. */
export const SYNC_DB_NAME = 'shipmask-sync';
const SYNC_DB_VERSION = 1;

/** One revision of one document. */
export interface LocalRevision {
  readonly id: string;
  readonly rev: string;
  readonly parent?: string;
  readonly deleted: boolean;
  /** The opened document (absent for deletions). */
  readonly doc?: SyncDoc;
  /** Revision ids from this one back to the root, newest first (CouchDB `_revisions`). */
  readonly history: readonly string[];
}

/** A stored revision with where it came from and its local sequence number. */
export interface StoredRevision extends LocalRevision {
  readonly seq: number;
  /** `local`: written on this station; `remote`: pulled from the server. */
  readonly origin: 'local' | 'remote';
}

/** What the sync engine needs from local storage. */
export interface SyncLocalStore {
  /** Store revisions not yet stored (by id + rev); returns how many were new. */
  add(revisions: readonly LocalRevision[], origin: 'local' | 'remote'): Promise<number>;
  /** Of these (id, rev) pairs, the ones not stored. */
  missing(
    pairs: readonly { readonly id: string; readonly rev: string }[],
  ): Promise<{ id: string; rev: string }[]>;
  /** Every stored revision of one document. */
  revisionsOf(id: string): Promise<StoredRevision[]>;
  /** Stored revisions with `seq > after`, in sequence order, at most `limit`. */
  since(after: number, limit: number): Promise<StoredRevision[]>;
  /** How many stored revisions of `origin` have `seq > after`. */
  countSince(after: number, origin: 'local' | 'remote'): Promise<number>;
  /** Every stored revision (tests, the merged view). */
  all(): Promise<StoredRevision[]>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Forget every revision and every meta value (re-pairing with another key or server). */
  clear(): Promise<void>;
  close(): void;
}

interface SyncSchema extends DBSchema {
  revisions: { key: [string, string]; value: StoredRevision; indexes: { seq: number; id: string } };
  meta: { key: string; value: { key: string; value: unknown } };
}

/**
 * The IndexedDB implementation. Writes use `durability: 'strict'`: a revision acknowledged here
 * survives a killed worker, so the push that follows can always resume.
 * @example
 * const store = await IdbSyncStore.open(indexedDB);
 */
export class IdbSyncStore implements SyncLocalStore {
  private constructor(private readonly db: IDBPDatabase<SyncSchema>) {}

  /** Open (and create) the sync mirror with this factory. */
  static async open(factory: IDBFactory, name = SYNC_DB_NAME): Promise<IdbSyncStore> {
    const request = factory.open(name, SYNC_DB_VERSION);
    request.addEventListener('upgradeneeded', () => {
      const d = request.result;
      const revs = d.createObjectStore('revisions', { keyPath: ['id', 'rev'] });
      revs.createIndex('seq', 'seq', { unique: true });
      revs.createIndex('id', 'id');
      d.createObjectStore('meta', { keyPath: 'key' });
    });
    const db = await (wrap(request) as Promise<IDBPDatabase<SyncSchema>>);
    // A newer build upgrading the mirror must not be blocked by this connection.
    db.addEventListener('versionchange', () => db.close());
    return new IdbSyncStore(db);
  }

  async add(revisions: readonly LocalRevision[], origin: 'local' | 'remote'): Promise<number> {
    if (revisions.length === 0) return 0;
    const tx = this.db.transaction(['revisions', 'meta'], 'readwrite', { durability: 'strict' });
    const revs = tx.objectStore('revisions');
    const meta = tx.objectStore('meta');
    let seq = ((await meta.get('seq'))?.value as number | undefined) ?? 0;
    let added = 0;
    for (const r of revisions) {
      if ((await revs.getKey([r.id, r.rev])) !== undefined) continue;
      seq++;
      added++;
      await revs.put({ ...r, seq, origin });
    }
    await meta.put({ key: 'seq', value: seq });
    await tx.done;
    return added;
  }

  async missing(
    pairs: readonly { readonly id: string; readonly rev: string }[],
  ): Promise<{ id: string; rev: string }[]> {
    const tx = this.db.transaction('revisions');
    const out: { id: string; rev: string }[] = [];
    for (const p of pairs)
      if ((await tx.store.getKey([p.id, p.rev])) === undefined) out.push({ id: p.id, rev: p.rev });
    await tx.done;
    return out;
  }

  revisionsOf(id: string): Promise<StoredRevision[]> {
    return this.db.getAllFromIndex('revisions', 'id', id);
  }

  since(after: number, limit: number): Promise<StoredRevision[]> {
    return this.db.getAllFromIndex('revisions', 'seq', IDBKeyRange.lowerBound(after, true), limit);
  }

  async countSince(after: number, origin: 'local' | 'remote'): Promise<number> {
    let n = 0;
    const tx = this.db.transaction('revisions');
    for (
      let c = await tx.store.index('seq').openCursor(IDBKeyRange.lowerBound(after, true));
      c;
      c = await c.continue()
    )
      if (c.value.origin === origin) n++;
    await tx.done;
    return n;
  }

  all(): Promise<StoredRevision[]> {
    return this.db.getAll('revisions');
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite', { durability: 'strict' });
    await tx.store.put({ key, value });
    await tx.done;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['revisions', 'meta'], 'readwrite', { durability: 'strict' });
    await Promise.all([tx.objectStore('revisions').clear(), tx.objectStore('meta').clear(), tx.done]);
  }

  close(): void {
    this.db.close();
  }
}
