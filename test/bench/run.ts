// `pnpm bench`: runs every test/bench/*.bench.ts suite (or those named on the command line),
// prints one Markdown results table and writes it to test/out/bench.md.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const fmt = (v: number): string =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 100
      ? Math.round(v).toLocaleString('en-US')
      : v.toPrecision(3);

const lines = [
  `# shipmask benchmarks`,
  ``,
  `Node ${process.version}, ${new Date().toISOString()}`,
  ``,
  `| suite | measure | value | unit | target | ok | note |`,
  `| --- | --- | ---: | --- | --- | --- | --- |`,
];
let failed = 0;
for (const file of files) {
  // The file names come from this folder listing, not from user input.
  // eslint-disable-next-line no-unsanitized/method
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchSuite };
  const suite = mod.default;
  process.stderr.write(`bench: ${suite.name}…\n`);
  let rows: readonly BenchRow[];
  try {
    rows = await suite.run();
  } catch (error) {
    failed++;
    lines.push(`| ${suite.name} | (crashed) | | | | ✗ | ${String(error).replaceAll('|', '/')} |`);
    continue;
  }
  for (const r of rows) {
    if (r.ok === false) failed++;
    const ok = r.ok === undefined ? '' : r.ok ? '✓' : '✗';
    lines.push(
      `| ${suite.name} | ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.target ?? ''} | ${ok} | ${r.note ?? ''} |`,
    );
  }
}
const table = lines.join('\n') + '\n';
const out = join(here, '..', 'out', 'bench.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, table);
process.stdout.write(table);
process.stdout.write(`\nwritten to ${out}${failed ? `; ${failed} target(s) missed` : ''}\n`);
