// Issue 22, "Done when", with three whole backgrounds of one shop (test/sync/background-stations.ts)
// against a real CouchDB-protocol server: they pair by code, share one exact quota under
// concurrent reveals, never print an order twice when racing, catch up after being offline, see
// each other's prints, settings and hand-off batches, and the server holds only ciphertext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBatch, sealReturn } from '@shipmask/core';
import type {
  BatchDetail,
  BatchSummary,
  HandoffConfig,
  ImportReply,
  SealReply,
  SupplierRulesValue,
} from '../../extension/src/messages/handoff.ts';
import type { QuotaView } from '../../extension/src/messages/quota.ts';
import type { PrintJobView } from '../../extension/src/messages/print.ts';
import type { SyncPairingReply } from '../../extension/src/messages/sync.ts';
import { GateStore } from '../../extension/src/background/gate/store.ts';
import { queueLocks } from '../../extension/src/background/shared/locks.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';
import { BackgroundStation, content, page, random, syncAll } from './background-stations.ts';
import { duplicateLine } from '../../extension/src/entrypoints/popup/sync-duplicate-line.ts';

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

  it('hand-off across stations: batches, return codes, revoke and ship-file marks, supplier rules and hand-off settings; ciphertext only', async () => {
    const db = 'shipmask-handoff';
    const [a, b, c] = await pairThree(db);
    const ids = ORDERS.slice(10, 13);
    await a.h['orders/seen'](
      {
        type: 'orders/seen',
        shop,
        orders: ids.map((orderId, i) => ({
          platform: 'wechat',
          shopId: shop.shopId,
          orderId,
          status: 'awaiting_shipment',
          createdAt: Date.now() - 3600_000,
          items: [{ name: '304不锈钢保温杯', sku: 'SM-001-A', quantity: 1 }],
          receiver: {
            name: '张*',
            phone: '132****3639',
            address: '广东省广州市天河区****',
            virtual: { main: '13476567876', ext: String(3000 + i) },
          },
        })),
      },
      content,
    );
    const BASE = 'https://supplier-page.example.net/shipmask/supplier.html';
    await a.h['handoff/config/set'](
      { type: 'handoff/config/set', config: { baseUrl: BASE, suppliers: [] } },
      page,
    );
    const sealed = (await a.h['handoff/seal'](
      {
        type: 'handoff/seal',
        shop,
        orderIds: ids,
        addresses: ids.map((orderId, i) => ({ orderId, address: `广东省广州市天河区花城广场${i + 1}号` })),
        supplier: { name: '义乌杯厂' },
        expiresInDays: 7,
        carrier: 'ZTO',
      },
      page,
    )) as SealReply;
    if (!sealed.ok) throw new Error(sealed.message);
    const batchId = sealed.batch.batchId;
    await syncAll([a, b, c]);

    // The batch sealed on station 1 is in the hand-off list of stations 2 and 3.
    for (const s of [b, c]) {
      const list = (await s.h['handoff/batches']({ type: 'handoff/batches' }, page)) as BatchSummary[];
      expect(list.map((x) => [x.batchId, x.orders, x.status, x.supplier.name])).toEqual([
        [batchId, 3, 'sent', '义乌杯厂'],
      ]);
      // The hand-off settings came along: the base URL and the supplier used.
      expect(
        (await s.h['handoff/config/get']({ type: 'handoff/config/get' }, page)) as HandoffConfig,
      ).toEqual({
        baseUrl: BASE,
        suppliers: [{ name: '义乌杯厂' }],
      });
    }

    // The supplier's return code is imported on station 2; station 1 sees the orders shipped.
    const opened = await openBatch(sealed.text, { now: Date.now() });
    if (!opened.ok) throw new Error(opened.error.code);
    const waybills = ids.map((_, i) => `7841234567890${i}`);
    const code = await sealReturn(
      opened.value,
      ids.map((orderId, i) => ({ orderId, status: 'shipped', carrier: 'ZTO', waybill: waybills[i]! })),
      { random, now: Date.now() },
    );
    if (!code.ok) throw new Error(code.error.code);
    const imported = (await b.h['handoff/import'](
      { type: 'handoff/import', batchId, code: code.value.code },
      page,
    )) as ImportReply;
    expect(imported).toMatchObject({ ok: true });
    await syncAll([a, b, c]);
    for (const s of [a, c]) {
      const d = (await s.h['handoff/batch']({ type: 'handoff/batch', batchId }, page)) as BatchDetail;
      expect(d).toMatchObject({ shipped: 3, status: 'returned' });
      expect(d.items.map((it) => it.result && 'waybill' in it.result && it.result.waybill)).toEqual(waybills);
    }

    // Station 2 makes the bulk-ship file; station 3 revokes the batch. Every station ends with
    // both marks at the instants they were set; station 1 then refuses the batch's return codes.
    const shipped = (await b.h['handoff/ship-file'](
      { type: 'handoff/ship-file', batchId },
      page,
    )) as BatchSummary;
    expect(shipped.status).toBe('shipped');
    await new Promise((r) => setTimeout(r, 5));
    const revoked = (await c.h['handoff/revoke']({ type: 'handoff/revoke', batchId }, page)) as BatchSummary;
    await syncAll([a, b, c]);
    for (const s of [a, b, c]) {
      const d = (await s.h['handoff/batch']({ type: 'handoff/batch', batchId }, page)) as BatchDetail;
      expect(d).toMatchObject({ status: 'revoked', revokedAt: revoked.revokedAt });
    }
    const records = await Promise.all(
      [a, b, c].map(
        async (s) => (await (await s.store.db()).get('batches', batchId)) as { shipFileAt?: number },
      ),
    );
    expect(new Set(records.map((r) => r.shipFileAt)).size).toBe(1);
    expect(records[0]!.shipFileAt).toBeGreaterThan(0);
    expect(
      await a.h['handoff/import']({ type: 'handoff/import', batchId, code: code.value.code }, page),
    ).toMatchObject({ ok: false, code: 'revoked' });

    // Supplier rules edited on stations 1 and 2 before either synced: the later edit (station 2)
    // everywhere, and the merchant is told station 1's edit was replaced.
    const rules = (supplier: string) => ({
      type: 'handoff/rules/set' as const,
      shop,
      rules: { version: 1 as const, rules: [{ sku: 'SM-001-A', supplier }] },
      fallback: '自营仓',
    });
    await a.h['handoff/rules/set'](rules('温州杯厂'), page);
    await new Promise((r) => setTimeout(r, 5));
    await b.h['handoff/rules/set'](rules('永康杯厂'), page);
    // And the hand-off settings: station 3 points the link elsewhere later than station 1's edit.
    await a.h['handoff/config/set'](
      { type: 'handoff/config/set', config: { baseUrl: BASE, suppliers: [{ name: '金华厂' }] } },
      page,
    );
    await new Promise((r) => setTimeout(r, 5));
    const BASE3 = 'https://station-three.example.org/supplier.html';
    await c.h['handoff/config/set'](
      { type: 'handoff/config/set', config: { baseUrl: BASE3, suppliers: [{ name: '义乌杯厂' }] } },
      page,
    );
    await syncAll([a, b, c], 3);
    for (const s of [a, b, c]) {
      const got = (await s.h['handoff/rules/get'](
        { type: 'handoff/rules/get', shop },
        page,
      )) as SupplierRulesValue;
      expect(got).toMatchObject({
        rules: { rules: [{ sku: 'SM-001-A', supplier: '永康杯厂' }] },
        fallback: '自营仓',
      });
      // The latest base URL; the suppliers used by union.
      const config = (await s.h['handoff/config/get']({ type: 'handoff/config/get' }, page)) as HandoffConfig;
      expect(config.baseUrl).toBe(BASE3);
      expect(config.suppliers.map((x) => x.name).sort()).toEqual(['义乌杯厂', '金华厂'].sort());
    }
    const notes = (
      await Promise.all([a, b, c].map(async (s) => (await s.service.sync.status()).conflicts))
    ).flat();
    expect(
      notes.some((n) => n.what === 'supplierRules' && n.kept === '2' && n.overridden.includes('1')),
    ).toBe(true);
    expect(
      notes.some((n) => n.what === 'handoffConfig' && n.kept === '3' && n.overridden.includes('1')),
    ).toBe(true);

    // The server holds none of it in clear.
    const text = await serverText(db);
    for (const secret of [
      ...ids,
      batchId,
      ...waybills,
      '义乌杯厂',
      '永康杯厂',
      'SM-001-A',
      'supplier-page.example.net',
      'station-three.example.org',
      'revoked',
      'shipFile',
      'wx-shop-1',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\\u4e49|\\u6c38/u);
  }, 60_000);

  it('an order printed offline on one station and online on another: every station lists the duplicate print', async () => {
    const [a, b, c] = await pairThree('shipmask-duplicate');
    const orderId = ORDERS[42]!;
    const printJob = async (s: BackgroundStation, trackingNumber: string): Promise<PrintJobView> => {
      const j = (await s.h['print/job-create'](
        {
          type: 'print/job-create',
          shop,
          path: 'browser',
          carrier: 'ZTO',
          labelSize: '76x130',
          documents: [{ orderId, trackingNumber }],
        },
        page,
      )) as PrintJobView;
      expect(j.documents[0]!.state).toBe('queued');
      await s.h['print/job-mark'](
        {
          type: 'print/job-mark',
          jobId: j.id,
          marks: [{ documentId: j.documents[0]!.documentId, state: 'printed' }],
        },
        page,
      );
      return j;
    };
    // Station 3 is offline and prints the order; station 1, online, prints it too.
    c.offline = true;
    await printJob(c, 'ZT7300000099');
    await printJob(a, 'ZT7300000042');
    for (const s of [a, b, c]) expect((await s.service.sync.status()).duplicates).toEqual([]);
    c.offline = false;
    await syncAll([a, b, c]);

    const seen = await Promise.all([a, b, c].map(async (s) => (await s.service.sync.status()).duplicates));
    for (const list of seen) expect(list.map((d) => d.orderId)).toEqual([orderId]);
    // Every station names the same winner (CouchDB's deterministic rule) and the other printer.
    const [na, nb, nc] = seen.map((l) => l[0]!) as [
      (typeof seen)[0][0],
      (typeof seen)[0][0],
      (typeof seen)[0][0],
    ];
    expect(new Set([na.printedBy, nb.printedBy, nc.printedBy]).size).toBe(1);
    expect([na.printedBy, ...na.alsoBy].sort()).toEqual(['1', '3']);
    expect(nb.here).toBe('neither');
    const loser = na.printedBy === '1' ? nc : na;
    expect(loser.here).toBe('duplicate');
    expect((na.printedBy === '1' ? na : nc).here).toBe('winner');
    expect(duplicateLine(loser)).toBe(
      `订单 ${orderId} 已由 ${na.printedBy} 号工位打印，本工位离线时也打印了：可能重复发货`,
    );
    // Recorded in the audit log, once, also after more syncs.
    await syncAll([a, b, c]);
    for (const s of [a, b, c]) {
      const lines = (await s.store.auditLog()).filter((l) => l.kind === 'sync-duplicate-print');
      expect(lines.map((l) => l.detail?.['orderId'])).toEqual([orderId]);
      expect((await s.service.sync.status()).duplicates).toHaveLength(1);
    }
  });
});
