// Issue 22, "see each other's hand-off batches", in the real extension: two Chromium profiles of one
// WeChat shop syncing through pouchdb-server on 127.0.0.1. Station 1's overlay stores the orders
// from the demo back-office and station 1 seals a batch for a supplier; station 2's hand-off page
// lists the batch; the supplier's return code is imported on station 2's hand-off page, and
// station 1's hand-off page then shows the orders back from the supplier with their tracking
// numbers. The server's database holds no order id, tracking number or supplier name in clear.
import { openBatch, sealReturn } from '@shipmask/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrders } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import type { OrdersResponse } from '../demo/api.ts';
import { startCouchServer, type CouchServer } from '../sync/couch-server.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { addressExport } from './handoff-fixtures.ts';
import { overlay } from './overlay-roots.ts';
import { openPanel } from './panel.ts';
import { bg as send } from './print-fixtures.ts';

const COUNT = 60;
const N = 12;
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

let couch: CouchServer;
let demo: DemoServer;
const stations: { browser: ExtensionBrowser; page: Page }[] = [];

const syncAll = async (): Promise<void> => {
  for (let round = 0; round < 2; round++)
    for (const s of stations) {
      const st = await send<{ error: unknown }>(s.page, { type: 'sync/now' });
      expect(st.error).toBeNull();
    }
};

beforeAll(async () => {
  couch = await startCouchServer();
  demo = await startDemoServer({ count: COUNT });
  for (let i = 0; i < 2; i++) {
    const browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    stations.push({ browser, page });
  }
});
afterAll(async () => {
  for (const s of stations) await s.browser.close();
  await demo?.close();
  await couch?.stop();
});

describe('hand-off batches across two stations (Chromium profiles) through a CouchDB-protocol server', () => {
  it('a batch sealed on station 1 is listed on station 2; a return code imported on 2 marks the orders on 1', async () => {
    const [a, b] = stations as [(typeof stations)[0], (typeof stations)[0]];
    const db = `${couch.origin}/shipmask-e2e-handoff`;
    const first = await send<{ ok: boolean; code: string }>(a.page, {
      type: 'sync/start',
      serverUrl: db,
      label: '1',
    });
    expect(first.ok).toBe(true);
    expect(await send(b.page, { type: 'sync/join', code: first.code, label: '2' })).toMatchObject({
      ok: true,
      status: { paired: true, error: null },
    });

    // Station 1's overlay stores the awaiting-shipment orders of the WeChat demo back-office (the
    // panel open: every row read, not only those near the viewport).
    const office = await a.browser.context.newPage();
    await office.goto(`${demo.pages.wechat}?status=${encodeURIComponent('待发货')}&pageSize=${N}`);
    await openPanel(office);
    await expect
      .poll(async () => (await send<{ platform: string }[]>(a.page, { type: 'shops/list' })).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    const shop = (await send<{ platform: 'wechat'; shopId: string }[]>(a.page, { type: 'shops/list' })).find(
      (s) => s.platform === 'wechat',
    )!;
    const ref = { platform: 'wechat' as const, shopId: shop.shopId };
    const list = (await (
      await fetch(
        `${demo.url}/api/wechat/orders?page=1&pageSize=${N}&status=${encodeURIComponent('待发货')}&count=${COUNT}`,
      )
    ).json()) as OrdersResponse;
    const selected = list.orders.map((o) => o.orderId);
    const byId = new Map(demoOrders('wechat', { count: COUNT }).map((o) => [o.orderId, o]));
    await expect
      .poll(
        async () =>
          (
            await send<{ missing: string[] }>(a.page, {
              type: 'handoff/orders',
              shop: ref,
              orderIds: selected,
            })
          ).missing.length,
        { timeout: 30_000 },
      )
      .toBe(0);

    // Station 1 selects the page in the overlay and hands it off to a supplier (as handoff.test.ts).
    const panelEl = overlay(office, 'shipmask-panel').locator('.sm-panel');
    await openPanel(office);
    await panelEl.locator('button', { hasText: '全选本页' }).click();
    const countEl = panelEl.locator('[data-testid="selected-count"]');
    // The page's own row boxes are ticked by clicks, and their events update the selection: wait
    // for the count, not for the first text (已选 0 单 matches too).
    const selectedNow = async (): Promise<number> =>
      Number(/已选 (\d+) 单/u.exec((await countEl.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(selectedNow, { timeout: 15_000 }).toBeGreaterThan(3);
    const k = await selectedNow();
    const [hand] = await Promise.all([
      a.browser.context.waitForEvent('page'),
      panelEl.locator('[data-testid="action-handoff"]').click(),
    ]);
    await hand.waitForLoadState();
    await hand.locator('.ho-new h2', { hasText: `已选 ${k} 个订单` }).waitFor();
    await hand.setInputFiles('.ho-export-file', {
      name: 'wechat-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        addressExport(
          'wechat',
          selected.map((id) => byId.get(id)!),
        ),
      ),
    });
    const leftOut = await hand
      .locator('.ho-plan .ho-needs-list li[data-order-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')!));
    if (leftOut.length > 0) await hand.click('.ho-leave-out');
    const n = k - leftOut.length;
    await hand.locator('.ho-new h2', { hasText: `已选 ${n} 个订单` }).waitFor();
    if (await hand.locator('.ho-supplier-name').count()) await hand.fill('.ho-supplier-name', '义乌杯厂');
    await hand.click('.ho-seal');
    await hand.locator('.ho-link').waitFor({ timeout: 30_000 });
    const link = await hand.inputValue('.ho-link');
    const batches = await send<{ batchId: string; orders: number }[]>(a.page, { type: 'handoff/batches' });
    expect(batches.map((x) => x.orders)).toEqual([n]);
    const sealed = { text: link };
    const ids = (
      await send<{ items: { order: { orderId: string } }[] }>(a.page, {
        type: 'handoff/batch',
        batchId: batches[0]!.batchId,
      })
    ).items.map((it) => it.order.orderId);
    expect(ids).toHaveLength(n);
    const batchId = batches[0]!.batchId;
    await office.close();
    await syncAll();

    // Station 2's hand-off page lists the batch (sent, every order, the supplier).
    const handB = await b.browser.context.newPage();
    await handB.goto(`chrome-extension://${b.browser.extensionId}/handoff.html`);
    const rowB = handB.locator(`.ho-batch-row[data-batch-id="${batchId}"]`);
    await rowB.waitFor({ timeout: 30_000 });
    expect(await rowB.innerText()).toContain('义乌杯厂');
    await rowB.locator('.ho-status-sent').waitFor();

    // The supplier returns tracking numbers; station 2 imports the code on its hand-off page.
    const opened = await openBatch(sealed.text, { now: Date.now() });
    if (!opened.ok) throw new Error(opened.error.code);
    const waybills = ids.map((_, i) => `ZT${String(7_900_000_000 + i * 13)}`);
    const code = await sealReturn(
      opened.value,
      ids.map((orderId, i) => ({
        orderId,
        status: 'shipped' as const,
        carrier: 'ZTO',
        waybill: waybills[i]!,
      })),
      { random, now: Date.now() },
    );
    if (!code.ok) throw new Error(code.error.code);
    await rowB.locator('.ho-open').click();
    await handB.fill('.ho-return-code', code.value.code);
    await handB.click('.ho-import');
    await handB.locator(`.ho-changes[data-changes="${ids.length}"]`).waitFor();
    await syncAll();

    // Station 1's hand-off page: the batch is back from the supplier, with the tracking numbers.
    const handA = await a.browser.context.newPage();
    await handA.goto(`chrome-extension://${a.browser.extensionId}/handoff.html`);
    const rowA = handA.locator(`.ho-batch-row[data-batch-id="${batchId}"]`);
    await rowA.locator('.ho-status-returned').waitFor({ timeout: 30_000 });
    await rowA.locator('.ho-open').click();
    const detail = await handA.locator('.ho-detail').innerText();
    for (const w of waybills) expect(detail).toContain(w);

    // The server holds ciphertext and opaque ids only.
    const text = await (await fetch(`${db}/_all_docs?include_docs=true`)).text();
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [...ids, ...waybills, batchId, shop.shopId, '义乌杯厂'])
      expect(text).not.toContain(secret);
  }, 120_000);
});
