// How the e2e tests drive the demo back-offices (the demo pages' own controls, not the adapters).
// Playwright's CSS locators pierce open shadow roots (the 微信小店 micro-app), so one selector
// reaches a row whether it is in the document or in the micro-app.
import type { Page } from 'playwright-core';
import type { DemoPlatform } from '../demo/data.ts';
import { classNamer, type Skin } from '../demo/pages/skin.ts';
import { DEFAULT_SEED } from '../demo/data.ts';

export interface DemoUi {
  /** One element per order (抖店 skin 1: the order's header row). */
  row: string;
  /** The element holding the order number, inside `row`. */
  orderId: string;
  idPattern: RegExp;
  next: string;
  pageNumber: (n: number) => string;
  /** The reveal controls of the page, one per revealable order, in row order. */
  reveal: string;
  counter: string;
  /** The page's own row checkbox, inside `row` (its selection is shipmask's, issue 21 item 10). */
  check: string;
  /** The cells of the page's action column (操作: 订单详情, 发货, 备注). */
  actions: string;
}

/** The demo pages' controls for one skin (class names depend on the server's seed). */
export function demoUiFor(platform: DemoPlatform, skin: Skin = 1, seed = DEFAULT_SEED): DemoUi {
  const cx = classNamer(platform, skin, seed);
  const dot = (name: string): string => `.${cx(name)}`;
  switch (platform) {
    case 'douyin':
      return {
        row:
          skin === 1
            ? 'tbody.auxo-table-tbody tr.auxo-table-row-level-0[data-row-key]'
            : 'div[data-kora_order_status]',
        orderId: `${dot('index_leftWrapper')} span:first-child`,
        idPattern: /(\d{6,})/u,
        next: '.auxo-pagination-next:not(.auxo-pagination-disabled)',
        pageNumber: (n) => `.auxo-pagination-item-${n}`,
        reveal: `${dot('index_viewIconWrapper')} [data-kora]`,
        counter: '.decrypt-quota',
        check: '.auxo-checkbox-input',
        actions: dot('index_actions'),
      };
    case 'wechat':
      return {
        row: skin === 1 ? `${dot('order-list-wrap')} ${dot('order-card')}` : `${dot('order-list-wrap')} tr`,
        orderId: dot('order-card__id'),
        idPattern: /(\d{6,})/u,
        next: '.weui-desktop-pagination__next:not(.weui-desktop-btn_disabled)',
        pageNumber: (n) => `.weui-desktop-pagination__num >> text="${n}"`,
        reveal: dot('receiver__view'),
        counter: dot('view-quota'),
        check: '.weui-desktop-form__checkbox',
        actions: dot('op-cell'),
      };
    case 'jd':
      return {
        row: skin === 1 ? '.jd-pro-card-table .table-body .card' : `${dot('order-table')} > tbody`,
        orderId: dot('order-info-btn'),
        idPattern: /(\d{6,})/u,
        next: '.el-pagination .btn-next:not([disabled])',
        pageNumber: (n) => `.el-pager li.number >> text="${n}"`,
        reveal: dot('cons-view-btn'),
        counter: dot('view-count'),
        check: '.el-checkbox__original',
        actions: dot('op-links'),
      };
  }
}

/** Skin 1 of each demo page, for the default seed. */
export const demoUi: Record<DemoPlatform, DemoUi> = {
  douyin: demoUiFor('douyin'),
  wechat: demoUiFor('wechat'),
  jd: demoUiFor('jd'),
};

/** The order ids of the rows the page shows now, in order. */
export async function visibleOrderIds(
  page: Page,
  platform: DemoPlatform,
  ui = demoUi[platform],
): Promise<string[]> {
  const texts = await page.locator(`${ui.row} ${ui.orderId}`).allTextContents();
  return texts.map((t) => ui.idPattern.exec(t)?.[1] ?? '');
}

/** Wait until the page shows rows different from `before` (an SPA swap, no navigation). */
export async function waitForSwap(
  page: Page,
  platform: DemoPlatform,
  before: string[],
  ui = demoUi[platform],
): Promise<string[]> {
  const first = before[0] ?? '';
  // Polled through locators: they pierce the micro-app's shadow root, page functions do not.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const el = page.locator(`${ui.row} ${ui.orderId}`).first();
    const text = (await el.count()) ? ((await el.textContent()) ?? '') : '';
    if (text && !text.includes(first)) break;
    if (Date.now() > deadline) throw new Error(`no page swap on ${platform} (first row still ${first})`);
    await page.waitForTimeout(50);
  }
  return visibleOrderIds(page, platform, ui);
}

/** The page's own checkbox of the row showing `orderId`. */
export function rowCheckbox(page: Page, platform: DemoPlatform, orderId: string, ui = demoUi[platform]) {
  return page
    .locator(ui.row)
    .filter({ has: page.locator(ui.orderId, { hasText: orderId }) })
    .locator(ui.check);
}
