// Issue 22, "Done when", with three whole backgrounds of one shop (test/sync/background-stations.ts)
// against a real CouchDB-protocol server: they pair by code, share one exact quota under
// concurrent reveals, never print an order twice when racing, catch up after being offline, see
// each other's prints, settings and hand-off batches, and the server holds only ciphertext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaView } from '../../extension/src/messages/quota.ts';
import type { PrintJobView } from '../../extension/src/messages/print.ts';
import type { SyncPairingReply } from '../../extension/src/messages/sync.ts';
import { GateStore } from '../../extension/src/background/gate/store.ts';
import { queueLocks } from '../../extension/src/background/shared/locks.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';
import { BackgroundStation, content, page, random, syncAll } from './background-stations.ts';

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(async () => {
  await couch?.stop();
});

const shop = { platform: 'wechat', shopId: 'wx-shop-1' } as const;
const ORDERS = Array.from({ length: 100 }, (_, i) => `37${String(18_000_000_000_000_000 + i * 7919)}`);

type Three = [BackgroundStation, BackgroundStation, BackgroundStation];

async function pairThree(db: string): Promise<Three> {
  const [a, b, c] = ['1', '2', '3'].map((n) => new BackgroundStation(n)) as [
    BackgroundStation,
    BackgroundStation,
    BackgroundStation,
  ];
  const first = (await a.h['sync/start'](
    { type: 'sync/start', serverUrl: `${couch.origin}/${db}`, label: '1' },
    page,
  )) as SyncPairingReply;
  if (!first.ok || !first.code) throw new Error(`pairing failed: ${JSON.stringify(first)}`);
  for (const [s, label] of [
    [b, '2'],
    [c, '3'],
  ] as const) {
    const joined = (await s.h['sync/join'](
      { type: 'sync/join', code: first.code, label },
      page,
    )) as SyncPairingReply;
    expect(joined).toMatchObject({ ok: true, status: { paired: true, error: null, station: { label } } });
  }
  return [a, b, c];
}

const used = async (s: BackgroundStation): Promise<number> =>
  ((await s.h['quota/status']({ type: 'quota/status', shop }, content)) as QuotaView).used;

async function serverText(db: string): Promise<string> {
  const r = await fetch(`${couch.origin}/${db}/_all_docs?include_docs=true`);
  return r.text();
}

describe('three stations of one shop (whole backgrounds, real CouchDB-protocol server)', () => {
  it('share one exact quota under concurrent reveals, also after one was offline', async () => {
    const stations = await pairThree('shipmask-quota');
    const t = Date.now();
    // 3 stations × 20 concurrent reveals of distinct clicks.
    await Promise.all(
      stations.flatMap((s, k) =>
        Array.from({ length: 20 }, (_, i) =>
          s.h['reveal/recorded'](
            {
              type: 'reveal/recorded',
              shop,
              orderId: ORDERS[i]!,
              field: 'phone',
              at: t + i,
              clickId: `${s.name}-${k}-${i}`,
            },
            content,
          ),
        ),
      ),
    );
    await syncAll(stations);
    for (const s of stations) expect(await used(s)).toBe(60);

    // Station 3 loses the network and keeps working; the others too.
    const [a, , c] = stations;
    c.offline = true;
    for (let i = 0; i < 5; i++) {
      await c.h['reveal/recorded'](
        {
          type: 'reveal/recorded',
          shop,
          orderId: ORDERS[i]!,
          field: 'phone',
          at: t + 100 + i,
          clickId: `off-${i}`,
        },
        content,
      );
      await a.h['reveal/recorded'](
        {
          type: 'reveal/recorded',
          shop,
          orderId: ORDERS[i]!,
          field: 'phone',
          at: t + 200 + i,
          clickId: `on-${i}`,
        },
        content,
      );
    }
    await syncAll(stations);
    const offline = await c.service.sync.status();
    expect(offline).toMatchObject({ pending: 5, error: { code: 'offline' } });
    expect(await used(c)).toBe(65);
    c.offline = false;
    await syncAll(stations);
    for (const s of stations) expect(await used(s)).toBe(70);
    expect(await c.service.sync.status()).toMatchObject({ pending: 0, error: null });
  });

  it('two stations racing to print the same 100 orders print each exactly once; the other sees who printed it', async () => {
    const [a, b, c] = await pairThree('shipmask-print');
    const job = (s: BackgroundStation) =>
      s.h['print/job-create'](
        {
          type: 'print/job-create',
          shop,
          path: 'browser',
          carrier: 'ZTO',
          labelSize: '76x130',
          documents: ORDERS.map((orderId, i) => ({ orderId, trackingNumber: `ZT${7_300_000_000 + i}` })),
        },
        page,
      ) as Promise<PrintJobView>;
    const [ja, jb] = await Promise.all([job(a), job(b)]);
    const open = (j: PrintJobView) => j.documents.filter((d) => d.state === 'queued').map((d) => d.orderId);
    const printedBy = [...open(ja), ...open(jb)];
    expect(printedBy.sort()).toEqual([...ORDERS].sort());
    const refusedOnB = jb.documents.filter((d) => d.state === 'failed');
    expect(refusedOnB.length).toBe(100 - open(jb).length);
    for (const d of refusedOnB) expect(d.message).toBe('已由 1 号工位打印');
    for (const d of ja.documents.filter((x) => x.state === 'failed'))
      expect(d.message).toBe('已由 2 号工位打印');

    // Station 1 prints its labels; station 3 then sees those orders as printed (gate record).
    const mine = ja.documents.filter((d) => d.state === 'queued');
    await a.h['print/job-mark'](
      {
        type: 'print/job-mark',
        jobId: ja.id,
        marks: mine.map((d) => ({ documentId: d.documentId, state: 'printed' })),
      },
      page,
    );
    await syncAll([a, b, c]);
    const records = await new GateStore(c.store, queueLocks(), random).records(shop);
    for (const d of mine) expect(records[d.orderId]?.printed?.trackingNumber).toBe(d.trackingNumber);

    // A third job on station 3 gets nothing: every order is claimed. Printing again needs a reprint.
    const jc = await job(c);
    expect(
      jc.documents.every((d) => d.state === 'failed' && /^已由 [12] 号工位打印$/u.test(d.message ?? '')),
    ).toBe(true);
    const again = (await c.h['print/reprint'](
      { type: 'print/reprint', jobId: jc.id, orderIds: [ORDERS[0]!], reason: '面单被雨淋了' },
      page,
    )) as PrintJobView;
    expect(again.documents.find((d) => d.orderId === ORDERS[0])?.state).toBe('queued');
  });

  it('settings by the latest edit (the loser named), and the server holds ciphertext only', async () => {
    const db = 'shipmask-scan';
    const [a, b, c] = await pairThree(db);
    await a.h['settings/set'](
      { type: 'settings/set', shop, settings: { platform: 'wechat', retentionDays: 30 } },
      page,
    );
    await new Promise((r) => setTimeout(r, 5));
    await b.h['settings/set'](
      { type: 'settings/set', shop, settings: { platform: 'wechat', retentionDays: 45 } },
      page,
    );
    await syncAll([a, b, c], 3);
    for (const s of [a, b, c])
      expect(await s.store.getSettings(shop)).toEqual({ platform: 'wechat', retentionDays: 45 });
    const notes = [
      ...(await a.service.sync.status()).conflicts,
      ...(await b.service.sync.status()).conflicts,
    ];
    expect(notes.some((n) => n.kept === '2' && n.overridden.includes('1'))).toBe(true);

    // Masked orders and reveals on station 1; a print on station 2.
    await a.h['orders/seen'](
      {
        type: 'orders/seen',
        shop,
        orders: ORDERS.slice(0, 3).map((orderId) => ({
          platform: 'wechat',
          shopId: shop.shopId,
          orderId,
          status: 'awaiting_shipment',
          createdAt: Date.now() - 3600_000,
          items: [{ name: '304不锈钢保温杯', quantity: 1 }],
          receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
        })),
      },
      content,
    );
    await a.h['reveal/recorded'](
      {
        type: 'reveal/recorded',
        shop,
        orderId: ORDERS[0]!,
        field: 'phone',
        at: Date.now(),
        clickId: 'scan-1',
      },
      content,
    );
    const j = (await b.h['print/job-create'](
      {
        type: 'print/job-create',
        shop,
        path: 'browser',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [{ orderId: ORDERS[1]!, trackingNumber: 'ZT7300000001' }],
      },
      page,
    )) as PrintJobView;
    await b.h['print/job-mark'](
      {
        type: 'print/job-mark',
        jobId: j.id,
        marks: [{ documentId: j.documents[0]!.documentId, state: 'printed' }],
      },
      page,
    );
    await syncAll([a, b, c]);
    const text = await serverText(db);
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [
      ...ORDERS.slice(0, 3),
      '张*',
      '广东省',
      '天河区',
      'ZT7300000001',
      'wx-shop-1',
      '1 号工位',
    ])
      expect(text).not.toContain(secret);
    // JSON escapes of the Chinese text are not there either.
    expect(text).not.toMatch(/\\u5f20|\\u5e7f/u);
  });
});
