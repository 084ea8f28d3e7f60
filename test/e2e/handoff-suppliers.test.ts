// Several suppliers in one hand-off (issue 17 item 4), end to end on the 抖店 and 视频号 demo
// back-offices: the merchant keeps supplier-per-SKU rules for the shop (a refused file first, then
// a rule file imported with its preview, a row added by hand, a default supplier), hands off one
// page of awaiting-shipment orders split between two suppliers: an order whose items belong to both
// becomes two parcels (shown before sealing), two sealed links. Two fresh browsers WITHOUT the
// extension open one link each on the supplier page served from 127.0.0.1, fill tracking numbers and
// return a code; the merchant imports both codes and downloads the ONE merged bulk-ship file: every
// order once, the split order shipped by its first parcel and the other parcel listed for 追加包裹;
// the demo back-office's bulk-ship dialog takes it. The merchant's IndexedDB, extension storage and
// console, the links and codes hold no seeded detailed address, real phone or full name.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDetailedAddress, openBatch } from '@shipmask/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSupplierPage } from '../../extension/scripts/build-supplier.ts';
import { demoOrders, demoPlaintext, type DemoOrder, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import type { OrdersResponse } from '../demo/api.ts';
import { launchPlain, launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { dumpExtensionStorage } from './storage-scan.ts';
import { overlay } from './overlay-roots.ts';
import { openPanel } from './panel.ts';
import { addressExport } from './handoff-fixtures.ts';
import { bg } from './print-fixtures.ts';

const OUT = new URL('../out/handoff/', import.meta.url).pathname;
const COUNT = 200;
const N = 20;

/** The demo pages' bulk-ship dialog controls (test/demo/README.md). */
const shipUi = {
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
  // 京东's bulk-ship dialog takes the lines pasted into its text box (test/demo/README.md).
  jd: {
    open: 'button.btn-batch-ship',
    file: 'input.batch-ship-file',
    submit: 'button.btn-submit',
    result: '.batch-ship-result',
  },
} as const;

let demo: DemoServer;
let merchant: ExtensionBrowser;
let supplierServer: Server;
let supplierBase: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const supplierHtml = (await buildSupplierPage()).html;
  supplierServer = createServer((req, res) => {
    if (req.url?.split('?')[0] === '/supplier.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(supplierHtml);
    } else res.writeHead(404).end();
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

const leaks = (text: string, secrets: readonly string[]): string[] => secrets.filter((s) => text.includes(s));
/**
 * The item code a rule matches, as the order page shows it: the 商家编码 (`SM-004-B`) on 抖店 and
 * 微信小店; on 京东 the card shows the 商品ID (a number per item), so that is the code.
 */
const itemCode = (platform: DemoPlatform, it: DemoOrder['items'][number]): string =>
  platform === 'jd' ? it.productId : it.sku;
/** `SM-004-B` → `SM-004-` (every variant of the product); a 京东 商品ID is its own product. */
const productOf = (platform: DemoPlatform, code: string): string =>
  platform === 'jd' ? code : code.slice(0, 7);

describe.each(['douyin', 'wechat', 'jd'] as const)('several suppliers on %s', (platform) => {
  it('splits a selection between two suppliers by SKU, two links, two codes, one merged bulk-ship file', async () => {
    const secrets = demoPlaintext(platform, { count: COUNT });
    const demoById = new Map(demoOrders(platform, { count: COUNT }).map((o) => [o.orderId, o]));

    // 1. The back-office, awaiting shipment, N a page, and the panel opened: the overlay reads
    // every row (the rows near the viewport alone while the panel is closed) and stores them.
    const office = await merchant.context.newPage();
    await office.goto(`${demo.pages[platform]}?status=${encodeURIComponent('待发货')}&pageSize=${N}`);
    await openPanel(office);
    const list = (await (
      await fetch(
        `${demo.url}/api/${platform}/orders?page=1&pageSize=${N}&status=${encodeURIComponent('待发货')}&count=${COUNT}`,
      )
    ).json()) as OrdersResponse;
    const selectedIds = list.orders.map((o) => o.orderId);
    expect(selectedIds).toHaveLength(N);
    const selected = selectedIds.map((id) => demoById.get(id)!);

    let hand = await merchant.context.newPage();
    await hand.goto(`chrome-extension://${merchant.extensionId}/handoff.html`);
    await expect
      .poll(
        async () =>
          (await bg<{ platform: string }[]>(hand, { type: 'shops/list' })).some(
            (s) => s.platform === platform,
          ),
        { timeout: 30_000 },
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
              orderIds: selectedIds,
            })
          ).missing.length,
        { timeout: 30_000 },
      )
      .toBe(0);
    await hand.fill('.ho-base-url', supplierBase);
    await hand.click('.ho-save-base');
    await hand.locator('.ho-save-base', { hasText: '已保存' }).waitFor();

    // 2. 全选本页 + 交给厂家 in the overlay.
    const panelEl = overlay(office, 'shipmask-panel').locator('.sm-panel');
    await openPanel(office);
    await panelEl.locator('button', { hasText: '全选本页' }).click();
    await panelEl.locator('[data-testid="selected-count"]', { hasText: `已选 ${N} 单` }).waitFor();
    const [opened] = await Promise.all([
      merchant.context.waitForEvent('page'),
      panelEl.locator('[data-testid="action-handoff"]').click(),
    ]);
    await hand.close();
    hand = opened;
    await hand.waitForLoadState();
    await hand.locator('.ho-new h2', { hasText: `已选 ${N} 个订单` }).waitFor();
    const merchantConsole: string[] = [];
    hand.on('console', (m) => merchantConsole.push(m.text()));

    // The platform export (ciphertext for Douyin; detailed addresses of virtual-number orders for
    // WeChat, page memory only); virtual-number orders still without an address are left out.
    const exported =
      platform === 'douyin'
        ? Buffer.from(
            await (
              await fetch(
                `${demo.url}/api/douyin/export?status=${encodeURIComponent('待发货')}&count=${COUNT}`,
              )
            ).arrayBuffer(),
          )
        : Buffer.from(addressExport(platform, selected));
    await hand.setInputFiles('.ho-export-file', {
      name: `${platform}.csv`,
      mimeType: 'text/csv',
      buffer: exported,
    });
    await hand.locator('.ho-extras-note').waitFor();
    const leftOut = await hand
      .locator('.ho-plan .ho-needs-list li[data-order-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')!));
    if (leftOut.length > 0) await hand.click('.ho-leave-out');
    const ids = selectedIds.filter((id) => !leftOut.includes(id));
    const n = ids.length;
    await hand.locator('.ho-new h2', { hasText: `已选 ${n} 个订单` }).waitFor();

    // 3. Rules for this shop. The selection has an order whose two items are different products:
    // the first product goes to 义乌杯厂, the default supplier 高阳毛巾厂 takes everything else.
    const code = (it: DemoOrder['items'][number]): string => itemCode(platform, it);
    const product = (c: string): string => productOf(platform, c);
    const mixed = ids
      .map((id) => demoById.get(id)!)
      .find((o) => o.items.length === 2 && product(code(o.items[0]!)) !== product(code(o.items[1]!)));
    expect(mixed, 'a page of demo orders has a two-product order').toBeDefined();
    const mixedOrder = mixed as DemoOrder;
    const cupProduct = product(code(mixedOrder.items[0]!));
    const towelProduct = product(code(mixedOrder.items[1]!));
    // One more product for the cup factory, so it gets more than the one parcel.
    const another = ids
      .flatMap((id) => demoById.get(id)!.items.map((it) => product(code(it))))
      .find((p) => p !== cupProduct && p !== towelProduct)!;
    const supplierOf = (c: string): string =>
      product(c) === cupProduct || product(c) === another ? '义乌杯厂' : '高阳毛巾厂';

    await hand.check('.ho-multi');
    await hand.locator('.ho-rules').waitFor();
    // The rule's code is named as the page shows it (京东: the card's 商品ID).
    await hand.locator('.ho-rules th', { hasText: platform === 'jd' ? '商品ID' : '商家编码' }).waitFor();
    // A refused file: the typed error's reason in plain words; nothing saved.
    await hand.setInputFiles('.ho-rules-import', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":1,"rules":[{"sku":"SM-001-","supplier":"王经理13812345678"}]}'),
    });
    await hand.locator('.ho-rules-problem', { hasText: '第 1 条的厂家名称：含手机号' }).waitFor();
    expect(await hand.locator('.ho-rules').getAttribute('data-rules')).toBe('0');
    // The default supplier, then the rule file: its changes are shown, then applied.
    await hand.fill('.ho-rule-fallback', '高阳毛巾厂');
    await hand.setInputFiles('.ho-rules-import', {
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ version: 1, rules: [{ sku: cupProduct, supplier: '义乌杯厂', match: 'prefix' }] }),
      ),
    });
    await hand.locator('.ho-rules-pending[data-added="1"]').waitFor();
    await hand.click('.ho-rules-apply');
    await hand.locator('.ho-rules[data-rules="1"]').waitFor();
    // A row added by hand (prefix), saved.
    await hand.click('.ho-rule-add');
    await hand.locator('.ho-rule-sku').nth(1).fill(another);
    await hand.locator('.ho-rule-prefix').nth(1).check();
    await hand.locator('.ho-rule-supplier').nth(1).fill('义乌杯厂');
    await hand.click('.ho-rules-save');
    await hand.locator('.ho-rules[data-rules="2"]').waitFor();
    // The rule file exported round-trips.
    const [rulesDownload] = await Promise.all([
      hand.waitForEvent('download'),
      hand.click('.ho-rules-export'),
    ]);
    expect(JSON.parse(readFileSync(await rulesDownload.path(), 'utf8'))).toEqual({
      version: 1,
      rules: [
        { sku: cupProduct, supplier: '义乌杯厂', match: 'prefix' },
        { sku: another, supplier: '义乌杯厂', match: 'prefix' },
      ],
    });

    // 4. The split, before sealing.
    const expectedParts = new Map<string, string[]>();
    const splitIds: string[] = [];
    for (const id of ids) {
      const suppliers = [...new Set(demoById.get(id)!.items.map((it) => supplierOf(code(it))))];
      if (suppliers.length > 1) splitIds.push(id);
      for (const s of suppliers) expectedParts.set(s, [...(expectedParts.get(s) ?? []), id]);
    }
    expect(splitIds).toContain(mixedOrder.orderId);
    const planEl = hand.locator('.ho-split-plan');
    await expect.poll(() => planEl.getAttribute('data-split')).toBe(String(splitIds.length));
    expect(await planEl.getAttribute('data-unassigned')).toBe('0');
    const line =
      (await hand.locator(`.ho-split-order[data-order-id="${mixedOrder.orderId}"]`).textContent()) ?? '';
    expect(line).toContain(`订单 ${mixedOrder.orderId}：2 个包裹 → `);
    expect(line).toContain(`义乌杯厂（${code(mixedOrder.items[0]!)}）`);
    expect(line).toContain(`高阳毛巾厂（${code(mixedOrder.items[1]!)}）`);
    await hand.screenshot({ path: `${OUT}${platform}-suppliers-plan.png`, fullPage: true });

    // 5. Seal: one batch per supplier, each its own link.
    await hand.click('.ho-seal-suppliers');
    await hand.locator('.ho-parts[data-parts="2"]').waitFor({ timeout: 30_000 });
    await hand.screenshot({ path: `${OUT}${platform}-suppliers-sealed.png`, fullPage: true });
    /** Label orders (virtual number + detailed address) per supplier: the supplier prints these. */
    const labelCount = new Map<string, number>();
    const parts = await hand.locator('.ho-part').evaluateAll((els) =>
      els.map((e) => ({
        supplier: e.getAttribute('data-supplier')!,
        batchId: e.getAttribute('data-batch-id')!,
        link: (e.querySelector('.ho-part-link') as HTMLTextAreaElement).value,
        orders: Number(e.querySelector('.ho-part-counts')!.getAttribute('data-orders')),
      })),
    );
    expect(parts.map((p) => p.supplier).sort()).toEqual(['义乌杯厂', '高阳毛巾厂']);
    // Each supplier also gets its own order-sheet file (the supplier page with its batch inside).
    await expect.poll(() => hand.locator('.ho-part .ho-download-supplier-file:enabled').count()).toBe(2);
    for (const p of parts) {
      expect(p.orders).toBe(expectedParts.get(p.supplier)!.length);
      expect(p.link.startsWith(`${supplierBase}#`)).toBe(true);
      expect(leaks(p.link, secrets)).toEqual([]);
      // Decrypted with its key: this supplier's orders and items only; detailed addresses only
      // beside virtual numbers; no real phone or name.
      const b = await openBatch(p.link, { now: Date.now() });
      if (!b.ok) throw new Error(b.error.code);
      expect(b.value.batch.orders.map((o) => o.orderId).sort()).toEqual(
        [...expectedParts.get(p.supplier)!].sort(),
      );
      for (const o of b.value.batch.orders) {
        for (const it of o.items) expect(supplierOf(it.sku!)).toBe(p.supplier);
        const detailed = o.receiver.address !== undefined && isDetailedAddress(o.receiver.address);
        if (detailed) expect(o.receiver.virtual).toBeDefined();
        // Every virtual-number order with an address in the export carries it in BOTH parcels' links.
        if (platform !== 'douyin' && o.receiver.virtual) expect(detailed).toBe(true);
      }
      labelCount.set(p.supplier, b.value.batch.orders.filter((o) => o.route === undefined).length);
      const text = JSON.stringify(b.value.batch);
      for (const o of demoById.values()) {
        expect(text).not.toContain(o.plain.phone);
        if (o.plain.name.length > 1) expect(text).not.toContain(o.plain.name);
      }
    }
    const firstSupplier = parts[0]!.supplier;
    if (platform !== 'douyin') expect([...labelCount.values()].reduce((a, c) => a + c, 0)).toBeGreaterThan(0);

    // 6. Each supplier: a fresh browser WITHOUT the extension opens its link, fills every number.
    const waybills = new Map<string, Map<string, string>>();
    const codes = new Map<string, string>();
    for (const [k, p] of parts.entries()) {
      const partIds = expectedParts.get(p.supplier)!;
      const supplier = await launchPlain();
      try {
        const requests: string[] = [];
        supplier.context.on('request', (r) => requests.push(r.url()));
        const sp = await supplier.context.newPage();
        await sp.goto(p.link);
        await sp
          .locator('.sp-order')
          .nth(partIds.length - 1)
          .waitFor({ timeout: 30_000 });
        expect(await sp.locator('.sp-order').count()).toBe(partIds.length);
        const shownIds = await sp.locator('.sp-order').allInnerTexts();
        // Numbers in the page's order (bare numbers fill orders still empty, in order).
        const order = partIds.map((id) => ({ id, at: shownIds.findIndex((t) => t.includes(id)) }));
        expect(order.every((o) => o.at >= 0)).toBe(true);
        const numbers = new Map(
          [...order]
            .sort((a, b) => a.at - b.at)
            .map((o, i) => [o.id, `ZT${String(7_800_000_000 + k * 100_000 + i * 7)}`]),
        );
        await sp.fill('.sp-bulk-text', [...numbers.values()].join('\n'));
        await sp.click('.sp-bulk-apply');
        await sp
          .locator('.sp-progress', { hasText: `已填写 ${partIds.length} / ${partIds.length}` })
          .waitFor();
        // The supplier prints the compliant labels of its virtual-number orders (one per order).
        if (labelCount.get(p.supplier)! > 0) {
          await sp.evaluate(() => {
            window.print = () => document.body.setAttribute('data-printed', 'yes');
          });
          await sp.click('.sp-print');
          await sp.locator('body[data-printed="yes"]').waitFor({ state: 'attached' });
          expect(await sp.locator('.print-label').count()).toBe(labelCount.get(p.supplier));
        }
        await sp.click('.sp-make-code');
        await sp.locator('.sp-code').waitFor();
        const code = await sp.inputValue('.sp-code');
        expect(leaks(code, secrets)).toEqual([]);
        expect(requests).toEqual([p.link.split('#')[0]]);
        await sp.screenshot({ path: `${OUT}${platform}-supplier-${k + 1}.png`, fullPage: true });
        waybills.set(p.supplier, numbers);
        codes.set(p.batchId, code);
      } finally {
        await supplier.close();
      }
    }

    // 7. The merchant imports both codes, then downloads ONE merged bulk-ship file.
    await hand.goto(`chrome-extension://${merchant.extensionId}/handoff.html`);
    for (const p of parts) {
      await hand.locator(`.ho-batch-row[data-batch-id="${p.batchId}"] .ho-open`).click();
      await hand.fill('.ho-return-code', `厂家回执：\n${codes.get(p.batchId)!}\n谢谢`);
      await hand.click('.ho-import');
      await hand.locator(`.ho-changes[data-changes="${p.orders}"]`).waitFor();
      if (p !== parts[parts.length - 1]) await hand.click('.ho-back');
    }
    // A batch of the selection offers no file of its own: it would ship a split order twice.
    expect(await hand.locator('.ho-download-ship').count()).toBe(0);
    await hand.click('.ho-merge');
    await hand.locator('.ho-merged-result').waitFor();
    await hand.screenshot({ path: `${OUT}${platform}-suppliers-merged.png`, fullPage: true });
    const [download] = await Promise.all([hand.waitForEvent('download'), hand.click('.ho-download-merged')]);
    const file = await download.path();
    // 京东's dialog takes the same rows as lines pasted into its text box.
    const mergedLines = platform === 'jd' ? await hand.inputValue('.ho-merged-lines') : '';
    // Making the merged file moves every batch of the selection from 已回传，待上传发货 to 已发货.
    await hand.locator('.ho-detail .ho-status-shipped').waitFor();
    const csv = readFileSync(file, 'utf8');
    expect(leaks(csv, secrets)).toEqual([]);
    const rows = csv
      .replace(/^\uFEFF/u, '')
      .trim()
      .split(/\r\n/u)
      .slice(1)
      .map((r) => r.split(','));
    // Every order exactly once; a split order carries its first parcel's number (the first
    // supplier's), and the other parcel is listed for 追加包裹 by hand.
    expect(rows.map((r) => r[0]).sort()).toEqual([...ids].sort());
    const expectedNumber = (id: string): string => {
      const owners = parts.map((p) => p.supplier).filter((s) => expectedParts.get(s)!.includes(id));
      return waybills.get(owners[0]!)!.get(id)!;
    };
    for (const r of rows) expect(r[2]).toBe(expectedNumber(r[0]!));
    expect(rows.find((r) => r[0] === mixedOrder.orderId)![2]).toBe(
      waybills.get(firstSupplier)!.get(mixedOrder.orderId),
    );
    const extra = hand.locator('.ho-extra-parcels li');
    expect(await extra.count()).toBe(splitIds.length);
    const other = parts.find((p) => p.supplier !== firstSupplier)!.supplier;
    await hand
      .locator(
        `.ho-extra-parcels li[data-order-id="${mixedOrder.orderId}"][data-waybill="${waybills.get(other)!.get(mixedOrder.orderId)!}"]`,
      )
      .waitFor();

    await hand.click('.ho-back');
    for (const p of parts)
      await hand.locator(`.ho-batch-row[data-batch-id="${p.batchId}"] .ho-status-shipped`).waitFor();

    // 8. The back-office's bulk-ship dialog takes the merged file: every order shipped once.
    const before = demo.state.shipments.filter((s) => s.platform === platform).length;
    await office.bringToFront();
    await office.click(shipUi[platform].open);
    if (platform === 'jd') await office.fill('textarea.batch-ship-text', mergedLines);
    else await office.setInputFiles(shipUi[platform].file, file);
    await office.click(shipUi[platform].submit);
    await office.locator(shipUi[platform].result, { hasText: `成功 ${n} 条` }).waitFor({ timeout: 30_000 });
    const shipped = demo.state.shipments.filter((s) => s.platform === platform).slice(before);
    expect(shipped.map((s) => s.orderId).sort()).toEqual([...ids].sort());
    expect(new Map(shipped.map((s) => [s.orderId, s.trackingNo]))).toEqual(
      new Map(ids.map((id) => [id, expectedNumber(id)])),
    );

    // 9. Privacy: the merchant's storage and console hold no seeded plaintext.
    expect(leaks(await dumpExtensionStorage(merchant.serviceWorker), secrets)).toEqual([]);
    expect(leaks(merchantConsole.join('\n'), secrets)).toEqual([]);
    await office.close();
    await hand.close();
  });
});
