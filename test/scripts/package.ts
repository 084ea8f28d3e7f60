// `pnpm package`: the release artefacts, in release/ (issue 19 item 4).
//  - shipmask-<version>-chrome.zip: the production extension for Chromium (Chrome, Edge, 360, QQ
//    browsers), MV3, real back-office hosts only, the single-file supplier page inside;
//  - shipmask-<version>-firefox.zip: the same for Firefox (MV2, as WXT builds for Firefox), and
//    shipmask-<version>-sources.zip (`git archive HEAD`), which addons.mozilla.org asks for when the
//    code is bundled;
//  - supplier-<version>.html: the supplier page beside them (what a merchant sends a supplier);
//  - shipmask-core-<version>.tgz: `@shipmask/core` packed by pnpm, ready for `npm publish`;
//  - SHA256SUMS, also printed.
// The version is extension/package.json's (WXT writes it into the manifest); core carries its own.
// Zips are written with fflate (already core's dependency) with fixed timestamps, so the same tree
// gives the same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const ext = join(root, 'extension');
const out = join(root, 'release');
const version = (JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')) as { version: string }).version;
const coreVersion = (
  JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string }
).version;

function run(cmd: string, args: readonly string[], cwd = root): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Every file under `dir`, as a zip tree with a fixed date (reproducible bytes). */
function zipDir(dir: string): Uint8Array {
  const files: Zippable = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else
        files[relative(dir, p).split('\\').join('/')] = [
          readFileSync(p),
          { mtime: new Date(Date.UTC(2026, 0, 1)) },
        ];
    }
  };
  walk(dir);
  return zipSync(files, { level: 9 });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const artefacts: string[] = [];
for (const browser of ['chrome', 'firefox'] as const) {
  const dir = join(ext, '.output', browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
  run('pnpm', ['exec', 'wxt', 'build', '-b', browser], ext);
  run(
    'pnpm',
    ['exec', 'tsx', 'scripts/build-supplier.ts', join(out, `supplier-${version}.html`), '--into', dir],
    ext,
  );
  const zip = join(out, `shipmask-${version}-${browser}.zip`);
  writeFileSync(zip, zipDir(dir));
  artefacts.push(zip);
}
artefacts.push(join(out, `supplier-${version}.html`));

const sources = join(out, `shipmask-${version}-sources.zip`);
run('git', ['archive', '--format=zip', '-o', sources, 'HEAD']);
artefacts.push(sources);

run('pnpm', ['-F', '@shipmask/core', 'run', 'build']);
run('pnpm', ['pack', '--pack-destination', out], join(root, 'packages/core'));
artefacts.push(join(out, `shipmask-core-${coreVersion}.tgz`));

const sums = artefacts.map(
  (f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${relative(out, f)}`,
);
writeFileSync(join(out, 'SHA256SUMS'), sums.join('\n') + '\n');
process.stdout.write(`\nrelease/ (version ${version}, core ${coreVersion}):\n${sums.join('\n')}\n`);
