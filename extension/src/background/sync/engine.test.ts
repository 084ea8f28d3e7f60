// Local behaviour of the sync engine (no server: every request fails as offline). Replication
// itself is tested against a real CouchDB-protocol server in test/sync/replication.test.ts.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deriveSyncKeys, docId, newClaim, revGeneration, type SyncDoc, type SyncKeys } from '@shipmask/core';
import { describe, expect, it } from 'vitest';
import { IdbSyncStore } from '../../storage/sync-store';
import { CouchClient } from './couch-client';
import { SyncEngine } from './engine';

const keys = ((): SyncKeys => {
  const r = deriveSyncKeys(new Uint8Array(32).fill(3));
  if (!r.ok) throw new Error('key');
  return r.keys;
})();
const shop = { platform: 'jd', shopId: 'jd-1' } as const;
const T = Date.UTC(2026, 11, 7, 3);
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

async function engine(label = '1'): Promise<{ e: SyncEngine; store: IdbSyncStore; requests: string[] }> {
  const store = await IdbSyncStore.open(new IDBFactory());
  const requests: string[] = [];
  const offline = (url: string): Promise<Response> => {
    requests.push(url);
    return Promise.reject(new TypeError('fetch failed'));
  };
  const e = new SyncEngine({
    keys,
    client: new CouchClient('http://127.0.0.1:1/shop', offline),
    store,
    station: { id: `st-${label}`, label },
    random,
    now: () => T,
  });
  return { e, store, requests };
}

const event = (id: string): SyncDoc => ({
  kind: 'quotaEvent',
  shop,
  event: { type: 'granted', id, at: T, amount: 5 },
});
const settings = (days: number, at: number): SyncDoc => ({
  kind: 'settings',
  shop,
  settings: { retentionDays: days },
  at,
  station: { id: 'st-1', label: '1' },
});

describe('SyncEngine (local)', () => {
  it('stores a set member once however often it is written', async () => {
    const { e, store } = await engine();
    expect(await e.write([event('g1'), event('g1'), event('g2')])).toEqual({ ok: true, added: 2 });
    expect(await e.write([event('g1')])).toEqual({ ok: true, added: 0 });
    expect((await store.all()).every((r) => revGeneration(r.rev) === 1)).toBe(true);
    expect((await e.status()).pending).toBe(2);
  });

  it('chains settings edits on the winning leaf: generation, parent and history grow', async () => {
    const { e, store } = await engine();
    await e.write([settings(30, T)]);
    await e.write([settings(60, T + 1)]);
    await e.write([settings(90, T + 2)]);
    const revs = await store.revisionsOf(docId(keys.idKey, settings(0, 0)));
    const last = revs.find((r) => revGeneration(r.rev) === 3)!;
    expect(last.history).toHaveLength(3);
    expect(last.parent).toBe(last.history[1]);
    expect((await e.view()).get(last.id)?.doc).toEqual(settings(90, T + 2));
  });

  it('refuses a write holding an invalid document, storing nothing of it', async () => {
    const { e, store } = await engine();
    const bad = { kind: 'claim', shop, orderId: '', at: T, station: { id: 'st-1', label: '1' } } as SyncDoc;
    const r = await e.write([event('g1'), bad]);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-document', index: 1 } });
    expect(await store.all()).toEqual([]);
  });

  it('two edits of one settings document in one write chain, never conflict', async () => {
    const { e, store } = await engine();
    await e.write([settings(30, T), settings(60, T + 1)]);
    const revs = await store.revisionsOf(docId(keys.idKey, settings(0, 0)));
    expect(revs.map((r) => revGeneration(r.rev)).sort()).toEqual([1, 2]);
    expect((await e.view()).get(revs[0]!.id)).toMatchObject({ doc: settings(60, T + 1), losers: [] });
  });

  it('offline: sync fails as offline, keeps the writes pending, and says so in the status', async () => {
    const { e } = await engine();
    await e.write([event('g1')]);
    const r = await e.syncOnce();
    expect(!r.ok && r.error.code).toBe('offline');
    expect(await e.status()).toMatchObject({ pending: 1, lastSyncAt: null, error: { code: 'offline' } });
  });

  it('a claim it cannot confirm is unconfirmed, never assumed free', async () => {
    const { e } = await engine();
    const r = await e.claim(shop, '3718000000000001');
    expect(r.state).toBe('unconfirmed');
  });

  it('a claim already known to be another station’s is answered without asking the server', async () => {
    const { e, store, requests } = await engine('2');
    const other = newClaim(shop, '3718000000000001', { id: 'st-1', label: '1' }, T);
    const id = docId(keys.idKey, other);
    await store.add([{ id, rev: '1-abc', deleted: false, doc: other, history: ['1-abc'] }], 'remote');
    const r = await e.claim(shop, '3718000000000001');
    expect(r).toMatchObject({ state: 'taken', notice: '已由 1 号工位打印' });
    expect(requests).toEqual([]);
  });
});
