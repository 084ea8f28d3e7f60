// Bulk print end to end (issues 7 and 16), in real Chromium with the built extension:
// 1. 300 Douyin orders (ciphertext) from the overlay's selection: without print data they are in
//    the 平台打单 group and nothing goes to the component; with a print-data file (real-shaped
//    signed print data + Douyin params) they go through the fake Douyin component, which refuses
//    what the real one refuses; the browser is SIGKILLed around label 150 and restarted on the
//    same profile; the job resumes (the file chosen again) and the component's log holds every
//    label exactly once, each with its own print data.
// 2. WeChat orders from a dropped export: virtual-number labels, refusals with reasons, the
//    browser-print document saved as PDF by Chromium at 76 x 130 mm with the 转NNNN lines.
// 3. 平台打单 on the 抖店, 微信小店 (rows in the micro-app's shadow root) and 京东 demos (also
//    with the list in the shell's child frame): the print page ticks exactly the group's rows in
//    the platform's own list; the merchant clicks the platform's 批量打印 / 批量打单; the job and
//    the per-order journal follow the rows to 已打待发货, once each.
import { isExemptCategory } from '@shipmask/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { startFakePrintComponent, type FakeComponent } from '../print/fake-component.ts';
import { douyinPrintDataFile, printDataFile } from '../print/print-data-fixture.ts';
import { demoOrders, demoShop, type DemoPlatform } from '../demo/data.ts';
import { demoUi } from './demo-ui.ts';
import { dumpExtensionStorage } from './storage-scan.ts';
import { startDemoServer } from '../demo/server.ts';
import {
  bg,
  douyinShop,
  douyinViews,
  killBrowser,
  until,
  wechatExport,
  wechatShop,
} from './print-fixtures.ts';

const OUT = fileURLToPath(new URL('../out/print/', import.meta.url));
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function extensionPage(b: ExtensionBrowser, path: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}

describe('bulk print', () => {
  it('300 labels through the print component, browser killed at ~150 and restarted: each printed once', async () => {
    // The fake behaves like Douyin's component: print data without signature or params is refused.
    const fake: FakeComponent = await startFakePrintComponent({ msPerDocument: 60, flavour: 'douyin' });
    cleanup.push(() => fake.close());
    const profileDir = mkdtempSync(join(tmpdir(), 'shipmask-print-'));
    cleanup.push(() => rmSync(profileDir, { recursive: true, force: true }));

    let b = await launchWithExtension({ profileDir, keepProfile: true });
    const seed = await extensionPage(b, 'print.html');
    const orders = douyinViews(300);
    await bg(seed, { type: 'orders/seen', shop: douyinShop, orders });
    // What the overlay's 打印面单 button sends.
    const opened = b.context.waitForEvent('page');
    await bg(seed, {
      type: 'selection/open',
      shop: douyinShop,
      orderIds: orders.map((o) => o.orderId),
      purpose: 'print',
    });
    const page = await opened;
    // No print data yet: every ciphertext order is in the 平台打单 group; none is for the component.
    await page.waitForSelector('.platform-print[data-count="300"]');
    expect(await page.locator('.component-orders').count()).toBe(0);
    expect(await page.locator('.print-component').isDisabled()).toBe(true);
    // The print-data file (what the merchant's 打单 software wrote after 取号) moves them to the component.
    const dataFile = douyinPrintDataFile(orders.map((o) => o.orderId));
    const chooseData = (p: Page) =>
      p.setInputFiles('.print-data-file', {
        name: 'print-data.json',
        mimeType: 'application/json',
        buffer: Buffer.from(dataFile),
      });
    await chooseData(page);
    await page.waitForSelector('.print-data-note[data-read="300"][data-refused="0"]');
    await page.waitForSelector('.component-orders');
    expect(await page.locator('.platform-print').count()).toBe(0);
    await page.fill('.component-port', String(fake.port));
    await page.click('.connect');
    await page.waitForSelector('.component-state[data-state="connected"]');
    expect(await page.locator('select.printer option').count()).toBe(2);
    await page.screenshot({ path: join(OUT, 'print-component.png'), fullPage: false });
    await page.click('.print-component');
    // Pause: sending stops (documents in flight finish), nothing more prints; resume continues.
    await until(() => fake.printed.length >= 40);
    await page.click('.job button.pause');
    await page.waitForSelector('.job[data-status="paused"]');
    const atPause = fake.printed.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.printed.length).toBe(atPause);
    await page.click('.job button.resume');
    await until(() => fake.printed.length >= 150);
    const jobId = await page.locator('.job').getAttribute('data-job');
    expect(jobId).toBeTruthy();
    await page.screenshot({ path: join(OUT, 'print-progress.png') });
    // A crash: every process of this browser is killed, nothing closes cleanly.
    expect(killBrowser(profileDir)).toBeGreaterThan(0);
    await b.context.close().catch(() => undefined);
    const atKill = fake.printed.length;
    expect(atKill).toBeLessThan(300);

    b = await launchWithExtension({ profileDir, keepProfile: true });
    cleanup.push(() => b.close());
    const resumed = await extensionPage(b, `print.html?job=${jobId}`);
    // The recovery path is exercised: documents were in flight (`sent`) when the browser died.
    const before = await bg<{ job: { documents: { state: string }[] } }>(resumed, {
      type: 'print/job-get',
      jobId,
    });
    const inFlight = before.job.documents.filter((d) => d.state === 'sent').length;
    expect(inFlight).toBeGreaterThan(0);
    await resumed.waitForSelector('.job button.resume');
    await resumed.waitForSelector('.job .in-flight');
    await resumed.locator('.job').screenshot({ path: join(OUT, 'print-resume.png') });
    // The print data lived in the killed page's memory only: resuming without it sends nothing.
    const beforeData = fake.printed.length;
    await resumed.click('.job button.resume');
    await resumed.waitForSelector('.error');
    expect(await resumed.textContent('.error')).toContain('打印数据文件');
    expect(fake.printed.length).toBe(beforeData);
    await chooseData(resumed);
    await resumed.waitForSelector('.print-data-note[data-read="300"]');
    await resumed.click('.job button.resume');
    await resumed.waitForSelector('.job-counts[data-printed="300"]', { timeout: 90_000 });
    await resumed.screenshot({ path: join(OUT, 'print-done.png'), fullPage: true });

    // The component's log: every order exactly once, each with its own print data untouched.
    const waybills = (
      JSON.parse(dataFile) as { waybills: { orderId: string; printData: string; params: string }[] }
    ).waybills;
    const byEncrypted = new Map(
      waybills.map((w) => [(JSON.parse(w.printData) as { encryptedData: string }).encryptedData, w]),
    );
    const orderIds = fake.printed.map((d) => {
      const c = d.contents[0] as { encryptedData: string; signature: string; params: string };
      const w = byEncrypted.get(c.encryptedData);
      expect(c).toEqual({ ...(JSON.parse(w!.printData) as object), params: w!.params });
      return w!.orderId;
    });
    expect(fake.refused).toEqual([]);
    expect(fake.printed).toHaveLength(300);
    expect(new Set(orderIds).size).toBe(300);
    expect([...orderIds].sort()).toEqual(orders.map((o) => o.orderId).sort());
    // The order's own ciphertext never went to the component (it is not print data).
    const sentText = JSON.stringify(fake.received);
    for (const o of orders.slice(0, 20)) {
      const address = 'cipher' in o.receiver ? o.receiver.cipher?.address : undefined;
      if (address) expect(sentText).not.toContain(address);
    }

    // After printing: the bulk-ship file for the platform (core writer), one row per order.
    const download = resumed.waitForEvent('download');
    await resumed.click('.bulk-ship');
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    const rows = file.slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('订单编号,快递公司,快递单号');
    expect(rows).toHaveLength(301);
    // The demo back-office's 批量发货 accepts the file: every 待发货 order ships.
    const demo = await startDemoServer({ port: 0, count: 300 });
    cleanup.push(() => demo.close());
    const shipped = (await (
      await fetch(`${new URL(demo.pages.douyin).origin}/api/douyin/ship`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ csv: file }),
      })
    ).json()) as { succeeded: number; failed: { reason: string }[] };
    const awaiting = demoOrders('douyin', { count: 300 }).filter((o) => o.status === '待发货').length;
    expect(shipped.succeeded).toBe(awaiting);
    expect(shipped.succeeded + shipped.failed.length).toBe(300);

    // Reprint needs a reason and is logged per order.
    const one = orders[0]!.orderId;
    await resumed.click('.reprint summary');
    await resumed.fill('.reprint-orders', one);
    expect(await resumed.isDisabled('.reprint-submit')).toBe(true);
    await resumed.fill('.reprint-reason', '卡纸重打');
    await resumed.click('.reprint-submit');
    const log = await bg<{ kind: string; reason?: string }[]>(resumed, {
      type: 'print/log',
      shop: douyinShop,
      orderId: one,
    });
    expect(log.map((l) => l.kind)).toContain('reprint');
    expect(log.find((l) => l.kind === 'reprint')?.reason).toBe('卡纸重打');
    console.log(
      `print e2e: killed at ${atKill} printed (${inFlight} in flight), resumed to 300, 0 duplicates`,
    );
  });

  it("an integrator's Kuaishou print-data file on a 抖店 print page prints through the Kuaishou component (/ks/printer), each waybill once", async () => {
    const fake = await startFakePrintComponent({ flavour: 'kuaishou' });
    cleanup.push(() => fake.close());
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const seed = await extensionPage(b, 'print.html');
    const orders = douyinViews(5);
    await bg(seed, { type: 'orders/seen', shop: douyinShop, orders });
    const opened = b.context.waitForEvent('page');
    await bg(seed, {
      type: 'selection/open',
      shop: douyinShop,
      orderIds: orders.map((o) => o.orderId),
      purpose: 'print',
    });
    const page = await opened;
    await page.waitForSelector('.platform-print[data-count="5"]');
    // The merchant had connected the shop's own (Douyin) component first.
    const douyinFake = await startFakePrintComponent({ flavour: 'douyin' });
    cleanup.push(() => douyinFake.close());
    await page.fill('.component-port', String(douyinFake.port));
    await page.click('.connect');
    await page.waitForSelector('.component-state[data-state="connected"]');
    const dataFile = printDataFile(
      'kuaishou',
      orders.map((o) => o.orderId),
    );
    await page.setInputFiles('.print-data-file', {
      name: 'kuaishou-print-data.json',
      mimeType: 'application/json',
      buffer: Buffer.from(dataFile),
    });
    await page.waitForSelector('.print-data-note[data-read="5"][data-refused="0"]');
    // Routed by the file: the Kuaishou component, its default port from core's record.
    await page.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('.component-port')?.value ?? '') === '16888',
    );
    expect(await page.textContent('.component h2')).toContain('快手打印组件');
    // That connection speaks another protocol: closed, the merchant connects to Kuaishou's.
    await page.waitForSelector('.component-state[data-state="idle"]');
    expect(await page.locator('select.printer').count()).toBe(0);
    await page.fill('.component-port', String(fake.port));
    await page.click('.connect');
    await page.waitForSelector('.component-state[data-state="connected"]');
    await page.click('.print-component');
    await page.waitForSelector('.job-counts[data-printed="5"]', { timeout: 60_000 });
    const jobId = await page.locator('.job').getAttribute('data-job');
    const job = await bg<{ job: { component?: string } }>(page, { type: 'print/job-get', jobId });
    expect(job.job.component).toBe('kuaishou');
    // Every waybill once, with its waybill number, ksOrderFlag and the print data's key.
    const waybills = (JSON.parse(dataFile) as { waybills: { waybillCode: string }[] }).waybills;
    expect(fake.refused).toEqual([]);
    expect(fake.printed).toHaveLength(5);
    expect(douyinFake.received.filter((m) => (m as { cmd?: string }).cmd === 'print')).toEqual([]);
    const docs = fake.received.flatMap((m) => {
      const task = (m as { cmd?: string; task?: { documents?: unknown[] } }).task;
      return (m as { cmd?: string }).cmd === 'print' ? (task?.documents ?? []) : [];
    }) as { waybillCode: string; ksOrderFlag: boolean; contents: { key?: string }[] }[];
    expect(docs.map((d) => d.waybillCode).sort()).toEqual(waybills.map((w) => w.waybillCode).sort());
    for (const d of docs) {
      expect(d.ksOrderFlag).toBe(true);
      expect(d.contents[0]!.key).toMatch(/^[0-9a-f]{32}$/u);
    }
  });

  it('waybill numbers as they come: a pasted list (not consecutive) reaches the labels; a mobile is refused with its line', async () => {
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const page = await extensionPage(b, `print.html?platform=wechat&shop=${wechatShop.shopId}`);
    const { csv, orders } = wechatExport(24);
    await page.setInputFiles('.export-file', {
      name: 'wechat-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const withVn = orders.filter((o) => o.virtualNumber && o.plain.fullAddress !== '');
    expect(withVn.length).toBeGreaterThanOrEqual(3);
    // The default is the pasted list: a header, two orders with far-apart e-waybill numbers, one
    // line with a mobile number typed by mistake.
    expect(await page.isChecked('input[name="number-mode"][value="list"]')).toBe(true);
    // No number yet: the print button is disabled and says why.
    await until(async () => ((await page.textContent('.why-disabled')) ?? '').includes('待填运单号'), 10_000);
    expect(await page.isDisabled('button.print-browser')).toBe(true);
    await page.fill(
      '.number-list',
      [
        '订单号,运单号',
        `${withVn[0]!.orderId},78412345678901`,
        `${withVn[1]!.orderId}\tYT7000000000977`,
        `${withVn[2]!.orderId},13812345678`,
      ].join('\n'),
    );
    await until(async () => (await page.locator('.label-img').count()) === 2, 10_000);
    expect(await page.textContent('.numbers-given')).toContain(`2 / ${orders.length}`);
    expect(await page.locator('.why-disabled').count()).toBe(0);
    // Labels without a sender warn before printing; filling it in clears the warning.
    expect(await page.textContent('.sender-missing')).toContain('寄件人');
    await page.fill('[aria-label="姓名"]', '示例小店');
    await page.fill('[aria-label="电话"]', '13800138000');
    await page.fill('[aria-label="地址"]', '浙江省杭州市余杭区文一西路969号');
    await until(async () => (await page.locator('.sender-missing').count()) === 0, 10_000);
    expect(await page.textContent('.number-problems')).toContain('第 4 行');
    expect(await page.textContent('.number-problems')).toContain('像手机号');
    const labelled = await page
      .locator('.label-img')
      .evaluateAll((els) => els.map((e) => e.getAttribute('alt')));
    expect(labelled.sort()).toEqual([withVn[0]!.orderId, withVn[1]!.orderId].sort());
    // The rest wait for a number (not printed, not lost), listed as the next step, not refused.
    expect(Number(await page.getAttribute('.needs-number', 'data-count'))).toBe(withVn.length - 2);
    expect(await page.textContent('.needs-number h2')).toContain('待填运单号');
    expect(await page.locator('.refused-list li[data-code="no-tracking-number"]').count()).toBe(0);
    // Refusals come grouped by reason, each heading with its count.
    const groups = await page
      .locator('.refused-group')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-code'),
          Number(e.getAttribute('data-count')),
          e.querySelectorAll('li').length,
        ]),
      );
    for (const [, count, items] of groups) expect(items).toBe(count);
    // A second file replaces the first: its orders and addresses only, nothing added up.
    const second = wechatExport(5, { printableOnly: true });
    await page.setInputFiles('.export-file', {
      name: 'wechat-orders-2.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(second.csv),
    });
    await until(async () => ((await page.textContent('.numbers-given')) ?? '').includes('/ 5'), 10_000);
    await page.setInputFiles('.export-file', {
      name: 'wechat-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await until(
      async () => ((await page.textContent('.numbers-given')) ?? '').includes(`/ ${orders.length}`),
      10_000,
    );
    // One box per order works too.
    await page.check('input[name="number-mode"][value="each"]');
    await page.fill(`.number-each input[data-order-id="${withVn[2]!.orderId}"]`, 'SF1234567890123');
    await until(async () => (await page.locator('.label-img').count()) === 1, 10_000);
    await page
      .locator('section.numbers, fieldset.numbers')
      .first()
      .screenshot({ path: join(OUT, 'print-numbers.png') });
  });

  it('virtual-number labels from a dropped export: refusals, and a PDF at 76x130 mm with the 转NNNN lines', async () => {
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const page = await extensionPage(b, `print.html?platform=wechat&shop=${wechatShop.shopId}`);
    const { csv, orders } = wechatExport(24);
    // The 号段 option (the default is a pasted list): one start number counted up.
    await page.check('input[name="number-mode"][value="range"]');
    await page.fill('.start-number', '78900000000001');
    await page.setInputFiles('.export-file', {
      name: 'wechat-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.waitForSelector('.label-img');
    const withVn = orders.filter((o) => o.virtualNumber && o.plain.fullAddress !== '');
    await until(async () => (await page.locator('.label-img').count()) === withVn.length, 10_000);
    // Orders shipmask holds masked only (the malformed-phone order has no virtual number, and
    // exempt orders: in a file both read as masked only) go to the platform's own print; what no
    // print path can deliver (no address) stays refused with its reason.
    await page.waitForSelector('.platform-print');
    const platformCount = Number(await page.getAttribute('.platform-print', 'data-count'));
    const codes = await page
      .locator('.refused-list li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(
      codes.every(
        (c) =>
          c === 'address-missing' ||
          c === 'invalid-phone' ||
          c === 'no-shipment-needed' ||
          c === 'not-awaiting-shipment',
      ),
    ).toBe(true);
    expect(platformCount + codes.length).toBe(orders.length - withVn.length);
    // Service orders (exempt categories) need no parcel: 无需发货, not "the parcel cannot arrive".
    const services = orders.filter((o) => isExemptCategory('wechat', o.category)).length;
    expect(codes.filter((c) => c === 'no-shipment-needed')).toHaveLength(services);
    if (services > 0)
      expect(
        await page.locator('.refused-list li[data-code="no-shipment-needed"]').first().textContent(),
      ).toContain('无需发货');
    await page.screenshot({ path: join(OUT, 'print-page.png'), fullPage: false });
    await page.locator('.preview').screenshot({ path: join(OUT, 'print-preview.png') });
    await page.click('button.lang');
    expect(await page.textContent('h1')).toBe('Bulk print waybills');
    expect(await page.textContent('.platform-print h2')).toContain('Platform print');
    await page.screenshot({ path: join(OUT, 'print-page-en.png') });
    await page.click('button.lang');

    // The not-running state says what to install.
    await page.fill('.component-port', '9');
    await page.click('.connect');
    await page.waitForSelector('.not-running');
    expect(await page.textContent('.not-running')).toContain('视频号小店打印组件');
    await page.locator('section.component').screenshot({ path: join(OUT, 'print-not-running.png') });

    // Chromium saves the print document as PDF at the CSS page size.
    const url = await page.getAttribute('.print-frame', 'data-doc-url');
    const html = await page.evaluate(async (u) => (await fetch(u!)).text(), url);
    const pdfPage = await b.context.newPage();
    await pdfPage.setContent(html);
    const pdf = await pdfPage.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfPath = join(OUT, 'labels-76x130.pdf');
    writeFileSync(pdfPath, pdf);
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/gu)];
    expect(boxes).toHaveLength(withVn.length);
    for (const m of boxes) {
      expect(Math.abs(Number(m[1]) - 215.43)).toBeLessThan(1);
      expect(Math.abs(Number(m[2]) - 368.5)).toBeLessThan(1);
    }
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const o of withVn) expect(text).toContain(`转${o.virtualNumber!.ext}`);
    // No buyer phone on a label: only the virtual main number.
    for (const o of withVn) expect(text.replace(/\s/gu, '')).not.toContain(o.plain.phone);

    // Browser print path: the job is created and logged.
    await page.click('.print-browser');
    await page.waitForSelector(`.job-counts[data-printed="${withVn.length}"]`, { timeout: 30_000 });
    // The detailed addresses were used for the print only: nothing in extension storage holds one.
    const dump = await dumpExtensionStorage(b.serviceWorker);
    expect(dump).toContain(withVn[0]!.orderId);
    for (const o of withVn) {
      expect(dump).not.toContain(`${o.plain.street}${o.plain.detail}`);
      expect(dump).not.toContain(o.plain.phone);
    }
    // A 大头笔 line on every label: the region read off the address (issue 21 item 7).
    // The address line has no spaces; the 大头笔 line is the region's parts with spaces between.
    const bigPen = [
      ...text.matchAll(/\p{Script=Han}+(?:省|市|自治区) +\p{Script=Han}+(?:市|州|盟|地区|区|县)/gu),
    ];
    expect(bigPen.length).toBeGreaterThanOrEqual(withVn.length);

    // Reloaded (?job=): the addresses left with the page's memory, the printed orders did not
    // become refusals; they show as printed in the job (issue 21 item 7).
    expect(page.url()).toContain('?job=');
    await page.reload();
    await page.waitForSelector(`.job-counts[data-printed="${withVn.length}"]`, { timeout: 30_000 });
    const after = await page
      .locator('.refused-list li code')
      .evaluateAll((els) => els.map((e) => e.textContent));
    for (const o of withVn) expect(after).not.toContain(o.orderId);
  });

  it('平台打单 on the 抖店, 微信小店 and 京东 demos (京东 also in its frame): exactly the group is ticked, the journal follows the rows to 已打待发货', async () => {
    const demo = await startDemoServer({ port: 0 });
    cleanup.push(() => demo.close());
    const b = await launchWithExtension();
    cleanup.push(() => b.close());
    const ext = await extensionPage(b, 'print.html');
    // Each demo's own row checkbox and 批量打印 / 批量打单 control (test/demo/README.md).
    const controls: Record<DemoPlatform, { check: string; print: string }> = {
      douyin: { check: '.auxo-checkbox-input', print: '.batch-print-btn' },
      wechat: { check: '.weui-desktop-form__checkbox', print: '.order-print__btn' },
      jd: { check: '.el-checkbox__original', print: '.btn-batch-print' },
    };
    // `pick`: which printable 待发货 orders form the group (the JD frame case takes others, so each
    // order's journal starts empty).
    const cases: { platform: DemoPlatform; frame: boolean; pick: readonly number[] }[] = [
      { platform: 'douyin', frame: false, pick: [0, 2, 3] },
      { platform: 'wechat', frame: false, pick: [0, 2, 3] },
      { platform: 'jd', frame: false, pick: [0, 2, 3] },
      { platform: 'jd', frame: true, pick: [1, 4, 5] },
    ];
    const lines: string[] = [];
    for (const { platform, frame, pick } of cases) {
      const name = `${platform}${frame ? '-frame' : ''}`;
      const shop = { platform, shopId: demoShop(platform).id };
      const ui = demoUi[platform];
      const list = await b.context.newPage();
      await list.goto(
        `${demo.pages[platform]}?status=${encodeURIComponent('待发货')}${frame ? '&frame=1' : ''}`,
      );
      // Where the rows are: the page (Playwright locators pierce the micro-app's open shadow
      // root), or the JD shell's same-origin child frame.
      const listFrame = (): Frame | undefined => list.frames().find((f) => f.url().includes('/orderList'));
      if (frame) await until(() => listFrame() !== undefined, 20_000, 50);
      const scope: Frame = frame ? listFrame()! : list.mainFrame();
      await scope.locator(ui.row).first().waitFor();
      const visible = (await scope.locator(`${ui.row} ${ui.orderId}`).allTextContents()).map(
        (t) => ui.idPattern.exec(t)?.[1] ?? '',
      );
      // The group: rows the platform's print can take.
      const rows = (
        (await (
          await fetch(`${new URL(demo.pages[platform]).origin}/api/${platform}/orders?status=待发货`)
        ).json()) as {
          orders: {
            orderId: string;
            category: string;
            phoneInvalid?: boolean;
            receiver: { address: string };
          }[];
        }
      ).orders;
      // (A malformed phone or a missing address stays refused: no print path can deliver those;
      // a service order (WeChat's exempt categories) ships nothing.)
      const printable = rows
        .filter(
          (r) =>
            r.phoneInvalid !== true && r.receiver.address !== '' && !isExemptCategory(platform, r.category),
        )
        .map((r) => r.orderId);
      const group = pick.map((i) => printable[i]!);
      for (const id of group) expect(visible).toContain(id);
      // The merchant had ticked one other row by hand: the platform's print must not take it.
      const other = visible.findIndex((id) => !group.includes(id));
      await scope.locator(`${ui.row} ${controls[platform].check}`).nth(other).check();
      // The overlay has read the rows (masked views stored: what the platform shows).
      let stored = { missing: [0] as unknown[] };
      await until(
        async () => {
          const sel = await bg<{ selectionId: string }>(ext, {
            type: 'selection/open',
            shop,
            orderIds: group,
            purpose: 'handoff',
          });
          stored = await bg<{ missing: unknown[] }>(ext, {
            type: 'selection/get',
            selectionId: sel.selectionId,
          });
          return stored.missing.length === 0;
        },
        30_000,
        200,
      );
      for (const p of b.context.pages()) if (p.url().includes('handoff.html')) await p.close();
      const opened = b.context.waitForEvent('page');
      await bg(ext, { type: 'selection/open', shop, orderIds: group, purpose: 'print' });
      const page = await opened;
      await page.waitForSelector('.platform-print');
      await expect
        .poll(() => page.getAttribute('.platform-print', 'data-count'), { timeout: 30_000 })
        .toBe('3');
      expect(await page.locator('.component-orders').count()).toBe(0);
      await page.click('.platform-tick');
      await page.waitForSelector('.platform-ticked[data-ok="true"][data-ticked="3"]');
      // Exactly the group's rows are ticked in the platform's list (the hand-ticked one cleared).
      const ticked = await scope
        .locator(ui.row)
        .evaluateAll(
          (els, [check, idSel]) =>
            els
              .filter((r) => r.querySelector<HTMLInputElement>(check)?.checked === true)
              .map((r) => /(\d{6,})/u.exec(r.querySelector(idSel)?.textContent ?? '')?.[1] ?? ''),
          [controls[platform].check, ui.orderId] as const,
        );
      expect(ticked.sort()).toEqual([...group].sort());
      await page.waitForSelector('.job-counts[data-printed="0"]');
      const jobId = await page.locator('.job').getAttribute('data-job');
      const sent = await bg<{ job: { documents: { state: string }[] } }>(page, {
        type: 'print/job-get',
        jobId,
      });
      expect(sent.job.documents.map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
      await page.screenshot({ path: join(OUT, `platform-print-${name}.png`) });
      // The merchant clicks the platform's own print control; the list shows 已打待发货; the job follows.
      await list.bringToFront();
      await scope.click(controls[platform].print);
      await page.waitForSelector('.job-counts[data-printed="3"]', { timeout: 30_000 });
      const state = (await (
        await fetch(`${new URL(demo.pages[platform]).origin}/api/${platform}/state`)
      ).json()) as {
        printed: string[];
      };
      for (const id of group) expect(state.printed).toContain(id);
      // Printed once: each order's journal holds one `sent` and one `printed`, no duplicate.
      for (const id of group) {
        const log = await bg<{ kind: string; message?: string }[]>(page, {
          type: 'print/log',
          shop,
          orderId: id,
        });
        expect(log.map((l) => [l.kind, l.message])).toEqual([
          ['sent', 'ticked on the platform'],
          ['printed', 'platform:printed'],
        ]);
      }
      lines.push(`${name}: 3 ticked, 3 followed to printed`);
      await page.close();
      await list.close();
    }
    console.log(`platform print e2e: ${lines.join('; ')}`);
  });
});
