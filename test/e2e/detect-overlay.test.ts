// The extension on the redesigned demo back-offices (`?skin=2`: re-hashed class names, another row
// layout, 微信小店 inside an open <micro-app> shadow root), where the platform adapter's selectors
// find nothing: content-based detection finds the orders (panel: 自动识别 and the exact count),
// teach mode derives a taught adapter from the merchant's clicks, previews it on every row, saves
// it, exports it as a file and imports it back (a bad file is refused with a clear message and
// nothing stored is lost). Afterwards no demo plaintext is anywhere in extension storage.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoPlaintext, type DemoPlatform } from '../demo/data.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { demoUiFor, visibleOrderIds, waitForSwap } from './demo-ui.ts';
import { overlay } from './overlay-roots.ts';
import { openPanel, panel, readPanelCount } from './panel.ts';
import { dumpExtensionStorage } from './storage-scan.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchWithExtension()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function open(platform: DemoPlatform): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${demo.pages[platform]}?skin=2`);
  await page.waitForSelector(demoUiFor(platform, 2).row);
  return page;
}

/** A locator's text, trimmed ('' while it is absent). */
async function text(l: Locator): Promise<string> {
  return (await l.count()) ? ((await l.first().textContent()) ?? '').trim() : '';
}

/** Wait until the panel counts `n` orders. */
async function panelCounts(page: Page, n: number): Promise<void> {
  await expect.poll(() => readPanelCount(page), { timeout: 15_000 }).toBe(n);
  await openPanel(page);
}

describe('detection in the extension (redesign variants)', () => {
  // 抖店's redesign is read by its adapter (class-name prefixes survive the re-hash): no badge.
  // 微信小店 and 京东 redesigns hash every class: the adapter finds nothing, detection does.
  const expectedSource = { douyin: '', wechat: '自动识别', jd: '自动识别' } as const;
  for (const platform of ['douyin', 'wechat', 'jd'] as const) {
    it(`${platform} skin 2: ${expectedSource[platform] || 'adapter'} with exactly the page's orders, marks on every row, follows a swap`, async () => {
      const page = await open(platform);
      const ui = demoUiFor(platform, 2);
      const ids = await visibleOrderIds(page, platform, ui);
      await panelCounts(page, ids.length);
      await expect
        .poll(() => text(panel(page).locator('[data-testid="row-source"]')), { timeout: 15_000 })
        .toBe(expectedSource[platform]);
      await expect
        .poll(() => overlay(page, 'shipmask-rows').locator('input[type="checkbox"]').count(), {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
      await page.locator(ui.next).first().click();
      const next = await waitForSwap(page, platform, ids, ui);
      await panelCounts(page, next.length);
      await page.close();
    });
  }

  it('teach mode on 微信小店 skin 2 (inside the shadow root): preview on every row, save, export, import', async () => {
    const page = await open('wechat');
    const ui = demoUiFor('wechat', 2);
    const ids = await visibleOrderIds(page, 'wechat', ui);
    await panelCounts(page, ids.length);
    const p = panel(page);
    await p.locator('[data-testid="teach-start"]').click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain('第 1 步');
    const row = page.locator(ui.row).nth(3);
    // Step 1: anywhere in the order; step 2: its order number; 3-5: phone, name, address.
    await row.locator(ui.orderId).click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain('第 2 步');
    await row.locator(ui.orderId).click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain('第 3 步');
    const cell = (t: RegExp) => row.locator('td *').filter({ hasText: t }).last();
    await cell(/^\s*1\d\d\*{4}\d{3,4}\s*$|^\s*1\d{10}-\d{4}\s*$/u).click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain('第 4 步');
    await cell(/^\s*\S{1,3}\*{1,3}\s*$/u).click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain('第 5 步');
    await cell(/^\s*\S+?[省市].*\*{4}\s*$/u).click();
    await expect
      .poll(() => text(p.locator('[data-testid="teach-prompt"]')), { timeout: 15_000 })
      .toContain(`本页识别到 ${ids.length} 单`);
    await p.locator('[data-testid="teach-save"]').click();
    await expect
      .poll(() => text(p.locator('[data-testid="row-source"]')), { timeout: 15_000 })
      .toBe('自定义识别');
    await panelCounts(page, ids.length);

    // Export: the file is the taught adapter (selectors, no page text).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      p.locator('[data-testid="teach-export"]').click(),
    ]);
    const file = join(tmpdir(), `shipmask-adapter-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = await readFile(file, 'utf8');
    const record = JSON.parse(exported) as { format: string; host: string; hosts: string[]; row: string };
    expect(record).toMatchObject({ format: 'shipmask-adapter', host: '127.0.0.1' });
    expect(record.hosts).toHaveLength(1);
    expect(record.hosts[0]).toMatch(/^micro-app/u);
    expect(record.row).not.toMatch(/_[A-Za-z0-9]{7}/u); // no hashed class names
    for (const secret of demoPlaintext('wechat')) expect(exported).not.toContain(secret);

    // A bad file: a clear message, and the stored adapter is still there.
    const bad = join(tmpdir(), `shipmask-bad-${Date.now()}.json`);
    await writeFile(bad, '{"format":"shipmask-adapter","version":1,"host":"127.0.0.1"}');
    await p.locator('[data-testid="teach-import"]').setInputFiles(bad);
    await expect
      .poll(() => text(p.locator('[data-testid="teach-notice"]')), { timeout: 15_000 })
      .toContain('导入失败：文件内容有误');
    await expect
      .poll(() => text(p.locator('[data-testid="row-source"]')), { timeout: 15_000 })
      .toBe('自定义识别');

    // The exported file imports back (another tab of the same host picks it up).
    await p.locator('[data-testid="teach-import"]').setInputFiles(file);
    await expect
      .poll(() => text(p.locator('[data-testid="teach-notice"]')), { timeout: 15_000 })
      .toBe('已导入识别规则');
    await panelCounts(page, ids.length);
    await page.close();

    const dump = await dumpExtensionStorage(browser.serviceWorker);
    expect(dump).toContain('shipmask-adapter');
    for (const platform of ['douyin', 'wechat', 'jd'] as const)
      for (const secret of demoPlaintext(platform)) expect(dump).not.toContain(secret);
  });
});
