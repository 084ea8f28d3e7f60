// The demo back-offices in real Chromium (no extension): 60+ orders, SPA pagination and filters,
// reveal and the page's own counter, markup-looking remarks shown as text, export CSV headers
// without plaintext, bulk ship. The selectors used here are the DOM contract of test/demo/README.md.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { MARKUP_REMARK, demoOrders, type DemoOrder, type DemoPlatform } from '../demo/data.ts';
import { chinaDateTime } from '../demo/format.ts';
import { exportHeaders } from '../demo/export.ts';
import { parseCsv } from '../demo/csv.ts';
import { classNamer } from '../demo/pages/skin.ts';
import { DEFAULT_SEED } from '../demo/data.ts';
import { demoUiFor, visibleOrderIds, waitForSwap as swapped } from './demo-ui.ts';

interface Contract {
  list: string;
  row: string;
  /** From a row to the element holding its fields (抖店: the body row after the header row). */
  body?: string;
  orderId: string;
  /** Page-level selectors, one match per order in row order (also used inside a row's body). */
  status: string;
  name: string;
  phone: string;
  address: string;
  reveal: string;
  counter: string;
  counterPattern: RegExp;
  remark: string;
  tab: (status: string) => string;
  nextPage: string;
  pageSize: string;
  exportButton: string;
  shipOpen: string;
  shipTextarea: string;
  shipFile: string;
  shipSubmit: string;
  shipSummary: string;
}

const dy = classNamer('douyin', 1, DEFAULT_SEED);
const contracts: Record<DemoPlatform, Contract> = {
  douyin: {
    list: 'tbody.auxo-table-tbody',
    row: 'tbody.auxo-table-tbody > tr.auxo-table-row-level-0[data-row-key]',
    body: 'xpath=following-sibling::tr[1]',
    orderId: `.${dy('index_leftWrapper')} span:first-child`,
    status: `.${dy('index_orderStatus')}`,
    name: `.${dy('index_locationDetail')} > div:nth-child(1)`,
    phone: `.${dy('index_locationDetail')} > div:nth-child(2)`,
    address: `.${dy('index_locationDetail')} > div:nth-child(3)`,
    reveal: 'a[data-kora="查看敏感信息"]',
    counter: '.decrypt-quota',
    counterPattern: /剩余解密次数\s*(\d+)/u,
    remark: `.${dy('index_footerContent')} .${dy('index_remark')}`,
    tab: (s) => `.order-status-tabs .auxo-tabs-tab[data-status="${s}"]`,
    nextPage: '.auxo-pagination .auxo-pagination-next',
    pageSize: 'select.page-size-select',
    exportButton: '.export-btn',
    shipOpen: '.batch-ship-btn',
    shipTextarea: '.batch-ship-modal .batch-ship-textarea',
    shipFile: '.batch-ship-modal input.batch-ship-file',
    shipSubmit: '.batch-ship-modal .batch-ship-submit',
    shipSummary: '.batch-ship-modal .ship-result-summary',
  },
  wechat: {
    list: 'micro-app .order-list-wrap',
    row: 'micro-app .order-list-wrap > .order-card',
    orderId: '.order-card__id',
    status: '.order-status',
    name: '.receiver__name',
    phone: '.receiver__phone',
    address: '.receiver__address',
    reveal: 'a.receiver__view',
    counter: 'micro-app .view-quota',
    counterPattern: /本月剩余查看次数\s*(\d+)/u,
    remark: '.order-card__remark',
    tab: (s) => `micro-app .order-tabs .weui-desktop-tab__nav[data-status="${s}"]`,
    nextPage: 'micro-app .weui-desktop-pagination .weui-desktop-pagination__next',
    pageSize: 'micro-app select.page-size-select',
    exportButton: 'micro-app .order-export__btn',
    shipOpen: 'micro-app .order-ship__btn',
    shipTextarea: 'micro-app .ship-dialog .ship-dialog__textarea',
    shipFile: 'micro-app .ship-dialog input.ship-dialog__file',
    shipSubmit: 'micro-app .ship-dialog .ship-dialog__submit',
    shipSummary: 'micro-app .ship-dialog .ship-result-summary',
  },
  jd: {
    list: 'micro-app .jd-pro-card-table .table-body',
    row: 'micro-app .jd-pro-card-table .table-body > .card',
    orderId: '.card-header .order-info-btn',
    status: '[prop="orderStatus"] .order-status',
    name: '.cons-name-text',
    phone: '.cons-mobile-phone-text',
    address: '.cons-address-text',
    reveal: 'a.cons-view-btn',
    counter: '.view-count',
    counterPattern: /今日剩余查看次数\s*(\d+)/u,
    remark: '.remark-cell__text',
    tab: (s) => `.order-tabs .order-tab[data-status="${s}"]`,
    nextPage: '.el-pagination .btn-next',
    pageSize: 'select.page-size',
    exportButton: '.btn-export',
    shipOpen: '.btn-batch-ship',
    shipTextarea: '.batch-ship-dialog .batch-ship-text',
    shipFile: '.batch-ship-dialog input.batch-ship-file',
    shipSubmit: '.batch-ship-dialog .btn-submit',
    shipSummary: '.batch-ship-dialog .ship-result-summary',
  },
};

const idLength: Record<DemoPlatform, number> = { douyin: 19, wechat: 19, jd: 12 };

let server: DemoServer;
let browser: Browser;
// One context for the file (shared HTTP cache: the page fonts load once); a new page per test.
let context: BrowserContext;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => server.state.reset());

async function open(platform: DemoPlatform, query = ''): Promise<{ page: Page; navigations: () => number }> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  // A page load (not a same-document history update) fires 'load' again.
  let navigations = 0;
  page.on('load', () => navigations++);
  await page.goto(`${server.pages[platform]}${query}`);
  await page.locator(contracts[platform].row).first().waitFor();
  const start = navigations;
  return { page, navigations: () => navigations - start };
}

async function orderIds(page: Page, c: Contract): Promise<string[]> {
  const texts = await page.locator(`${c.row} ${c.orderId}`).allTextContents();
  return texts.map((t) => /(\d{12,19})/u.exec(t)?.[1] ?? '');
}

async function counter(page: Page, c: Contract): Promise<number> {
  const text = (await page.locator(c.counter).textContent()) ?? '';
  const m = c.counterPattern.exec(text);
  if (!m) throw new Error(`counter text ${text}`);
  return Number(m[1]);
}

/** Wait until the first row's order id differs from `before` (rows swapped in place). */
async function waitForSwap(page: Page, c: Contract, before: string): Promise<void> {
  await expect
    .poll(async () =>
      ((await page.locator(`${c.row} ${c.orderId}`).first().textContent()) ?? '').includes(before),
    )
    .toBe(false);
}

/** The element of a row that holds its fields. */
const fieldsOf = (row: Locator, c: Contract): Locator => (c.body ? row.locator(c.body) : row);

describe.each(['douyin', 'wechat', 'jd'] as const)('demo %s order page', (platform) => {
  const c = contracts[platform];
  const orders = demoOrders(platform);
  const byId = new Map(orders.map((o) => [o.orderId, o]));

  it('lists 60+ orders, 20 per page, with well-formed ids and masked receivers', async () => {
    const { page } = await open(platform);
    const ids = await orderIds(page, c);
    expect(ids).toHaveLength(20);
    for (const id of ids) {
      expect(id).toHaveLength(idLength[platform]);
      expect(byId.has(id)).toBe(true);
    }
    const all = (await page.locator(c.tab('全部')).textContent()) ?? '';
    expect(Number(/\((\d+)\)/u.exec(all)?.[1])).toBeGreaterThanOrEqual(60);
    const phones = await page.locator(`${c.list} ${c.phone}`).allTextContents();
    expect(phones).toHaveLength(20);
    // Masked 3+4 except WeChat's exempt categories (not encrypted there); JD lists a virtual
    // number (with its 虚拟号说明 note) on about a third of the orders instead.
    const masked = phones.filter(
      (p) => /^1\d{2}\*{4}\d{3,4}$/u.test(p) || (platform === 'jd' && /^1\d{10}-\d{4} 虚拟号说明 $/u.test(p)),
    );
    expect(masked.length).toBeGreaterThanOrEqual(platform === 'wechat' ? 16 : 20);
    await page.close();
  });

  it('pages, filters, searches and resizes by swapping rows without a page load', async () => {
    const { page, navigations } = await open(platform);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const first = await orderIds(page, c);
    await page.locator(c.nextPage).click();
    await waitForSwap(page, c, first[0]!);
    const second = await orderIds(page, c);
    expect(second).toHaveLength(20);
    expect(second.filter((id) => first.includes(id))).toEqual([]);

    await page.locator(c.tab('待发货')).click();
    await expect
      .poll(async () =>
        (await page.locator(`${c.list} ${c.status}`).allTextContents()).every((t) => t === '待发货'),
      )
      .toBe(true);
    const statuses = await page.locator(`${c.list} ${c.status}`).allTextContents();
    const pending = orders.filter((o) => o.status === '待发货').length;
    expect(statuses).toHaveLength(Math.min(20, pending));

    await page.locator(c.tab('全部')).click();
    await page.locator(c.pageSize).selectOption('100');
    await expect.poll(async () => (await orderIds(page, c)).length).toBe(orders.length);

    const target = orders[30]!;
    const search = page.locator('input[type="search"]');
    await search.fill(target.orderId);
    await search.press('Enter');
    await expect.poll(() => orderIds(page, c)).toEqual([target.orderId]);

    expect(navigations()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await page.close();
  });

  it('serves a page of 200 with ?count=200&pageSize=200', async () => {
    const { page } = await open(platform, '?count=200&pageSize=200');
    await expect.poll(async () => (await orderIds(page, c)).length).toBe(200);
    await page.close();
  });

  it('reveals the plaintext in place after a delay and decrements the page counter', async () => {
    const { page } = await open(platform);
    const before = await counter(page, c);
    const candidate = c.body
      ? page.locator(c.row).first()
      : page
          .locator(c.row)
          .filter({ has: page.locator(c.reveal) })
          .first();
    const id = /(\d{12,19})/u.exec((await candidate.locator(c.orderId).textContent()) ?? '')![1]!;
    // Pin the row by its order id (the reveal control's label changes once revealed).
    const row = fieldsOf(page.locator(c.row).filter({ hasText: id }), c);
    const order = byId.get(id)!;
    expect(await row.locator(c.name).textContent()).toBe(order.masked.name);
    await row.locator(c.reveal).click();
    await expect.poll(() => row.locator(c.name).textContent()).toBe(order.plain.name);
    // JD's address cell holds the name and the address together (`王**，陕西…`).
    expect(await row.locator(c.address).textContent()).toBe(
      platform === 'jd' && order.plain.fullAddress
        ? `${order.plain.name}，${order.plain.fullAddress}`
        : order.plain.fullAddress,
    );
    if (platform !== 'jd') expect(await row.locator(c.phone).textContent()).toBe(order.plain.phone);
    expect(await counter(page, c)).toBe(before - 1);
    expect(server.state.reveals).toHaveLength(1);
    expect(server.state.reveals[0]).toMatchObject({ platform, orderId: id });
    expect(server.state.remaining[platform]).toBe(before - 1);
    await page.close();
  });

  it('shows a markup-looking remark as text', async () => {
    const target = orders.find((o) => o.remark === MARKUP_REMARK)!;
    const { page } = await open(platform, `?q=${target.orderId}`);
    await expect.poll(() => page.locator(`${c.list} ${c.remark}`).textContent()).toBe(MARKUP_REMARK);
    expect(await page.locator(`${c.list} img`).count()).toBe(0);
    await page.close();
  });

  it('exports a UTF-8 CSV with BOM, the platform headers, and no plaintext receiver', async () => {
    const { page } = await open(platform);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(c.exportButton).click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(exportHeaders[platform]);
    const lineCount = orders.reduce((n, o) => n + o.items.length, 0);
    expect(rows).toHaveLength(1 + lineCount);
    for (const o of orders) {
      if (o.plain.phone) expect(text).not.toContain(o.plain.phone);
      if (o.plain.detail) expect(text).not.toContain(o.plain.detail);
      expect(text).not.toMatch(new RegExp(`,${o.plain.name},`, 'u'));
    }
    if (platform === 'douyin') {
      const header = exportHeaders.douyin;
      const phoneCol = header.indexOf('收件人手机号');
      for (const r of rows.slice(1)) expect(r[phoneCol]).toMatch(/^\$[A-Z0-9]{4}\$[A-Za-z0-9+/]+=\$1\$\$$/u);
    }
    await page.close();
  });

  it('bulk-ships typed rows and an uploaded CSV, records them and marks orders shipped', async () => {
    const { page } = await open(platform, '?status=待发货');
    const pending = orders.filter((o: DemoOrder) => o.status === '待发货');
    const [a, b] = [pending[0]!, pending[1]!];
    const done = orders.find((o) => o.status === '已完成')!;
    await page.locator(c.shipOpen).click();
    await page
      .locator(c.shipTextarea)
      .fill(`${a.orderId},中通快递,78000000000001\n${done.orderId},中通快递,78000000000002`);
    await page.locator(c.shipSubmit).click();
    await expect.poll(() => page.locator(c.shipSummary).textContent()).toBe('发货完成：成功 1 条，失败 1 条');
    expect(server.state.shipments).toHaveLength(1);
    expect(server.state.shipments[0]).toMatchObject({
      platform,
      orderId: a.orderId,
      trackingNo: '78000000000001',
    });

    const [idH, carrierH, noH] =
      platform === 'jd'
        ? ['订单号', '物流公司', '运单号']
        : platform === 'douyin'
          ? ['订单编号', '快递公司', '快递单号']
          : ['订单号', '快递公司', '快递单号'];
    const csv = `\uFEFF${idH},${carrierH},${noH}\r\n${b.orderId},圆通速递,YT0000000000003\r\n`;
    await page
      .locator(c.shipFile)
      .setInputFiles({ name: 'ship.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator(c.shipSubmit).click();
    await expect.poll(() => page.locator(c.shipSummary).textContent()).toBe('发货完成：成功 1 条，失败 0 条');
    expect(server.state.shipments.map((s) => s.orderId)).toEqual([a.orderId, b.orderId]);
    expect(server.state.shipments[1]).toMatchObject({ source: 'csv', carrier: '圆通速递' });
    // The list reloads: shipped orders leave the 待发货 tab.
    await expect.poll(async () => (await orderIds(page, c)).includes(a.orderId)).toBe(false);
    await page.close();
  });
});

describe('demo platform specifics', () => {
  it('WeChat: virtual numbers 11+4, and none for a malformed phone (the page says so)', async () => {
    const { page } = await open('wechat');
    // Inside the micro-app's open shadow root: document.querySelectorAll sees no order at all.
    expect(await page.evaluate(() => document.querySelectorAll('.order-card').length)).toBe(0);
    const numbers = await page.locator('.order-card .receiver__vn-number').allTextContents();
    expect(numbers.length).toBeGreaterThan(10);
    for (const n of numbers) expect(n).toMatch(/^1\d{10}-\d{4}$/u);
    const bad = demoOrders('wechat').find((o) => o.malformed === 'phone-missing-digit')!;
    const row = page.locator('.order-card').filter({ hasText: bad.orderId });
    await expect.poll(() => row.locator('.receiver__vn-none').textContent()).toContain('无虚拟号');
    expect(await row.locator('.receiver__vn-number').count()).toBe(0);
    await page.close();
  });

  it('WeChat and JD show the receipt / completion times that bound virtual numbers', async () => {
    const wechatDone = demoOrders('wechat').find((o) => o.status === '已完成')!;
    const w = await open('wechat', `?q=${wechatDone.orderId}`);
    await expect
      .poll(() => w.page.locator('.order-card .order-card__received').textContent())
      .toBe(`确认收货：${chinaDateTime(wechatDone.receivedAt!)}`);
    await w.page.close();
    const jdDone = demoOrders('jd').find((o) => o.status === '已完成')!;
    const j = await open('jd', `?q=${jdDone.orderId}`);
    await expect
      .poll(() => j.page.locator('.card .card-header .finish-time').textContent())
      .toBe(`完成时间：${chinaDateTime(jdDone.completedAt!)}`);
    await j.page.close();
  });

  it('the counter runs out: a reveal at 0 is refused and shows nothing', async () => {
    server.state.remaining.jd = 1;
    const { page } = await open('jd');
    const rows = page.locator('.jd-pro-card-table .table-body > .card');
    await rows.nth(0).locator('a.cons-view-btn').click();
    await expect.poll(() => page.locator('.view-count').textContent()).toBe('今日剩余查看次数 0');
    const masked = await rows.nth(1).locator('.cons-name-text').textContent();
    await rows.nth(1).locator('a.cons-view-btn').click();
    await expect.poll(() => page.locator('.demo-toast').textContent()).toContain('已用完');
    expect(await rows.nth(1).locator('.cons-name-text').textContent()).toBe(masked);
    expect(server.state.reveals).toHaveLength(1);
    await page.close();
  });
});

describe.each(['douyin', 'wechat', 'jd'] as const)('demo %s redesign (?skin=2)', (platform) => {
  const ui = demoUiFor(platform, 2);
  const orders = demoOrders(platform);

  it('serves the same orders with re-hashed class names and another row layout', async () => {
    const page = await context.newPage();
    await page.goto(`${server.pages[platform]}?skin=2`);
    await page.locator(ui.row).first().waitFor();
    const ids = await visibleOrderIds(page, platform, ui);
    expect(ids).toEqual(orders.slice(0, 20).map((o) => o.orderId));
    // None of skin 1's row markup is left.
    expect(await page.locator(contracts[platform].row).count()).toBe(0);
    const next = await (async () => {
      await page.locator(ui.next).first().click();
      return swapped(page, platform, ids, ui);
    })();
    expect(next).toEqual(orders.slice(20, 40).map((o) => o.orderId));
    const before = server.state.remaining[platform];
    await page.locator(ui.reveal).first().click();
    await expect.poll(() => server.state.remaining[platform]).toBe(before - 1);
    await page.close();
  });
});

describe('demo JD list in a child frame (?frame=1)', () => {
  it('draws the list in a same-origin frame at /orderList, the shell has no rows', async () => {
    const page = await context.newPage();
    await page.goto(`${server.pages.jd}?frame=1`);
    const frame = page.frameLocator('iframe');
    const cards = frame.locator('.jd-pro-card-table .table-body > .card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(20);
    expect(await page.locator('.card').count()).toBe(0);
    expect(page.frames().some((f) => new URL(f.url()).pathname === '/orderList')).toBe(true);
    await page.close();
  });
});
