// Dev probe: open a demo page in plain Chromium and print page errors and a few counts.
//   npx tsx test/scripts/demo-probe.ts <url> [selector...]
import { chromium } from 'playwright-core';
import { chromiumPath, quietArgs } from '../e2e/harness.ts';

const [url, ...selectors] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: quietArgs });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
await page.goto(url!);
await page.waitForTimeout(1500);
for (const s of selectors) console.log(s, await page.locator(s).count());
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: false });
await browser.close();
