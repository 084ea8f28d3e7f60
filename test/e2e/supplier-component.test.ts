// The supplier page's print-component path (issue 8: "its only connection is to the supplier's own
// print component on 127.0.0.1 when they choose that path (test it)"). The single-file page, served
// from 127.0.0.1 and opened in a fresh profile WITHOUT the extension, opens a sealed Douyin batch,
// first finds no component (a clear "not running" state), then connects to the fake Douyin
// component (test/print/fake-component.ts: refuses print data without signature or params, as
// the real one does), lists its printers and prints the ciphertext orders that have real print
// data from a print-data file (issue 16): the component receives each such order exactly once
// with its print data untouched, never the order's own ciphertext; orders without print data are
// not sent; the page's
// network log holds only the page itself and ws://127.0.0.1; the CSP blocks requests to any other
// origin (localhost, 127.0.0.2) and the page's code refuses a port that smuggles a host.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newBatchId, sealBatch, type HandoffOrder } from '@shipmask/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSupplierPage } from '../../extension/scripts/build-supplier.ts';
import { demoOrders, demoPlaintext } from '../demo/data.ts';
import { startFakePrintComponent, type FakeComponent } from '../print/fake-component.ts';
import { douyinPrintDataFile } from '../print/print-data-fixture.ts';
import { launchPlain } from './harness.ts';

const OUT = new URL('../out/handoff/', import.meta.url).pathname;
const N = 12;

/** An HTTP server that records every hit (the page server, or a probe that must get none). */
async function serve(host: string, html?: string): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (html !== undefined && req.url?.split('?')[0] === '/supplier.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The CSP directive a page action violates, or 'none' when no violation came within 3 s. */
function violation(page: Page, kind: 'fetch' | 'websocket' | 'beacon', url: string): Promise<string> {
  return page.evaluate(
    ([kind, url]) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
          once: true,
        });
        setTimeout(() => resolve('none'), 3000);
        try {
          if (kind === 'fetch') void fetch(url).catch(() => undefined);
          else if (kind === 'websocket') new WebSocket(url);
          else navigator.sendBeacon(url, 'x');
        } catch {
          /* a blocked constructor may throw as well */
        }
      }),
    [kind, url] as const,
  );
}

let page: { server: Server; port: number; hits: string[] };
let probe: { server: Server; port: number; hits: string[] };
let probe2: { server: Server; port: number; hits: string[] };
let fake: FakeComponent;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  page = await serve('127.0.0.1', (await buildSupplierPage()).html);
  probe = await serve('127.0.0.1');
  probe2 = await serve('127.0.0.2');
  fake = await startFakePrintComponent({ flavour: 'douyin' });
});

afterAll(async () => {
  await fake?.close();
  for (const s of [page, probe, probe2]) await new Promise((r) => s?.server.close(r));
});

describe('supplier page: print with my print component', () => {
  it('prints Douyin ciphertext orders once each through the 127.0.0.1 component; nothing else is contacted', async () => {
    const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
    const secrets = demoPlaintext('douyin');
    const demo = demoOrders('douyin')
      .filter((o) => o.status === '待发货' && o.cipher && o.cipher.address !== '')
      .slice(0, N);
    expect(demo).toHaveLength(N);
    const orders: HandoffOrder[] = [
      ...demo.map((o) => ({
        orderId: o.orderId,
        items: o.items.map((i) => ({ name: i.name, quantity: i.quantity })),
        receiver: { name: o.masked.name, phone: o.masked.phone, cipher: o.cipher! },
        carrier: 'ZTO',
      })),
      // No ciphertext: not for the component (the browser path prints such orders).
      {
        orderId: '6930000000000000999',
        items: [{ name: '茶叶', quantity: 1 }],
        receiver: { name: '李*', phone: '135****0000', address: '浙江省杭州市西湖区****' },
      },
    ];
    const now = Date.now();
    const sealed = await sealBatch(
      {
        shop: '山茶小铺',
        platform: 'douyin',
        batchId: newBatchId(random)!,
        createdAt: now - 1000,
        expiresAt: now + 86_400_000,
        orders,
      },
      { base: `http://127.0.0.1:${page.port}/supplier.html`, random },
    );
    if (!sealed.ok) throw new Error(sealed.error.code);
    expect(sealed.value.kind).toBe('link');

    const plain = await launchPlain();
    const network: string[] = [];
    plain.context.on('request', (r) => network.push(r.url()));
    try {
      const sp = await plain.context.newPage();
      sp.on('websocket', (ws) => network.push(ws.url()));
      const errors: string[] = [];
      sp.on('pageerror', (e) => errors.push(e.message));
      await sp.goto(sealed.value.text);
      await sp.locator('.sp-order').nth(N).waitFor({ timeout: 30_000 });
      await sp.fill('.sp-bulk-text', orders.map((_, k) => `ZT${7_800_000_100 + k}`).join('\n'));
      await sp.click('.sp-bulk-apply');
      await sp.click('.sp-comp-open');
      // Without print data nothing can go to the component (an order ciphertext is not print data).
      expect(await sp.locator('.sp-comp-print').isDisabled()).toBe(true);
      // The print-data file covers all but the last two ciphertext orders.
      const withData = demo.slice(0, N - 2);
      const file = douyinPrintDataFile(withData.map((o) => o.orderId));
      await sp.setInputFiles('.sp-comp-data', {
        name: 'print-data.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file),
      });
      await sp.locator('.sp-comp-note', { hasText: `读入 ${N - 2} 单的打印数据` }).waitFor();
      // Douyin's component by default, on its documented port.
      expect(await sp.inputValue('.sp-comp-component')).toBe('douyin');
      expect(await sp.inputValue('.sp-comp-port')).toBe('13888');

      // A port that smuggles a host is refused by the page's code (no socket opened).
      await sp.fill('.sp-comp-port', `${fake.port}@evil.example`);
      await sp.click('.sp-comp-connect');
      await sp.locator('.sp-comp-status[data-state="bad-port"]').waitFor();

      // Nothing listens: "print component not running", in plain words.
      const dead = await closedPort();
      await sp.fill('.sp-comp-port', String(dead));
      await sp.click('.sp-comp-connect');
      const status = sp.locator('.sp-comp-status[data-state="not-running"]');
      await status.waitFor({ timeout: 10_000 });
      expect(await status.textContent()).toContain(`没有连上抖音电商打印组件（127.0.0.1:${dead}）`);
      await sp.screenshot({ path: `${OUT}component-not-running.png`, fullPage: true });

      // The fake component: connect, list printers, print.
      await sp.fill('.sp-comp-port', String(fake.port));
      await sp.click('.sp-comp-connect');
      await sp.locator('.sp-comp-status[data-state="connected"]').waitFor();
      await sp
        .locator('.sp-comp-printer option', { hasText: 'Fake Thermal 100x150' })
        .waitFor({ state: 'attached' });
      await sp.selectOption('.sp-comp-printer', 'Fake Thermal 100x150');
      expect(await sp.textContent('.sp-comp-print')).toContain(`打印 ${N - 2} 个密文订单`);
      await sp.click('.sp-comp-print');
      await expect
        .poll(() => sp.locator('.sp-print-state[data-state="printed"]').count(), { timeout: 30_000 })
        .toBe(N - 2);
      await sp.locator('.sp-comp-note', { hasText: `已打印 ${N - 2}，失败 0` }).waitFor();
      expect(await sp.textContent('.sp-comp-note')).toContain('2 个密文订单没有打印数据');
      await sp.screenshot({ path: `${OUT}component-printed.png`, fullPage: true });

      // Each order with print data exactly once, on the chosen printer, its print data untouched
      // (signature and Douyin params included); the component refused nothing.
      expect(fake.refused).toEqual([]);
      expect(fake.printed.map((d) => d.documentID).sort()).toEqual(withData.map((o) => o.orderId).sort());
      const entries = (
        JSON.parse(file) as { waybills: { orderId: string; printData: string; params: string }[] }
      ).waybills;
      for (const o of withData) {
        const doc = fake.printed.find((d) => d.documentID === o.orderId)!;
        expect(doc.printer).toBe('Fake Thermal 100x150');
        const e = entries.find((x) => x.orderId === o.orderId)!;
        expect(doc.contents).toEqual([{ ...(JSON.parse(e.printData) as object), params: e.params }]);
      }
      // Cainiao advice (core's splitPrintTask): one document per task.
      expect(new Set(fake.printed.map((d) => d.taskID)).size).toBe(N - 2);
      // Printed orders are not offered again: no label prints twice.
      expect(await sp.locator('.sp-comp-print').isDisabled()).toBe(true);
      expect(fake.printed).toHaveLength(N - 2);
      // Nothing the component received carries buyer plaintext or an order's own ciphertext.
      const received = JSON.stringify(fake.received);
      expect(secrets.filter((s) => received.includes(s))).toEqual([]);
      for (const o of demo) expect(received).not.toContain(o.cipher!.address);

      // The network log: the page itself and ws://127.0.0.1 only.
      const pageUrl = sealed.value.text.split('#')[0]!;
      const others = network.filter((u) => u !== pageUrl);
      expect(others.length).toBeGreaterThanOrEqual(2);
      for (const u of others) expect(u).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/?$/u);
      expect(others).toContain(`ws://127.0.0.1:${fake.port}/`);
      expect(page.hits).toEqual(['/supplier.html']);

      // The CSP blocks every other origin (the code never tries; the browser would refuse anyway).
      // Also plain HTTP to 127.0.0.1 itself: the policy allows WebSockets there, nothing else.
      const blocked: [kind: 'fetch' | 'websocket' | 'beacon', url: string][] = [
        ['fetch', `http://127.0.0.1:${probe.port}/leak`],
        ['fetch', `http://localhost:${probe.port}/leak`],
        ['fetch', `http://127.0.0.2:${probe2.port}/leak`],
        ['websocket', `ws://localhost:${fake.port}`],
        ['websocket', `ws://127.0.0.2:${probe2.port}`],
        ['beacon', `http://127.0.0.2:${probe2.port}/b`],
      ];
      for (const [kind, url] of blocked) expect(await violation(sp, kind, url), url).toBe('connect-src');
      await new Promise((r) => setTimeout(r, 300));
      expect(probe.hits).toEqual([]);
      expect(probe2.hits).toEqual([]);
      expect(errors).toEqual([]);
      expect(secrets.filter((s) => network.join('\n').includes(s))).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
