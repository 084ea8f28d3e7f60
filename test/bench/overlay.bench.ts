// Content-script cost on a demo order page with 200 orders (issue 6): main-thread time the
// overlay adds at load and per page swap, measured three ways in the same run —
//  1. the content script's main-thread CPU time: one Chromium trace per window with the scheduler's
//     tasks (thread time) and V8's sampler; see thread-time.ts (the target lines),
//  2. the overlay's own read + render time per page read (test builds publish it on the panel host),
//  3. what the merchant feels (issue 19 item 2): the page's whole main-thread time (all tasks'
//     thread time: script, style, layout, paint) and its Long Animation Frames, with the extension
//     and without, in 15 interleaved A/B pairs on the same page and orders; the median of the
//     paired differences, with their spread. The pairs are traced without V8's sampler (its cost
//     grows with the script a page runs, so it tilted the comparison); 1 comes from 15 more runs
//     with it. The harness adds nothing to one side only: it waits for the overlay by polling from
//     here (not with an in-page poll every animation frame), reaches the overlay's closed roots
//     (a DevTools watcher that queries the page's DOM every 100 ms) only once both windows are
//     over, and the test driver's own DevTools commands are left out on both sides (the style and
//     layout they force stay: that is the page's own work, done early).
// Plus the content script's size gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../demo/server.ts';
import { demoUi, demoUiFor, type DemoUi } from '../e2e/demo-ui.ts';
import { extensionDir, launchPlain, launchWithExtension } from '../e2e/harness.ts';
import { busiestRendererMs, extensionThreadTime, type ThreadTime, type TraceEvent } from './thread-time.ts';
import type { BenchSuite } from './types.ts';
import { overlay } from '../e2e/overlay-roots.ts';

const RUNS = 7;
/**
 * A/B pairs on the 抖店 page (issue 19 item 2): the same page and orders with the extension and
 * without, interleaved, at least 15 pairs; the rows report the median of the paired differences.
 * `SHIPMASK_BENCH_PAIRS=3` is a quicker look while working (the README's figures use 15).
 */
const PAIRS = Number(process.env.SHIPMASK_BENCH_PAIRS ?? 15);
const spread = (xs: number[]): string =>
  `runs ${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} ms`;
/** The extension's part of its busiest task: the longest the page waited on it at once. */
const longest = (t: ThreadTime): number => Math.max(0, ...t.tasks.map((x) => x.extMs));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/**
 * Wait until the overlay has finished `reads` page reads and the idle part of `idles` of them
 * (test builds count them on the panel host). Polled from here, one evaluation every 50 ms, not
 * with a poll inside the page: Playwright's in-page waits run a check every animation frame, which
 * the extension's side alone would pay. The evaluations are the test driver's DevTools commands,
 * which the whole-page figure leaves out on both sides (thread-time.ts).
 */
async function overlayDone(page: Page, reads: number, idles: number): Promise<void> {
  for (const until = Date.now() + 15_000; ;) {
    const done = await page.evaluate(
      ([r, i]) => {
        const raw = document.querySelector<HTMLElement>('shipmask-panel')?.dataset.smCost;
        const c = raw ? (JSON.parse(raw) as { reads?: number; idles?: number }) : {};
        return (c.reads ?? 0) >= r && (c.idles ?? 0) >= i;
      },
      [reads, idles] as const,
    );
    if (done) return;
    if (Date.now() > until) throw new Error(`overlay: ${reads} reads / ${idles} idle parts not done in 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Every sample traces a window of the same length, with the extension or without: waiting for the
 * overlay's idle slices must not make the extension's window longer, or the A/B difference would
 * bill it the page's own late work (its swap takes ~700 ms of main thread here).
 */
const LOAD_WINDOW_MS = 3_000;
const SWAP_WINDOW_MS = 2_000;
async function windowEnd(began: number, ms: number): Promise<void> {
  const left = began + ms - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

interface Sample {
  /** Thread time of the page's whole main thread (script, style, layout, paint): load, and the swap. */
  load: number;
  swap: number;
  /**
   * Long Animation Frames (frames over 50 ms, the page's own PerformanceObserver entry type): the
   * summed duration of those that started during the load, and during the swap.
   */
  loaf: { load: number; swap: number };
  own?: {
    first: number;
    last: number;
    lastPhases?: Record<string, number>;
    lastIdle?: number;
    idleSlices?: number;
  };
  /** Content-script time from one trace per window (tasks' thread time + V8 samples): load, swap. */
  traced: { load: ThreadTime; swap: ThreadTime };
}

/** Trace what `act` makes the page do: scheduler tasks with thread time, and V8's sampler. */
async function traced(
  cdp: Cdp,
  act: () => Promise<void>,
  profile: boolean,
): Promise<{ ext: ThreadTime; page: number }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }): void => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: {
      // devtools.timeline, not `toplevel`: the latter misses the tasks that evaluate content scripts.
      // V8's sampler only where the extension's share is wanted: its overhead grows with the JS a
      // page runs, so it would tilt the whole-page A/B against the side running more script.
      // `devtools`: the driver's commands, which the whole-page figure leaves out, and
      // `devtools.timeline`: the style and layout a command forces, which it keeps (thread-time.ts).
      includedCategories: [
        'devtools',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  await act();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return { ext: extensionThreadTime(events), page: busiestRendererMs(events) };
}

async function sample(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
  ui: DemoUi = demoUi.douyin,
  /** Record V8's sampler too (the extension's share of each task); off for the A/B pairs. */
  profile = true,
  /**
   * Open the panel before the swap: its summary counts every row, so every row is read (in idle
   * slices) instead of the rows near the viewport only.
   */
  panelOpen = false,
): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const loadTime = await traced(
    cdp,
    async () => {
      const began = Date.now();
      await page.goto(url);
      await page.locator(ui.row).nth(199).waitFor();
      // The read's later work (the rows near the viewport, gate facts) is in the figure too.
      if (withExtension) await overlayDone(page, 1, 1);
      await settle(page);
      await windowEnd(began, LOAD_WINDOW_MS);
    },
    profile,
  );
  const loafSince = (from: number): Promise<number> =>
    page.evaluate(
      (t) =>
        performance
          .getEntriesByType('long-animation-frame')
          .filter((e) => e.startTime >= t)
          .reduce((sum, e) => sum + e.duration, 0),
      from,
    );
  const loafLoad = await loafSince(0);
  if (panelOpen) {
    await overlay(page, 'shipmask-panel').locator('[data-testid="side-tab"]').click();
    await settle(page);
  }
  const swapStart = await page.evaluate(() => performance.now());
  const swapTime = await traced(
    cdp,
    async () => {
      const began = Date.now();
      // Swap to the next 200 (the page holds 400 orders).
      const first = await page.locator(`${ui.row} ${ui.orderId}`).first().textContent();
      await page.locator(ui.next).first().click();
      // Locators pierce open shadow roots (微信小店 draws its list inside <micro-app>'s).
      await page
        .locator(`${ui.row} ${ui.orderId}`)
        .nth(0)
        .filter({ hasNotText: first ?? '' })
        .waitFor();
      await page.locator(ui.row).nth(199).waitFor();
      if (withExtension) await overlayDone(page, 2, 2);
      await settle(page);
      await windowEnd(began, SWAP_WINDOW_MS);
    },
    profile,
  );
  let own: Sample['own'];
  if (withExtension) {
    // The panel counts the page's 200 orders. Checked once both windows are over: the watcher that
    // reaches the closed roots (overlay-roots.ts) polls the page's DOM through DevTools.
    await overlay(page, 'shipmask-panel')
      .locator('[data-testid="order-count"]')
      .filter({ hasText: '200' })
      .waitFor({ timeout: 5_000 });
    const raw = await page.locator('shipmask-panel').getAttribute('data-sm-cost');
    const c = JSON.parse(raw ?? '{}') as NonNullable<Sample['own']>;
    own = {
      first: c.first,
      last: c.last,
      ...(c.lastPhases ? { lastPhases: c.lastPhases } : {}),
      ...(c.lastIdle !== undefined ? { lastIdle: c.lastIdle, idleSlices: c.idleSlices ?? 0 } : {}),
    };
  }
  const loafSwap = await loafSince(swapStart);
  await page.close();
  return {
    load: loadTime.page,
    swap: swapTime.page,
    loaf: { load: loafLoad, swap: loafSwap },
    traced: { load: loadTime.ext, swap: swapTime.ext },
    ...(own ? { own } : {}),
  };
}

const suite: BenchSuite = {
  name: 'overlay (Chromium, 200 orders)',
  async run() {
    const demo = await startDemoServer({});
    const url = `${demo.pages.douyin}?count=400&pageSize=200`;
    // Both sides with the same window: the page's own layout and paint grow with it (Playwright's
    // default is 1280×720, the extension's harness opens 1400×900).
    const viewport = { width: 1400, height: 900 };
    const ext = await launchWithExtension({ viewport });
    const plain = await launchPlain({ viewport });
    const withExt: Sample[] = [];
    const without: Sample[] = [];
    /** The extension's own share (V8's sampler on): the same page, run after the pairs. */
    const profiled: Sample[] = [];
    // Content-based detection (issue 15): the 京东 redesign (`?skin=2`), where every class is
    // re-hashed and the adapter's selectors find nothing (the 抖店 redesign keeps its class-name
    // prefixes, so its adapter reads it: that would measure the adapter again, not detection);
    // the first read infers the layout, a swap reuses it. detect-overlay.test.ts checks that the
    // panel says 自动识别 there.
    const detectUrl = `${demo.pages.jd}?skin=2&count=400&pageSize=200`;
    const detectUi = demoUiFor('jd', 2);
    const detected: Sample[] = [];
    // The panel open before the swap: every row read (idle slices), not only those near the viewport.
    const opened: Sample[] = [];
    // The other two real-structure demos on their adapters (微信小店 inside a shadow root).
    const others = { wechat: [] as Sample[], jd: [] as Sample[] };
    try {
      // Warm both (bundling, caches), then alternate runs.
      await sample(ext.context, url, true);
      await sample(plain.context, url, false);
      // Interleaved A/B pairs, the order alternating (AB, BA, …) so drift hits both sides.
      for (let i = 0; i < PAIRS; i++) {
        if (i % 2 === 0) {
          withExt.push(await sample(ext.context, url, true, demoUi.douyin, false));
          without.push(await sample(plain.context, url, false, demoUi.douyin, false));
        } else {
          without.push(await sample(plain.context, url, false, demoUi.douyin, false));
          withExt.push(await sample(ext.context, url, true, demoUi.douyin, false));
        }
      }
      for (let i = 0; i < PAIRS; i++) profiled.push(await sample(ext.context, url, true));
      for (let i = 0; i < RUNS; i++)
        opened.push(await sample(ext.context, url, true, demoUi.douyin, true, true));
      await sample(ext.context, detectUrl, true, detectUi);
      for (let i = 0; i < RUNS; i++) detected.push(await sample(ext.context, detectUrl, true, detectUi));
      for (const p of ['wechat', 'jd'] as const) {
        const u = `${demo.pages[p]}?count=400&pageSize=200`;
        await sample(ext.context, u, true, demoUiFor(p));
        for (let i = 0; i < RUNS; i++) others[p].push(await sample(ext.context, u, true, demoUiFor(p)));
      }
    } finally {
      await ext.close();
      await plain.close();
      await demo.close();
    }
    // SHIPMASK_BENCH_TASKS=1: where each run's swap time went, task by task (for the note on #6).
    if (process.env.SHIPMASK_BENCH_TASKS)
      for (const [i, s] of profiled.entries())
        process.stderr.write(
          `load run ${i}: ${s.traced.load.cpuMs.toFixed(1)} ms = ${s.traced.load.tasks
            .filter((t) => t.extMs >= 0.5)
            .map((t) => `${t.extMs.toFixed(1)}/${t.threadMs.toFixed(1)} (${t.samples} samples) ${t.top}`)
            .join(', ')}\n`,
        );
    if (process.env.SHIPMASK_BENCH_TASKS)
      for (const [i, s] of profiled.entries())
        process.stderr.write(
          `swap run ${i}: ${s.traced.swap.cpuMs.toFixed(1)} ms = ${s.traced.swap.tasks
            .filter((t) => t.extMs >= 0.2)
            .map((t) => `${t.extMs.toFixed(1)}/${t.threadMs.toFixed(1)} (${t.samples} samples) ${t.top}`)
            .join(', ')}; own phases (wall) ${JSON.stringify(s.own?.lastPhases ?? {})}\n`,
        );
    const jsLoad = median(profiled.map((s) => s.traced.load.cpuMs));
    const jsSwap = median(profiled.map((s) => s.traced.swap.cpuMs));
    const wallLoad = median(profiled.map((s) => s.traced.load.wallMs));
    const wallSwap = median(profiled.map((s) => s.traced.swap.wallMs));
    const outside = Math.max(...profiled.map((s) => s.traced.load.outsideMs + s.traced.swap.outsideMs));
    const ownLoad = median(profiled.map((s) => s.own?.first ?? NaN));
    const ownSwap = median(profiled.map((s) => s.own?.last ?? NaN));
    // Paired differences (extension − plain, pair by pair): median and the middle half's spread.
    const paired = (f: (s: Sample) => number): { median: number; note: string } => {
      const d = withExt.map((s, i) => f(s) - f(without[i]!)).sort((a, b) => a - b);
      const q = (p: number): number => d[Math.min(d.length - 1, Math.floor(p * d.length))] ?? NaN;
      return {
        median: median(d),
        note: `median of ${d.length} pairs; middle half ${q(0.25).toFixed(1)}…${q(0.75).toFixed(1)} ms, all ${d[0]?.toFixed(1)}…${d[d.length - 1]?.toFixed(1)} ms`,
      };
    };
    const abLoad = paired((s) => s.load);
    const abSwap = paired((s) => s.swap);
    const abLoafLoad = paired((s) => s.loaf.load);
    const abLoafSwap = paired((s) => s.loaf.swap);
    const js = readFileSync(`${extensionDir}/content-scripts/orders.js`);
    const gz = gzipSync(js, { level: 9 }).length / 1024;
    return [
      {
        name: 'content-script main-thread time at load (thread CPU: evaluation, mount, first read, render)',
        value: jsLoad,
        unit: 'ms',
        target: '< 50 ms',
        // Samples outside every task would be uncounted time: the measurement itself failed.
        ok: jsLoad < 50 && outside < 1,
        note: `median of ${PAIRS} (${spread(profiled.map((s) => s.traced.load.cpuMs))}); each task's thread time split by its share of V8 samples in extension code`,
      },
      {
        name: 'content-script main-thread time per page swap (thread CPU)',
        value: jsSwap,
        unit: 'ms',
        target: '< 10 ms',
        ok: jsSwap < 10 && outside < 1,
        note: `median of ${PAIRS} (${spread(profiled.map((s) => s.traced.swap.cpuMs))}); the panel collapsed (its default): the rows near the viewport are read`,
      },
      {
        name: 'same per page swap with the panel open: every row read, in idle slices (informational)',
        value: median(opened.map((s) => s.traced.swap.cpuMs)),
        unit: 'ms',
        note: `median of ${RUNS} (${spread(opened.map((s) => s.traced.swap.cpuMs))}); what a merchant who keeps the panel open pays`,
      },
      {
        name: 'same, wall-clock samples at load (preemption included, informational)',
        value: wallLoad,
        unit: 'ms',
        note: `extension samples outside any task: at most ${outside.toFixed(1)} ms`,
      },
      { name: 'same, wall-clock samples per swap (informational)', value: wallSwap, unit: 'ms' },
      {
        name: 'longest content-script task at load (thread CPU): what one frame waits on (informational)',
        value: median(profiled.map((s) => longest(s.traced.load))),
        unit: 'ms',
        note: `median of ${PAIRS} (${spread(profiled.map((s) => longest(s.traced.load)))})`,
      },
      {
        name: 'longest content-script task per page swap (thread CPU): what one frame waits on (informational)',
        value: median(profiled.map((s) => longest(s.traced.swap))),
        unit: 'ms',
        note: `median of ${PAIRS} (${spread(profiled.map((s) => longest(s.traced.swap)))}); the rows near the viewport read when the intersection observer reports them`,
      },
      { name: 'overlay read + render, first read (instrumented)', value: ownLoad, unit: 'ms' },
      {
        name: 'overlay read + render, page swap: counting the rows (instrumented)',
        value: ownSwap,
        unit: 'ms',
        note: `then ${median(profiled.map((s) => s.own?.lastIdle ?? NaN)).toFixed(1)} ms more in ${median(profiled.map((s) => s.own?.idleSlices ?? NaN))} callbacks (the rows near the viewport, told to the background with their gate facts; medians)`,
      },
      {
        name: 'A/B whole page at load: main-thread time added by the extension (trace tasks, paired)',
        value: abLoad.median,
        unit: 'ms',
        target: '< 50 ms',
        ok: abLoad.median < 50,
        note: `${abLoad.note}; page alone ${median(without.map((s) => s.load)).toFixed(0)} ms`,
      },
      {
        name: 'A/B whole page per swap: main-thread time added by the extension (trace tasks, paired)',
        value: abSwap.median,
        unit: 'ms',
        target: '< 16 ms',
        ok: abSwap.median < 16,
        note: `${abSwap.note}; swap alone ${median(without.map((s) => s.swap)).toFixed(0)} ms; includes the overlay's style/layout and messaging`,
      },
      {
        name: 'A/B Long Animation Frames at load: summed LoAF time added (paired, informational)',
        value: abLoafLoad.median,
        unit: 'ms',
        note: `${abLoafLoad.note}; page alone ${median(without.map((s) => s.loaf.load)).toFixed(0)} ms`,
      },
      {
        name: 'A/B Long Animation Frames per swap: summed LoAF time added (paired, informational)',
        value: abLoafSwap.median,
        unit: 'ms',
        note: `${abLoafSwap.note}; swap alone ${median(without.map((s) => s.loaf.swap)).toFixed(0)} ms`,
      },
      {
        name: 'detection (京东 skin 2): overlay first read incl. layout inference (instrumented)',
        value: median(detected.map((s) => s.own?.first ?? NaN)),
        unit: 'ms',
        target: '< 50 ms',
        ok: median(detected.map((s) => s.own?.first ?? NaN)) < 50,
        note: `median of ${RUNS} (${spread(detected.map((s) => s.own?.first ?? NaN))})`,
      },
      {
        name: 'detection (京东 skin 2): content-script main-thread time per page swap (thread CPU)',
        value: median(detected.map((s) => s.traced.swap.cpuMs)),
        unit: 'ms',
        target: '< 10 ms',
        ok: median(detected.map((s) => s.traced.swap.cpuMs)) < 10 && outside < 1,
        note: `median of ${RUNS} (${spread(detected.map((s) => s.traced.swap.cpuMs))}); the kept layout, no inference`,
      },
      {
        name: 'detection (京东 skin 2): overlay read + render, page swap (instrumented)',
        value: median(detected.map((s) => s.own?.last ?? NaN)),
        unit: 'ms',
      },
      ...(['wechat', 'jd'] as const).flatMap((p) => {
        const label = p === 'wechat' ? '微信小店' : '京东';
        const xs = others[p];
        const swap = median(xs.map((s) => s.traced.swap.cpuMs));
        const load = median(xs.map((s) => s.traced.load.cpuMs));
        return [
          {
            name: `${label} adapter: content-script main-thread time at load (thread CPU)`,
            value: load,
            unit: 'ms',
            target: '< 50 ms',
            ok: load < 50,
            note: `median of ${RUNS} (${spread(xs.map((s) => s.traced.load.cpuMs))})`,
          },
          {
            name: `${label} adapter: content-script main-thread time per page swap (thread CPU)`,
            value: swap,
            unit: 'ms',
            target: '< 10 ms',
            ok: swap < 10,
            note: `median of ${RUNS} (${spread(xs.map((s) => s.traced.swap.cpuMs))}); own read + render ${median(xs.map((s) => s.own?.last ?? NaN)).toFixed(1)} ms`,
          },
        ];
      }),
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
