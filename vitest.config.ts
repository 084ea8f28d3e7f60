import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const coreSrc = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));

// One vitest run for the whole repo: core unit + property tests, extension unit tests (fake
// IndexedDB), and the end-to-end suite in real Chromium with the built extension.
export default defineConfig({
  resolve: { alias: { '@shipmask/core': coreSrc } },
  test: {
    // Property tests run hundreds of cases; on a loaded 2-core machine 5 s is not enough for a
    // correct run. A hung test still fails, later.
    testTimeout: 30_000,
    // Fixed fast-check seed unless FC_SEED=random (`pnpm fuzz`); see the file.
    setupFiles: ['test/setup/fast-check.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['packages/*/src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'extension',
          include: ['extension/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'harness',
          include: [
            'test/demo/**/*.test.ts',
            'test/print/**/*.test.ts',
            'test/lint/**/*.test.ts',
            'test/bench/**/*.test.ts',
            'test/release/**/*.test.ts',
          ],
          testTimeout: 60_000,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // Sync against a real CouchDB-protocol server (pouchdb-server on 127.0.0.1), node-side.
          name: 'sync',
          include: ['test/sync/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for the page and the extension, not for a fixed delay: on a loaded
          // 2-core machine a content script can take seconds to report, so poll for up to 15 s
          // (a poll that never succeeds still fails, only later).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
