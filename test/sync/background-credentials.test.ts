// Issue 22, credentials: CouchDB 3.x has no admin party, so a shop database needs a user. Whole
// backgrounds (test/sync/background-stations.ts) against a real CouchDB-protocol server whose admin
// party is ended (pouchdb-server: `PUT /_config/admins/<name>`), with a per-shop user who is the
// only member of the shop database, as the README tells merchants to set up CouchDB 3: no
// credentials and a wrong password are a classified `unauthorized` status in plain words, the
// right ones sync, and the server's database never holds the credentials or the clear data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaView } from '../../extension/src/messages/quota.ts';
import type { SyncPairingReply } from '../../extension/src/messages/sync.ts';
import { syncStatusLine } from '../../extension/src/entrypoints/popup/sync-status-line.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';
import { BackgroundStation, content, page } from './background-stations.ts';

const DB = 'shipmask-locked';
const ADMIN = { user: 'boss', password: 'admin-Secret-7' };
const SHOP = { user: 'shop1', password: 'Shop-Pass-9f3k' };
const basic = (c: { user: string; password: string }): string =>
  `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;

let couch: CouchServer;

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${couch.origin}${path}`, {
    method,
    headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  couch = await startCouchServer();
  // End the admin party (the server then refuses anonymous server-level requests).
  const made = await fetch(`${couch.origin}/_config/admins/${ADMIN.user}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  expect(made.status).toBe(200);
  // The README's recipe: a per-shop user, a database only that user may use.
  expect((await admin('PUT', `/${DB}`)).status).toBe(201);
  expect(
    (
      await admin('PUT', `/_users/org.couchdb.user:${SHOP.user}`, {
        name: SHOP.user,
        password: SHOP.password,
        roles: [],
        type: 'user',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await admin('PUT', `/${DB}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: [SHOP.user], roles: [] },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await couch?.stop();
});

const shop = { platform: 'wechat', shopId: 'wx-locked' } as const;
const ORDER = '3718000000000424242';

const used = async (s: BackgroundStation): Promise<number> =>
  ((await s.h['quota/status']({ type: 'quota/status', shop }, content)) as QuotaView).used;

describe('a CouchDB that needs a user (admin party over)', () => {
  it('the server really refuses anonymous and wrong-password requests (the check behind the test)', async () => {
    expect((await fetch(`${couch.origin}/${DB}`)).status).toBe(401);
    expect((await fetch(`${couch.origin}/${DB}/_changes`)).status).toBe(401);
    const wrong = { authorization: basic({ ...SHOP, password: 'nope' }) };
    expect((await fetch(`${couch.origin}/${DB}/_changes`, { headers: wrong })).status).toBe(401);
    const right = { authorization: basic(SHOP) };
    expect((await fetch(`${couch.origin}/${DB}/_changes`, { headers: right })).status).toBe(200);
  });

  it('no credentials: unauthorized in plain words; the right ones: stations sync; a wrong password: unauthorized again', async () => {
    const a = new BackgroundStation('1');
    const serverUrl = `${couch.origin}/${DB}`;

    // Paired without credentials: the pairing stands, the status says the server refused.
    const open = (await a.h['sync/start'](
      { type: 'sync/start', serverUrl, label: '1' },
      page,
    )) as SyncPairingReply;
    expect(open).toMatchObject({
      ok: true,
      status: { paired: true, error: { code: 'unauthorized', status: 401 } },
    });
    if (!open.ok) return;
    expect(open.status.retryAt).toBeGreaterThan(Date.now());
    expect(syncStatusLine(open.status, Date.now()).text).toMatch(/^服务器拒绝了用户名或密码/u);
    expect(syncStatusLine(open.status, Date.now(), 'en').text).toMatch(
      /^The server refused the user name or password/u,
    );
    // Work goes on locally meanwhile.
    await a.h['reveal/recorded'](
      { type: 'reveal/recorded', shop, orderId: ORDER, field: 'phone', at: Date.now(), clickId: 'a-1' },
      content,
    );
    expect(await a.service.sync.status()).toMatchObject({ pending: 1, error: { code: 'unauthorized' } });

    // The right credentials: sync at once, the pending reveal reaches the server.
    const fixed = (await a.h['sync/credentials'](
      { type: 'sync/credentials', ...SHOP },
      page,
    )) as SyncPairingReply;
    expect(fixed).toMatchObject({
      ok: true,
      status: { error: null, pending: 0, user: SHOP.user, retryAt: null },
    });
    if (!fixed.ok || !fixed.code) throw new Error('no code');

    // A second station joins with the code, which carries the credentials.
    const b = new BackgroundStation('2');
    const joined = (await b.h['sync/join'](
      { type: 'sync/join', code: fixed.code, label: '2' },
      page,
    )) as SyncPairingReply;
    expect(joined).toMatchObject({ ok: true, status: { error: null, user: SHOP.user } });
    await b.h['reveal/recorded'](
      { type: 'reveal/recorded', shop, orderId: ORDER, field: 'phone', at: Date.now(), clickId: 'b-1' },
      content,
    );
    for (const s of [b, a, b]) await s.service.sync.runOnce();
    expect(await used(a)).toBe(2);
    expect(await used(b)).toBe(2);

    // A wrong password on station 2: unauthorized, in plain words; its writes wait locally.
    const wrong = (await b.h['sync/credentials'](
      { type: 'sync/credentials', user: SHOP.user, password: 'Shop-Pass-WRONG' },
      page,
    )) as SyncPairingReply;
    expect(wrong).toMatchObject({ ok: true, status: { error: { code: 'unauthorized', status: 401 } } });
    await b.h['reveal/recorded'](
      { type: 'reveal/recorded', shop, orderId: ORDER, field: 'phone', at: Date.now(), clickId: 'b-2' },
      content,
    );
    // Scheduled syncs back off: the tick asks the server nothing and the error stays.
    const realFetch = globalThis.fetch;
    let asked = 0;
    globalThis.fetch = (input, init) => {
      asked++;
      return realFetch(input, init);
    };
    try {
      expect(await b.service.sync.tick()).toMatchObject({ pending: 1, error: { code: 'unauthorized' } });
      expect(asked).toBe(0);
      // The merchant's "sync now" still tries (and is refused again).
      expect(await b.service.sync.runOnce()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(asked).toBeGreaterThan(0);
    } finally {
      globalThis.fetch = realFetch;
    }
    await a.service.sync.runOnce();
    expect(await used(a)).toBe(2);

    // The server's database: ciphertext only, and never the credentials.
    const text = await (await admin('GET', `/${DB}/_all_docs?include_docs=true`)).text();
    expect(JSON.parse(text).rows.length).toBeGreaterThan(0);
    for (const secret of [
      ORDER,
      SHOP.password,
      'Shop-Pass-WRONG',
      basic(SHOP).slice(6),
      Buffer.from(SHOP.password).toString('base64'),
      SHOP.user,
    ])
      expect(text).not.toContain(secret);
  });
});
