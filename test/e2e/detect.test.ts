// Content-based detection on the demo back-offices in real Chromium, every platform and skin
// (skin 2: re-hashed class names and another row layout): the rows found are exactly the page's
// orders in order (no table header, pager or product card becomes a row), receiver fields are
// read on at least 95% of them, and the kept layout reads the next page after an SPA swap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import type { DemoPlatform } from '../demo/data.ts';
import { launchPlain } from './harness.ts';
import { detectBundle, type DetectProbe } from './detect-probe.ts';
import { demoUiFor, visibleOrderIds, waitForSwap } from './demo-ui.ts';

let demo: DemoServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let bundle: string;

beforeAll(async () => {
  [demo, browser, bundle] = await Promise.all([startDemoServer({ port: 0 }), launchPlain(), detectBundle()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function open(platform: DemoPlatform, skin: 1 | 2): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${demo.pages[platform]}${skin === 2 ? '?skin=2' : ''}`);
  await page.waitForSelector(demoUiFor(platform, skin).row);
  await page.addScriptTag({ content: bundle });
  return page;
}

function fieldShare(orders: DetectProbe['orders']): number {
  const found = orders.reduce((n, o) => n + Number(o.name) + Number(o.phone) + Number(o.address), 0);
  return found / (orders.length * 3);
}

describe('content-based detection on the demo back-offices', () => {
  for (const platform of ['douyin', 'wechat', 'jd'] as const) {
    for (const skin of [1, 2] as const) {
      it(`${platform} skin ${skin}: exactly the orders on the page, ≥95% of receiver fields, reused after a swap`, async () => {
        const page = await open(platform, skin);
        const ui = demoUiFor(platform, skin);
        const expected = await visibleOrderIds(page, platform, ui);
        const r = await page.evaluate(
          (p) => (globalThis as unknown as { __shipmaskDetect(p: string): DetectProbe }).__shipmaskDetect(p),
          platform,
        );
        expect(r.found).toBe(true);
        expect(r.orders.map((o) => o.orderId)).toEqual(expected);
        expect(fieldShare(r.orders)).toBeGreaterThanOrEqual(0.95);

        // Page 2 through the page's own pager: the kept layout reads it, and it is the same structure.
        await page.locator(ui.next).first().click();
        await waitForSwap(page, platform, expected, ui);
        const next = await visibleOrderIds(page, platform, ui);
        const again = await page.evaluate(() =>
          (
            globalThis as unknown as {
              __shipmaskReread(): { orders: DetectProbe['orders']; sameSignature: boolean };
            }
          ).__shipmaskReread(),
        );
        expect(again.sameSignature).toBe(true);
        expect(again.orders.map((o) => o.orderId)).toEqual(next);
        expect(fieldShare(again.orders)).toBeGreaterThanOrEqual(0.95);
        console.log(
          `detect ${platform} skin ${skin}: ${r.orders.length}/${expected.length} orders, fields ${(fieldShare(r.orders) * 100).toFixed(1)}%, first inference ${r.coldMs.toFixed(1)} ms, again ${r.inferMs.toFixed(1)} ms, read ${r.swapMs.toFixed(1)} ms`,
        );
        await page.close();
      });
    }
  }
});
