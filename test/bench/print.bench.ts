// Bulk print (issue 7): 1,000 virtual-number labels from the merchant's click (choosing the order
// export on the print page) to ready-to-print in Chromium: every label laid out, its preview
// <img> in the page and the exact-size print document built (the page sets `data-ready`).
// Also the page's main-thread task time (CDP TaskDuration), which a loaded machine inflates less.
// Peak JS heap sampled through CDP (Performance.getMetrics JSHeapUsedSize) during the run.
// Peer in the same run: core's layoutLabel + renderLabelSvg + renderLabelDocument for the same
// 1,000 orders in Node (the floor the page cannot beat); the note gives page / core.
import { parseOrderFile } from '../../packages/core/src/index.ts';
import { layoutLabel, renderLabelDocument, renderLabelSvg } from '../../packages/core/src/index.ts';
import { launchWithExtension } from '../e2e/harness.ts';
import { wechatExport, wechatShop } from '../e2e/print-fixtures.ts';
import type { BenchRow, BenchSuite } from './types.ts';

const LABELS = 1000;
const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function coreMs(csv: string): number {
  const start = performance.now();
  const orders = parseOrderFile(csv, { platform: 'wechat', shopId: wechatShop.shopId }).orders;
  const labels = [];
  let n = 78900000000001;
  for (const { order } of orders) {
    const r = layoutLabel(order, '76x130', {
      trackingNumber: String(n++),
      carrierName: '中通快递',
      recipient: { address: '浙江省杭州市西湖区文化街道新放北路94号' },
    });
    if (r.ok) {
      renderLabelSvg(r.label);
      labels.push(r.label);
    }
  }
  renderLabelDocument(labels);
  return performance.now() - start;
}

const suite: BenchSuite = {
  name: 'print',
  async run(): Promise<BenchRow[]> {
    const { csv, orders } = wechatExport(LABELS, { printableOnly: true });
    if (orders.length !== LABELS) throw new Error(`fixture has ${orders.length} printable orders`);
    const b = await launchWithExtension();
    const times: number[] = [];
    const tasks: number[] = [];
    let peak = 0;
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(
          `chrome-extension://${b.extensionId}/print.html?platform=wechat&shop=${wechatShop.shopId}`,
        );
        // The 号段 option (the default is a pasted list): one start number counted up.
        await page.check('input[name="number-mode"][value="range"]');
        await page.fill('.start-number', '78900000000001');
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            const { metrics } = await cdp.send('Performance.getMetrics');
            peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
            await new Promise((r) => setTimeout(r, 25));
          }
        })();
        const taskMs = async (): Promise<number> =>
          ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ??
            NaN) * 1000;
        const task0 = await taskMs();
        const start = performance.now();
        await page.setInputFiles('.export-file', {
          name: 'wechat-orders.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        });
        await page.waitForSelector(`main[data-ready="${LABELS}"]`, { timeout: 60_000 });
        await page.waitForFunction((n) => document.querySelectorAll('.label-img').length === n, LABELS);
        times.push(performance.now() - start);
        tasks.push((await taskMs()) - task0);
        sampling = false;
        await sampler;
        await cdp.detach();
        await page.close();
      }
    } finally {
      await b.close();
    }
    const core = median(Array.from({ length: RUNS }, () => coreMs(csv)));
    const page = median(times);
    const mb = peak / 1024 / 1024;
    return [
      {
        name: `${LABELS} labels: export chosen → ready to print (Chromium, median of ${RUNS})`,
        value: Math.round(page),
        unit: 'ms',
        target: '< 3,000 ms',
        ok: page < 3000,
        note: `${(page / core).toFixed(1)}x core alone in Node (${Math.round(core)} ms); wall time, load-sensitive`,
      },
      {
        name: `${LABELS} labels: print page main-thread task time for the same run`,
        value: Math.round(median(tasks)),
        unit: 'ms',
        note: 'CDP TaskDuration (script, style, layout, image decode on the main thread); less load-sensitive',
      },
      {
        name: `${LABELS} labels: peak JS heap of the print page`,
        value: Math.round(mb),
        unit: 'MB',
        target: '< 300 MB',
        ok: mb < 300,
      },
    ];
  },
};

export default suite;
