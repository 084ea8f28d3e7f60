// Before a reveal when the quota level is warn or exhausted, the overlay warns; the merchant may
// proceed (never a silent block). And the overlay does not shift the host page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchPlain, launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { openPanel, readPanelCount, sideTab } from './panel.ts';
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

describe('the reveal warning on each demo (issue 21 item 6)', () => {
  let low: DemoServer;
  let fresh: ExtensionBrowser;
  beforeAll(async () => {
    // Every platform's own counter says 5 left (抖店 and 微信小店 this month, 京东 today); a
    // fresh profile, so that the first tests' reveals of the same shops are not in the ledger.
    low = await startDemoServer({ quota: { douyin: 5, wechat: 5, jd: 5 } });
    fresh = await launchWithExtension();
  });
  afterAll(async () => {
    await fresh?.close();
    await low?.close();
  });

  const named = { douyin: '小眼睛', wechat: '查看', jd: '查看' } as const;
  const period = { douyin: '本月', wechat: '本月', jd: '今日' } as const;

  /** The warning's box and the box of the row part holding the control, in viewport px. */
  async function boxes(page: Page, control: ReturnType<Page['locator']>, rowSel: string) {
    // The order's whole row: a card, or 抖店's header row with the rows that follow it.
    const row = await control.evaluate((el, sel) => {
      let first = el.closest(sel);
      if (!first)
        for (first = el.closest('tr'); first && !first.matches(sel);) first = first.previousElementSibling;
      first ??= el;
      let last = first;
      if (first.localName === 'tr')
        for (let n = first.nextElementSibling; n && !n.matches(sel); n = n.nextElementSibling) last = n;
      return { top: first.getBoundingClientRect().top, bottom: last.getBoundingClientRect().bottom };
    }, rowSel);
    const w = (await warning(page).boundingBox())!;
    return { row, warn: { top: w.y, bottom: w.y + w.height } };
  }
  const adjacent = ({ row, warn }: Awaited<ReturnType<typeof boxes>>): boolean =>
    Math.abs(warn.top - (row.bottom + 4)) <= 1.5 || Math.abs(warn.bottom - (row.top - 4)) <= 1.5;

  for (const platform of ['douyin', 'wechat', 'jd'] as const) {
    it(`${platform}: against its row, follows scrolling, closes on Esc, names ${named[platform]}, never blocks`, async () => {
      const ui = demoUi[platform];
      const page = await fresh.context.newPage();
      await page.goto(low.pages[platform]);
      await page.locator(ui.row).first().waitFor();
      // 抖店's list scrolls inside its own container here (as real back-offices do).
      if (platform === 'douyin')
        await page.addStyleTag({ content: '.auxo-spin-container { height: 520px; overflow: auto; }' });
      await openPanel(page);
      const controls = page.locator(ui.reveal);
      const counted = () => low.state.reveals.filter((r) => r.platform === platform).length;
      for (let i = 0; i < 4; i++) {
        await controls.nth(i).click();
        await expect.poll(counted, { timeout: 10_000 }).toBe(i + 1);
        // The page has redrawn the row and its own counter before the next click.
        await expect
          .poll(async () => /(\d+)/u.exec((await page.locator(ui.counter).first().textContent()) ?? '')?.[1])
          .toBe(String(4 - i));
      }
      await expect.poll(() => level(page), { timeout: 10_000 }).toContain('sm-level-warn');
      await sideTab(page).click(); // fold the panel: the warning is about the row

      const fifth = controls.nth(4);
      // Mid-window (and mid-container): the scrolls below keep its row in view.
      await fifth.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await fifth.click();
      await expect.poll(() => warning(page).count()).toBe(1);
      const text = (await warning(page).textContent()) ?? '';
      expect(text).toContain(`${period[platform]}剩余 1 次`);
      expect(text).toContain(`请再点一次“${named[platform]}”`);
      await expect.poll(async () => adjacent(await boxes(page, fifth, ui.row))).toBe(true);
      await page.screenshot({ path: `test/out/panel/${platform}-warning.png` });

      // The window scrolls, then (抖店) the page's own container: the warning stays on its row.
      await page.evaluate(() => window.scrollBy(0, 60));
      await expect.poll(async () => adjacent(await boxes(page, fifth, ui.row))).toBe(true);
      if (platform === 'douyin') {
        const before = await boxes(page, fifth, ui.row);
        await page.locator('.auxo-spin-container').evaluate((el) => el.scrollBy(0, 90));
        await expect
          .poll(async () => (await boxes(page, fifth, ui.row)).row.top)
          .toBeLessThan(before.row.top - 30);
        await expect.poll(async () => adjacent(await boxes(page, fifth, ui.row))).toBe(true);
      }
      await page.screenshot({ path: `test/out/panel/${platform}-warning-scrolled.png` });

      // Esc closes it; the reveal was held, not refused: a second click goes through.
      await page.keyboard.press('Escape');
      await expect.poll(() => warning(page).count()).toBe(0);
      expect(counted()).toBe(4);
      await fifth.click();
      await expect.poll(counted, { timeout: 10_000 }).toBe(5);
      await page.close();
    });
  }
});
