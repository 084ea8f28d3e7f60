// Overlay (issue 6) on the three demo back-offices: the right badge on every kind of row, page
// swaps followed, exact reveal counts across tabs, no plaintext in storage or logs, markup shown as
// text, state kept across reloads, and synthetic clicks not counted.
import { virtualNumberValidity } from '@shipmask/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrders, demoPlaintext, type DemoOrder, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi, visibleOrderIds } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, readPanelCount } from './panel.ts';
import { dumpExtensionStorage } from './storage-scan.ts';
import { overlay } from './overlay-roots.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;
const logs: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({});
  browser = await launchWithExtension();
  browser.context.on('console', (m) => logs.push(m.text()));
  browser.serviceWorker.on('console', (m) => logs.push(m.text()));
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function open(platform: DemoPlatform, query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => logs.push(m.text()));
  page.on('dialog', (d) => {
    logs.push(`DIALOG ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${demo.pages[platform]}${query}`);
  await page.locator(demoUi[platform].row).first().waitFor();
  await openPanel(page);
  return page;
}

/** Badge kinds the overlay shows per order id. */
async function marksNow(page: Page): Promise<[string, string[]][]> {
  // One round trip: the marks are re-rendered on every page swap.
  const pairs = await overlay(page, 'shipmask-rows')
    .locator('.sm-row')
    .evaluateAll((els) =>
      els.map((m) => [
        m.getAttribute('data-order-id') ?? '',
        Array.from(m.querySelectorAll('.sm-badge'), (b) => b.getAttribute('data-kind') ?? ''),
      ]),
    );
  return pairs as [string, string[]][];
}

/**
 * Badge kinds per order id over the whole page: the overlay marks only rows near the viewport,
 * so scroll through the page and collect.
 */
async function badgeKinds(page: Page): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
    for (const [id, kinds] of await marksNow(page)) out.set(id, kinds);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return out;
}

function expectedKinds(o: DemoOrder): string[] {
  const kinds: string[] = [];
  if (o.exempt) kinds.push('exempt');
  if (o.malformed === 'phone-missing-digit' && o.platform !== 'douyin') kinds.push('invalid');
  const virtualShown =
    o.platform === 'wechat' ? Boolean(o.virtualNumber) && !o.exempt : o.platform === 'jd' && o.virtualListed;
  if (virtualShown) {
    const v = virtualNumberValidity(o.platform, o, Date.now());
    kinds.push(v.state === 'expired' || v.state === 'reobtainable' ? 'expired' : 'virtual');
    // Exempt orders are shown in the clear: 无需脱敏, never 脱敏 (issue 21 item 10).
  } else if (!o.exempt) kinds.push('masked');
  return kinds;
}

async function usedCount(page: Page): Promise<number> {
  return Number(await overlay(page, 'shipmask-panel').locator('[data-testid="quota-used"]').textContent());
}

async function decryptEvents(): Promise<number> {
  const dump = JSON.parse(await dumpExtensionStorage(browser.serviceWorker)) as {
    indexedDB: { stores: { name: string; records: { value: { event?: { type?: string } } }[] }[] }[];
  };
  let n = 0;
  for (const db of dump.indexedDB)
    for (const s of db.stores)
      if (s.name === 'quotaEvents') n += s.records.filter((r) => r.value.event?.type === 'decrypted').length;
  return n;
}

describe.each(['douyin', 'wechat', 'jd'] as const)('%s overlay', (platform) => {
  it('puts the right badge on every kind of row, and follows page swaps', async () => {
    const page = await open(platform, '?pageSize=100');
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(64);
    const byId = new Map(demoOrders(platform).map((o) => [o.orderId, o]));
    const kinds = await badgeKinds(page);
    expect(kinds.size).toBe(64);
    for (const [id, got] of kinds) {
      const order = byId.get(id);
      expect(order, id).toBeDefined();
      for (const k of expectedKinds(order!)) expect(got, `${id} ${order!.category}`).toContain(k);
      if (order!.exempt) expect(got, `${id} ${order!.category}`).not.toContain('masked');
    }
    // A filter swap: the overlay follows the rows the page now shows.
    await page.locator('select.page-size-select, select.page-size').first().selectOption('20');
    await expect.poll(async () => (await visibleOrderIds(page, platform)).length).toBe(20);
    const ids = await visibleOrderIds(page, platform);
    await expect
      .poll(async () => [...(await badgeKinds(page)).keys()].sort(), { timeout: 10_000 })
      .toEqual([...ids].sort());
    await page.close();
  });
});

describe('reveals', () => {
  it('5 tabs × 40 reveals at once give an exact count', async () => {
    await fetch(`${demo.url}/api/wechat/reset`, { method: 'POST' });
    const before = await decryptEvents();
    const pages = await Promise.all(Array.from({ length: 5 }, () => open('wechat', '?pageSize=50')));
    const ui = demoUi.wechat;
    await Promise.all(
      pages.map(async (page) => {
        const reveals = page.locator(ui.row).locator(ui.reveal);
        const n = Math.min(40, await reveals.count());
        expect(n).toBe(40);
        for (let i = 0; i < 40; i++) {
          const control = reveals.nth(i);
          await control.click();
          await expect.poll(() => control.textContent(), { timeout: 15_000 }).toBe('隐藏');
        }
      }),
    );
    expect(demo.state.reveals.filter((r) => r.platform === 'wechat')).toHaveLength(200);
    await expect.poll(decryptEvents, { timeout: 20_000 }).toBe(before + 200);
    // Every seeded plaintext revealed on the page is absent from storage and logs.
    const revealedText = await pages[0]!.locator(ui.row).first().textContent();
    const plain = demoPlaintext('wechat');
    expect(plain.some((p) => revealedText?.includes(p))).toBe(true);
    const dump = await dumpExtensionStorage(browser.serviceWorker);
    for (const p of [...plain, ...demoPlaintext('douyin'), ...demoPlaintext('jd')]) {
      expect(dump.includes(p), `storage holds ${p}`).toBe(false);
      expect(
        logs.some((l) => l.includes(p)),
        `a log holds ${p}`,
      ).toBe(false);
    }
    await Promise.all(pages.map((p) => p.close()));
  });

  it('does not count a synthetic (untrusted) click, and keeps state across a reload', async () => {
    const page = await open('jd');
    const ui = demoUi.jd;
    await expect.poll(() => usedCount(page)).toBeGreaterThanOrEqual(0);
    const before = await decryptEvents();
    const serverBefore = demo.state.reveals.length;
    // A script's click reveals on the page (the platform counts it) but it is not a merchant's
    // reveal: shipmask must not count it.
    await page
      .locator(ui.row)
      .first()
      .locator(ui.reveal)
      .evaluate((el) => (el as HTMLElement).click());
    await expect.poll(() => demo.state.reveals.length).toBe(serverBefore + 1);
    await page.waitForTimeout(500);
    expect(await decryptEvents()).toBe(before);
    // A real click is counted once; hiding again is free.
    const second = page.locator(ui.row).nth(1).locator(ui.reveal);
    await second.click();
    await expect.poll(() => second.textContent(), { timeout: 10_000 }).toBe('隐藏');
    await second.click();
    await expect.poll(() => second.textContent(), { timeout: 10_000 }).toBe('查看');
    await expect.poll(decryptEvents).toBe(before + 1);
    const used = await usedCount(page);
    await page.reload();
    await page.locator(ui.row).first().waitFor();
    await openPanel(page);
    await expect.poll(() => usedCount(page)).toBe(used);
    await page.close();
  });

  it('shows a markup-looking remark as text and runs nothing', async () => {
    for (const platform of ['douyin', 'wechat', 'jd'] as const) {
      const page = await open(platform, '?pageSize=100');
      await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(64);
      const remark = page.getByText('<img src=x onerror=alert(1)>好评返现').first();
      expect(await remark.isVisible()).toBe(true);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      // Inside the closed roots too (the marks and the panel render page text as text).
      expect(await overlay(page, 'shipmask-rows').locator('.sm-row').count()).toBeGreaterThan(0);
      expect(await overlay(page, 'shipmask-rows').locator('img').count()).toBe(0);
      expect(await overlay(page, 'shipmask-panel').locator('img').count()).toBe(0);
      await page.close();
    }
    expect(logs.filter((l) => l.startsWith('DIALOG'))).toEqual([]);
  });
});
