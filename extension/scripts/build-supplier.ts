// Build the single-file supplier page: one HTML file with its script and style inlined and a strict
// Content-Security-Policy whose script-src / style-src allow exactly those two inline blocks (by
// SHA-256). The file needs no install and no server: open it from disk (file://) or put it on any
// static host; it makes no network request. Its only possible connection is a WebSocket to the
// supplier's own print component on 127.0.0.1 (connect-src ws://127.0.0.1:*, nothing else; the
// page's code refuses any other URL too: src/supplier/component/component-print.ts).
//
//   npx tsx extension/scripts/build-supplier.ts [outFile]
//   (default extension/.output/supplier/supplier.html; `pnpm -F @shipmask/extension build:supplier`)
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const coreSrc = resolve(root, '../packages/core/src/index.ts');

/** The copy inside the extension's build. */
export const STANDALONE_NAME = 'supplier-standalone.html';

/** The CSP of the single-file page, given the inline script and style. */
export function supplierCsp(script: string, style: string): string {
  const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  return [
    "default-src 'none'",
    `script-src ${sha(script)}`,
    `style-src ${sha(style)}`,
    'img-src data:',
    // The supplier's print component only (any port: the port is a setting); every other host
    // is blocked, and in Chromium so is plain http(s) to 127.0.0.1 (test/e2e/supplier-component).
    // The page's code opens nothing but this WebSocket (component-print.ts `localSocket`).
    'connect-src ws://127.0.0.1:*',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Build the page; returns its HTML. */
export async function buildSupplierPage(): Promise<{
  html: string;
  scriptBytes: number;
  styleBytes: number;
}> {
  const js = await build({
    entryPoints: [resolve(root, 'src/supplier/standalone.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@shipmask/core': coreSrc },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Inside <script>, "</script" would end the element: escape it (valid in strings and regexes).
  const script = js.outputFiles[0]!.text.replace(/<\/(script)/giu, '<\\/$1').replace(/<!--/gu, '<\\!--');
  const css = await transform(readFileSync(resolve(root, 'src/supplier/supplier.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  });
  const style = css.code.replace(/<\/(style)/giu, '<\\/$1');
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${supplierCsp(script, style)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>厂家发货页 · shipmask</title>
<style>${style}</style>
</head>
<body>
<div id="app"></div>
<script>${script}</script>
</body>
</html>
`;
  return { html, scriptBytes: Buffer.byteLength(script), styleBytes: Buffer.byteLength(style) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Arguments: [outFile] [--into <extension output dir>]...: each --into gets a copy named
  // `supplier-standalone.html`, which the hand-off page offers as a download (the merchant sends
  // it to the supplier once; the supplier opens it from disk and pastes sealed text).
  const args = process.argv.slice(2);
  const into: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--into' && args[i + 1]) into.push(resolve(root, args[++i]!));
    else rest.push(args[i]!);
  }
  const out = resolve(rest[0] ?? resolve(root, '.output/supplier/supplier.html'));
  const { html, scriptBytes } = await buildSupplierPage();
  for (const file of [out, ...into.map((d) => resolve(d, STANDALONE_NAME))]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  console.log(`supplier page: ${out} (${html.length} characters, script ${scriptBytes} bytes)`);
}
