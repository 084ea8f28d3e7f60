/**
 * A small CouchDB HTTP client: exactly the endpoints the replication protocol needs (CouchDB docs,
 * "CouchDB Replication Protocol", version 3), over an injected `fetch` so tests run it against a
 * real server and the service worker passes its own. Every answer is hostile until checked
 * (DESIGN.md invariant 5): sizes are limited before parsing, shapes are checked, and failures come
 * back as a typed `CouchError`, never a throw.
 *
 * Endpoints: `PUT /{db}` (create), `GET /{db}/_changes?style=all_docs&since&limit`,
 * `POST /{db}/_revs_diff`, `POST /{db}/_bulk_docs` with `new_edits: false` (revisions kept as
 * given), `POST /{db}/_all_docs?include_docs=true` (winning revisions in bulk), `GET
 * /{db}/{docid}?revs=true&open_revs=[…]` (specific revisions with their history), `GET/PUT
 * /{db}/_local/{id}` (checkpoints, never replicated), and `PUT /{db}/{docid}` without `_rev` (a
 * create that the server refuses with 409 when the document exists: the print claim).
 * @module
 */

import type { CouchError, CouchErrorCode } from '../../messages/sync';

// The error types are part of the message contract (the popup's status line shows them).
export type { CouchError, CouchErrorCode } from '../../messages/sync';

/** Result of a client call. */
export type CouchResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CouchError };

/** One entry of `_changes` (`style=all_docs`: every leaf revision). */
export interface Change {
  readonly id: string;
  readonly revs: readonly string[];
  readonly deleted: boolean;
}

/** A page of `_changes`. `lastSeq` is opaque (a number on PouchDB, a string on CouchDB 2+). */
export interface ChangesPage {
  readonly changes: readonly Change[];
  readonly lastSeq: string | number;
}

/** A document revision as the server returns it with `revs=true`. */
export interface WireRevision {
  readonly id: string;
  readonly rev: string;
  readonly deleted: boolean;
  /** Revision ids from this one back to the root (`_revisions`), newest first. */
  readonly history: readonly string[];
  /** The body without `_id`, `_rev`, `_revisions`, `_deleted`. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** Largest response body read (bytes). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const REV = /^[1-9][0-9]{0,8}-[0-9a-zA-Z]{1,64}$/u;

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const fail = <T>(code: CouchErrorCode, message: string, status?: number): CouchResult<T> => ({
  ok: false,
  error: { code, message, ...(status !== undefined ? { status } : {}) },
});

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read `_revisions` into full revision ids, newest first; `undefined` when malformed. */
function readHistory(rev: string, v: unknown): string[] | undefined {
  if (v === undefined) return [rev];
  if (!isObj(v)) return undefined;
  const { start, ids } = v;
  if (
    typeof start !== 'number' ||
    !Number.isInteger(start) ||
    start < 1 ||
    !Array.isArray(ids) ||
    ids.length === 0
  )
    return undefined;
  if (ids.length > 1000 || ids.length > start) return undefined;
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const h: unknown = ids[i];
    if (typeof h !== 'string') return undefined;
    const full = `${start - i}-${h}`;
    if (!REV.test(full)) return undefined;
    out.push(full);
  }
  return out[0] === rev ? out : undefined;
}

/** Split a server document into a `WireRevision`; `undefined` when it is not one. */
function readRevision(doc: unknown): WireRevision | undefined {
  if (!isObj(doc)) return undefined;
  const { _id: id, _rev: rev, _revisions, _deleted, ...body } = doc;
  if (typeof id !== 'string' || typeof rev !== 'string' || !REV.test(rev)) return undefined;
  const history = readHistory(rev, _revisions);
  if (!history) return undefined;
  return { id, rev, deleted: _deleted === true, history, body };
}

/**
 * A client of one database, e.g. `new CouchClient('https://couch.example.com/shipmask-s1', fetch)`.
 */
export class CouchClient {
  constructor(
    /** The checked database URL (core `checkServerUrl`), without trailing slash. */
    private readonly dbUrl: string,
    private readonly fetcher: Fetch,
    /**
     * Extra headers: the shop's `Authorization: Basic …` (pairing-service.ts). Never logged, never
     * part of an error message or a URL.
     */
    private readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  private async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CouchResult<{ status: number; json: unknown }>> {
    let res: Response;
    try {
      res = await this.fetcher(`${this.dbUrl}${path}`, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...this.headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      return fail('offline', `No answer from the sync server (${(e as Error).name}).`);
    }
    // Before the body: a refusal is an answer about the credentials, whatever the body says.
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      return fail('unauthorized', `HTTP ${res.status}`, res.status);
    }
    const length = Number(res.headers.get('content-length') ?? '0');
    if (length > MAX_RESPONSE_BYTES) return fail('bad-response', 'The answer is too large.', res.status);
    let text: string;
    try {
      text = await res.text();
    } catch {
      return fail('offline', 'The connection broke while reading the answer.', res.status);
    }
    if (text.length > MAX_RESPONSE_BYTES) return fail('bad-response', 'The answer is too large.', res.status);
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      return res.ok
        ? fail('bad-response', 'The answer is not JSON.', res.status)
        : fail('server', `HTTP ${res.status}`, res.status);
    }
    if (res.status === 409) return fail('conflict', 'Document update conflict.', 409);
    if (!res.ok && res.status !== 404) return fail('server', `HTTP ${res.status}`, res.status);
    return { ok: true, value: { status: res.status, json } };
  }

  /** Create the database if it does not exist (`PUT /{db}`; 412 = it exists). */
  async ensureDatabase(): Promise<CouchResult<void>> {
    const r = await this.call('GET', '');
    if (!r.ok) return r;
    if (r.value.status !== 404) return { ok: true, value: undefined };
    const c = await this.call('PUT', '');
    if (!c.ok && c.error.status !== 412) return c;
    return { ok: true, value: undefined };
  }

  /** One page of `_changes` after `since`, every leaf revision (`style=all_docs`). */
  async changes(since: string | number, limit: number): Promise<CouchResult<ChangesPage>> {
    const q = `?style=all_docs&since=${encodeURIComponent(String(since))}&limit=${limit}`;
    const r = await this.call('GET', `/_changes${q}`);
    if (!r.ok) return r;
    if (r.value.status === 404) return fail('no-database', 'The sync database does not exist.', 404);
    const j = r.value.json;
    if (!isObj(j) || !Array.isArray(j['results'])) return fail('bad-response', '_changes without results.');
    const lastSeq = j['last_seq'];
    if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number')
      return fail('bad-response', '_changes without last_seq.');
    const changes: Change[] = [];
    for (const row of j['results'] as unknown[]) {
      if (!isObj(row) || typeof row['id'] !== 'string' || !Array.isArray(row['changes']))
        return fail('bad-response', 'A _changes row is malformed.');
      const revs = (row['changes'] as unknown[]).map((c) => (isObj(c) ? c['rev'] : undefined));
      if (!revs.every((x): x is string => typeof x === 'string' && REV.test(x)))
        return fail('bad-response', 'A _changes rev is malformed.');
      changes.push({ id: row['id'], revs, deleted: row['deleted'] === true });
    }
    return { ok: true, value: { changes, lastSeq } };
  }

  /** `_revs_diff`: which of these revisions the server lacks. */
  async revsDiff(
    revs: Readonly<Record<string, readonly string[]>>,
  ): Promise<CouchResult<Map<string, string[]>>> {
    const r = await this.call('POST', '/_revs_diff', revs);
    if (!r.ok) return r;
    const j = r.value.json;
    if (r.value.status === 404) return fail('no-database', 'The sync database does not exist.', 404);
    if (!isObj(j)) return fail('bad-response', '_revs_diff is not an object.');
    const out = new Map<string, string[]>();
    for (const [id, v] of Object.entries(j)) {
      const asked = revs[id];
      if (!asked || !isObj(v) || !Array.isArray(v['missing']))
        return fail('bad-response', '_revs_diff names an unknown id.');
      const missing = (v['missing'] as unknown[]).filter(
        (x): x is string => typeof x === 'string' && asked.includes(x),
      );
      out.set(id, missing);
    }
    return { ok: true, value: out };
  }

  /** `_bulk_docs` with `new_edits: false`: store these revisions as given. */
  async bulkDocs(docs: readonly Record<string, unknown>[]): Promise<CouchResult<void>> {
    const r = await this.call('POST', '/_bulk_docs', { docs, new_edits: false });
    if (!r.ok) return r;
    if (r.value.status === 404) return fail('no-database', 'The sync database does not exist.', 404);
    const j = r.value.json;
    if (!Array.isArray(j)) return fail('bad-response', '_bulk_docs did not answer a list.');
    const bad: unknown = (j as unknown[]).find((x) => isObj(x) && typeof x['error'] === 'string');
    if (bad)
      return fail(
        'server',
        `_bulk_docs refused a document: ${String((bad as Record<string, unknown>)['error'])}`,
      );
    return { ok: true, value: undefined };
  }

  /** Winning revisions of some ids in one request (`_all_docs?include_docs=true`). */
  async winners(ids: readonly string[]): Promise<CouchResult<Map<string, WireRevision>>> {
    const r = await this.call('POST', '/_all_docs?include_docs=true', { keys: ids });
    if (!r.ok) return r;
    const j = r.value.json;
    if (!isObj(j) || !Array.isArray(j['rows'])) return fail('bad-response', '_all_docs without rows.');
    const out = new Map<string, WireRevision>();
    for (const row of j['rows'] as unknown[]) {
      if (!isObj(row) || !isObj(row['doc'])) continue; // not found or deleted
      const w = readRevision(row['doc']);
      if (w && ids.includes(w.id)) out.set(w.id, w);
    }
    return { ok: true, value: out };
  }

  /** Specific revisions of one document with their history (`open_revs`, `revs=true`). */
  async openRevs(id: string, revs: readonly string[] | 'all'): Promise<CouchResult<WireRevision[]>> {
    const open = revs === 'all' ? 'all' : JSON.stringify(revs);
    const r = await this.call(
      'GET',
      `/${encodeURIComponent(id)}?revs=true&open_revs=${encodeURIComponent(open)}`,
    );
    if (!r.ok) return r;
    if (r.value.status === 404) return { ok: true, value: [] };
    const j = r.value.json;
    if (!Array.isArray(j)) return fail('bad-response', 'open_revs did not answer a list.');
    const out: WireRevision[] = [];
    for (const x of j) {
      if (!isObj(x) || x['ok'] === undefined) continue; // { missing: rev }
      const w = readRevision(x['ok']);
      if (!w || w.id !== id) return fail('bad-response', 'open_revs returned a malformed document.');
      out.push(w);
    }
    return { ok: true, value: out };
  }

  /** Create a document only if it does not exist: `created` with the server's rev, or `exists` (409). */
  async create(
    id: string,
    body: Readonly<Record<string, unknown>>,
  ): Promise<CouchResult<{ created: boolean; rev?: string }>> {
    const r = await this.call('PUT', `/${encodeURIComponent(id)}`, body);
    if (!r.ok) return r.error.code === 'conflict' ? { ok: true, value: { created: false } } : r;
    const j = r.value.json;
    if (r.value.status === 404) return fail('no-database', 'The sync database does not exist.', 404);
    if (!isObj(j) || typeof j['rev'] !== 'string' || !REV.test(j['rev']))
      return fail('bad-response', 'PUT did not return a rev.');
    return { ok: true, value: { created: true, rev: j['rev'] } };
  }

  /** A `_local` document (a checkpoint), or `undefined` when absent. */
  async getLocal(id: string): Promise<CouchResult<Record<string, unknown> | undefined>> {
    const r = await this.call('GET', `/_local/${encodeURIComponent(id)}`);
    if (!r.ok) return r;
    if (r.value.status === 404) return { ok: true, value: undefined };
    return isObj(r.value.json)
      ? { ok: true, value: r.value.json }
      : fail('bad-response', '_local is not an object.');
  }

  /** Write a `_local` document (read its `_rev` first: `_local` updates need it). */
  async putLocal(id: string, body: Readonly<Record<string, unknown>>): Promise<CouchResult<void>> {
    const old = await this.getLocal(id);
    if (!old.ok) return old;
    const rev = old.value?.['_rev'];
    const r = await this.call('PUT', `/_local/${encodeURIComponent(id)}`, {
      ...body,
      ...(typeof rev === 'string' ? { _rev: rev } : {}),
    });
    if (!r.ok) return r;
    if (r.value.status === 404) return fail('no-database', 'The sync database does not exist.', 404);
    return { ok: true, value: undefined };
  }
}
