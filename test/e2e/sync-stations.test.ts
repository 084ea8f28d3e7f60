// Issue 22 in the real extension: three Chromium profiles (separate user-data-dirs) with the built
// extension are three packing stations of one shop, syncing through pouchdb-server on 127.0.0.1
// (test/sync/couch-server.ts; test builds hold the 127.0.0.1 host permission, production asks for
// the server's origin at pairing). Each station talks to its own background service worker from
// its popup page, as the popup does. They pair by code, share one exact quota under concurrent
// reveals, two of them race to print the same 30 orders and print each once, keep working while the server is
// down and catch up after (an order both printed while it was down is listed as a duplicate print
// on every station, and the popup says so), and the server's database holds no order id, shop id
// or masked text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../sync/couch-server.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { bg as send } from './print-fixtures.ts';

const shop = { platform: 'douyin', shopId: 'dy-e2e-7731' } as const;
const ORDERS = Array.from({ length: 30 }, (_, i) => `69${String(31_000_000_000_000 + i * 7919)}`);

let couch: CouchServer;
const stations: { browser: ExtensionBrowser; page: Page }[] = [];

const used = async (page: Page): Promise<number> =>
  (await send<{ used: number }>(page, { type: 'quota/status', shop })).used;
const syncAll = async (): Promise<void> => {
  for (let round = 0; round < 2; round++) for (const s of stations) await send(s.page, { type: 'sync/now' });
};

beforeAll(async () => {
  couch = await startCouchServer();
  for (let i = 0; i < 3; i++) {
    const browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    stations.push({ browser, page });
  }
});
afterAll(async () => {
  for (const s of stations) await s.browser.close();
  await couch?.stop();
});

describe('three stations (Chromium profiles) of one shop through a CouchDB-protocol server', () => {
  it('pair, share one exact quota, print each raced order once, catch up after the server was down', async () => {
    const [a, b, c] = stations as [(typeof stations)[0], (typeof stations)[0], (typeof stations)[0]];
    const db = `${couch.origin}/shipmask-e2e`;
    const first = await send<{ ok: boolean; code: string; status: { paired: boolean; error: unknown } }>(
      a.page,
      {
        type: 'sync/start',
        serverUrl: db,
        label: '1',
      },
    );
    expect(first).toMatchObject({ ok: true, status: { paired: true, error: null } });
    expect(first.code).toMatch(/^SM-/u);
    for (const [s, label] of [
      [b, '2'],
      [c, '3'],
    ] as const) {
      const joined = await send(s.page, { type: 'sync/join', code: first.code, label });
      expect(joined).toMatchObject({ ok: true, status: { paired: true, error: null, station: { label } } });
    }
    // The popup shows the status line for a paired station.
    await a.page.reload();
    await expect.poll(() => a.page.locator('.sync-line').textContent()).toMatch(/已同步|同步中/u);

    // Concurrent reveals on every station.
    const t = Date.now();
    await Promise.all(
      stations.flatMap((s, k) =>
        ORDERS.slice(0, 15).map((orderId, i) =>
          send(s.page, {
            type: 'reveal/recorded',
            shop,
            orderId,
            field: 'phone',
            at: t + i,
            clickId: `e2e-${k}-${i}`,
          }),
        ),
      ),
    );
    await syncAll();
    for (const s of stations) expect(await used(s.page)).toBe(45);

    // Both stations print the same 30 orders at once: each order comes out of exactly one.
    const job = (page: Page) =>
      send<{ documents: { orderId: string; state: string; message?: string }[] }>(page, {
        type: 'print/job-create',
        shop,
        path: 'browser',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: ORDERS.map((orderId, i) => ({ orderId, trackingNumber: `ZT${7_300_000_000 + i}` })),
      });
    const [ja, jb] = await Promise.all([job(a.page), job(b.page)]);
    const queued = [...ja.documents, ...jb.documents]
      .filter((d) => d.state === 'queued')
      .map((d) => d.orderId);
    expect(queued.sort()).toEqual([...ORDERS].sort());
    for (const d of [...ja.documents, ...jb.documents].filter((x) => x.state === 'failed'))
      expect(d.message).toMatch(/^已由 [12] 号工位打印$/u);

    // The server goes down; every station keeps recording; it comes back; they catch up exactly.
    await couch.kill();
    for (const [k, s] of stations.entries())
      for (let i = 0; i < 3; i++)
        await send(s.page, {
          type: 'reveal/recorded',
          shop,
          orderId: ORDERS[20 + i]!,
          field: 'phone',
          at: t + 100 + i,
          clickId: `down-${k}-${i}`,
        });
    const down = await send<{ pending: number; error: { code: string } | null }>(a.page, {
      type: 'sync/now',
    });
    expect(down.error?.code).toBe('offline');
    expect(down.pending).toBeGreaterThanOrEqual(3);
    // While the server is down, stations 1 and 2 both print one more order: neither can claim it
    // at the server, so both print it. After the catch-up every station lists the duplicate print.
    const DUP = `69${String(31_000_000_000_000 + 999 * 7919)}`;
    for (const [k, s] of [a, b].entries()) {
      const j = await send<{ documents: { orderId: string; state: string }[] }>(s.page, {
        type: 'print/job-create',
        shop,
        path: 'browser',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [{ orderId: DUP, trackingNumber: `ZT79000000${k}` }],
      });
      expect(j.documents[0]!.state).toBe('queued');
    }
    await couch.restart();
    await syncAll();
    for (const s of stations) expect(await used(s.page)).toBe(54);
    for (const s of stations)
      expect(
        (await send<{ duplicates: { orderId: string }[] }>(s.page, { type: 'sync/status' })).duplicates.map(
          (d) => d.orderId,
        ),
      ).toEqual([DUP]);
    // The popup says it in plain words.
    await b.page.reload();
    await expect
      .poll(() => b.page.locator('.sync-duplicate').textContent())
      .toMatch(
        new RegExp(
          `^订单 ${DUP} (已由 1 号工位打印，本工位|由本工位打印，1 号工位)离线时也打印了：可能重复发货$`,
          'u',
        ),
      );

    // The server holds ciphertext only.
    const text = await (await fetch(`${db}/_all_docs?include_docs=true`)).text();
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [...ORDERS, DUP, shop.shopId, 'ZT7300000000', '号工位'])
      expect(text).not.toContain(secret);
  });
});
