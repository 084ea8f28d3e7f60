import type { Page } from 'playwright-core';

/** The docked shipmask panel inside its shadow root (playwright pierces open shadow roots). */
export function panel(page: Page) {
  return page.locator('shipmask-panel .sm-panel');
}

/** Wait for the panel and return its text, e.g. `shipmask: 20 orders on this page`. */
export async function readPanelSummary(page: Page, timeout = 15_000): Promise<string> {
  const el = panel(page);
  await el.waitFor({ state: 'visible', timeout });
  return ((await el.textContent()) ?? '').replace(/\s+/gu, ' ').trim();
}

/** The order count the panel shows. */
export async function readPanelCount(page: Page, timeout = 15_000): Promise<number> {
  const text = await readPanelSummary(page, timeout);
  const m = /(\d+)\s*orders/u.exec(text) ?? /(\d+)\s*单/u.exec(text);
  if (!m) throw new Error(`no order count in panel text: ${text}`);
  return Number(m[1]);
}
