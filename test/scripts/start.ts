// `pnpm start`: serve the demo back-offices and open Chromium with the (test-built) extension on
// the Douyin demo page. Without a display it runs headless: visits each demo page, saves a
// screenshot per page under test/out/screenshots/ and prints a one-line summary per page.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.ts';
import { launchWithExtension } from '../e2e/harness.ts';
import { readPanelSummary } from '../e2e/panel.ts';

const platforms = ['douyin', 'wechat', 'jd'] as const;
const outDir = fileURLToPath(new URL('../out/screenshots/', import.meta.url));
const headed = Boolean(process.env.DISPLAY) && process.env.SHIPMASK_HEADLESS !== '1';

const demo = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
const browser = await launchWithExtension({ headless: !headed });

if (headed) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${demo.pages.douyin}`);
  console.log(`shipmask is running on the demo back-offices:`);
  for (const p of platforms) console.log(`  ${p.padEnd(7)} ${demo.pages[p]}`);
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  const stop = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    await demo.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
} else {
  mkdirSync(outDir, { recursive: true });
  let failures = 0;
  for (const platform of platforms) {
    const page = await browser.context.newPage();
    const url = `${demo.pages[platform]}`;
    await page.goto(url);
    const summary = await readPanelSummary(page).catch((e: unknown) => `panel missing (${String(e)})`);
    if (summary.startsWith('panel missing')) failures++;
    const shot = `${outDir}${platform}.png`;
    await page.screenshot({ path: shot, fullPage: false });
    console.log(`${platform.padEnd(7)} ${url}  ${summary}  screenshot: ${shot}`);
    await page.close();
  }
  await browser.close();
  await demo.close();
  process.exitCode = failures ? 1 : 0;
}
