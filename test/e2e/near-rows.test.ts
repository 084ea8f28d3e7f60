// A long order page (issue 15): the overlay counts every row at once, reads the rows near the
// viewport while its panel is closed, the others as the merchant scrolls to them, and every row
// once the panel opens (its summary counts them all) or an action needs them. What it has read
// reaches the background (masked views stored); what it has not, does not yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi, visibleOrderIds } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, panel, readPanelCount } from './panel.ts';
import { overlay } from './overlay-roots.ts';
import { bg, douyinShop, until } from './print-fixtures.ts';

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

describe('a page of 200 orders', () => {
  it('reads the rows near the viewport, the others on scroll, every row once the panel opens', async () => {
    const ui = demoUi.douyin;
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.douyin}?count=200&pageSize=200`);
    await page.locator(ui.row).nth(199).waitFor();
    // Counted at once, read or not.
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(200);
    const ids = await visibleOrderIds(page, 'douyin');
    expect(ids).toHaveLength(200);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/handoff.html`);
    const missing = async (): Promise<string[]> =>
      (
        await bg<{ missing: string[] }>(ext, {
          type: 'handoff/orders',
          shop: douyinShop,
          orderIds: ids,
        })
      ).missing;

    // The rows on screen are read, marked and stored; the last ones, far below, are not.
    await until(async () => !(await missing()).includes(ids[0]!), 20_000, 100);
    const marks = overlay(page, 'shipmask-rows').locator('.sm-row');
    await marks.first().waitFor({ state: 'attached' });
    const unread = await missing();
    expect(unread).toContain(ids[199]);
    expect(unread.length).toBeGreaterThan(150);
    expect(await marks.count()).toBeLessThan(50);

    // Scrolled to the last row: read, marked on its row, stored.
    await page.locator(ui.row).nth(199).scrollIntoViewIfNeeded();
    await overlay(page, 'shipmask-rows')
      .locator(`.sm-row[data-order-id="${ids[199]}"]`)
      .waitFor({ state: 'attached', timeout: 10_000 });
    await until(async () => !(await missing()).includes(ids[199]!), 10_000, 100);
    // The rows between stay unread: the viewport jumped over them.
    expect(await missing()).toContain(ids[100]);

    // The panel open: its summary counts every row, so every row is read and stored.
    await openPanel(page);
    await until(async () => (await missing()).length === 0, 20_000, 100);
    // Every row carries at least one receiver badge (脱敏, 密文, 无地址 …): the counts cover 200.
    const badgeTotal = async (): Promise<number> =>
      (await panel(page).locator('.sm-summary li').allTextContents())
        .map((t) => Number(/(\d+)/u.exec(t)?.[1] ?? 0))
        .reduce((a, b) => a + b, 0);
    await expect.poll(badgeTotal, { timeout: 10_000 }).toBeGreaterThanOrEqual(200);
    await page.close();
    await ext.close();
  });
});
