// The merchant's overlay without contradictions (issue 21 items 4 and 10): the panel is a side tab
// that never covers the page's action column, shows the page's own remaining count in the period
// the platform counts in, opens on click, drags and is remembered per host; one checkbox per row
// (the page's own); exempt and empty-address orders get their own badges. Screenshots under
// test/out/panel/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlatforms, type DemoPlatform } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { overlay } from './overlay-roots.ts';
import { openPanel, panel, readPanelCount, sideTab } from './panel.ts';

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

const OUT = 'test/out/panel';
const period: Record<DemoPlatform, string> = { douyin: '本月', wechat: '本月', jd: '今日' };

async function open(platform: DemoPlatform): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(demo.pages[platform]);
  await page.locator(demoUi[platform].row).first().waitFor();
  await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
  return page;
}

type Rect = { x: number; y: number; width: number; height: number };
const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(demoPlatforms)('%s: the side tab', (platform) => {
  it("shows the page's remaining count and period, covers no action cell, opens on click; one checkbox per row", async () => {
    const page = await open(platform);
    const ui = demoUi[platform];
    const counter = Number(/(\d+)/u.exec((await page.locator(ui.counter).first().textContent()) ?? '')?.[1]);
    expect(counter).toBeGreaterThan(0);
    // Collapsed: the tab says what is left, in the platform's period, the page's own number.
    const remaining = panel(page).locator('[data-testid="tab-remaining"]');
    await expect.poll(() => remaining.textContent()).toBe(`${period[platform]}剩余 ${counter}`);
    expect(await sideTab(page).getAttribute('aria-expanded')).toBe('false');

    // The tab covers none of the page's action cells (操作) at its default place.
    const tab = (await panel(page).boundingBox())!;
    const cells = page.locator(ui.actions);
    expect(await cells.count()).toBeGreaterThan(0);
    for (const box of await cells.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    ))
      expect(intersects(tab, box), JSON.stringify({ tab, box })).toBe(false);

    // One checkbox per row: the page's own; the overlay draws none over these rows.
    const perRow = await page
      .locator(ui.row)
      .evaluateAll((rows, check) => rows.map((r) => r.querySelectorAll(check).length), ui.check);
    expect(perRow).toEqual(Array.from({ length: 20 }, () => 1));
    await overlay(page, 'shipmask-rows').locator('.sm-row').first().waitFor({ state: 'attached' });
    expect(await overlay(page, 'shipmask-rows').locator('input[type="checkbox"]:visible').count()).toBe(0);
    // Each row's badges sit inside that row (京东's rows are cards).
    const rowBoxes = new Map(
      (
        await page.locator(ui.row).evaluateAll(
          (rows, idSel) =>
            rows.map((r) => {
              const b = r.getBoundingClientRect();
              const box = { x: b.x, y: b.y, width: b.width, height: b.height };
              return [r.querySelector(idSel)?.textContent ?? '', box] as const;
            }),
          ui.orderId,
        )
      ).map(([text, box]) => [ui.idPattern.exec(text)?.[1] ?? '', box] as const),
    );
    const marks = await overlay(page, 'shipmask-rows')
      .locator('.sm-row')
      .evaluateAll((els) =>
        els.map((e) => {
          const b = e.getBoundingClientRect();
          const box = { x: b.x, y: b.y, width: b.width, height: b.height };
          return { id: e.getAttribute('data-order-id') ?? '', box };
        }),
      );
    expect(marks.length).toBeGreaterThan(0);
    const inside = (a: Rect, b: Rect): boolean =>
      a.x >= b.x - 1 &&
      a.y >= b.y - 1 &&
      a.x + a.width <= b.x + b.width + 1 &&
      a.y + a.height <= b.y + b.height + 1;
    for (const m of marks) expect(inside(m.box, rowBoxes.get(m.id)!), JSON.stringify(m)).toBe(true);
    await page.screenshot({ path: `${OUT}/${platform}-collapsed.png` });

    // Expanded: the meter names the same period, its numbers are the page's (limit = used + remaining).
    await openPanel(page);
    const q = (id: string) => panel(page).locator(`[data-testid="${id}"]`).textContent();
    await expect.poll(() => q('quota-remaining')).toBe(String(counter));
    expect(await q('quota-period')).toBe(period[platform]);
    expect(Number(await q('quota-limit'))).toBe(Number(await q('quota-used')) + counter);
    expect(await q('quota-source')).toContain('订单页');
    expect(await panel(page).textContent()).not.toContain('相差');
    // The page's own box is the selection.
    await page.locator(`${ui.row} ${ui.check}`).nth(1).check();
    await expect.poll(() => q('selected-count')).toBe('已选 1 单');
    await page.screenshot({ path: `${OUT}/${platform}-expanded.png` });
    // A second click on the tab folds it back.
    await sideTab(page).click();
    await expect.poll(() => sideTab(page).getAttribute('aria-expanded')).toBe('false');
    expect(await panel(page).locator('.sm-sheet').count()).toBe(0);
    await page.close();
  });
});

describe('the side tab is dragged and remembered per host', () => {
  it('keeps its place after a reload', async () => {
    const page = await open('douyin');
    const before = (await sideTab(page).boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2, before.y + 80, { steps: 4 });
    await page.mouse.move(before.x + before.width / 2, before.y + 220, { steps: 6 });
    await page.mouse.up();
    const moved = (await sideTab(page).boundingBox())!;
    expect(Math.round(moved.y - before.y)).toBe(200);
    // A drag does not toggle the panel.
    expect(await sideTab(page).getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    await expect
      .poll(async () => Math.round((await sideTab(page).boundingBox())!.y))
      .toBe(Math.round(moved.y));
    // Same host, another demo page: the same place.
    await page.goto(demo.pages.jd);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    await expect
      .poll(async () => Math.round((await sideTab(page).boundingBox())!.y))
      .toBe(Math.round(moved.y));
    await page.close();
  });
});

describe('badges', () => {
  const badgeTexts = (page: Page) => overlay(page, 'shipmask-rows').locator('.sm-badge').allTextContents();
  it('exempt orders shown in the clear are 无需脱敏 (微信小店), an empty address is 无地址 (京东, 抖店)', async () => {
    const wechat = await open('wechat');
    await expect
      .poll(async () => (await badgeTexts(wechat)).filter((t) => t === '无需脱敏').length)
      .toBeGreaterThan(0);
    // The exempt rows carry no 脱敏 badge: per mark, 无需脱敏 and 脱敏 never together.
    const marks = await overlay(wechat, 'shipmask-rows')
      .locator('.sm-row')
      .evaluateAll((els) =>
        els.map((e) => Array.from(e.querySelectorAll('.sm-badge'), (b) => b.textContent)),
      );
    expect(marks.filter((m) => m.includes('无需脱敏') && m.includes('脱敏'))).toEqual([]);
    await wechat.close();
    // Marks exist near the viewport only: walk down the page and collect them.
    for (const platform of ['jd', 'douyin'] as const) {
      const page = await open(platform);
      const noAddress = new Set<string>();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 500) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        await page.waitForTimeout(150);
        for (const id of await overlay(page, 'shipmask-rows')
          .locator('.sm-row')
          .evaluateAll((els) =>
            els
              .filter((e) =>
                Array.from(e.querySelectorAll('.sm-badge')).some((b) => b.textContent === '无地址'),
              )
              .map((e) => e.getAttribute('data-order-id') ?? ''),
          ))
          noAddress.add(id);
      }
      expect([...noAddress], platform).toHaveLength(1);
      await page.close();
    }
  });
});
