// The exception gate end to end (issue 18), in real Chromium with the built extension, on each
// demo back-office (抖店, 微信小店 in its micro-app shadow root, 京东):
// 1. a refund requested after the orders were read holds the order when a print job is created
//    (reply `held`); an explicit override lets it through and is logged (`gate-override`);
// 2. a refund requested after printing raises 已打印，需拦截 in the panel, with the waybill number
//    (抖店: printed through the platform's own 批量打印, followed to 已打待发货);
// 3. an address changed between page loads is caught (keyed fingerprint + the page's 修改地址);
// 4. the repeat buyer's orders show as one 可合并 group; on 微信小店 (virtual numbers: shipmask's
//    own label) the group prints ONE label and the bulk-ship file gives both orders its number;
// 5. the print page's picking list adds up to the selection's items.
// Then nothing the gate stored holds the demo's plaintext.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { overlay } from './overlay-roots.ts';
import { openPanel } from './panel.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { demoOrders, demoPlaintext, demoShop, type DemoPlatform } from '../demo/data.ts';
import type { OrdersResponse } from '../demo/api.ts';
import { demoUi, rowCheckbox, visibleOrderIds } from './demo-ui.ts';
import { dumpExtensionStorage } from './storage-scan.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { bg, until, wechatExport } from './print-fixtures.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

interface Held {
  orderId: string;
  holds: { reason: string }[];
}
interface CheckResult {
  pass: string[];
  held: Held[];
  missing: string[];
}
interface Overview {
  held: Held[];
  intercepts: { orderId: string; reasons: string[]; trackingNumber: string; label: string }[];
  groups: { id: string; orderIds: string[] }[];
  shipBy: Record<string, number>;
}

/** A background call that may be refused: the reply's error code, or the value. */
async function bgTry<T>(
  page: Page,
  message: unknown,
): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await bg<T>(page, message) };
  } catch (e) {
    const m = /"code":"([^"]+)"/u.exec(String(e));
    return { ok: false, code: m?.[1] ?? String(e) };
  }
}

async function control(
  demo: DemoServer,
  platform: DemoPlatform,
  kind: 'refund' | 'address',
  orderId: string,
) {
  const res = await fetch(`${demo.url}/api/${platform}/demo/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId }),
  });
  expect(res.status).toBe(200);
}

/** Open (or reload) the 待发货 list and wait until the overlay has marked its rows. */
async function loadList(list: Page, demo: DemoServer, platform: DemoPlatform): Promise<void> {
  await list.goto(`${demo.pages[platform]}?status=${encodeURIComponent('待发货')}`);
  await list.locator(demoUi[platform].row).first().waitFor();
  await overlay(list, 'shipmask-rows')
    .locator('.sm-row')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
  await openPanel(list);
}

/**
 * Tick orders on the list with the page's own row boxes (the overlay's selection follows them and
 * reads a selected order's items then) and press the panel's 打印面单: the print page that opens.
 */
async function selectAndPrint(
  b: ExtensionBrowser,
  list: Page,
  platform: DemoPlatform,
  ids: readonly string[],
): Promise<Page> {
  const visible = await visibleOrderIds(list, platform);
  for (const id of ids) {
    await list.locator(demoUi[platform].row).nth(visible.indexOf(id)).scrollIntoViewIfNeeded();
    const box = rowCheckbox(list, platform, id);
    await box.waitFor({ state: 'attached', timeout: 20_000 });
    // The expanded panel may cover the row's box at this viewport: press the box itself.
    await box.evaluate((el) => (el as HTMLInputElement).click());
  }
  await overlay(list, 'shipmask-panel')
    .locator('[data-testid="selected-count"]')
    .filter({ hasText: String(ids.length) })
    .waitFor({ timeout: 20_000 });
  const opened = b.context.waitForEvent('page');
  await overlay(list, 'shipmask-panel').locator('[data-testid="action-print"]').click();
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

/** The picking list on the print page adds up to the selected orders' items (per SKU and in all). */
async function expectPickingTotals(
  page: Page,
  platform: DemoPlatform,
  ids: readonly string[],
): Promise<number> {
  const items = demoOrders(platform)
    .filter((o) => ids.includes(o.orderId))
    .flatMap((o) => o.items);
  const total = items.reduce((s, it) => s + it.quantity, 0);
  await page.waitForSelector(`.picking-list tr.total td.orders:text-is("${ids.length}")`, {
    timeout: 20_000,
  });
  expect(Number(await page.textContent('.picking-list tr.total td.qty'))).toBe(total);
  // The SKU column is what the page shows per item: 抖店 商家编码, 京东 商品ID, 微信小店 商品编码.
  const skuOf = (it: (typeof items)[number]): string => (platform === 'jd' ? it.productId : it.sku);
  for (const sku of new Set(items.map(skuOf))) {
    const want = items.filter((it) => skuOf(it) === sku).reduce((s, it) => s + it.quantity, 0);
    expect(
      Number(await page.locator(`.picking-list tr[data-sku="${sku}"] td.qty`).first().textContent()),
    ).toBe(want);
  }
  return total;
}

const platforms: readonly DemoPlatform[] = ['douyin', 'wechat', 'jd'];

describe('exception gate on the demo back-offices', () => {
  it('holds refunds and address changes, raises intercepts, groups repeat buyers, on all three', async () => {
    const demo = await startDemoServer({ port: 0 });
    cleanup.push(() => demo.close());
    const b: ExtensionBrowser = await launchWithExtension();
    cleanup.push(() => b.close());
    const ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/print.html`);
    const lines: string[] = [];

    for (const platform of platforms) {
      const shop = { platform, shopId: demoShop(platform).id };
      const list = await b.context.newPage();
      await loadList(list, demo, platform);
      const visible = await visibleOrderIds(list, platform);
      const rows = (
        (await (
          await fetch(`${demo.url}/api/${platform}/orders?status=${encodeURIComponent('待发货')}`)
        ).json()) as OrdersResponse
      ).orders;
      const repeat = demoOrders(platform)
        .filter((o) => o.repeatBuyer)
        .map((o) => o.orderId);
      const candidates = rows
        .filter(
          (r) => r.receiver.address !== '' && r.receiver.phoneInvalid !== true && !repeat.includes(r.orderId),
        )
        .map((r) => r.orderId);
      const [refundLater, printedThenRefund, moved] = candidates as [string, string, string];
      for (const id of [refundLater, printedThenRefund, moved, ...repeat]) expect(visible).toContain(id);

      // The rows' facts reached the gate: the three pass, and the repeat buyer is one group.
      await until(
        async () => {
          const c = await bg<CheckResult>(ext, {
            type: 'gate/check',
            shop,
            orderIds: [refundLater, printedThenRefund, moved],
            action: 'print',
          });
          return c.pass.length === 3;
        },
        30_000,
        300,
      );
      let overview = await bg<Overview>(ext, { type: 'gate/overview', shop });
      await until(
        async () => {
          overview = await bg<Overview>(ext, { type: 'gate/overview', shop });
          return overview.groups.some((g) => [...g.orderIds].sort().join() === [...repeat].sort().join());
        },
        30_000,
        300,
      );
      // Ship-by times read off the rows that show one (承诺发货时间 / 最晚发货时间 / 最晚出库时间);
      // the open panel reads every row, and their facts arrive in batches as rows are read (an
      // order without facts yet has the platform rule's deadline, so wait for the page's).
      const shown = rows.filter((r) => r.shipBy !== undefined);
      await until(
        async () => {
          overview = await bg<Overview>(ext, { type: 'gate/overview', shop });
          return shown.every((r) => overview.shipBy[r.orderId] === r.shipBy);
        },
        30_000,
        300,
      ).catch(() => undefined);
      for (const r of shown) expect(overview.shipBy[r.orderId]).toBe(r.shipBy);
      // 可合并 on the page: the panel lists the group.
      await overlay(list, 'shipmask-panel')
        .locator('[data-testid="merge"]')
        .filter({ hasText: repeat[0]! })
        .waitFor({ timeout: 30_000 });

      // 2 (set-up): print one order. 抖店: the platform's own print (ciphertext orders), followed
      // to 已打待发货; 微信小店 / 京东: a browser-label job marked printed, as the print page does.
      const tracking = `YT${String(Date.now()).slice(-10)}`;
      if (platform === 'douyin') {
        await bg(ext, {
          type: 'print/job-create',
          shop,
          path: 'platform',
          carrier: 'YTO',
          labelSize: '76x130',
          documents: [{ orderId: printedThenRefund, trackingNumber: '' }],
        });
        const at = visible.indexOf(printedThenRefund);
        await list.locator(`${demoUi.douyin.row} .auxo-checkbox-input`).nth(at).check();
        await list.click('.batch-print-btn');
        await until(
          async () => {
            const state = (await (await fetch(`${demo.url}/api/douyin/state`)).json()) as {
              printed: string[];
            };
            return state.printed.includes(printedThenRefund);
          },
          20_000,
          200,
        );
      } else {
        const job = await bg<{ id: string; documents: { documentId: string }[] }>(ext, {
          type: 'print/job-create',
          shop,
          path: 'browser',
          carrier: 'YTO',
          labelSize: '76x130',
          documents: [{ orderId: printedThenRefund, trackingNumber: tracking }],
        });
        await bg(ext, {
          type: 'print/job-mark',
          jobId: job.id,
          marks: [{ documentId: job.documents[0]!.documentId, state: 'printed', message: 'browser' }],
        });
      }

      // The buyers act: a refund on one unprinted and one printed order, an address change.
      await control(demo, platform, 'refund', refundLater);
      await control(demo, platform, 'refund', printedThenRefund);
      await control(demo, platform, 'address', moved);
      await loadList(list, demo, platform);

      // 1. The refund holds the order at print time; 3. the address change is caught.
      let check: CheckResult = { pass: [], held: [], missing: [] };
      await until(
        async () => {
          check = await bg<CheckResult>(ext, {
            type: 'gate/check',
            shop,
            orderIds: [refundLater, moved],
            action: 'print',
          });
          return check.held.length === 2;
        },
        30_000,
        300,
      );
      const reasons = Object.fromEntries(check.held.map((h) => [h.orderId, h.holds.map((x) => x.reason)]));
      expect(reasons[refundLater]).toContain('refund');
      expect(reasons[moved]).toContain('address-changed');
      const path = platform === 'douyin' ? 'platform' : 'browser';
      const doc = (orderId: string, n: number) => ({
        orderId,
        trackingNumber: path === 'platform' ? '' : `${tracking}${n}`,
      });
      const refused = await bgTry(ext, {
        type: 'print/job-create',
        shop,
        path,
        carrier: 'YTO',
        labelSize: '76x130',
        documents: [doc(refundLater, 1)],
      });
      expect(refused).toEqual({ ok: false, code: 'held' });
      // The merchant overrides (ticked on the print page): the job is created and the override logged.
      const overridden = await bgTry<{ id: string }>(ext, {
        type: 'print/job-create',
        shop,
        path,
        carrier: 'YTO',
        labelSize: '76x130',
        documents: [doc(refundLater, 1)],
        overrides: [{ orderId: refundLater, reason: 'refund' }],
      });
      expect(overridden.ok).toBe(true);
      if (overridden.ok)
        await bg(ext, { type: 'print/job-status', jobId: overridden.value.id, status: 'canceled' });

      // 2. The printed order's refund raises the intercept notice, in the panel too.
      await until(
        async () => {
          overview = await bg<Overview>(ext, { type: 'gate/overview', shop });
          return overview.intercepts.some((n) => n.orderId === printedThenRefund);
        },
        30_000,
        300,
      );
      const notice = overview.intercepts.find((n) => n.orderId === printedThenRefund)!;
      expect(notice.reasons).toContain('refund');
      if (platform !== 'douyin') expect(notice.trackingNumber).toBe(tracking);
      const shownNotice = overlay(list, 'shipmask-panel').locator(
        `.sm-intercept[data-order="${printedThenRefund}"]`,
      );
      await shownNotice.waitFor({ timeout: 30_000 });
      expect(await shownNotice.textContent()).toContain('已打印，需拦截');
      if (platform !== 'douyin') expect(await shownNotice.textContent()).toContain(tracking);

      lines.push(
        `${platform}: refund held (${reasons[refundLater]!.join(',')}), address held (${reasons[moved]!.join(',')}), intercept ${notice.reasons.join(',')}, group ${repeat.length}, ship-by ${shown.length}`,
      );
      await list.close();
    }

    // Nothing stored holds the demo's plaintext (the fingerprints are keyed hashes).
    const dump = await dumpExtensionStorage(b.serviceWorker);
    expect(dump).toContain('gate-override');
    for (const platform of platforms)
      for (const secret of demoPlaintext(platform)) {
        if (secret.length < 6) continue;
        expect(dump).not.toContain(secret);
      }
    console.log(`gate e2e: ${lines.join('; ')}`);
  });

  it('微信小店: a 可合并 group prints one label, the bulk-ship file gives both orders its number; the picking list adds up', async () => {
    const demo = await startDemoServer({ port: 0 });
    cleanup.push(() => demo.close());
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const platform = 'wechat' as const;
    const shop = { platform, shopId: demoShop(platform).id };
    const ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/print.html`);
    const list = await b.context.newPage();
    await loadList(list, demo, platform);
    const orders = demoOrders(platform);
    const group = orders
      .filter((o) => o.repeatBuyer)
      .map((o) => o.orderId)
      .sort();
    const single = orders.find(
      (o) =>
        o.status === '待发货' && o.virtualNumber && o.plain.fullAddress !== '' && !o.repeatBuyer && !o.exempt,
    )!;
    const selection = [...group, single.orderId];
    await until(
      async () => {
        const o = await bg<Overview>(ext, { type: 'gate/overview', shop });
        return o.groups.some((g) => g.orderIds.join() === group.join());
      },
      30_000,
      300,
    );
    // The merchant ticks the three orders on the page and presses 打印面单.
    const page = await selectAndPrint(b, list, platform, selection);
    // The detailed addresses come from the merchant's export (page memory only).
    const { csv } = wechatExport(64);
    const [head, ...body] = csv.split('\r\n');
    const picked = body.filter((l) => selection.some((id) => l.startsWith(id)));
    expect(picked).toHaveLength(3);
    // The 号段 option (the default is a pasted list): one start number counted up.
    await page.check('input[name="number-mode"][value="range"]');
    await page.fill('.start-number', '78900000000001');
    await page.setInputFiles('.export-file', {
      name: 'wechat-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([head, ...picked, ''].join('\r\n')),
    });
    // Two parcels: the group's one label and the single order's.
    await page.waitForSelector('.merge-print[data-parcels="2"][data-merged="1"]', { timeout: 20_000 });
    await until(async () => (await page.locator('.label-img').count()) === 2, 10_000);

    // 5. The picking list adds up to the selection's items.
    const total = await expectPickingTotals(page, platform, selection);

    // Print: one job, three documents, the group's two on one waybill number.
    await page.click('.print-browser');
    await page.waitForSelector('.job-counts[data-printed="3"]', { timeout: 30_000 });
    const jobId = await page.locator('.job').getAttribute('data-job');
    const got = await bg<{ job: { documents: { orderId: string; trackingNumber: string }[] } }>(page, {
      type: 'print/job-get',
      jobId,
    });
    const numberOf = new Map(got.job.documents.map((d) => [d.orderId, d.trackingNumber]));
    expect(numberOf.get(group[0]!)).toBe(numberOf.get(group[1]!));
    expect(numberOf.get(single.orderId)).not.toBe(numberOf.get(group[0]!));
    expect(new Set(numberOf.values()).size).toBe(2);

    // The bulk-ship file carries the group's number for each of its orders.
    const download = page.waitForEvent('download');
    await page.click('button.bulk-ship');
    const file = readFileSync(await (await download).path(), 'utf8');
    for (const id of group) expect(file).toContain(`${id},`);
    const rowsOf = file
      .trim()
      .split(/\r?\n/u)
      .slice(1)
      .map((l) => l.split(','));
    const groupRows = rowsOf.filter((r) => group.includes(r[0]!));
    expect(groupRows).toHaveLength(2);
    expect(groupRows[0]![2]).toBe(numberOf.get(group[0]!));
    expect(groupRows[1]![2]).toBe(numberOf.get(group[0]!));
    console.log(
      `merge e2e (wechat): group ${group.join('+')} → ${numberOf.get(group[0]!)}; picking total ${total}`,
    );
  });
  it('抖店 and 京东: the picking list on the print page adds up to the orders selected on the page', async () => {
    const demo = await startDemoServer({ port: 0 });
    cleanup.push(() => demo.close());
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const lines: string[] = [];
    for (const platform of ['douyin', 'jd'] as const) {
      const list = await b.context.newPage();
      await loadList(list, demo, platform);
      const rows = (
        (await (
          await fetch(`${demo.url}/api/${platform}/orders?status=${encodeURIComponent('待发货')}`)
        ).json()) as OrdersResponse
      ).orders;
      // Three orders, one of them with two item lines where the page has one.
      const multi = rows.find((r) => r.items.length > 1);
      const ids = [...new Set([...(multi ? [multi.orderId] : []), ...rows.map((r) => r.orderId)])].slice(
        0,
        3,
      );
      const page = await selectAndPrint(b, list, platform, ids);
      const total = await expectPickingTotals(page, platform, ids);
      lines.push(`${platform}: 3 orders, ${total} pieces`);
      await page.close();
      await list.close();
    }
    console.log(`picking e2e: ${lines.join('; ')}`);
  });
});
