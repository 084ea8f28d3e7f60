// Issue 21 item 5: the page's own 导出订单 is a download, not a navigation. After it, the overlay
// is still there with the same count, badges and selection, on each demo back-office (the page
// was not reloaded: a marker on its window survives).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlatforms, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, panel, readPanelCount, readPanelSummary } from './panel.ts';

/** The page's own export control on each demo (test/demo/pages). */
const EXPORT: Record<DemoPlatform, string> = {
  douyin: '.export-btn',
  wechat: 'micro-app .order-export__btn',
  jd: '.btn-export',
};

let demo: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchWithExtension()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe.each(demoPlatforms)('%s: the page exports its orders', (platform) => {
  it('panel, badges and selection stay after the download', async () => {
    const page = await browser.context.newPage();
    await page.goto(demo.pages[platform]);
    await page.locator(demoUi[platform].row).first().waitFor();
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    // The page's own row checkboxes are the selection (issue 21 item 10).
    const boxes = page.locator(`${demoUi[platform].row} ${demoUi[platform].check}`);
    await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await openPanel(page);
    const selected = panel(page).locator('[data-testid="selected-count"]');
    await expect.poll(() => selected.textContent()).toBe('已选 2 单');
    const before = await readPanelSummary(page);
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(EXPORT[platform]).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.(csv|xlsx)$/u);
    // Give a would-be unload or remount its chance to happen.
    await page.waitForTimeout(800);

    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await readPanelCount(page)).toBe(20);
    expect(await readPanelSummary(page)).toBe(before);
    expect(await selected.textContent()).toBe('已选 2 单');
    expect(await boxes.nth(0).isChecked()).toBe(true);

    // Back-offices that export by sending the window to a file URL (`location.href = …`, answered
    // with Content-Disposition: attachment) start a navigation that becomes a download: the page
    // stays, and so does the overlay.
    const [second] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate((p) => location.assign(`/api/${p}/export`), platform),
    ]);
    expect(second.suggestedFilename()).toMatch(/\.csv$/u);
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await readPanelSummary(page)).toBe(before);
    expect(await selected.textContent()).toBe('已选 2 单');
    await page.close();
  });
});
