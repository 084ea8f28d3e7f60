// Dev aid: where the content script's main-thread time goes on 200 Douyin orders (self time by
// function, from a V8 CPU profile). Build with names first:
// `(cd extension && SHIPMASK_NOMINIFY=1 npx wxt build --mode test) && npx tsx test/scripts/profile-overlay.ts`
// (`pnpm build:test` restores the minified build the tests and benchmarks use).
import { startDemoServer } from '../demo/server.ts';
import { demoUi } from '../e2e/demo-ui.ts';
import { launchWithExtension } from '../e2e/harness.ts';

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}
const demo = await startDemoServer({});
const url = `${demo.pages.douyin}?count=400&pageSize=200`;
const ext = await launchWithExtension();
const ui = demoUi.douyin;
try {
  const agg = {
    load: { self: new Map<string, number>(), incl: new Map<string, number>(), total: 0 },
    swap: { self: new Map<string, number>(), incl: new Map<string, number>(), total: 0 },
  };
  const RUNS = 6;
  for (let run = 0; run < RUNS; run++) {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.locator('shipmask-panel [data-testid="order-count"]').filter({ hasText: '200' }).waitFor();
    await page.waitForTimeout(400);
    const loadProfile = (await cdp.send('Profiler.stop')).profile;
    await cdp.send('Profiler.start');
    await page.locator(ui.next).first().click();
    await page.waitForFunction(() => {
      const host = document.querySelector<HTMLElement>('shipmask-panel');
      const c = host?.dataset.smCost ? (JSON.parse(host.dataset.smCost) as { reads: number }) : undefined;
      return (c?.reads ?? 0) >= 2;
    });
    await page.waitForTimeout(400);
    const swapProfile = (await cdp.send('Profiler.stop')).profile;
    console.log('instrumented', await page.locator('shipmask-panel').getAttribute('data-sm-cost'));
    for (const [label, profile] of [
      ['load', loadProfile],
      ['swap', swapProfile],
    ] as const) {
      const nodes = profile.nodes as Node[];
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const into =
        run > 0 ? agg[label] : { self: new Map<string, number>(), incl: new Map<string, number>(), total: 0 };
      const { self, incl } = into;
      let total = 0;
      (profile.samples ?? []).forEach((id, i) => {
        const n = byId.get(id)!;
        // A delta far above the 50 µs interval is the thread preempted, not running: clamp it.
        const dt = Math.min(profile.timeDeltas?.[i] ?? 0, 150) / 1000;
        // Native functions (no URL) count for the extension when its code called them.
        let owner: Node | undefined = n;
        while (owner && !owner.callFrame.url && !owner.callFrame.functionName.startsWith('('))
          owner = byId.get(parent.get(owner.id) ?? -1);
        if (!owner?.callFrame.url.startsWith('chrome-extension://')) return;
        total += dt;
        const k = n.callFrame.url
          ? `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`
          : `native ${n.callFrame.functionName}`;
        self.set(k, (self.get(k) ?? 0) + dt);
        const seen = new Set<string>();
        for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
          const q = byId.get(p)!;
          if (!q.callFrame.url.startsWith('chrome-extension://')) continue;
          const kk = `${q.callFrame.functionName || '(anon)'}:${q.callFrame.lineNumber}`;
          if (seen.has(kk)) continue;
          seen.add(kk);
          incl.set(kk, (incl.get(kk) ?? 0) + dt);
        }
      });
      into.total += total;
      console.log(`run ${run} ${label}: total ext self ${total.toFixed(1)} ms`);
    }
    await page.close();
  }
  for (const [label, a] of Object.entries(agg)) {
    const n = RUNS - 1;
    console.log(`== ${label}: mean ext self ${(a.total / n).toFixed(1)} ms over ${n} runs`);
    console.log('-- self');
    for (const [k, v] of [...a.self].sort((x, y) => y[1] - x[1]).slice(0, 18))
      console.log((v / n).toFixed(2).padStart(7), k);
    console.log('-- inclusive');
    for (const [k, v] of [...a.incl].sort((x, y) => y[1] - x[1]).slice(0, 30))
      console.log((v / n).toFixed(2).padStart(7), k);
  }
} finally {
  await ext.close();
  await demo.close();
}
