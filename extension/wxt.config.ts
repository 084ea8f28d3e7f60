import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { allBackOfficeMatches, demoMatches, syncServerOptionalMatches } from './src/origins';

const coreSrc = fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url));
const lateDivisionsSrc = fileURLToPath(new URL('./src/content/divisions-late.ts', import.meta.url));

/**
 * The content script's build only: core's division tables (`mask/divisions-data.ts`, 39 KB, 16 KB
 * gzipped) resolve to `src/content/divisions-late.ts`, filled in at run time from extension
 * storage, so the tables are not parsed in every frame of a back-office (issue 15: the content
 * script's size; the background and the extension pages keep core's own module).
 */
const lateDivisions = () => ({
  name: 'shipmask:late-divisions',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (
      source === './divisions-data.js' &&
      importer?.replaceAll('\\', '/').endsWith('/core/src/mask/divisions.ts')
    )
      return lateDivisionsSrc;
    return null;
  },
});

// Builds: `wxt build` (production: real back-office origins only) and `wxt build --mode test`
// (adds 127.0.0.1 for the demo back-offices; used by `pnpm start`, `pnpm test` and `pnpm bench`).
export default defineConfig({
  srcDir: 'src',
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    plugins: [preact()],
    resolve: { alias: { '@shipmask/core': coreSrc } },
    // SHIPMASK_NOMINIFY=1 keeps function names for test/scripts/profile-overlay.ts.
    build: { sourcemap: false, minify: process.env.SHIPMASK_NOMINIFY ? false : undefined },
  }),
  manifest: ({ mode }) => ({
    name: mode === 'production' ? 'shipmask' : 'shipmask (test)',
    description:
      '面单打印、厂商代发与解密额度管理，不落地买家明文。Waybills, supplier hand-off and decrypt quota without buyer plaintext.',
    // alarms: daily retention purge. unlimitedStorage: exempts the ledger and print logs from quota
    // and eviction (Chrome docs, "Storage and cookies"); it shows no install warning.
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions:
      mode === 'production' ? allBackOfficeMatches : [...allBackOfficeMatches, ...demoMatches],
    // Issue 22: the merchant's CouchDB, asked for one origin at pairing time (origins.ts).
    optional_host_permissions: syncServerOptionalMatches,
    // Firefox: an add-on id is required to sign and publish on addons.mozilla.org (web-ext lint
    // warns without it); Chromium ignores the key.
    // data_collection_permissions (Firefox 140, Android 142: hence the minimum version): Firefox's declaration of what leaves the device: nothing (the
    // extension has no server; sealed hand-offs travel however the merchant sends them).
    browser_specific_settings: {
      gecko: {
        id: 'shipmask@shipmask.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((e) => e.type === 'content-script'))
        viteConfig.plugins = [...(viteConfig.plugins ?? []), lateDivisions()];
    },
    // Content-script matches are static in the entrypoint; dev/test builds also run on 127.0.0.1.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const cs of manifest.content_scripts ?? []) {
        cs.matches = [...new Set([...(cs.matches ?? []), ...demoMatches])];
      }
      for (const war of manifest.web_accessible_resources ?? []) {
        if (typeof war === 'object' && 'matches' in war) {
          war.matches = [...new Set([...(war.matches ?? []), ...demoMatches])];
        }
      }
    },
  },
});
