// A merchant's first hour (issue 21 item 11), walked on each demo back-office with a screenshot of
// every step under test/out/journey/<platform>/ (the README shows three of them):
//  1. the back-office: the side tab names the page's own remaining count in the platform's period
//     (本月 / 今日), and never covers the page's action column;
//  2. the panel opened: the meter agrees with the tab (limit = used + remaining);
//  3. three 待发货 orders ticked with the page's own checkboxes, 打印面单: the print page names the
//     shop as the page does (not an id), defaults to the platform's usual carrier, and says where
//     each order prints (labels, 平台打单, or a plain sentence on where the address comes from);
//     a missing waybill number is the next step, not a red refusal;
//  4. 交给厂家 with the same three: one HTML attachment with the sealed batch inside;
//  5. the language switched once on the panel: the print page opens in English.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlatforms, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi, rowCheckbox, visibleOrderIds } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, panel, readPanelCount } from './panel.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  demo = await startDemoServer({});
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const period: Record<DemoPlatform, string> = { douyin: '本月', wechat: '本月', jd: '今日' };
/** The shop names the demo shells show (test/demo/README.md). */
const shopName: Record<DemoPlatform, string> = {
  douyin: '山茶小铺',
  wechat: '禾木生活馆',
  jd: '青禾家居京东旗舰店',
};
const platformName: Record<DemoPlatform, string> = { douyin: '抖店', wechat: '微信小店', jd: '京东' };

describe.each(demoPlatforms)('%s: the first hour', (platform) => {
  it('back-office → panel → print page → hand-off attachment → English, with a screenshot of each step', async () => {
    const out = `test/out/journey/${platform}`;
    mkdirSync(out, { recursive: true });
    const shot = (page: Page, name: string) => page.screenshot({ path: `${out}/${name}.png` });
    const ui = demoUi[platform];

    // 1. The back-office, 待发货.
    const office = await browser.context.newPage();
    await office.goto(`${demo.pages[platform]}?status=${encodeURIComponent('待发货')}`);
    await office.locator(ui.row).first().waitFor();
    await expect.poll(() => readPanelCount(office), { timeout: 20_000 }).toBeGreaterThan(0);
    const counter = Number(
      /(\d+)/u.exec((await office.locator(ui.counter).first().textContent()) ?? '')?.[1],
    );
    const tabRemaining = panel(office).locator('[data-testid="tab-remaining"]');
    await expect.poll(() => tabRemaining.textContent()).toBe(`${period[platform]}剩余 ${counter}`);
    await shot(office, '01-back-office');

    // 2. The panel: the meter says the same number in the same period.
    await openPanel(office);
    const sheet = await panel(office).innerText();
    expect(sheet).toContain(period[platform]);
    expect(sheet).toContain(String(counter));
    await shot(office, '02-panel');

    // 3. Three orders ticked with the page's own boxes, 打印面单.
    const ids = (await visibleOrderIds(office, platform)).slice(0, 3);
    for (const id of ids) await rowCheckbox(office, platform, id).check();
    await panel(office).locator('[data-testid="selected-count"]').filter({ hasText: '3' }).waitFor();
    const [printPage] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel(office).locator('[data-testid="action-print"]').click(),
    ]);
    await printPage.waitForLoadState();
    await printPage.locator('header .shop', { hasText: shopName[platform] }).waitFor({ timeout: 20_000 });
    expect(await printPage.locator('header .shop').textContent()).toBe(
      `${platformName[platform]} · ${shopName[platform]}`,
    );
    // The shop's settings (京东's usual carrier among them) load after the header.
    if (platform === 'jd')
      await expect
        .poll(() => printPage.locator('select.carrier, .carrier select').first().inputValue())
        .toBe('JD');
    // Each order is accounted for: a label, the platform's print, or a reason in plain words.
    await printPage.waitForTimeout(500);
    const body = await printPage.locator('body').innerText();
    for (const id of ids) expect(body).toContain(id);
    // A missing waybill number is the next step, never a red 无法合规打印.
    expect(await printPage.locator('.refused-group[data-code="no-tracking-number"]').count()).toBe(0);
    await printPage.screenshot({ path: `${out}/03-print.png`, fullPage: true });
    await printPage.close();

    // 4. 交给厂家 with the same three: the order-sheet attachment.
    const [hand] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel(office).locator('[data-testid="action-handoff"]').click(),
    ]);
    await hand.waitForLoadState();
    await hand.locator('.ho-new h2').first().waitFor();
    const leaveOut = hand.locator('.ho-leave-out');
    if (await leaveOut.count()) await leaveOut.click();
    if (await hand.locator('.ho-supplier-name').isVisible()) await hand.fill('.ho-supplier-name', '义乌杯厂');
    await hand.screenshot({ path: `${out}/04-handoff.png`, fullPage: true });
    if (await hand.locator('.ho-seal').isEnabled()) {
      await hand.click('.ho-seal');
      await hand.locator('.ho-download-supplier-file').waitFor({ timeout: 30_000 });
      const [file] = await Promise.all([
        hand.waitForEvent('download'),
        hand.click('.ho-download-supplier-file'),
      ]);
      expect(file.suggestedFilename()).toMatch(/^发货单-.+-\d+单-\d{8}\.html$/u);
      await hand.screenshot({ path: `${out}/05-handoff-sealed.png`, fullPage: true });
    }
    await hand.close();

    // 5. English, switched once on the panel, for every page.
    await panel(office).locator('button', { hasText: 'English' }).click();
    const [printEn] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel(office).locator('[data-testid="action-print"]').click(),
    ]);
    await printEn.waitForLoadState();
    await printEn.locator('h1', { hasText: 'Bulk print waybills' }).waitFor({ timeout: 20_000 });
    await printEn.screenshot({ path: `${out}/06-print-en.png`, fullPage: true });
    await printEn.close();
    // Back to Chinese for the next platform.
    await panel(office).locator('button', { hasText: '中文' }).click();
    await office.close();
  });
});
