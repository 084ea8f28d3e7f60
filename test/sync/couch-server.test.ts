/**
 * The test server speaks the parts of the CouchDB API the sync client relies on (CouchDB docs,
 * "Replication Protocol"): PUT of a document (409 for a second create), `_bulk_docs` with
 * `new_edits: false`, `_changes` with `since` and `style=all_docs`, `_revs_diff`, `open_revs`,
 * and `_local` checkpoint documents that do not appear in `_changes`. It also survives a kill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-server.ts';

let couch: CouchServer;
let db: string;

const json = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
  const r = await fetch(`${db}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
  });
  return { status: r.status, body: await r.json() };
};

beforeAll(async () => {
  couch = await startCouchServer();
  db = `${couch.origin}/protocol-check`;
  expect((await fetch(db, { method: 'PUT' })).status).toBe(201);
});
afterAll(async () => {
  await couch?.stop();
});

describe('pouchdb-server as the CouchDB of the tests', () => {
  it('PUT creates a document once; a second create is 409 Conflict', async () => {
    expect((await json('/claim1', { method: 'PUT', body: JSON.stringify({ s: 'a' }) })).status).toBe(201);
    const second = await json('/claim1', { method: 'PUT', body: JSON.stringify({ s: 'b' }) });
    expect(second.status).toBe(409);
    expect((await json('/claim1')).body).toMatchObject({ s: 'a' });
  });

  it('_bulk_docs with new_edits:false keeps given revisions, and conflicting leaves get CouchDB’s winner', async () => {
    const r = await json('/_bulk_docs', {
      method: 'POST',
      body: JSON.stringify({
        new_edits: false,
        docs: [
          { _id: 'd1', _rev: '1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', s: 'x' },
          { _id: 'd1', _rev: '1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', s: 'y' },
        ],
      }),
    });
    expect(r.status).toBe(201);
    const doc = (await json('/d1?conflicts=true')).body as { _rev: string; _conflicts: string[]; s: string };
    expect(doc._rev).toBe('1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    expect(doc._conflicts).toEqual(['1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);
    const open = (
      await json(
        '/d1?revs=true&open_revs=' +
          encodeURIComponent(JSON.stringify(['1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'])),
      )
    ).body as { ok: { s: string } }[];
    expect(open[0]?.ok.s).toBe('x');
  });

  it('_revs_diff lists only the missing revisions', async () => {
    const r = await json('/_revs_diff', {
      method: 'POST',
      body: JSON.stringify({
        d1: ['1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '1-cccccccccccccccccccccccccccccccc'],
        nope: ['1-dd'],
      }),
    });
    expect(r.body).toEqual({
      d1: { missing: ['1-cccccccccccccccccccccccccccccccc'] },
      nope: { missing: ['1-dd'] },
    });
  });

  it('_changes with since returns only later changes, all leaves with style=all_docs', async () => {
    const all = (await json('/_changes?style=all_docs')).body as {
      results: { id: string; seq: unknown; changes: { rev: string }[] }[];
      last_seq: unknown;
    };
    const d1 = all.results.find((c) => c.id === 'd1');
    expect(d1?.changes.map((c) => c.rev).sort()).toEqual([
      '1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    ]);
    await json('/later', { method: 'PUT', body: JSON.stringify({ s: 'z' }) });
    const since = (await json(`/_changes?since=${encodeURIComponent(String(all.last_seq))}`)).body as {
      results: { id: string }[];
    };
    expect(since.results.map((c) => c.id)).toEqual(['later']);
  });

  it('_local checkpoints are stored, updated with their rev, and never replicated through _changes', async () => {
    const put = await json('/_local/checkpoint-a', { method: 'PUT', body: JSON.stringify({ last_seq: 3 }) });
    expect(put.status).toBe(201);
    const got = (await json('/_local/checkpoint-a')).body as { _rev: string; last_seq: number };
    expect(got.last_seq).toBe(3);
    const upd = await json('/_local/checkpoint-a', {
      method: 'PUT',
      body: JSON.stringify({ _rev: got._rev, last_seq: 9 }),
    });
    expect(upd.status).toBe(201);
    expect(((await json('/_local/checkpoint-a')).body as { last_seq: number }).last_seq).toBe(9);
    const changes = (await json('/_changes')).body as { results: { id: string }[] };
    expect(changes.results.some((c) => c.id.startsWith('_local'))).toBe(false);
  });

  it('keeps its data across a kill and a restart', async () => {
    await couch.restart();
    expect((await json('/claim1')).body).toMatchObject({ s: 'a' });
  });
});
