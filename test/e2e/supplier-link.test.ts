// The supplier page takes the hand-off link's key out of the address bar and the tab's history as
// soon as it has read it (issue 14 item 7): after opening, the address bar, Back/Forward and a reload
// show no fragment, while the batch stays open (and a passphrase link still opens once the
// passphrase is typed: the link is kept in page memory only). Runs on the single-file page served
// over http from 127.0.0.1 and opened from disk (file://).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newBatchId, sealBatch, type HandoffOrder, type SealOptions } from '@shipmask/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSupplierPage } from '../../extension/scripts/build-supplier.ts';
import { demoOrders } from '../demo/data.ts';
import { launchPlain } from './harness.ts';

const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const orders: HandoffOrder[] = demoOrders('wechat')
  .filter((o) => o.status === '待发货')
  .slice(0, 3)
  .map((o) => ({
    orderId: o.orderId,
    items: o.items.map((i) => ({ name: i.name, quantity: i.quantity })),
    receiver: {
      name: o.masked.name,
      phone: o.masked.phone,
      ...(o.masked.address ? { address: o.masked.address } : {}),
      ...(o.virtualNumber ? { virtual: o.virtualNumber } : {}),
    },
  }));

async function link(base: string, options: Partial<SealOptions> = {}): Promise<string> {
  const now = Date.now();
  const r = await sealBatch(
    {
      shop: '禾木生活馆',
      platform: 'wechat',
      batchId: newBatchId(random)!,
      createdAt: now - 1000,
      expiresAt: now + 86_400_000,
      orders,
    },
    { base, random, ...options },
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value.text;
}

let server: Server;
let httpBase: string;
let dir: string;
let fileBase: string;
let plain: Awaited<ReturnType<typeof launchPlain>>;

beforeAll(async () => {
  const html = (await buildSupplierPage()).html;
  server = createServer((req, res) => {
    res.writeHead(req.url?.split('?')[0] === '/supplier.html' ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
    });
    res.end(req.url?.split('?')[0] === '/supplier.html' ? html : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/supplier.html?v=1`;
  dir = mkdtempSync(join(tmpdir(), 'shipmask-supplier-link-'));
  writeFileSync(join(dir, 'supplier.html'), html);
  fileBase = pathToFileURL(join(dir, 'supplier.html')).href;
  plain = await launchPlain();
}, 60_000);

afterAll(async () => {
  await plain?.close();
  await new Promise((r) => server?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every address this tab's history holds, as the page can see them (the current one). */
const here = (page: Page): Promise<{ href: string; hash: string; length: number }> =>
  page.evaluate(() => ({ href: location.href, hash: location.hash, length: history.length }));

describe.each([
  ['http', () => httpBase],
  ['file', () => fileBase],
] as const)('supplier page over %s', (_scheme, base) => {
  it('opens the batch, then removes the key from the address bar and the history entry', async () => {
    const url = await link(base());
    const fragment = url.slice(url.indexOf('#'));
    expect(fragment.length).toBeGreaterThan(20);
    const page = await plain.context.newPage();
    await page.goto(url);
    await page
      .locator('.sp-order')
      .nth(orders.length - 1)
      .waitFor({ timeout: 15_000 });
    const after = await here(page);
    expect(after.hash).toBe('');
    expect(after.href).toBe(url.slice(0, url.indexOf('#')));
    expect(page.url()).not.toContain(fragment);
    // The entry was rewritten, not added to: Back leaves the page, Forward returns without the key
    // (and so without the batch: nothing of it was kept).
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    await page.locator('#sp-source').waitFor();
    expect((await here(page)).hash).toBe('');
    expect(await page.locator('.sp-order').count()).toBe(0);
    expect(after.length).toBe((await here(page)).length);
    // A reload likewise finds no key.
    await page.reload();
    await page.locator('#sp-source').waitFor();
    expect(await page.locator('.sp-order').count()).toBe(0);
    await page.close();
  });

  it('a passphrase link leaves the bar at once and still opens from memory with the passphrase', async () => {
    const url = await link(base(), { passphrase: 'kettle-violet-42-harbor', logN: 10 });
    const page = await plain.context.newPage();
    await page.goto(url);
    await page.locator('.sp-error[data-code="passphrase-required"]').waitFor({ timeout: 15_000 });
    expect((await here(page)).hash).toBe('');
    await page.fill('#sp-passphrase', 'kettle-violet-42-harbor');
    await page.click('.sp-open-btn');
    await page
      .locator('.sp-order')
      .nth(orders.length - 1)
      .waitFor({ timeout: 15_000 });
    expect((await here(page)).hash).toBe('');
    await page.close();
  });
});
