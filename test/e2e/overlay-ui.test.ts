// Overlay UI (issue 6): English available, keyboard reachable, and the overlay stops cleanly when
// the SPA leaves the order list (and comes back when it returns).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import type { Page } from 'playwright-core';
import { demoUi, visibleOrderIds, waitForSwap } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, panel, readPanelCount, sideTab } from './panel.ts';
import { OVERLAY_ROOTS_STASH, overlay, watchOverlayRoots } from './overlay-roots.ts';

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

/**
 * Each mark's order id and whether it sits on the row that shows that order (4 px below the row's
 * top edge); also how many rows are in the viewport, to know marks are not just missing.
 */
async function placement(
  page: Page,
): Promise<{ marks: number; misplaced: string[]; clipped: string[]; visibleRows: number }> {
  const ui = demoUi.douyin;
  await watchOverlayRoots(page);
  return page.evaluate(
    ([rowSel, idSel, stash]) => {
      const rows = Array.from(document.querySelectorAll(rowSel));
      const boxOf = new Map(
        rows.map((r) => [
          /(\d{6,})/u.exec(r.querySelector(idSel)?.textContent ?? '')?.[1] ?? '',
          r.getBoundingClientRect(),
        ]),
      );
      const marks = Array.from(
        // The closed root, as the test's DevTools watcher stashed it (overlay-roots.ts).
        (globalThis as unknown as Record<string, Record<string, ShadowRoot> | undefined>)[stash]?.[
          'shipmask-rows'
        ]?.querySelectorAll<HTMLElement>('.sm-row') ?? [],
      );
      const misplaced: string[] = [];
      // Marks of rows the list's own box clips away would float over the page around it.
      const clipped: string[] = [];
      const listBox = document.querySelector('.auxo-spin-container')!.getBoundingClientRect();
      for (const m of marks) {
        const id = m.dataset.orderId ?? '';
        const box = boxOf.get(id);
        const top = m.getBoundingClientRect().top;
        // Marks sit 4 px below the row's top edge.
        if (!box || Math.abs(top - (box.top + 4)) > 2) misplaced.push(`${id}@${Math.round(top)}`);
        if (box && (box.bottom <= listBox.top || box.top >= listBox.bottom)) clipped.push(id);
      }
      // Shown: inside the viewport and inside the list's own box (it may scroll and clip).
      const list = document.querySelector('.auxo-spin-container')!.getBoundingClientRect();
      const visibleRows = [...boxOf.values()].filter(
        (b) => b.bottom > Math.max(0, list.top) && b.top < Math.min(innerHeight, list.bottom),
      ).length;
      return { marks: marks.length, misplaced, clipped, visibleRows };
    },
    [ui.row, ui.orderId, OVERLAY_ROOTS_STASH] as const,
  );
}

describe('overlay UI', () => {
  it('keeps each mark on its row: window scroll, page swap, and a list that scrolls in its own container', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.douyin}?pageSize=50`);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(50);
    const settled = async (): Promise<void> => {
      await expect
        .poll(async () => {
          const p = await placement(page);
          return (
            p.misplaced.length === 0 &&
            p.clipped.length === 0 &&
            p.marks >= p.visibleRows &&
            p.visibleRows > 0
          );
        })
        .toBe(true);
    };
    await settled();
    await page.evaluate(() => window.scrollTo(0, 1500));
    await settled();
    // A page swap re-labels the marks in place: every mark names a row now on the page.
    const before = await visibleOrderIds(page, 'douyin');
    await page.locator(demoUi.douyin.next).first().click();
    const after = await waitForSwap(page, 'douyin', before);
    await settled();
    const ids = new Set(after);
    const marked = await overlay(page, 'shipmask-rows')
      .locator('.sm-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id') ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((id) => !ids.has(id))).toEqual([]);
    // The list scrolls inside a fixed-height container (as real back-offices do).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.addStyleTag({ content: '.auxo-spin-container { height: 600px; overflow: auto; }' });
    await settled();
    // Small steps keep rows in view (no observer crossing), large ones bring new rows in.
    for (const dy of [40, 40, 900, -25]) {
      await page.locator('.auxo-spin-container').evaluate((el, by) => el.scrollBy(0, by), dy);
      await settled();
    }
    await page.close();
  });

  it('switches to English and back', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.douyin}`);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    expect(await panel(page).locator('.sm-count').textContent()).toContain('本页 20 单');
    await openPanel(page);
    await panel(page).getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => panel(page).locator('.sm-count').textContent())
      .toContain('20 orders on this page');
    expect(await overlay(page, 'shipmask-rows').locator('.sm-badge').first().textContent()).toBe('masked');
    await panel(page).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => panel(page).locator('.sm-count').textContent()).toContain('本页 20 单');
    await page.close();
  });

  it("keeps its shadow roots closed: the page's scripts cannot read or press the overlay", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.wechat}`);
    // The panel's first read has happened (test builds publish its cost on the light-DOM host).
    await page.locator('shipmask-panel[data-sm-cost]').waitFor({ state: 'attached' });
    await page.locator('shipmask-dialogs').waitFor({ state: 'attached' });
    // Before any DevTools access, from the page's own world: hosts exist, their roots are hidden,
    // and no query from the document finds our panel or marks.
    const seen = await page.evaluate(() =>
      ['shipmask-panel', 'shipmask-rows', 'shipmask-dialogs'].map((n) => {
        const host = document.querySelector(n);
        return {
          host: host !== null,
          open: host?.shadowRoot != null,
          inside: document.querySelectorAll('.sm-panel, .sm-row, .sm-badge').length,
          stashed: '__shipmaskClosedRoots' in globalThis,
        };
      }),
    );
    expect(seen).toEqual(
      Array.from({ length: 3 }, () => ({ host: true, open: false, inside: 0, stashed: false })),
    );
    // Playwright's own engine (which pierces open roots) does not find them either.
    expect(await page.locator('.sm-panel').count()).toBe(0);
    expect(await page.locator('shipmask-panel .sm-count').count()).toBe(0);
    // Through DevTools (overlay-roots.ts) the panel is there and works.
    expect(await panel(page).locator('.sm-count').textContent()).toContain('本页 20 单');
    await page.close();
  });

  it("is keyboard reachable: the side tab opens with Enter, Space on the page's own row box selects", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.wechat}`);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    // The page has its own row checkboxes: the overlay draws none of its own (one box per row).
    await overlay(page, 'shipmask-rows').locator('.sm-row').first().waitFor({ state: 'attached' });
    expect(await overlay(page, 'shipmask-rows').locator('input[type="checkbox"]:visible').count()).toBe(0);
    await sideTab(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sideTab(page).getAttribute('aria-expanded')).toBe('true');
    const box = page.locator(`${demoUi.wechat.row} ${demoUi.wechat.check}`).first();
    await box.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => panel(page).locator('[data-testid="selected-count"]').textContent())
      .toBe('已选 1 单');
    await panel(page).getByRole('button', { name: '打印面单' }).focus();
    expect(await panel(page).getByRole('button', { name: '打印面单' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('stops cleanly when the SPA leaves the order list and starts again when it returns', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.jd}`);
    await expect.poll(() => readPanelCount(page), { timeout: 20_000 }).toBe(20);
    await page.evaluate(() => history.pushState(null, '', '/jdm/settings'));
    await expect.poll(() => page.locator('shipmask-panel').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('shipmask-rows').count()).toBe(0);
    await page.evaluate(() => history.pushState(null, '', '/jdm/trade/orders/order-list'));
    await expect.poll(() => readPanelCount(page), { timeout: 10_000 }).toBe(20);
    expect(await page.locator(demoUi.jd.row).count()).toBe(20);
    await page.close();
  });
});
