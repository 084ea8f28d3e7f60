// Before a reveal when the quota level is warn or exhausted, the overlay warns; the merchant may
// proceed (never a silent block). And the overlay does not shift the host page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchPlain, launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, readPanelCount } from './panel.ts';
import { overlay } from './overlay-roots.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  // The platform's own counter says 5 views left this month: the ledger trusts it.
  demo = await startDemoServer({ quota: { wechat: 5 } });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const ui = demoUi.wechat;
const level = (page: Page) => overlay(page, 'shipmask-panel').locator('.sm-quota').getAttribute('class');
const warning = (page: Page) => overlay(page, 'shipmask-dialogs').locator('[data-testid="reveal-warning"]');

async function reveal(page: Page, i: number): Promise<void> {
  const control = page.locator(ui.row).locator(ui.reveal).nth(i);
  await control.click();
  await expect.poll(() => control.textContent(), { timeout: 10_000 }).toBe('隐藏');
}

describe('quota warning before a reveal', () => {
  it('warns at the warn level and when exhausted, and lets the merchant proceed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.wechat}`);
    await page.locator(ui.row).first().waitFor();
    await openPanel(page);
    await expect.poll(() => level(page), { timeout: 10_000 }).toContain('sm-level-ok');
    for (let i = 0; i < 4; i++) await reveal(page, i);
    // 4 of 5 used: warn (warnAt 0.8).
    await expect.poll(() => level(page), { timeout: 10_000 }).toContain('sm-level-warn');
    const fifth = page.locator(ui.row).locator(ui.reveal).nth(4);
    await fifth.click();
    await expect.poll(() => warning(page).count()).toBe(1);
    expect(await fifth.textContent()).toBe('查看'); // held, not revealed
    expect(demo.state.reveals).toHaveLength(4);
    await warning(page).locator('[data-testid="reveal-proceed"]').click();
    await expect.poll(() => fifth.textContent(), { timeout: 10_000 }).toBe('隐藏');
    expect(demo.state.reveals).toHaveLength(5);
    await expect.poll(() => level(page), { timeout: 10_000 }).toContain('sm-level-exhausted');
    await expect
      .poll(() => overlay(page, 'shipmask-panel').locator('[data-testid="quota-used"]').textContent())
      .toBe('5');
    // Exhausted: warned again; a second click on the control itself also proceeds.
    const sixth = page.locator(ui.row).locator(ui.reveal).nth(5);
    await sixth.click();
    await expect.poll(() => warning(page).textContent()).toContain('已用完');
    expect(await page.locator('.demo-toast').count()).toBe(0);
    await sixth.click();
    // The click went through to the platform, which refuses it itself (its own counter is at 0).
    await expect.poll(() => page.locator('.demo-toast-error').textContent()).toContain('已用完');
    expect(demo.state.reveals).toHaveLength(5);
    await page.close();
  });
});

describe('host page', () => {
  it('is neither shifted nor restyled by the overlay', async () => {
    const boxes = async (page: Page) =>
      page.locator(ui.row).evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return [
            Math.round(r.x),
            Math.round(r.y),
            Math.round(r.width),
            Math.round(r.height),
            getComputedStyle(e).font,
          ];
        }),
      );
    const withExt = await browser.context.newPage();
    await withExt.goto(`${demo.pages.wechat}`);
    await withExt.locator(ui.row).first().waitFor();
    await expect.poll(() => readPanelCount(withExt)).toBe(20);
    const plain = await launchPlain();
    try {
      const page = await plain.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(`${demo.pages.wechat}`);
      await page.locator(ui.row).first().waitFor();
      expect(await boxes(withExt)).toEqual(await boxes(page));
      const bodyStyle = (p: Page) =>
        p.evaluate(() => [document.body.getAttribute('style'), document.body.className]);
      expect(await bodyStyle(withExt)).toEqual(await bodyStyle(page));
    } finally {
      await plain.close();
      await withExt.close();
    }
  });
});
