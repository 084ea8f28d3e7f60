import { maskAddress, maskName, maskPhone } from '@shipmask/core';
// Fixtures of the bulk-print end-to-end test and bench: demo orders as the masked views the
// overlay stores, a WeChat order export with detailed addresses (what a merchant drops in), and
// a helper that kills a Chromium (the one this test started) by its profile directory.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { demoOrders, demoShop, type DemoOrder } from '../demo/data.ts';
import { toCsv } from '../demo/csv.ts';
import { exportHeaders } from '../demo/export.ts';
import { chinaDateTime } from '../demo/format.ts';

export const douyinShop = { platform: 'douyin', shopId: demoShop('douyin').id } as const;
export const wechatShop = { platform: 'wechat', shopId: demoShop('wechat').id } as const;

/** A Douyin demo order as the overlay stores it: masked text plus the platform ciphertext. */
export function douyinView(o: DemoOrder) {
  return {
    platform: 'douyin',
    shopId: douyinShop.shopId,
    orderId: o.orderId,
    status: 'awaiting_shipment',
    createdAt: o.createdAt,
    items: o.items.map((i) => ({ name: i.name, quantity: i.quantity })),
    receiver: {
      // What the adapter stores: core's own masks of what the page shows (the background refuses
      // anything else, e.g. the page's `180****819` for a malformed phone is stored as `****`).
      name: maskName(o.masked.name).value,
      phone: maskPhone(o.masked.phone).value,
      address: maskAddress(o.masked.address).value,
      ...(o.cipher ? { cipher: o.cipher } : {}),
    },
  };
}

export function douyinViews(count: number) {
  return demoOrders('douyin', { count }).map(douyinView);
}

/**
 * A WeChat order export (the platform's column names) whose 详细地址 holds the detailed address,
 * as an export a merchant is allowed to hold may: the print page reads it into memory only.
 */
export function wechatExport(
  count: number,
  options: { printableOnly?: boolean } = {},
): { csv: string; orders: DemoOrder[] } {
  // printableOnly: the first `count` orders that carry a virtual number and an address.
  const orders = options.printableOnly
    ? demoOrders('wechat', { count: Math.ceil(count * 2) + 50 })
        .filter((o) => o.virtualNumber && o.plain.fullAddress !== '')
        .slice(0, count)
    : demoOrders('wechat', { count });
  const lines: string[][] = [];
  for (const o of orders) {
    const vn = o.virtualNumber;
    const it = o.items[0]!;
    lines.push([
      o.orderId,
      it.name,
      it.sku,
      String(it.quantity),
      o.masked.name,
      vn ? `${vn.main}-${vn.ext}` : o.masked.phone,
      vn ? vn.ext : '',
      o.plain.province,
      o.plain.city,
      o.plain.district,
      o.plain.fullAddress === '' ? '' : `${o.plain.town}${o.plain.street}${o.plain.detail}`,
      '',
      chinaDateTime(o.createdAt),
      '待发货',
      o.category,
      '',
      '',
    ]);
  }
  return { csv: toCsv([exportHeaders.wechat, ...lines]), orders };
}

/** Send a message to the background from an extension page (as `send()` does). */
export async function bg<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(async (m) => {
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
    ).chrome.runtime;
    const reply = (await runtime.sendMessage(m)) as { ok: boolean; value?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.value;
  }, message) as Promise<T>;
}

/** SIGKILL every Chromium process of this profile (the browser this test launched): a crash. */
export function killBrowser(profileDir: string): number {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const pids = ps
    .split('\n')
    .filter((l) => l.includes(`--user-data-dir=${profileDir}`))
    .map((l) => Number(l.trim().split(/\s+/u)[0]))
    .filter((n) => Number.isInteger(n) && n > 0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  stepMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
