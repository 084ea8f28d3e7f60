import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdbSyncStore } from '../../storage/sync-store';
import {
  credentialsOf,
  engineFor,
  joinShop,
  loadConfig,
  pairingCodeOf,
  saveConfig,
  startShop,
  type SyncConfig,
} from './pairing-service';

const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const T = Date.UTC(2026, 11, 7, 3);
const URL1 = 'https://couch.example.com/shipmask-s1';

function first(url = URL1): { config: SyncConfig; code: string } {
  const r = startShop(url, '1', random, T);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('pairing', () => {
  it('a second station joins with the first one’s code: same key and server, its own id and label', () => {
    const { config, code } = first();
    const j = joinShop(code.toLowerCase(), ' 2 ', random, T);
    expect(j.ok).toBe(true);
    if (!j.ok) return;
    expect(j.value.syncKey).toEqual(config.syncKey);
    expect(j.value.serverUrl).toBe(URL1);
    expect(j.value.station.label).toBe('2');
    expect(j.value.station.id).toMatch(/^st-[0-9a-f]{12}$/u);
    expect(j.value.station.id).not.toBe(config.station.id);
    expect(pairingCodeOf(j.value)).toBe(code);
  });

  it('a mistyped code or a bad URL or label is a typed error (property: any one wrong character)', () => {
    const { code } = first();
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 31 }), (at, shift) => {
        const A = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const idx = [...code].map((c, i) => (i > 2 && A.includes(c) ? i : -1)).filter((i) => i >= 0);
        const i = idx[at % idx.length]!;
        const typo = code.slice(0, i) + A[(A.indexOf(code[i]!) + shift) % 32]! + code.slice(i + 1);
        expect(joinShop(typo, '2', random, T)).toEqual({ ok: false, error: 'checksum' });
      }),
    );
    expect(startShop('https://u:p@couch.example.com/db', '1', random, T)).toEqual({
      ok: false,
      error: 'credentials-in-url',
    });
    expect(startShop('ftp://couch.example.com/db', '1', random, T)).toEqual({ ok: false, error: 'not-http' });
    expect(joinShop(code, '', random, T)).toEqual({ ok: false, error: 'bad-label' });
    expect(joinShop(code, '<b>2</b>', random, T)).toEqual({ ok: false, error: 'bad-label' });
  });

  it('saves and loads the configuration; another key clears the mirror, the same key keeps it', async () => {
    const store = await IdbSyncStore.open(new IDBFactory());
    const a = first().config;
    expect(await saveConfig(store, a)).toBe(false);
    expect(await loadConfig(store)).toEqual(a);
    await store.add([{ id: 'a'.repeat(32), rev: '1-a', deleted: false, history: ['1-a'] }], 'local');
    expect(await saveConfig(store, { ...a, station: { ...a.station, label: '前台' } })).toBe(false);
    expect(await store.all()).toHaveLength(1);
    const b = first('https://couch.example.com/shipmask-s2').config;
    expect(await saveConfig(store, b)).toBe(true);
    expect(await store.all()).toEqual([]);
    expect((await loadConfig(store))?.serverUrl).toBe('https://couch.example.com/shipmask-s2');
  });

  it('refuses a stored configuration that is not one', async () => {
    const store = await IdbSyncStore.open(new IDBFactory());
    await store.setMeta('config', { serverUrl: 'javascript:alert(1)', syncKey: new Uint8Array(32) });
    expect(await loadConfig(store)).toBeUndefined();
  });

  it('builds an engine for a configuration', async () => {
    const store = await IdbSyncStore.open(new IDBFactory());
    const e = engineFor(
      first().config,
      store,
      () => Promise.reject(new TypeError('offline')),
      random,
      () => T,
    );
    expect(e).toBeDefined();
    expect(await e!.status()).toMatchObject({ pending: 0, lastSyncAt: null });
  });

  it('carries the shop CouchDB user from the first station to the others, and stores it', async () => {
    const r = startShop(URL1, '1', random, T, { user: 'shop-1 店', password: 'p: w' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.config.credentials).toEqual({ user: 'shop-1 店', password: 'p: w' });
    const j = joinShop(r.value.code, '2', random, T);
    expect(j.ok && j.value.credentials).toEqual({ user: 'shop-1 店', password: 'p: w' });
    const store = await IdbSyncStore.open(new IDBFactory());
    await saveConfig(store, r.value.config);
    expect(await loadConfig(store)).toEqual(r.value.config);
    // Only the credentials change: the mirror stays.
    await store.add([{ id: 'a'.repeat(32), rev: '1-a', deleted: false, history: ['1-a'] }], 'local');
    expect(
      await saveConfig(store, { ...r.value.config, credentials: { user: 'shop-1 店', password: 'new' } }),
    ).toBe(false);
    expect(await store.all()).toHaveLength(1);
    expect((await loadConfig(store))?.credentials?.password).toBe('new');
    // A stored configuration with bad credentials is not one.
    await store.setMeta('config', { ...r.value.config, credentials: { user: 'a:b', password: 'x' } });
    expect(await loadConfig(store)).toBeUndefined();
  });

  it('checks typed credentials: none when both empty, typed errors otherwise', () => {
    expect(credentialsOf({})).toEqual({ ok: true, value: undefined });
    expect(credentialsOf({ user: '', password: '' })).toEqual({ ok: true, value: undefined });
    expect(credentialsOf({ user: 'shop1', password: '' })).toEqual({ ok: false, error: 'bad-password' });
    expect(credentialsOf({ user: '', password: 'pw' })).toEqual({ ok: false, error: 'bad-user' });
    expect(startShop(URL1, '1', random, T, { user: 'x'.repeat(101), password: 'pw' })).toEqual({
      ok: false,
      error: 'bad-user',
    });
  });

  it('the engine signs in with the configured user on every request', async () => {
    const r = startShop(URL1, '1', random, T, { user: 'shop1', password: 'pw' });
    if (!r.ok) throw new Error(r.error);
    const seen: (string | null)[] = [];
    const e = engineFor(
      r.value.config,
      await IdbSyncStore.open(new IDBFactory()),
      (_url, init) => {
        seen.push(new Headers(init?.headers).get('authorization'));
        return Promise.resolve(new Response('{"error":"unauthorized"}', { status: 401 }));
      },
      random,
      () => T,
    );
    const out = await e!.syncOnce();
    expect(out).toMatchObject({ ok: false, error: { code: 'unauthorized', status: 401 } });
    expect(seen).toEqual(['Basic c2hvcDE6cHc=']);
    expect(await e!.status()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
