// Content-based detection (extension/src/adapters/detect) bundled for a plain page: the e2e test
// and the probe script inject it into the demo back-offices and read what it finds, without the
// extension (so the redesign variants are measured on detection alone).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../extension/src/adapters/detect/page-probe.ts', import.meta.url));
const core = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

/** The IIFE that defines `globalThis.__shipmaskDetect(platform)`. */
export async function detectBundle(): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { '@shipmask/core': core },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** What one detection run found on a page. */
export interface DetectProbe {
  readonly found: boolean;
  readonly signature: string;
  /** The first inference on the page (core's address tables are built on first use). */
  readonly coldMs: number;
  readonly inferMs: number;
  /** Re-finding and reading the rows with the kept layout (a page swap's cost). */
  readonly swapMs: number;
  readonly orders: readonly {
    readonly orderId: string;
    readonly name: boolean;
    readonly phone: boolean;
    readonly address: boolean;
  }[];
}
