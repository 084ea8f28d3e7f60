// Foundation (issue 2): on each demo back-office the extension's docked panel counts the orders
// on the page, and the count follows SPA page swaps (pagination, page size, filters).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlatforms } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi, visibleOrderIds, waitForSwap } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { readPanelCount, readPanelSummary } from './panel.ts';

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

describe.each(demoPlatforms)('%s demo back-office', (platform) => {
  it('shows the panel with the order count, following pagination without a page load', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages[platform]}`);
    const ui = demoUi[platform];
    await page.locator(ui.row).first().waitFor();
    expect(await readPanelSummary(page)).toMatch(/^shipmask/u);
    const firstPage = await visibleOrderIds(page, platform);
    expect(firstPage).toHaveLength(20);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    // A marker on the page's window survives SPA swaps and dies with a page load.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    // Last page of 64 orders at 20 per page holds 4.
    await page.locator(ui.pageNumber(4)).first().click();
    const lastPage = await waitForSwap(page, platform, firstPage);
    expect(lastPage).toHaveLength(4);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(4);

    // Back to page 1 via "next" from page 3, then the page size select.
    await page.locator(ui.pageNumber(3)).first().click();
    const third = await waitForSwap(page, platform, lastPage);
    expect(third).toHaveLength(20);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    await page.locator('select.page-size-select, select.page-size').first().selectOption('50');
    await expect.poll(async () => (await visibleOrderIds(page, platform)).length).toBe(50);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(50);

    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await page.close();
  });
});
