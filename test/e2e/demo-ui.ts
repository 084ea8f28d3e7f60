// How the e2e tests drive the demo back-offices (the demo pages' own controls, not the adapters).
import type { Page } from 'playwright-core';
import type { DemoPlatform } from '../demo/data.ts';

export const demoUi: Record<
  DemoPlatform,
  {
    row: string;
    orderId: string;
    idPattern: RegExp;
    next: string;
    pageNumber: (n: number) => string;
    reveal: string;
    counter: string;
  }
> = {
  douyin: {
    row: '.order-list .order-item',
    orderId: '.order-id',
    idPattern: /(\d{6,})/u,
    next: '.auxo-pagination-next:not(.auxo-pagination-disabled)',
    pageNumber: (n) => `.auxo-pagination-item-${n}`,
    reveal: '.receiver-eye',
    counter: '.decrypt-quota',
  },
  wechat: {
    row: '.order-list-wrap .order-card',
    orderId: '.order-card__id',
    idPattern: /(\d{6,})/u,
    next: '.weui-desktop-pagination__next:not(.weui-desktop-btn_disabled)',
    pageNumber: (n) => `.weui-desktop-pagination__num >> text="${n}"`,
    reveal: '.receiver__view',
    counter: '.view-quota',
  },
  jd: {
    row: 'table.order-tb tbody.order-tbody',
    orderId: '.order-no',
    idPattern: /(\d{6,})/u,
    next: 'a.ui-page-next',
    pageNumber: (n) => `.ui-page-num >> text="${n}"`,
    reveal: '.btn-view',
    counter: '.view-count',
  },
};

/** The order ids of the rows the page shows now, in order. */
export async function visibleOrderIds(page: Page, platform: DemoPlatform): Promise<string[]> {
  const ui = demoUi[platform];
  const texts = await page.locator(`${ui.row} ${ui.orderId}`).allTextContents();
  return texts.map((t) => ui.idPattern.exec(t)?.[1] ?? '');
}

/** Wait until the page shows rows different from `before` (an SPA swap, no navigation). */
export async function waitForSwap(page: Page, platform: DemoPlatform, before: string[]): Promise<string[]> {
  const ui = demoUi[platform];
  const first = before[0] ?? '';
  await page.waitForFunction(
    ([sel, idSel, id]) => {
      const el = document.querySelector(`${sel} ${idSel}`);
      return el !== null && !(el.textContent ?? '').includes(id);
    },
    [ui.row, ui.orderId, first] as const,
  );
  return visibleOrderIds(page, platform);
}
