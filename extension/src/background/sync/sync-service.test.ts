// The sync service without a server (every request fails as offline). Replication between
// stations through a real CouchDB-protocol server: test/sync/stations-service.test.ts.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { decodePairingCode, deriveSyncKeys, orderKey } from '@shipmask/core';
import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../messages/print';
import { Store } from '../../storage';
import { IdbSyncStore } from '../../storage/sync-store';
import { queueLocks } from '../shared/locks';
import { createJob } from '../print/jobs';
import { Ledgers } from '../quota/ledgers';
import type { SyncPairingReply } from '../../messages/sync';
import { SyncService, conflictNotes, duplicateNote } from './sync-service';
import type { SyncDoc } from '@shipmask/core';

const shop = { platform: 'jd', shopId: 'jd-1' } as const;
const T = Date.UTC(2026, 11, 7, 3);
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const URL_ = 'http://127.0.0.1:1/shipmask-s1';

function setup(online = true) {
  const store = new Store({ factory: new IDBFactory() });
  const locks = queueLocks();
  const ledgers = new Ledgers({ store, locks, randomBytes: random });
  const mirrorFactory = new IDBFactory();
  const requests: string[] = [];
  const sync = new SyncService({
    store,
    locks,
    now: () => T,
    randomBytes: random,
    openMirror: () => IdbSyncStore.open(mirrorFactory),
    fetch: (url) => {
      requests.push(url);
      return Promise.reject(new TypeError('fetch failed'));
    },
    forget: (s) => ledgers.forget(s),
    resetLedgers: () => ledgers.reset(),
    online: () => online,
    soonMs: null,
  });
  store.writes.subscribe((w) => sync.onWrite(w));
  return { store, ledgers, sync, h: sync.handlers(), requests };
}

const job = (): PrintJobView =>
  createJob(
    {
      id: 'p1',
      shop,
      path: 'browser',
      carrier: 'ZTO',
      labelSize: '76x130',
      documents: [
        { orderId: '69', trackingNumber: 'ZT1' },
        { orderId: '70', trackingNumber: 'ZT2' },
      ],
    },
    T,
  );

describe('SyncService (no server)', () => {
  it('unpaired: status says so, print jobs pass unchanged, writes go nowhere, no request is made', async () => {
    const { sync, h, store, requests } = setup();
    expect(await h['sync/status']({ type: 'sync/status' }, { kind: 'page' })).toMatchObject({
      paired: false,
    });
    const j = job();
    expect(await sync.claimJob(j)).toBe(j);
    await store.putSettings(shop, { platform: 'jd', retentionDays: 30 }, T);
    expect(await sync.tick()).toMatchObject({ paired: false, pending: 0 });
    expect(requests).toEqual([]);
    expect(await h['sync/code']({ type: 'sync/code' }, { kind: 'page' })).toEqual({
      ok: false,
      error: 'not-paired',
    });
  });

  it('refuses a bad server URL or label with core typed errors', async () => {
    const { h } = setup();
    const start = (serverUrl: string, label = '1') =>
      h['sync/start']({ type: 'sync/start', serverUrl, label }, { kind: 'page' });
    expect(await start('https://admin:pw@couch.example.com/db')).toEqual({
      ok: false,
      error: 'credentials-in-url',
    });
    expect(await start('ftp://couch.example.com/db')).toEqual({ ok: false, error: 'not-http' });
    expect(await start(URL_, '<b>')).toEqual({ ok: false, error: 'bad-label' });
    expect(
      await h['sync/join']({ type: 'sync/join', code: 'SM-0000-0000', label: '2' }, { kind: 'page' }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('first station: a pairing code for the server, the ledger key becomes the shop matchKey, history is backfilled', async () => {
    const { h, store, ledgers } = setup();
    await ledgers.recordReveal(shop, '3718000000000001', 'phone', T, 'k1', T);
    const r = (await h['sync/start'](
      { type: 'sync/start', serverUrl: URL_, label: '1' },
      { kind: 'page' },
    )) as SyncPairingReply;
    if (!r.ok || r.code === null) throw new Error('pairing failed');
    const decoded = decodePairingCode(r.code);
    if (!decoded.ok) throw new Error('code');
    expect(decoded.value.serverUrl).toBe(URL_);
    const keys = deriveSyncKeys(decoded.value.syncKey);
    if (!keys.ok) throw new Error('keys');
    expect(await store.getMeta('hmacKey')).toEqual(keys.keys.matchKey);
    // The next reveal is keyed with the shared key (the same order hashes the same on every station).
    await ledgers.recordReveal(shop, '3718000000000002', 'phone', T, 'k2', T);
    const events = await store.eventsOf<{ orderKey?: string }>(shop);
    expect(events.at(-1)?.event.orderKey).toBe(orderKey(keys.keys.matchKey, '3718000000000002'));
    // Offline: both events wait in the mirror, the status says why in words the popup shows.
    expect(r.status).toMatchObject({ paired: true, station: { label: '1' }, pending: 1 });
    const s = await h['sync/now']({ type: 'sync/now' }, { kind: 'page' });
    expect(s).toMatchObject({ paired: true, pending: 2, error: { code: 'offline' } });
    expect((await h['sync/code']({ type: 'sync/code' }, { kind: 'page' })) as { code: string }).toMatchObject(
      { code: r.code },
    );
  });

  it('offline print claims are written locally (they replicate later) and the job prints', async () => {
    const { h, sync } = setup(false);
    await h['sync/start']({ type: 'sync/start', serverUrl: URL_, label: '1' }, { kind: 'page' });
    const j = job();
    expect(await sync.claimJob(j)).toBe(j);
    expect((await sync.status()).pending).toBe(2);
  });

  it('rotate: a new code for the same server, this station kept; leave: unpaired', async () => {
    const { h } = setup(false);
    const a = (await h['sync/start'](
      { type: 'sync/start', serverUrl: URL_, label: '前台' },
      { kind: 'page' },
    )) as SyncPairingReply;
    const b = (await h['sync/rotate']({ type: 'sync/rotate' }, { kind: 'page' })) as SyncPairingReply;
    if (!a.ok || !b.ok) throw new Error('pairing failed');
    expect(b.code).not.toBe(a.code);
    expect(b.status.station).toEqual(a.status.station);
    expect(await h['sync/leave']({ type: 'sync/leave' }, { kind: 'page' })).toMatchObject({ paired: false });
    expect(await h['sync/rotate']({ type: 'sync/rotate' }, { kind: 'page' })).toEqual({
      ok: false,
      error: 'not-paired',
    });
  });
});

describe('conflictNotes', () => {
  const st = (n: string) => ({ id: `st-00000000000${n}`, label: n });
  const config = (baseUrl: string, n: string, names: string[]): SyncDoc => ({
    kind: 'handoffConfig',
    config: { baseUrl, suppliers: names.map((name) => ({ name })) },
    at: T + Number(n),
    station: st(n),
  });
  it('names the kept and overridden stations per kind; hand-off settings only when the base URL lost', () => {
    const rules = (n: string): SyncDoc => ({
      kind: 'supplierRules',
      shop,
      rules: { rules: { version: 1, rules: [] } },
      at: T + Number(n),
      station: st(n),
    });
    const notes = conflictNotes(
      [
        { id: 'a', kept: rules('2'), overridden: [rules('1')] },
        // Same base URL, other suppliers: merged by union, nothing lost.
        { id: 'b', kept: config('', '3', ['甲']), overridden: [config('', '1', ['乙'])] },
        {
          id: 'c',
          kept: config('https://x.example/s.html', '3', []),
          overridden: [config('', '1', []), config('https://x.example/s.html', '2', ['乙'])],
        },
      ],
      T,
    );
    expect(notes).toEqual([
      { at: T, kept: '2', overridden: ['1'], what: 'supplierRules' },
      { at: T, kept: '3', overridden: ['1'], what: 'handoffConfig' },
    ]);
  });
});

describe('duplicateNote', () => {
  const claim = (n: string, orderId = '6931000000000001'): SyncDoc => ({
    kind: 'claim',
    shop,
    orderId,
    at: T,
    station: { id: `st-00000000000${n}`, label: n },
  });
  const res = (win: SyncDoc, ...losers: SyncDoc[]) => ({
    doc: win,
    rev: '1-a',
    losers: losers.map((doc, i) => ({ rev: `1-${i}`, doc })),
    rule: 'couchdb-winner' as const,
  });
  it("names the winner, the others, and this station's part", () => {
    const r = res(claim('2'), claim('3'), claim('1'));
    expect(duplicateNote(r, 'st-000000000003', T)).toEqual({
      at: T,
      shop,
      orderId: '6931000000000001',
      printedBy: '2',
      alsoBy: ['3', '1'],
      here: 'duplicate',
    });
    expect(duplicateNote(r, 'st-000000000002', T)?.here).toBe('winner');
    expect(duplicateNote(r, 'st-000000000009', T)?.here).toBe('neither');
  });
  it('one station holding the claim (alone, or twice itself) and other kinds: no duplicate', () => {
    expect(duplicateNote(res(claim('2')), 'st-000000000002', T)).toBeUndefined();
    expect(duplicateNote(res(claim('2'), claim('2')), 'st-000000000002', T)).toBeUndefined();
    expect(
      duplicateNote(
        res({ kind: 'settings', shop, settings: {}, at: T, station: { id: 'st-1', label: '1' } }),
        'st-1',
        T,
      ),
    ).toBeUndefined();
  });
});

describe('refused credentials', () => {
  function refusing() {
    const store = new Store({ factory: new IDBFactory() });
    const locks = queueLocks();
    const ledgers = new Ledgers({ store, locks, randomBytes: random });
    const mirrorFactory = new IDBFactory();
    const clock = { t: T };
    const auths: (string | null)[] = [];
    const sync = new SyncService({
      store,
      locks,
      now: () => clock.t,
      randomBytes: random,
      openMirror: () => IdbSyncStore.open(mirrorFactory),
      fetch: (_url, init) => {
        auths.push(new Headers(init?.headers).get('authorization'));
        return Promise.resolve(new Response('{"error":"unauthorized"}', { status: 401 }));
      },
      forget: (s) => ledgers.forget(s),
      resetLedgers: () => ledgers.reset(),
      online: () => true,
      soonMs: null,
    });
    return { sync, h: sync.handlers(), auths, clock };
  }

  it('is a classified error, and scheduled syncs back off until the credentials change', async () => {
    const { sync, h, auths, clock } = refusing();
    const r = (await h['sync/start'](
      { type: 'sync/start', serverUrl: URL_, label: '1', user: 'shop1', password: 'wrong' },
      { kind: 'page' },
    )) as SyncPairingReply;
    expect(r).toMatchObject({
      ok: true,
      status: { error: { code: 'unauthorized', status: 401 }, user: 'shop1', retryAt: T + 5 * 60_000 },
    });
    expect(JSON.stringify(r.ok && r.status)).not.toContain('wrong');
    expect(auths.at(-1)).toBe(`Basic ${btoa('shop1:wrong')}`);
    // Scheduled syncs inside the back-off ask nothing; print claims are written locally.
    const asked = auths.length;
    clock.t = T + 4 * 60_000;
    await sync.tick();
    const printed = await sync.claimJob(job());
    expect(printed.documents.every((d) => d.state !== 'failed')).toBe(true);
    expect(auths.length).toBe(asked);
    // After it, one try; refused again, the back-off doubles.
    clock.t = T + 5 * 60_000;
    expect(await sync.tick()).toMatchObject({ retryAt: T + 15 * 60_000 });
    expect(auths.length).toBeGreaterThan(asked);
    // New credentials try at once, with the new header; the new code carries them.
    const asked2 = auths.length;
    const c = (await h['sync/credentials'](
      { type: 'sync/credentials', user: 'shop1', password: 'right' },
      { kind: 'page' },
    )) as SyncPairingReply;
    expect(auths.length).toBeGreaterThan(asked2);
    expect(auths.at(-1)).toBe(`Basic ${btoa('shop1:right')}`);
    expect(c.ok && c.code && decodePairingCode(c.code)).toMatchObject({
      ok: true,
      value: { credentials: { user: 'shop1', password: 'right' } },
    });
    expect(
      await h['sync/credentials'](
        { type: 'sync/credentials', user: 'shop1', password: '' },
        { kind: 'page' },
      ),
    ).toEqual({ ok: false, error: 'bad-password' });
  });

  it('rotate keeps the credentials unless new ones are given; leave forgets them', async () => {
    const { h } = refusing();
    await h['sync/start'](
      { type: 'sync/start', serverUrl: URL_, label: '1', user: 'shop1', password: 'pw1' },
      { kind: 'page' },
    );
    const kept = (await h['sync/rotate']({ type: 'sync/rotate' }, { kind: 'page' })) as SyncPairingReply;
    expect(kept.ok && kept.code && decodePairingCode(kept.code)).toMatchObject({
      value: { credentials: { user: 'shop1', password: 'pw1' } },
    });
    const changed = (await h['sync/rotate'](
      { type: 'sync/rotate', user: 'shop1', password: 'pw2' },
      { kind: 'page' },
    )) as SyncPairingReply;
    expect(changed.ok && changed.code && decodePairingCode(changed.code)).toMatchObject({
      value: { credentials: { user: 'shop1', password: 'pw2' } },
    });
    await h['sync/leave']({ type: 'sync/leave' }, { kind: 'page' });
    expect(await h['sync/code']({ type: 'sync/code' }, { kind: 'page' })).toEqual({
      ok: false,
      error: 'not-paired',
    });
  });
});
