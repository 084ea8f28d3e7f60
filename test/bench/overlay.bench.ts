// Content-script cost on a demo order page with 200 orders (issue 6): main-thread time the
// overlay adds at load and per page swap, measured two ways in the same run —
//  1. the overlay's own JS time per page read (test builds publish it on the panel host), and
//  2. Chromium's TaskDuration (all main-thread work: script, style, layout) with the extension
//     minus the same page without it (CDP Performance.getMetrics; median of runs).
// Plus the content script's size gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../demo/server.ts';
import { demoUi } from '../e2e/demo-ui.ts';
import { extensionDir, launchPlain, launchWithExtension } from '../e2e/harness.ts';
import type { BenchSuite } from './types.ts';

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** Main-thread task time so far (CDP metrics are collected from `Performance.enable` on). */
async function taskMs(cdp: Cdp): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

interface Sample {
  load: number;
  swap: number;
  own?: { first: number; last: number };
}

async function sample(context: BrowserContext, url: string, withExtension: boolean): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const ui = demoUi.douyin;
  await page.goto(url);
  await page.locator(ui.row).nth(199).waitFor();
  if (withExtension)
    await page.locator('shipmask-panel [data-testid="order-count"]').filter({ hasText: '200' }).waitFor();
  await settle(page);
  const load = await taskMs(cdp);
  // Swap to the next 200 (the page holds 400 orders).
  const first = await page.locator(`${ui.row} ${ui.orderId}`).first().textContent();
  await page.locator(ui.next).first().click();
  await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent !== text, [
    `${ui.row} ${ui.orderId}`,
    first ?? '',
  ] as const);
  await page.locator(ui.row).nth(199).waitFor();
  if (withExtension)
    await page.waitForFunction(() => {
      const host = document.querySelector<HTMLElement>('shipmask-panel');
      const c = host?.dataset.smCost ? (JSON.parse(host.dataset.smCost) as { reads: number }) : undefined;
      return (c?.reads ?? 0) >= 2;
    });
  await settle(page);
  const swap = (await taskMs(cdp)) - load;
  let own: Sample['own'];
  if (withExtension) {
    const raw = await page.locator('shipmask-panel').getAttribute('data-sm-cost');
    const c = JSON.parse(raw ?? '{}') as { first: number; last: number };
    own = { first: c.first, last: c.last };
  }
  await page.close();
  return { load, swap, ...(own ? { own } : {}) };
}

const suite: BenchSuite = {
  name: 'overlay (Chromium, 200 orders)',
  async run() {
    const demo = await startDemoServer({});
    const url = `${demo.url}/douyin/orders?count=400&pageSize=200`;
    const ext = await launchWithExtension();
    const plain = await launchPlain();
    const withExt: Sample[] = [];
    const without: Sample[] = [];
    try {
      // Warm both (bundling, caches), then alternate runs.
      await sample(ext.context, url, true);
      await sample(plain.context, url, false);
      for (let i = 0; i < RUNS; i++) {
        withExt.push(await sample(ext.context, url, true));
        without.push(await sample(plain.context, url, false));
      }
    } finally {
      await ext.close();
      await plain.close();
      await demo.close();
    }
    const ownLoad = median(withExt.map((s) => s.own?.first ?? NaN));
    const ownSwap = median(withExt.map((s) => s.own?.last ?? NaN));
    const addedLoad = median(withExt.map((s) => s.load)) - median(without.map((s) => s.load));
    const addedSwap = median(withExt.map((s) => s.swap)) - median(without.map((s) => s.swap));
    const js = readFileSync(`${extensionDir}/content-scripts/orders.js`);
    const gz = gzipSync(js, { level: 9 }).length / 1024;
    return [
      {
        name: 'overlay JS per read, at load',
        value: ownLoad,
        unit: 'ms',
        target: '< 50 ms',
        ok: ownLoad < 50,
      },
      {
        name: 'overlay JS per read, page swap',
        value: ownSwap,
        unit: 'ms',
        target: '< 10 ms',
        ok: ownSwap < 10,
      },
      {
        name: 'added main-thread time at load (TaskDuration, ext − plain)',
        value: addedLoad,
        unit: 'ms',
        target: '< 50 ms',
        ok: addedLoad < 50,
        note: `page alone ${median(without.map((s) => s.load)).toFixed(0)} ms; median of ${RUNS}`,
      },
      {
        name: 'added main-thread time per swap (TaskDuration, ext − plain)',
        value: addedSwap,
        unit: 'ms',
        target: '< 10 ms',
        ok: addedSwap < 10,
        note: `swap alone ${median(without.map((s) => s.swap)).toFixed(0)} ms; median of ${RUNS}`,
      },
      {
        name: 'content script gzipped',
        value: gz,
        unit: 'KB',
        target: '<= 60 KB',
        ok: gz <= 60,
        note: `${(js.length / 1024).toFixed(0)} KB raw`,
      },
    ];
  },
};
export default suite;
