// The adapter path on pages built like the real back-offices (issue 15): the 抖店 redesign
// (?skin=2, div grid, re-hashed names) still read by the adapter's prefix selectors; the 微信小店
// order list inside the micro-app's open shadow root (marks on their rows, reveals counted); the
// 京东 list drawn in a same-origin child frame (all_frames: one panel, in the frame). Where the
// adapter must NOT find rows (京东 and 微信小店 ?skin=2: none of its markup is left), content-based
// detection takes over (branch h15-detect); this file does not assert on those pages.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrders, demoPlaintext } from '../demo/data.ts';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUiFor } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { overlay, overlayIn } from './overlay-roots.ts';
import { openPanel, readPanelCount } from './panel.ts';
import { dumpExtensionStorage } from './storage-scan.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;
const logs: string[] = [];
const SLOW = { timeout: 20_000 };

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

/** Decrypt events in the ledger (JD's panel shows no used count against a limit). */
async function decryptEvents(): Promise<number> {
  return ((await dumpExtensionStorage(browser.serviceWorker)).match(/"type":"decrypted"/gu) ?? []).length;
}

/** Each mark's order id and whether it sits 4 px below the top of the row showing that order. */
async function misplacedMarks(
  target: Page | Frame,
  row: string,
  orderId: string,
): Promise<{ marks: number; bad: string[] }> {
  const rows = await target.locator(row).evaluateAll(
    (els, idSel) =>
      els.map((r) => {
        // Rows may sit in a shadow root: query from the row itself.
        const id = /(\d{6,})/u.exec(r.querySelector(idSel)?.textContent ?? '')?.[1] ?? '';
        return [id, r.getBoundingClientRect().top] as const;
      }),
    orderId,
  );
  const tops = new Map(rows);
  const marks = await (
    'mainFrame' in target ? overlay(target, 'shipmask-rows') : overlayIn(target, 'shipmask-rows')
  )
    .locator('.sm-row')
    .evaluateAll((els) =>
      els.map((m) => [m.getAttribute('data-order-id') ?? '', m.getBoundingClientRect().top] as const),
    );
  const bad = marks
    .filter(([id, top]) => !tops.has(id) || Math.abs(top - (tops.get(id)! + 4)) > 2)
    .map(([id]) => id);
  return { marks: marks.length, bad };
}

describe('抖店 redesign (?skin=2): the adapter still reads it', () => {
  it('counts every order with the right badges, follows a swap, counts a trusted reveal once', async () => {
    const page = await browser.context.newPage();
    const ui = demoUiFor('douyin', 2);
    await page.goto(`${demo.pages.douyin}?skin=2&pageSize=100`);
    await expect.poll(() => readPanelCount(page), SLOW).toBe(64);
    await openPanel(page);
    await expect
      .poll(() => overlay(page, 'shipmask-panel').locator('.sm-summary').textContent(), SLOW)
      .toContain('脱敏 64');
    await expect
      .poll(async () => {
        const p = await misplacedMarks(page, ui.row, ui.orderId);
        return p.marks > 0 && p.bad.length === 0;
      }, SLOW)
      .toBe(true);
    await page.locator('select.page-size-select').selectOption('20');
    await expect.poll(() => readPanelCount(page), SLOW).toBe(20);
    const used = async (): Promise<number> =>
      Number(await overlay(page, 'shipmask-panel').locator('[data-testid="quota-used"]').textContent());
    const before = await used();
    const eye = page.locator(ui.reveal).first();
    await eye.click();
    await expect.poll(() => eye.getAttribute('data-kora'), SLOW).toBe('hide');
    await eye.click(); // hiding again is free
    await expect.poll(() => eye.getAttribute('data-kora'), SLOW).toBe('view');
    await expect.poll(used, SLOW).toBe(before + 1);
    await page.close();
  });
});

describe('微信小店: the order list inside the micro-app shadow root', () => {
  it('marks sit on their rows inside the shadow root and follow a swap', async () => {
    const page = await browser.context.newPage();
    const ui = demoUiFor('wechat', 1);
    await page.goto(demo.pages.wechat);
    await expect.poll(() => readPanelCount(page), SLOW).toBe(20);
    expect(await page.evaluate(() => document.querySelectorAll('.order-card').length)).toBe(0);
    const settled = async (): Promise<boolean> => {
      const p = await misplacedMarks(page, ui.row, ui.orderId);
      return p.marks > 0 && p.bad.length === 0;
    };
    await expect.poll(settled, SLOW).toBe(true);
    await page.locator(ui.next).first().click();
    await expect
      .poll(async () => (await page.locator(`${ui.row} ${ui.orderId}`).first().textContent()) ?? '', SLOW)
      .toContain(demoOrders('wechat')[20]!.orderId);
    await expect.poll(settled, SLOW).toBe(true);
    await page.close();
  });
});

describe('京东: the list in a same-origin child frame (?frame=1)', () => {
  it('runs one overlay, in the frame: rows, shop, marks and a counted reveal; no plaintext stored', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.pages.jd}?frame=1`);
    const frame = (await (await page.locator('iframe').elementHandle()).contentFrame())!;
    // The overlay's roots are closed and the DevTools watcher (overlay-roots.ts) reaches the main
    // frame's only: in the frame, the panel host's published read cost says it has read the rows.
    await expect.poll(() => frame.locator('shipmask-panel[data-sm-cost]').count(), SLOW).toBe(1);
    // The shell, whose adapter matches too, leaves the list to the frame: one panel.
    expect(await page.locator('shipmask-panel').count()).toBe(0);
    const row = '.jd-pro-card-table .table-body > .card';
    await frame.locator(row).first().waitFor();
    // The marks sit on their rows inside the frame (the watcher reaches the frame's roots too).
    await expect
      .poll(async () => {
        const p = await misplacedMarks(frame, row, demoUiFor('jd').orderId);
        return p.marks > 0 && p.bad.length === 0;
      }, SLOW)
      .toBe(true);
    const before = await decryptEvents();
    const view = frame.locator(row).nth(1).locator('a.cons-view-btn');
    await view.click();
    await expect.poll(() => view.textContent(), SLOW).toBe('隐藏');
    await expect.poll(decryptEvents, SLOW).toBe(before + 1);
    const dump = await dumpExtensionStorage(browser.serviceWorker);
    // The shop id comes from the shell around the frame, not `default`.
    expect(dump).toContain('10218365');
    for (const p of demoPlaintext('jd')) {
      expect(dump.includes(p), `storage holds ${p}`).toBe(false);
      expect(
        logs.some((l) => l.includes(p)),
        `a log holds ${p}`,
      ).toBe(false);
    }
    await page.close();
  });
});
