import type { Page } from 'playwright-core';
import { overlay } from './overlay-roots.ts';

/** The docked shipmask panel inside its shadow root (playwright pierces open shadow roots). */
export function panel(page: Page) {
  return overlay(page, 'shipmask-panel').locator('.sm-panel');
}

/** The panel's side tab on the window's right edge (issue 21 item 10). */
export function sideTab(page: Page) {
  return panel(page).locator('[data-testid="side-tab"]');
}

/**
 * Expand the panel from its side tab (it starts collapsed, so that it never covers the page's
 * action column) and wait for its controls.
 */
export async function openPanel(page: Page, timeout = 15_000): Promise<void> {
  const tab = sideTab(page);
  await tab.waitFor({ state: 'visible', timeout });
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await panel(page).locator('.sm-sheet').waitFor({ state: 'visible', timeout });
}

/**
 * Wait for the panel and return a one-line summary of it, e.g.
 * `shipmask本页 20 单 · 虚拟号 15 · 脱敏 5 · 解密额度 已用 0 / 上限 500 / 剩余 500` (expanding the panel).
 */
export async function readPanelSummary(page: Page, timeout = 15_000): Promise<string> {
  const el = panel(page);
  await el.waitFor({ state: 'visible', timeout });
  await openPanel(page, timeout);
  // Read in Node through locators: code evaluated in the page must not depend on the runner's
  // transpiler helpers.
  const clean = (t: string | null): string => (t ?? '').replace(/\s+/gu, ' ').trim();
  const parts = [
    `${clean(await el.locator('.sm-brand').textContent())}${clean(await el.locator('.sm-count').textContent())}`,
  ];
  const badges = (await el.locator('.sm-summary li').allTextContents()).map(clean);
  if (badges.length) parts.push(badges.join(' · '));
  const quota = el.locator('.sm-quota');
  if (await quota.count()) {
    const dts = (await quota.locator('dt').allTextContents()).map(clean);
    const dds = (await quota.locator('dd').allTextContents()).map(clean);
    parts.push(
      `${clean(await quota.locator('.sm-quota-head span').first().textContent())} ${dts.map((d, i) => `${d} ${dds[i] ?? ''}`).join(' / ')}`,
    );
  }
  return parts.join(' · ');
}

/** The order count the panel shows. */
export async function readPanelCount(page: Page, timeout = 15_000): Promise<number> {
  const el = panel(page).locator('[data-testid="order-count"]');
  await el.waitFor({ state: 'visible', timeout });
  const text = (await el.textContent()) ?? '';
  const m = /(\d+)/u.exec(text);
  if (!m) throw new Error(`no order count in panel text: ${text}`);
  return Number(m[1]);
}
