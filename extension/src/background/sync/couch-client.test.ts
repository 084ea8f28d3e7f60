// The client treats every answer as hostile (DESIGN.md invariant 5): a malformed or oversized
// answer is a typed `bad-response`, a refused connection `offline`, and nothing throws. The
// protocol itself is exercised against a real server in test/sync/.
import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '@shipmask/core';
import { CouchClient, MAX_RESPONSE_BYTES } from './couch-client';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function client(
  answer: Answer | Error,
  headers: Record<string, string> = {},
): {
  c: CouchClient;
  calls: { url: string; init: RequestInit | undefined }[];
} {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = (url: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    if (answer instanceof Error) return Promise.reject(answer);
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
    return Promise.resolve(new Response(text, { status: answer.status, headers: answer.headers ?? {} }));
  };
  return { c: new CouchClient('http://127.0.0.1:5984/shop', fetcher, headers), calls };
}

const code = (r: { ok: boolean; error?: { code: string } }): string | undefined =>
  r.ok ? undefined : r.error?.code;

describe('CouchClient', () => {
  it('says offline when there is no answer, unauthorized on 401/403, server on 5xx', async () => {
    expect(code(await client(new TypeError('fetch failed')).c.changes(0, 10))).toBe('offline');
    expect(code(await client({ status: 401, body: { error: 'unauthorized' } }).c.changes(0, 10))).toBe(
      'unauthorized',
    );
    expect(code(await client({ status: 403, body: {} }).c.revsDiff({}))).toBe('unauthorized');
    expect(code(await client({ status: 500, body: 'oops' }).c.changes(0, 10))).toBe('server');
    expect(code(await client({ status: 404, body: { error: 'not_found' } }).c.changes(0, 10))).toBe(
      'no-database',
    );
  });

  it('refuses malformed or oversized answers as bad-response', async () => {
    expect(code(await client({ status: 200, body: { results: 'x', last_seq: 1 } }).c.changes(0, 10))).toBe(
      'bad-response',
    );
    expect(code(await client({ status: 200, body: { results: [], last_seq: {} } }).c.changes(0, 10))).toBe(
      'bad-response',
    );
    expect(
      code(
        await client({
          status: 200,
          body: { results: [{ id: 'a', changes: [{ rev: 'nope' }] }], last_seq: 1 },
        }).c.changes(0, 10),
      ),
    ).toBe('bad-response');
    expect(code(await client({ status: 200, body: '{"results": [' }).c.changes(0, 10))).toBe('bad-response');
    expect(
      code(
        await client({
          status: 200,
          body: {},
          headers: { 'content-length': String(MAX_RESPONSE_BYTES + 1) },
        }).c.changes(0, 10),
      ),
    ).toBe('bad-response');
    // _revs_diff may only answer about what was asked.
    expect(
      code(
        await client({ status: 200, body: { other: { missing: ['1-a'] } } }).c.revsDiff({ mine: ['1-a'] }),
      ),
    ).toBe('bad-response');
    // open_revs with a history that does not lead to the revision.
    expect(
      code(
        await client({
          status: 200,
          body: [{ ok: { _id: 'd', _rev: '2-b', _revisions: { start: 2, ids: ['c', 'a'] }, s: 'x' } }],
        }).c.openRevs('d', ['2-b']),
      ),
    ).toBe('bad-response');
    // open_revs returning another document.
    expect(
      code(
        await client({ status: 200, body: [{ ok: { _id: 'e', _rev: '1-b', s: 'x' } }] }).c.openRevs('d', [
          '1-b',
        ]),
      ),
    ).toBe('bad-response');
  });

  it('reads changes, revision histories and a refused create', async () => {
    const page = await client({
      status: 200,
      body: {
        results: [{ id: 'a', seq: 3, changes: [{ rev: '1-x' }, { rev: '1-y' }], deleted: true }],
        last_seq: '3-g1',
      },
    }).c.changes(0, 10);
    expect(page).toEqual({
      ok: true,
      value: { changes: [{ id: 'a', revs: ['1-x', '1-y'], deleted: true }], lastSeq: '3-g1' },
    });
    const open = await client({
      status: 200,
      body: [
        { ok: { _id: 'd', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, s: 'x' } },
        { missing: '1-q' },
      ],
    }).c.openRevs('d', ['2-b', '1-q']);
    expect(open).toEqual({
      ok: true,
      value: [{ id: 'd', rev: '2-b', deleted: false, history: ['2-b', '1-a'], body: { s: 'x' } }],
    });
    expect(await client({ status: 409, body: { error: 'conflict' } }).c.create('d', { s: 'x' })).toEqual({
      ok: true,
      value: { created: false },
    });
  });

  it('sends JSON without cookies, to the database URL', async () => {
    const { c, calls } = client({ status: 201, body: [] });
    await c.bulkDocs([{ _id: 'a', _rev: '1-a', s: 'x' }]);
    expect(calls[0]!.url).toBe('http://127.0.0.1:5984/shop/_bulk_docs');
    expect(calls[0]!.init?.credentials).toBe('omit');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({
      docs: [{ _id: 'a', _rev: '1-a', s: 'x' }],
      new_edits: false,
    });
  });

  it('reports a document the server refused in _bulk_docs', async () => {
    expect(
      code(
        await client({ status: 201, body: [{ id: 'a', error: 'forbidden', reason: 'x' }] }).c.bulkDocs([]),
      ),
    ).toBe('server');
  });

  it('sends the shop credentials as a Basic header on every request, never in the URL', async () => {
    const auth = basicAuthorization({ user: 'shop1', password: 'hunter2:x' });
    const { c, calls } = client({ status: 200, body: { results: [], last_seq: 0 } }, { authorization: auth });
    await c.ensureDatabase();
    await c.changes(0, 10);
    await c.putLocal('x', { seq: 1 });
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      expect(new Headers(call.init?.headers).get('authorization')).toBe('Basic c2hvcDE6aHVudGVyMjp4');
      expect(call.url).not.toContain('shop1');
      expect(call.url).not.toContain('hunter2');
      expect(call.init?.credentials).toBe('omit');
    }
  });

  it('classifies 401/403 as unauthorized whatever the body, and never echoes the credentials', async () => {
    const auth = basicAuthorization({ user: 'shop1', password: 'hunter2' });
    for (const answer of [
      { status: 401, body: '<html>Unauthorized</html>' },
      { status: 401, body: { error: 'unauthorized', reason: 'Name or password is incorrect.' } },
      { status: 403, body: '' },
    ]) {
      const r = await client(answer, { authorization: auth }).c.ensureDatabase();
      expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized', status: answer.status } });
      const text = JSON.stringify(r);
      for (const secret of ['hunter2', 'shop1', auth.slice(6)]) expect(text).not.toContain(secret);
    }
  });
});
