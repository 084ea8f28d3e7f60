// One page read per page swap on each real-structure demo (issue 15: the overlay's cost per swap).
// Test builds count the overlay's page reads on the panel host (`data-sm-cost`). Two ways a swap
// used to be read twice: 微信小店's micro-app root observed both by the page watcher and by the
// overlay's own root observer, and a search for late shadow roots still pending after the list
// was drawn (it read the same rows again a second after the script started).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUiFor } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';

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

const reads = async (page: Page): Promise<number> =>
  (
    JSON.parse((await page.locator('shipmask-panel').getAttribute('data-sm-cost')) ?? '{}') as {
      reads?: number;
    }
  ).reads ?? 0;

describe('page reads', () => {
  for (const platform of ['douyin', 'wechat', 'jd'] as const)
    it(`${platform}: one read per swap, and none more while the page rests`, async () => {
      const ui = demoUiFor(platform);
      const page = await browser.context.newPage();
      await page.goto(`${demo.pages[platform]}?count=400&pageSize=200`);
      await page.locator(ui.row).nth(199).waitFor();
      await expect.poll(() => reads(page), { timeout: 20_000 }).toBeGreaterThan(0);
      // Past the watcher's debounce and its one-second search for late shadow roots.
      await page.waitForTimeout(1_500);
      const loaded = await reads(page);
      // The read when the script starts (the list may not be drawn yet) and the one after.
      expect(loaded).toBeLessThanOrEqual(2);
      const first = await page.locator(`${ui.row} ${ui.orderId}`).first().textContent();
      await page.locator(ui.next).first().click();
      await page
        .locator(`${ui.row} ${ui.orderId}`)
        .first()
        .filter({ hasNotText: first ?? '' })
        .waitFor();
      await expect.poll(() => reads(page)).toBe(loaded + 1);
      await page.waitForTimeout(1_500);
      expect(await reads(page)).toBe(loaded + 1);
      await page.close();
    });
});
