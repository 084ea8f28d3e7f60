/**
 * End-to-end encrypted sync between stations through a real CouchDB-protocol server (issue 22):
 * two stations converge; a station offline for a while catches up; killing the server (and the
 * service worker) mid-sync loses nothing; two stations racing to claim the same orders print each
 * exactly once; and the server's database holds no order id, shop id, masked name or address in
 * clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDoc } from '@shipmask/core';
import { startCouchServer, type CouchServer } from './couch-server.ts';
import { SHOP, Station, quotaDocs, shopKeys } from './stations.ts';

let couch: CouchServer;
let dbCount = 0;
const newDb = (): string => `${couch.origin}/shipmask-test-${++dbCount}`;

beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(async () => {
  await couch?.stop();
});

const T = Date.UTC(2026, 11, 7, 3);
const ORDER_IDS = Array.from({ length: 20 }, (_, i) => `69${String(31_000_000_000_000 + i * 7919)}`);
const MASKED_NAME = '张*';
const MASKED_ADDRESS = '广东省广州市天河区****';

function journal(label: string, orderId: string, n: number): SyncDoc {
  return {
    kind: 'journal',
    shop: SHOP,
    orderId,
    step: 'printed',
    entryId: `job-${label}-${n}`,
    trackingNumber: `ZT${7_300_000_000 + n}`,
    carrier: 'ZTO',
    at: T + n,
    station: { id: `st-${label}`, label },
  };
}

function settings(label: string, at: number, retentionDays: number): SyncDoc {
  return {
    kind: 'settings',
    shop: SHOP,
    settings: { platform: 'douyin', shopName: '小店', retentionDays },
    at,
    station: { id: `st-${label}`, label },
  };
}

const batchDoc = (label: string): SyncDoc => ({
  kind: 'handoffBatch',
  shop: SHOP,
  batchId: 'q3Zk8Jd0WcLm',
  record: {
    orders: ORDER_IDS.slice(0, 3).map((orderId) => ({ orderId, name: MASKED_NAME, address: MASKED_ADDRESS })),
  },
  at: T,
  station: { id: `st-${label}`, label },
});

async function syncOk(s: Station): Promise<void> {
  const r = await s.engine.syncOnce();
  if (!r.ok) throw new Error(`${s.label}: ${r.error.code} ${r.error.message}`);
}

/** Every byte the server would show anyone: every doc body with all leaves, changes, checkpoints. */
async function serverText(dbUrl: string, stations: readonly string[]): Promise<string> {
  const get = async (p: string): Promise<string> =>
    (await fetch(`${dbUrl}${p}`, { headers: { accept: 'application/json' } })).text();
  const all = JSON.parse(await get('/_all_docs')) as { rows: { id: string }[] };
  const parts = [
    await get('/_all_docs?include_docs=true&conflicts=true'),
    await get('/_changes?style=all_docs&include_docs=true'),
  ];
  for (const { id } of all.rows) parts.push(await get(`/${id}?revs=true&open_revs=all`));
  for (const s of stations) parts.push(await get(`/_local/shipmask-push-st-${s}`));
  return parts.join('\n');
}

describe('sync between stations over pouchdb-server', () => {
  it('two stations converge, and settings edited on both resolve to the latest edit', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await a.engine.write([
      ...quotaDocs('a', 250),
      ...ORDER_IDS.map((o, i) => journal('1', o, i)),
      settings('1', T + 10, 30),
    ]);
    await b.engine.write([...quotaDocs('b', 150), batchDoc('2'), settings('2', T + 20, 60)]);
    // The same set member written on both stations (an event both saw) must not conflict.
    await a.engine.write(quotaDocs('shared', 5));
    await b.engine.write(quotaDocs('shared', 5));
    await syncOk(a);
    // Station 2 meets station 1's settings edit: the later edit (its own) is kept, and the report
    // names the overridden one so the UI can show it.
    const rb = await b.engine.syncOnce();
    expect(rb.ok && rb.value.resolved).toEqual([
      { id: expect.any(String), kept: settings('2', T + 20, 60), overridden: [settings('1', T + 10, 30)] },
    ]);
    await syncOk(a);
    const va = await a.viewText();
    const vb = await b.viewText();
    expect(va.size).toBe(250 + 20 + 1 + 150 + 1 + 5);
    expect([...vb]).toEqual([...va]);
    const settingsDocs = [...(await a.engine.view()).values()].filter((r) => r.doc?.kind === 'settings');
    expect(settingsDocs).toHaveLength(1);
    expect(settingsDocs[0]!.doc).toEqual(settings('2', T + 20, 60));
    expect(settingsDocs[0]!.losers).toEqual([]);
    // The server holds no open conflict: shared members met as one revision, and the settings
    // conflict was resolved the same way on both stations (deterministic revision ids).
    const rows = (
      JSON.parse(await (await fetch(`${url}/_all_docs?include_docs=true&conflicts=true`)).text()) as {
        rows: { doc: { _conflicts?: string[] } }[];
      }
    ).rows;
    expect(rows).toHaveLength(va.size);
    expect(rows.filter((r) => r.doc._conflicts)).toEqual([]);
    for (const s of [a, b]) expect((await s.engine.status()).pending).toBe(0);
  });

  it('a station does not look up again what it just pushed, yet takes what others wrote between', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await b.engine.write(quotaDocs('b', 30));
    await syncOk(b);
    await a.engine.write(quotaDocs('a', 250));
    let asked = 0;
    const missing = a.store.missing.bind(a.store);
    a.store.missing = (pairs) => {
      asked += pairs.length;
      return missing(pairs);
    };
    const r = await a.engine.syncOnce();
    // The server's changes list 280 revisions; the 250 this sync pushed are known to be stored.
    expect(r.ok && [r.value.pushed, r.value.pulled]).toEqual([250, 30]);
    expect(asked).toBe(30);
    expect((await a.viewText()).size).toBe(280);
    // What a sync remembers lasts only that sync: a mirror cleared (re-pairing) is refilled.
    await a.store.clear();
    asked = 0;
    const again = await a.engine.syncOnce();
    expect(again.ok && again.value.pulled).toBe(280);
    expect(asked).toBe(280);
    await syncOk(b);
    expect([...(await a.viewText())]).toEqual([...(await b.viewText())]);
  });

  it('a station offline for a while catches up, and says so while it cannot', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await a.engine.write(quotaDocs('a', 40));
    await syncOk(a);
    await syncOk(b);
    b.fetcher = () => Promise.reject(new TypeError('fetch failed'));
    await b.engine.write(quotaDocs('b', 60));
    const off = await b.engine.syncOnce();
    expect(off.ok).toBe(false);
    const status = await b.engine.status();
    expect(status.error?.code).toBe('offline');
    expect(status.pending).toBe(60);
    await a.engine.write(quotaDocs('a2', 120));
    await syncOk(a);
    b.fetcher = (i, init) => fetch(i, init);
    await syncOk(b);
    await syncOk(a);
    expect((await b.viewText()).size).toBe(220);
    expect([...(await b.viewText())]).toEqual([...(await a.viewText())]);
    expect(await b.engine.status()).toMatchObject({ pending: 0, error: null });
  });

  it('two stations racing to claim the same orders: each order is claimed exactly once', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await syncOk(a);
    const orders = ORDER_IDS;
    const results = await Promise.all(
      orders.flatMap((o) => [
        a.engine.claim(SHOP, o).then((r) => ({ o, s: '1', r })),
        b.engine.claim(SHOP, o).then((r) => ({ o, s: '2', r })),
      ]),
    );
    for (const o of orders) {
      const mine = results.filter((x) => x.o === o && x.r.state === 'mine');
      const taken = results.filter((x) => x.o === o && x.r.state === 'taken');
      expect(mine).toHaveLength(1);
      expect(taken).toHaveLength(1);
      const t = taken[0]!.r;
      if (t.state === 'taken') expect(t.notice).toBe(`已由 ${mine[0]!.s} 号工位打印`);
    }
    // Asking again (a retried click) gives the same answer without a second claim.
    const again = await a.engine.claim(SHOP, orders[0]!);
    const first = results.find((x) => x.o === orders[0] && x.s === '1')!.r;
    expect(again.state).toBe(first.state);
    // After a sync both stations know every claim and agree on every winner.
    await syncOk(a);
    await syncOk(b);
    const claimsA = [...(await a.engine.view()).values()].filter((r) => r.doc?.kind === 'claim');
    expect(claimsA).toHaveLength(orders.length);
    expect([...(await b.viewText())].filter(([, t]) => t.includes('"claim"'))).toEqual(
      [...(await a.viewText())].filter(([, t]) => t.includes('"claim"')),
    );
  });

  it('the server holds only ciphertext and opaque ids: no order id, shop id, masked name or address', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await a.engine.write([
      ...ORDER_IDS.map((o, i) => journal('1', o, i)),
      batchDoc('1'),
      settings('1', T, 30),
      ...quotaDocs('a', 30),
    ]);
    await b.engine.write([
      {
        kind: 'gateOverride',
        shop: SHOP,
        orderId: ORDER_IDS[3]!,
        overrideId: 'ov-1',
        reason: `地址改为${MASKED_ADDRESS}`,
        at: T,
        station: { id: 'st-2', label: '2' },
      },
    ]);
    await syncOk(a);
    await syncOk(b);
    await a.engine.claim(SHOP, ORDER_IDS[5]!);
    const text = await serverText(url, ['1', '2']);
    expect(text.length).toBeGreaterThan(10_000);
    const forbidden = [
      ...ORDER_IDS,
      SHOP.shopId,
      MASKED_NAME,
      MASKED_ADDRESS,
      '广东省',
      '小店',
      'ZT7300000000',
      'quotaEvent',
      'orderKey',
    ];
    for (const f of forbidden) {
      expect(text.includes(f), f).toBe(false);
      expect(text.includes(JSON.stringify(f).slice(1, -1)), `escaped ${f}`).toBe(false);
    }
    // Every document id on the server is an opaque 32-hex keyed hash.
    const ids = (
      JSON.parse(await (await fetch(`${url}/_all_docs`)).text()) as { rows: { id: string }[] }
    ).rows.map((r) => r.id);
    expect(ids.length).toBe(20 + 1 + 1 + 30 + 1 + 1);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/u);
  });

  it('a station with another sync key reads nothing and stores nothing, and says how many did not open', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const stranger = await new Station('9', url, shopKeys(99)).start();
    await a.engine.write(quotaDocs('a', 12));
    await syncOk(a);
    const r = await stranger.engine.syncOnce();
    expect(r.ok && r.value.unreadable).toEqual({ 'wrong-key': 12 });
    expect((await stranger.viewText()).size).toBe(0);
    expect((await stranger.engine.status()).unreadable).toBe(12);
  });

  it('killing the server (and the worker) mid-sync loses nothing: restart, resume from the checkpoint, same state', async () => {
    const url = newDb();
    const a = await new Station('1', url).start();
    const b = await new Station('2', url).start();
    await a.engine.write(quotaDocs('a', 1000));
    // Kill the server while the fourth _bulk_docs is in flight.
    let bulk = 0;
    let killing: Promise<void> | undefined;
    a.fetcher = (i, init) => {
      if (i.includes('/_bulk_docs') && ++bulk === 4) killing = couch.kill();
      return fetch(i, init);
    };
    const cut = await a.engine.syncOnce();
    await killing;
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.error.code).toBe('offline');
    const pendingAfterCut = (await a.engine.status()).pending;
    expect(pendingAfterCut).toBeGreaterThan(0);
    expect(pendingAfterCut).toBeLessThan(1000);
    // The service worker dies too; a new one starts over the same IndexedDB.
    a.kill();
    await a.start();
    a.fetcher = (i, init) => fetch(i, init);
    await couch.restart();
    const resumed = await a.engine.syncOnce();
    expect(resumed.ok).toBe(true);
    // Resumed from the checkpoint: at most the unconfirmed page is sent again, not all 1000.
    if (resumed.ok) expect(resumed.value.pushed).toBeLessThanOrEqual(pendingAfterCut);
    expect((await a.engine.status()).pending).toBe(0);

    // Now cut station 2's pull in the middle, kill its worker, and resume.
    let pages = 0;
    b.fetcher = (i, init) => {
      if (i.includes('/_changes') && ++pages === 4) killing = couch.kill();
      return fetch(i, init);
    };
    const cutPull = await b.engine.syncOnce();
    await killing;
    expect(cutPull.ok).toBe(false);
    const partial = (await b.viewText()).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1000);
    b.kill();
    await b.start();
    b.fetcher = (i, init) => fetch(i, init);
    await couch.restart();
    await syncOk(b);
    expect((await b.viewText()).size).toBe(1000);
    expect([...(await b.viewText())]).toEqual([...(await a.viewText())]);
  });
});
