/**
 * The station's sync engine (issue 22): replicates this station's sealed documents to and from
 * the merchant's CouchDB with the CouchDB replication protocol (CouchDB docs, "CouchDB Replication
 * Protocol" v3), resumable after the service worker is killed.
 *
 * Why our own small client and not PouchDB (measured with esbuild --minify, gzip -9; see
 * extension/README.md): PouchDB with its IndexedDB adapter, HTTP adapter and replication plugin is
 * 106.6 KB minified / 35.3 KB gzipped (pouchdb-browser: 126.9 KB / 42.8 KB), plus the `events`
 * polyfill it needs; this client and engine are about a tenth of that (numbers in the README).
 * More than size: PouchDB mints its own revision ids, so two stations writing the same set member
 * (a quota event seen twice) would conflict; here revisions are keyed hashes of the content
 * (core `revisionId`), so they meet as one revision and never conflict. PouchDB would also keep a
 * second document database beside idb; here the mirror is one small idb database
 * (storage/sync-store.ts) and idb stays the store the extension reads.
 *
 * Protocol, as the spec lays it out:
 * - push (local → server): read local revisions after the push checkpoint (a local sequence
 *   number), ask `_revs_diff` which the server lacks, send those sealed with `_bulk_docs`
 *   (`new_edits: false`, `_revisions` carrying the history), then record the checkpoint locally
 *   and in `_local/shipmask-push-<station>` with a session id. A checkpoint the server does not
 *   have (a new or restored server) restarts the push from 0 with every revision, so a server
 *   that lost data is refilled.
 * - pull (server → local): `_changes?style=all_docs&since=<checkpoint>` in pages, skip revisions
 *   already stored, fetch the rest (`_all_docs?include_docs` for first revisions in bulk,
 *   `open_revs` with `revs=true` otherwise), open each (a body that does not open is counted and
 *   skipped, never stored), store, then record the server's `last_seq` as the pull checkpoint.
 * - every step is idempotent: a run cut anywhere (server killed, worker killed) repeats at most
 *   one page, and storing a revision twice is a no-op.
 * - after a pull, settings and adapters in conflict are resolved by the latest-edit rule (core
 *   `resolveDocument`): the winner's content is written on CouchDB's winning leaf and the other
 *   leaves are deleted, with deterministic revision ids so two stations resolving at once agree.
 * @module
 */
import {
  DOC_ID,
  MERGE_MODE,
  checkSyncDoc,
  claimNotice,
  claimOutcome,
  docId,
  newClaim,
  openSyncDoc,
  resolveDocument,
  revGeneration,
  revisionId,
  sealSyncDoc,
  winningRevision,
  type ClaimDoc,
  type Resolved,
  type SyncDoc,
  type SyncKeys,
  type SyncOpenErrorCode,
  type SyncShop,
  type SyncStation,
} from '@shipmask/core';
import type { LocalRevision, StoredRevision, SyncLocalStore } from '../../storage/sync-store';
import type { CouchClient, CouchError, CouchResult, WireRevision } from './couch-client';

/** What the engine needs. */
export interface SyncEngineOptions {
  readonly keys: SyncKeys;
  readonly client: CouchClient;
  readonly store: SyncLocalStore;
  readonly station: SyncStation;
  readonly random: (n: number) => Uint8Array;
  readonly now: () => number;
  /** Revisions per request (default 200). */
  readonly batchSize?: number;
}

/** What one `syncOnce` did. */
export interface SyncReport {
  readonly pushed: number;
  readonly pulled: number;
  /** Bodies from the server that did not open, by reason. */
  readonly unreadable: Readonly<Partial<Record<SyncOpenErrorCode, number>>>;
  /** Settings / adapter conflicts resolved by the latest-edit rule. */
  readonly resolved: readonly {
    readonly id: string;
    readonly kept: SyncDoc;
    readonly overridden: readonly SyncDoc[];
  }[];
}

// The status line's facts are part of the message contract (messages/sync.ts).
import type { SyncStatus } from '../../messages/sync';
export type { SyncStatus };

/** Result of `write`: how many revisions were new, or the first invalid document. */
export type WriteResult =
  | { readonly ok: true; readonly added: number }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'bad-document'; readonly index: number; readonly message: string };
    };

/** The outcome of a print claim. */
export type ClaimResult =
  | { readonly state: 'mine'; readonly claim: ClaimDoc; readonly duplicates: readonly ClaimDoc[] }
  | {
      readonly state: 'taken';
      readonly claim: ClaimDoc;
      readonly notice: string;
      readonly duplicates: readonly ClaimDoc[];
    }
  /** The server could not be asked: the station must not assume the order is free. */
  | { readonly state: 'unconfirmed'; readonly error: CouchError };

const PUSH_SEQ = 'push:seq';
const PUSH_SESSION = 'push:session';
const PULL_SINCE = 'pull:since';
const LAST_SYNC = 'status:lastSyncAt';
const LAST_ERROR = 'status:error';
const UNREADABLE = 'status:unreadable';

/** Most revisions remembered as stored during one sync (see `SyncEngine.known`). */
const MAX_KNOWN = 50_000;

const hashOf = (rev: string): string => rev.slice(rev.indexOf('-') + 1);
const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/**
 * One station's replication with one database.
 * @example
 * const engine = new SyncEngine({ keys, client, store, station, random, now: Date.now });
 * await engine.write([{ kind: 'quotaEvent', shop, event }]);
 * await engine.syncOnce();
 */
export class SyncEngine {
  private readonly batch: number;
  /**
   * Revisions (`id rev`) seen in the mirror during the current sync: a pull skips looking these up
   * again (the server's changes feed echoes every revision this station just pushed). Revisions
   * are never removed from the mirror while a sync runs, so a remembered one is stored.
   */
  private readonly known = new Set<string>();

  constructor(private readonly o: SyncEngineOptions) {
    this.batch = o.batchSize ?? 200;
  }

  private get checkpointId(): string {
    return `shipmask-push-${this.o.station.id}`;
  }

  /**
   * Write documents on this station. Every document is checked first (core `checkSyncDoc`): one
   * invalid document refuses the whole write, nothing stored (a document that could not be sealed
   * later must never wait silently in the mirror). Set members get their content-derived first
   * revision (a member already stored is a no-op); settings and adapters get a new revision on the
   * current winning leaf (an earlier edit in the same call counts as that leaf). Returns how many
   * revisions were new.
   */
  async write(docs: readonly SyncDoc[]): Promise<WriteResult> {
    const checked: SyncDoc[] = [];
    for (const [index, doc] of docs.entries()) {
      const c = checkSyncDoc(doc);
      if (!c.ok) return { ok: false, error: { code: 'bad-document', index, message: c.error.message } };
      checked.push(c.doc);
    }
    const out: LocalRevision[] = [];
    const edited = new Map<string, LocalRevision>();
    for (const doc of checked) {
      const id = docId(this.o.keys.idKey, doc);
      if (MERGE_MODE[doc.kind] === 'latest-edit') {
        const leaf = edited.get(id) ?? winningRevision(await this.o.store.revisionsOf(id));
        const rev = revisionId(this.o.keys.revKey, leaf?.rev, doc);
        const history = [rev, ...((leaf as LocalRevision | undefined)?.history ?? [])].slice(0, 100);
        const r: LocalRevision = {
          id,
          rev,
          ...(leaf ? { parent: leaf.rev } : {}),
          deleted: false,
          doc,
          history,
        };
        edited.set(id, r);
        out.push(r);
      } else {
        const rev = revisionId(this.o.keys.revKey, undefined, doc);
        out.push({ id, rev, deleted: false, doc, history: [rev] });
      }
    }
    return { ok: true, added: await this.o.store.add(out, 'local') };
  }

  /** Push, pull, resolve conflicts, push the resolutions. Never throws; errors land in `status()`. */
  async syncOnce(): Promise<CouchResult<SyncReport>> {
    const result = await this.run();
    await this.o.store.setMeta(LAST_ERROR, result.ok ? null : result.error);
    if (result.ok) {
      await this.o.store.setMeta(LAST_SYNC, this.o.now());
      await this.o.store.setMeta(
        UNREADABLE,
        Object.values(result.value.unreadable).reduce((a, b) => a + b, 0),
      );
    }
    return result;
  }

  private async run(): Promise<CouchResult<SyncReport>> {
    try {
      return await this.runSteps();
    } finally {
      // Only within one sync: the mirror may be cleared (re-pairing) between syncs.
      this.known.clear();
    }
  }

  private async runSteps(): Promise<CouchResult<SyncReport>> {
    const ensured = await this.o.client.ensureDatabase();
    if (!ensured.ok) return ensured;
    const pushed = await this.push();
    if (!pushed.ok) return pushed;
    const pulled = await this.pull();
    if (!pulled.ok) return pulled;
    const resolved = await this.resolveConflicts(pulled.value.touched);
    let more = 0;
    if (resolved.length > 0) {
      const again = await this.push();
      if (!again.ok) return again;
      more = again.value;
    }
    return {
      ok: true,
      value: {
        pushed: pushed.value + more,
        pulled: pulled.value.pulled,
        unreadable: pulled.value.unreadable,
        resolved,
      },
    };
  }

  /** Push local revisions after the checkpoint; returns how many the server lacked. */
  async push(): Promise<CouchResult<number>> {
    const store = this.o.store;
    let session = await store.getMeta<string>(PUSH_SESSION);
    if (!session) {
      session = hex(this.o.random(16));
      await store.setMeta(PUSH_SESSION, session);
    }
    const localSeq = (await store.getMeta<number>(PUSH_SEQ)) ?? 0;
    const remote = await this.o.client.getLocal(this.checkpointId);
    if (!remote.ok) return remote;
    const remoteSeq = remote.value?.['session'] === session ? remote.value['seq'] : undefined;
    // Resume from the checkpoint both sides agree on; none on the server: refill from 0.
    let seq =
      typeof remoteSeq === 'number' && Number.isSafeInteger(remoteSeq) ? Math.min(remoteSeq, localSeq) : 0;
    const full = typeof remoteSeq !== 'number';
    let pushed = 0;
    // Batch N+1 is read, diffed and sealed while batch N is on its way (the station seals while
    // the server stores); checkpoints are still written in order, after their batch is stored.
    let next = this.preparePush(seq, full);
    for (;;) {
      const batch = await next;
      if (!batch) break;
      if (!batch.ok) return batch;
      next = this.preparePush(batch.value.last, full);
      // A failed step below leaves the prepared batch unsent; its failure is this one's.
      next.catch(() => undefined);
      if (batch.value.wire.length > 0) {
        const sent = await this.o.client.bulkDocs(batch.value.wire);
        if (!sent.ok) return sent;
        pushed += batch.value.wire.length;
      }
      seq = batch.value.last;
      const saved = await this.o.client.putLocal(this.checkpointId, { session, seq });
      if (!saved.ok) return saved;
      await store.setMeta(PUSH_SEQ, seq);
    }
    if (seq !== localSeq) {
      await store.setMeta(PUSH_SEQ, seq);
      const saved = await this.o.client.putLocal(this.checkpointId, { session, seq });
      if (!saved.ok) return saved;
    }
    return { ok: true, value: pushed };
  }

  /**
   * The next push batch after local sequence `after`: the revisions the server lacks
   * (`_revs_diff`), sealed; `undefined` when nothing follows. Every revision read is remembered as
   * stored here, so the pull that follows does not look it up again when the server echoes it.
   */
  private async preparePush(
    after: number,
    full: boolean,
  ): Promise<CouchResult<{ last: number; wire: Record<string, unknown>[] }> | undefined> {
    const rows = await this.o.store.since(after, this.batch);
    if (rows.length === 0) return undefined;
    for (const r of rows) this.remember(r);
    const mine = rows.filter((r) => full || r.origin === 'local');
    const last = rows[rows.length - 1]!.seq;
    if (mine.length === 0) return { ok: true, value: { last, wire: [] } };
    const ask: Record<string, string[]> = {};
    for (const r of mine) (ask[r.id] ??= []).push(r.rev);
    const diff = await this.o.client.revsDiff(ask);
    if (!diff.ok) return diff;
    const sealed = await Promise.all(
      mine.filter((r) => diff.value.get(r.id)?.includes(r.rev)).map((r) => this.toWire(r)),
    );
    return { ok: true, value: { last, wire: sealed.filter((w) => w !== undefined) } };
  }

  /** Note a revision as stored in the mirror (see `known`). */
  private remember(r: { readonly id: string; readonly rev: string }): void {
    if (this.known.size < MAX_KNOWN) this.known.add(`${r.id} ${r.rev}`);
  }

  /** A revision as `_bulk_docs` (`new_edits: false`) wants it: sealed body, rev and history. */
  private async toWire(r: LocalRevision): Promise<Record<string, unknown> | undefined> {
    const revisions = { start: revGeneration(r.rev), ids: r.history.map(hashOf) };
    if (r.deleted || !r.doc) return { _id: r.id, _rev: r.rev, _deleted: true, _revisions: revisions };
    const sealed = await sealSyncDoc(this.o.keys, r.doc, this.o.random, r.id);
    if (!sealed.ok || sealed.value._id !== r.id) return undefined;
    return { ...sealed.value, _rev: r.rev, _revisions: revisions };
  }

  /** Pull the server's changes after the pull checkpoint. */
  async pull(): Promise<
    CouchResult<{
      pulled: number;
      touched: Set<string>;
      unreadable: Partial<Record<SyncOpenErrorCode, number>>;
    }>
  > {
    const store = this.o.store;
    let since = (await store.getMeta<string | number>(PULL_SINCE)) ?? 0;
    let pulled = 0;
    const touched = new Set<string>();
    const unreadable: Partial<Record<SyncOpenErrorCode, number>> = {};
    // Pages one after the other, each stored and checkpointed before the next is asked for: a run
    // cut anywhere fetches at most the page it was cut in again.
    for (;;) {
      const page = await this.fetchPage(since);
      if (!page.ok) return page;
      const more = page.value.count >= this.batch;
      const fetched = page.value.revisions;
      // Open the page's bodies concurrently (WebCrypto works off the main thread).
      const opened = await Promise.all(
        fetched.map((w) =>
          w.deleted ? Promise.resolve(undefined) : openSyncDoc(this.o.keys, { _id: w.id, s: w.body['s'] }),
        ),
      );
      const revisions: LocalRevision[] = [];
      fetched.forEach((w, i) => {
        const parent = w.history[1];
        const base = { id: w.id, rev: w.rev, history: w.history, ...(parent ? { parent } : {}) };
        const o = opened[i];
        if (!o) {
          revisions.push({ ...base, deleted: true });
          return;
        }
        if (!o.ok) {
          unreadable[o.error.code] = (unreadable[o.error.code] ?? 0) + 1;
          return;
        }
        revisions.push({ ...base, deleted: false, doc: o.value });
        // Only latest-edit kinds can need a resolution (set members never conflict).
        if (MERGE_MODE[o.value.kind] === 'latest-edit') touched.add(w.id);
      });
      pulled += await store.add(revisions, 'remote');
      since = page.value.lastSeq;
      await store.setMeta(PULL_SINCE, since);
      if (!more) break;
    }
    return { ok: true, value: { pulled, touched, unreadable } };
  }

  /**
   * One page of the server's changes after `since` and the revisions of it this station lacks,
   * still sealed. Revisions remembered as stored during this sync are not looked up again.
   */
  private async fetchPage(
    since: string | number,
  ): Promise<CouchResult<{ count: number; lastSeq: string | number; revisions: WireRevision[] }>> {
    const page = await this.o.client.changes(since, this.batch);
    if (!page.ok) return page;
    const pairs = page.value.changes
      .filter((c) => DOC_ID.test(c.id))
      .flatMap((c) => c.revs.map((rev) => ({ id: c.id, rev })))
      .filter((p) => !this.known.has(`${p.id} ${p.rev}`));
    const missing = pairs.length > 0 ? await this.o.store.missing(pairs) : [];
    const fetched = await this.fetchRevisions(missing);
    if (!fetched.ok) return fetched;
    return {
      ok: true,
      value: { count: page.value.changes.length, lastSeq: page.value.lastSeq, revisions: fetched.value },
    };
  }

  /** Fetch revisions: first revisions in bulk through `_all_docs`, the rest through `open_revs`. */
  private async fetchRevisions(
    missing: readonly { id: string; rev: string }[],
  ): Promise<CouchResult<WireRevision[]>> {
    const byId = new Map<string, string[]>();
    for (const m of missing) byId.set(m.id, [...(byId.get(m.id) ?? []), m.rev]);
    const bulk = [...byId]
      .filter(([, revs]) => revs.length === 1 && revGeneration(revs[0]!) === 1)
      .map(([id]) => id);
    const out: WireRevision[] = [];
    const inBulk = new Set(bulk);
    const rest = new Map([...byId].filter(([id]) => !inBulk.has(id)));
    if (bulk.length > 0) {
      const w = await this.o.client.winners(bulk);
      if (!w.ok) return w;
      for (const id of bulk) {
        const got = w.value.get(id);
        if (got && got.rev === byId.get(id)![0]) out.push(got);
        else rest.set(id, byId.get(id)!);
      }
    }
    for (const [id, revs] of rest) {
      const r = await this.o.client.openRevs(id, revs);
      if (!r.ok) return r;
      out.push(...r.value.filter((x) => revs.includes(x.rev)));
    }
    return { ok: true, value: out };
  }

  /** Resolve latest-edit conflicts among the touched ids (see the module rule). */
  private async resolveConflicts(ids: Iterable<string>): Promise<SyncReport['resolved']> {
    const done: { id: string; kept: SyncDoc; overridden: SyncDoc[] }[] = [];
    for (const id of ids) {
      const revs = await this.o.store.revisionsOf(id);
      const res: Resolved = resolveDocument(revs);
      if (!res.doc || res.losers.length === 0 || MERGE_MODE[res.doc.kind] !== 'latest-edit') continue;
      const leaf = winningRevision(revs) as StoredRevision;
      const rev = revisionId(this.o.keys.revKey, leaf.rev, res.doc);
      const writes: LocalRevision[] = [
        {
          id,
          rev,
          parent: leaf.rev,
          deleted: false,
          doc: res.doc,
          history: [rev, ...leaf.history].slice(0, 100),
        },
      ];
      const liveLeaves = new Set(res.losers.map((l) => l.rev));
      if (res.rev !== leaf.rev && res.rev !== undefined) liveLeaves.add(res.rev);
      for (const r of revs) {
        if (r.rev === leaf.rev || !liveLeaves.has(r.rev)) continue;
        const tomb = revisionId(this.o.keys.revKey, r.rev, null);
        writes.push({
          id,
          rev: tomb,
          parent: r.rev,
          deleted: true,
          history: [tomb, ...r.history].slice(0, 100),
        });
      }
      await this.o.store.add(writes, 'local');
      done.push({ id, kept: res.doc, overridden: res.losers.map((l) => l.doc) });
    }
    return done;
  }

  /**
   * Claim an order before its label is sent (core claim.ts): a create the server refuses when the
   * order is already claimed. `taken` carries the notice to show ("已由 2 号工位打印").
   */
  async claim(shop: SyncShop, orderId: string): Promise<ClaimResult> {
    const doc = newClaim(shop, orderId, this.o.station, this.o.now());
    const id = docId(this.o.keys.idKey, doc);
    const known = claimOutcome(await this.o.store.revisionsOf(id), this.o.station.id);
    if (known.state !== 'unclaimed') return this.claimResult(known);
    const sealed = await sealSyncDoc(this.o.keys, doc, this.o.random);
    if (!sealed.ok)
      return { state: 'unconfirmed', error: { code: 'bad-response', message: sealed.error.message } };
    const created = await this.o.client.create(id, { ...sealed.value });
    if (!created.ok) return { state: 'unconfirmed', error: created.error };
    if (created.value.created && created.value.rev) {
      const rev = created.value.rev;
      await this.o.store.add([{ id, rev, deleted: false, doc, history: [rev] }], 'remote');
    } else {
      const all = await this.o.client.openRevs(id, 'all');
      if (!all.ok) return { state: 'unconfirmed', error: all.error };
      const revisions: LocalRevision[] = [];
      for (const w of all.value) {
        const opened = w.deleted ? undefined : await openSyncDoc(this.o.keys, { _id: id, s: w.body['s'] });
        if (opened && !opened.ok) continue;
        const parent = w.history[1];
        revisions.push({
          id,
          rev: w.rev,
          deleted: w.deleted,
          history: w.history,
          ...(parent ? { parent } : {}),
          ...(opened?.ok ? { doc: opened.value } : {}),
        });
      }
      await this.o.store.add(revisions, 'remote');
    }
    const outcome = claimOutcome(await this.o.store.revisionsOf(id), this.o.station.id);
    if (outcome.state === 'unclaimed')
      return {
        state: 'unconfirmed',
        error: { code: 'bad-response', message: 'The server holds no readable claim.' },
      };
    return this.claimResult(outcome);
  }

  private claimResult(o: Exclude<ReturnType<typeof claimOutcome>, { state: 'unclaimed' }>): ClaimResult {
    return o.state === 'mine'
      ? { state: 'mine', claim: o.claim, duplicates: o.duplicates }
      : { state: 'taken', claim: o.claim, notice: claimNotice(o.claim), duplicates: o.duplicates };
  }

  /** The merged view: document id → resolved document. */
  async view(): Promise<Map<string, Resolved>> {
    const byId = new Map<string, StoredRevision[]>();
    for (const r of await this.o.store.all()) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    const out = new Map<string, Resolved>();
    for (const [id, revs] of byId) {
      const res = resolveDocument(revs);
      if (res.doc) out.set(id, res);
    }
    return out;
  }

  /** The state the popup's status line shows. */
  async status(): Promise<SyncStatus> {
    const s = this.o.store;
    const seq = (await s.getMeta<number>(PUSH_SEQ)) ?? 0;
    return {
      lastSyncAt: (await s.getMeta<number>(LAST_SYNC)) ?? null,
      pending: await s.countSince(seq, 'local'),
      error: (await s.getMeta<CouchError | null>(LAST_ERROR)) ?? null,
      unreadable: (await s.getMeta<number>(UNREADABLE)) ?? 0,
    };
  }
}
