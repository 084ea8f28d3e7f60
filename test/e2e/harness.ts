// Real-Chromium harness: Debian's /usr/bin/chromium driven by playwright-core with the built
// extension (test build: `pnpm -F @shipmask/extension build:test`). No browser is downloaded.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { registerOverlayRootEngine } from './overlay-roots.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const extensionDir = fileURLToPath(
  new URL('../../extension/.output/chrome-mv3-test', import.meta.url),
);

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const quietArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Several tabs act at once in the tests: do not throttle the ones in the background.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  readonly profileDir: string;
  /** Close the browser; the profile is kept when `keepProfile` was set (for restart tests). */
  close(): Promise<void>;
}

/**
 * Launch Chromium with the built extension in a persistent profile (a new temporary one unless
 * `profileDir` is given) and wait for its service worker.
 */
export async function launchWithExtension(
  options: {
    profileDir?: string;
    keepProfile?: boolean;
    headless?: boolean;
    viewport?: { width: number; height: number };
  } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`extension not built at ${extensionDir}: run pnpm -F @shipmask/extension build:test`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'shipmask-profile-'));
  // The overlay's shadow roots are closed: tests reach them through `overlay-roots.ts`.
  await registerOverlayRootEngine();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quietArgs],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    async close() {
      await context.close();
      if (!options.keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Launch Chromium WITHOUT the extension (e.g. the supplier's fresh profile). */
export async function launchPlain(
  options: { headless?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'shipmask-plain-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: quietArgs,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
