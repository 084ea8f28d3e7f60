import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const coreSrc = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));

// One vitest run for the whole repo: core unit + property tests, extension unit tests (fake
// IndexedDB), and the end-to-end suite in real Chromium with the built extension.
export default defineConfig({
  resolve: { alias: { '@shipmask/core': coreSrc } },
  test: {
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
          ],
          testTimeout: 60_000,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // A real Chromium on a shared 2-core machine: the overlay may mount over a second after
          // `goto`; a poll whose callback waits for it needs more than the default 1 s.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
