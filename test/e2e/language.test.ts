// Issue 21 item 9: one language setting for every page, and no leftovers in either language.
// The setting is made once (on the panel of a demo back-office); the popup, print, hand-off and
// in-extension supplier pages then open in it. In English no UI text holds a Han character (the
// pages are opened empty: every word on them is ours, none is order data); in Chinese no
// half-width comma, colon, semicolon, question or exclamation mark, or parenthesis touches a Han
// character (Chinese text takes full-width punctuation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { demoUi } from './demo-ui.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { overlay } from './overlay-roots.ts';
import { bg } from './print-fixtures.ts';
import { openPanel } from './panel.ts';

let demo: DemoServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  demo = await startDemoServer({});
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const PAGES = ['popup.html', 'print.html', 'handoff.html', 'supplier.html'] as const;
/**
 * Han outside quotation marks. English text may quote a control of the Chinese-only back-office
 * as the merchant sees it there (“批量打印”); anything else is a leftover.
 */
const HAN = /\p{Script=Han}(?![^“”]*”)/u;
/** Half-width punctuation next to a Han character (either side). */
const HALF_WIDTH = /\p{Script=Han}[,:;!?()]|[,:;!?(]\p{Script=Han}/gu;

/** Shop names are data (as the back-office shows them): taken out before checking the words. */
let shopNames: string[] = [];

async function textOf(page: Page): Promise<string> {
  const text = await uiText(page);
  // The language switch names the other language in itself (中文 / English).
  return shopNames
    .reduce((t, name) => t.replaceAll(name, ''), text)
    .split('\n')
    .filter((line) => line.trim() !== '中文')
    .join('\n');
}

async function uiText(page: Page): Promise<string> {
  // Visible text plus attributes a reader meets: placeholders, titles, alt and aria labels.
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[placeholder],[title],[alt],[aria-label]'))
      for (const a of ['placeholder', 'title', 'alt', 'aria-label'])
        if (el.getAttribute(a)) parts.push(el.getAttribute(a)!);
    for (const o of document.querySelectorAll('option')) parts.push(o.textContent ?? '');
    return parts.join('\n');
  });
}

/** Lines that break the rule, for a readable failure. */
function offending(text: string, re: RegExp): string[] {
  return text.split('\n').filter((line) => new RegExp(re.source, 'u').test(line));
}

describe('one language for every page', () => {
  it('the panel sets it; popup, print, hand-off and supplier pages follow; no leftovers in English, full-width punctuation in Chinese', async () => {
    const office = await browser.context.newPage();
    await office.goto(demo.pages.douyin);
    await office.locator(demoUi.douyin.row).first().waitFor();
    const panel = overlay(office, 'shipmask-panel').locator('.sm-panel');
    await openPanel(office);
    await panel.locator('button', { hasText: 'English' }).click();
    await panel.locator('button', { hasText: '中文' }).waitFor();
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const names = async (): Promise<string[]> =>
      (await bg<{ shopName?: string }[]>(ext, { type: 'shops/list' })).flatMap((x) =>
        x.shopName ? [x.shopName] : [],
      );
    await expect.poll(names, { timeout: 20_000 }).toContain('山茶小铺');
    shopNames = await names();
    expect(shopNames).toContain('山茶小铺');
    await ext.close();

    for (const path of PAGES) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
        .toBe('en');
      await page.waitForTimeout(300);
      const text = await textOf(page);
      expect(offending(text, HAN), `${path} in English`).toEqual([]);
      await page.close();
    }

    // Back to Chinese from the hand-off page's own toggle: every page follows again.
    const hand = await browser.context.newPage();
    await hand.goto(`chrome-extension://${browser.extensionId}/handoff.html`);
    await hand.locator('button', { hasText: '中文' }).first().click();
    await expect.poll(() => hand.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await hand.close();
    for (const path of PAGES) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
        .toBe('zh-CN');
      await page.waitForTimeout(300);
      const text = await textOf(page);
      expect(/\p{Script=Han}/u.test(text), path).toBe(true);
      // A format written out in 「」 (「订单号,运单号」) keeps its literal comma.
      expect(offending(text.replace(/「[^」\n]*」/gu, '「」'), HALF_WIDTH), `${path} in Chinese`).toEqual([]);
      await page.close();
    }
    // The panel on a fresh load reads the same setting.
    await office.reload();
    await openPanel(office);
    await overlay(office, 'shipmask-panel').locator('.sm-panel button', { hasText: 'English' }).waitFor();
    await office.close();
  });
});
