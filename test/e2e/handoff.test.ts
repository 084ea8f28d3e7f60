// Supplier hand-off end to end (issue 8), on each demo back-office: the merchant's profile (with the
// extension) hands off 50 awaiting-shipment orders; a second, fresh profile WITHOUT the extension
// opens the link on the single-file supplier page served from 127.0.0.1, fills tracking numbers and
// returns the code; the merchant imports it (twice: the second import changes nothing), downloads
// the bulk-ship file and uploads it in the demo back-office's bulk-ship dialog, which receives all
// 50. The link, the supplier page (text, storage, network) and the merchant's storage and download
// carry none of the seeded plaintext. Screenshots land in test/out/handoff/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSupplierPage } from '../../extension/scripts/build-supplier.ts';
import { demoPlaintext, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import type { OrdersResponse } from '../demo/api.ts';
import { launchPlain, launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { dumpExtensionStorage } from './storage-scan.ts';

const OUT = new URL('../out/handoff/', import.meta.url).pathname;
const COUNT = 200;
const N = 50;

/** The demo pages' bulk-ship dialog controls (test/demo/README.md). */
const shipUi: Record<DemoPlatform, { open: string; file: string; submit: string; result: string }> = {
  douyin: {
    open: 'button.batch-ship-btn',
    file: 'input.batch-ship-file',
    submit: 'button.batch-ship-submit',
    result: '.batch-ship-result',
  },
  wechat: {
    open: 'button.order-ship__btn',
    file: 'input.ship-dialog__file',
    submit: 'button.ship-dialog__submit',
    result: '.ship-dialog__result',
  },
  jd: {
    open: 'a.btn-batch-ship',
    file: 'input.batch-ship-file',
    submit: 'a.btn-submit',
    result: '.batch-ship-result',
  },
};

let demo: DemoServer;
let merchant: ExtensionBrowser;
let supplierServer: Server;
let supplierBase: string;
let supplierHtml: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  supplierHtml = (await buildSupplierPage()).html;
  supplierServer = createServer((req, res) => {
    if (req.url?.split('?')[0] === '/supplier.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(supplierHtml);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => supplierServer.listen(0, '127.0.0.1', r));
  supplierBase = `http://127.0.0.1:${(supplierServer.address() as AddressInfo).port}/supplier.html`;
  demo = await startDemoServer({ count: COUNT });
  merchant = await launchWithExtension();
});

afterAll(async () => {
  await merchant?.close();
  await demo?.close();
  await new Promise((r) => supplierServer?.close(r));
});

/** Send a message to the background from an extension page (as the page's `send()` does). */
async function bg<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(async (m) => {
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
    ).chrome.runtime;
    const reply = (await runtime.sendMessage(m)) as { ok: boolean; value?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.value;
  }, message) as Promise<T>;
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => text.includes(s));
}

describe.each(['wechat', 'douyin', 'jd'] as const)('supplier hand-off on %s', (platform) => {
  it(`hands off ${N} orders, gets tracking numbers back and ships them all`, async () => {
    const secrets = demoPlaintext(platform, { count: COUNT });
    const ui = shipUi[platform];

    // 1. The merchant opens the back-office (awaiting shipment, 50 a page): the overlay stores them.
    const office = await merchant.context.newPage();
    await office.goto(`${demo.pages[platform]}?status=${encodeURIComponent('待发货')}&pageSize=${N}`);
    const list = (await (
      await fetch(
        `${demo.url}/api/${platform}/orders?page=1&pageSize=${N}&status=${encodeURIComponent('待发货')}&count=${COUNT}`,
      )
    ).json()) as OrdersResponse;
    const ids = list.orders.map((o) => o.orderId);
    expect(ids).toHaveLength(N);

    const hand = await merchant.context.newPage();
    await hand.goto(`chrome-extension://${merchant.extensionId}/handoff.html`);
    await expect
      .poll(
        async () =>
          (await bg<{ platform: string }[]>(hand, { type: 'shops/list' })).some(
            (s) => s.platform === platform,
          ),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const shop = (await bg<{ platform: string; shopId: string }[]>(hand, { type: 'shops/list' })).find(
      (s) => s.platform === platform,
    )!;
    await expect
      .poll(
        async () =>
          (
            await bg<{ missing: string[] }>(hand, {
              type: 'handoff/orders',
              shop: { platform, shopId: shop.shopId },
              orderIds: ids,
            })
          ).missing.length,
        { timeout: 30_000 },
      )
      .toBe(0);

    // Where links point: the static page on 127.0.0.1 (a setting).
    await hand.fill('.ho-base-url', supplierBase);
    await hand.click('.ho-save-base');
    await hand.locator('.ho-save-base', { hasText: '已保存' }).waitFor();

    // 2. The hand-off page with the selection (as the overlay's selection/open would open it).
    const q = new URLSearchParams({ platform, shopId: shop.shopId, orders: ids.join(',') });
    await hand.goto(`chrome-extension://${merchant.extensionId}/handoff.html?${q.toString()}`);
    await hand.locator('.ho-new h2', { hasText: `已选 ${N} 个订单` }).waitFor();
    if (await hand.locator('.ho-supplier-name').count()) {
      await hand.fill('.ho-supplier-name', '义乌杯厂');
      await hand.fill('.ho-supplier-note', '王经理 周一到周五发货');
    }
    await hand.click('.ho-seal');
    await hand.locator('.ho-link').waitFor({ timeout: 30_000 });
    const link = await hand.inputValue('.ho-link');
    expect(link.startsWith(`${supplierBase}#`)).toBe(true);
    expect(leaks(link, secrets)).toEqual([]);
    await hand.screenshot({ path: `${OUT}${platform}-merchant-sealed.png`, fullPage: true });

    // 3. The supplier: a fresh profile without the extension, the page from 127.0.0.1.
    const supplier = await launchPlain();
    const requests: string[] = [];
    supplier.context.on('request', (r) => requests.push(r.url()));
    const sp = await supplier.context.newPage();
    await sp.goto(link);
    await sp
      .locator('.sp-order')
      .nth(N - 1)
      .waitFor({ timeout: 30_000 });
    expect(await sp.locator('.sp-order').count()).toBe(N);
    const waybills = ids.map((_, i) => `ZT${String(7_800_000_000 + i * 7)}`);
    // Tracking numbers typed for the first two, the rest pasted in order.
    await sp.locator('.sp-waybill').nth(0).fill(waybills[0]!);
    await sp.locator('.sp-waybill').nth(1).fill(waybills[1]!);
    await sp.fill('.sp-bulk-text', waybills.slice(2).join('\n'));
    await sp.click('.sp-bulk-apply');
    await sp.locator('.sp-progress', { hasText: `已填写 ${N} / ${N}` }).waitFor();
    await sp.click('.sp-make-code');
    await sp.locator('.sp-code').waitFor();
    const code = await sp.inputValue('.sp-code');
    await sp.screenshot({ path: `${OUT}${platform}-supplier.png`, fullPage: true });

    // Nothing the supplier page did left the machine, nothing was kept, nothing plaintext shown.
    expect(requests).toEqual([link.split('#')[0]]);
    const kept = await sp.evaluate(async () =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        idb: await indexedDB.databases(),
        cookie: document.cookie,
        caches: await caches.keys(),
      }),
    );
    expect(kept).toBe('{"local":{},"session":{},"idb":[],"cookie":"","caches":[]}');
    expect(leaks(await sp.locator('body').innerText(), secrets)).toEqual([]);
    expect(leaks(code, secrets)).toEqual([]);
    await supplier.close();

    // 4. Back at the merchant: import the code (twice), download the bulk-ship file.
    await hand.goto(`chrome-extension://${merchant.extensionId}/handoff.html`);
    await hand.locator('.ho-batch-row').first().locator('.ho-open').click();
    await hand.fill('.ho-return-code', `厂家回执：\n${code}\n谢谢`);
    await hand.click('.ho-import');
    await hand.locator(`.ho-changes[data-changes="${N}"]`).waitFor();
    await hand.locator('.ho-detail .ho-status-shipped').waitFor();
    await hand.screenshot({ path: `${OUT}${platform}-merchant-imported.png`, fullPage: true });
    await hand.click('.ho-import');
    await hand.locator('.ho-changes[data-changes="0"]').waitFor();
    const [download] = await Promise.all([hand.waitForEvent('download'), hand.click('.ho-download-ship')]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.trim().split(/\r\n/u)).toHaveLength(N + 1);
    expect(leaks(csv, secrets)).toEqual([]);

    // 5. The back-office's bulk-ship dialog takes the file: all 50 ship.
    const before = demo.state.shipments.filter((s) => s.platform === platform).length;
    await office.bringToFront();
    await office.click(ui.open);
    await office.setInputFiles(ui.file, file);
    await office.click(ui.submit);
    await office.locator(ui.result, { hasText: `成功 ${N} 条` }).waitFor({ timeout: 30_000 });
    const shipped = demo.state.shipments.filter((s) => s.platform === platform).slice(before);
    expect(shipped.map((s) => s.orderId).sort()).toEqual([...ids].sort());
    expect(new Map(shipped.map((s) => [s.orderId, s.trackingNo]))).toEqual(
      new Map(ids.map((id, i) => [id, waybills[i]!])),
    );

    // 6. The merchant's storage holds none of the seeded plaintext.
    expect(leaks(await dumpExtensionStorage(merchant.serviceWorker), secrets)).toEqual([]);
    await office.close();
    await hand.close();
  });
});
