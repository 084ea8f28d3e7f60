// Save the rendered demo order pages (first page, 20 orders, default seed) as fixtures for the
// adapter selector tests: test/fixtures/pages/<platform>-<skin>.html, and beside each a JSON of
// what its 20 orders hold (ids, remark, address, virtual number...). Open shadow roots are kept
// as declarative shadow DOM (`<template shadowrootmode="open">`); scripts, styles and icon paths
// are dropped. Run after changing the demo pages:
//   npx tsx test/scripts/save-demo-pages.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.ts';
import { chromiumPath, quietArgs } from '../e2e/harness.ts';
import { demoUiFor } from '../e2e/demo-ui.ts';
import type { OrdersResponse } from '../demo/api.ts';

const outDir = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
await mkdir(outDir, { recursive: true });
const demo = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args: quietArgs });
try {
  for (const platform of ['douyin', 'wechat', 'jd'] as const) {
    // The exception gate's demo controls (issue 18): on the first page, a refund request on the
    // first awaiting-shipment order and an address change on the second.
    const first = (await (await fetch(`${demo.url}/api/${platform}/orders`)).json()) as OrdersResponse;
    const open = first.orders.filter((o) => o.status === '待发货' && o.receiver.address !== '');
    for (const [control, o] of [
      ['refund', open[0]],
      ['address', open[1]],
    ] as const)
      await fetch(`${demo.url}/api/${platform}/demo/${control}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId: o!.orderId }),
      });
    for (const skin of [1, 2] as const) {
      const page = await browser.newPage();
      await page.goto(`${demo.pages[platform]}${skin === 2 ? '?skin=2' : ''}`);
      await page.locator(demoUiFor(platform, skin).row).nth(19).waitFor();
      const html = await page.evaluate(() => {
        document
          .querySelectorAll('script, link, style, template#micro-app-order-list')
          .forEach((e) => e.remove());
        document.querySelectorAll('svg').forEach((e) => e.replaceChildren());
        const shadowRoots = [...document.querySelectorAll('micro-app')]
          .map((h) => h.shadowRoot)
          .filter((r): r is ShadowRoot => r !== null);
        for (const r of shadowRoots) r.querySelectorAll('link, style, svg > *').forEach((e) => e.remove());
        return `<!doctype html>\n${document.documentElement.getHTML({ shadowRoots })}\n`;
      });
      const file = `${outDir}${platform}-${skin}.html`;
      await writeFile(file, html);
      // What the page shows, from the same API response the page rendered (for the tests' counts).
      const res = (await (await fetch(`${demo.url}/api/${platform}/orders`)).json()) as OrdersResponse;
      const facts = res.orders.map((o) => ({
        orderId: o.orderId,
        status: o.status,
        address: o.receiver.address !== '',
        remark: o.remark !== '',
        virtual: o.receiver.virtual !== undefined,
        phoneInvalid: o.receiver.phoneInvalid === true,
        clear: o.receiver.clear === true,
        items: o.items.length,
        refund: o.refund !== undefined,
        addressChanged: o.addressChanged === true,
        shipBy: o.shipBy ?? null,
      }));
      await writeFile(`${outDir}${platform}-${skin}.json`, `${JSON.stringify(facts, null, 1)}\n`);
      console.log(file, html.length);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
