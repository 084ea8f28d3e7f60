// Overlay UI (issue 6): English available, keyboard reachable, and the overlay stops cleanly when
// the SPA leaves the order list (and comes back when it returns).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { panel, readPanelCount } from './panel.ts';

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

describe('overlay UI', () => {
  it('switches to English and back', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/douyin/orders`);
    await expect.poll(() => readPanelCount(page)).toBe(20);
    expect(await panel(page).locator('.sm-count').textContent()).toContain('本页 20 单');
    await panel(page).getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => panel(page).locator('.sm-count').textContent())
      .toContain('20 orders on this page');
    expect(await page.locator('shipmask-rows .sm-badge').first().textContent()).toBe('masked');
    await panel(page).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => panel(page).locator('.sm-count').textContent()).toContain('本页 20 单');
    await page.close();
  });

  it('is keyboard reachable: named native controls, Space toggles a row', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/wechat/orders`);
    await expect.poll(() => readPanelCount(page)).toBe(20);
    const boxes = page.locator('shipmask-rows input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(0);
    const labels = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.every((l) => /^选择订单 \d+$/u.test(l))).toBe(true);
    await boxes.first().focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => panel(page).locator('[data-testid="selected-count"]').textContent())
      .toBe('已选 1 单');
    // Tab moves on to the next native control of the overlay.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SHIPMASK-ROWS');
    await panel(page).getByRole('button', { name: '打印面单' }).focus();
    expect(await panel(page).getByRole('button', { name: '打印面单' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('stops cleanly when the SPA leaves the order list and starts again when it returns', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/jd/orders`);
    await expect.poll(() => readPanelCount(page)).toBe(20);
    await page.evaluate(() => history.pushState(null, '', '/jd/settings'));
    await expect.poll(() => page.locator('shipmask-panel').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('shipmask-rows').count()).toBe(0);
    await page.evaluate(() => history.pushState(null, '', '/jd/orders'));
    await expect.poll(() => readPanelCount(page), { timeout: 10_000 }).toBe(20);
    expect(await page.locator(demoUi.jd.row).count()).toBe(20);
    await page.close();
  });
});
