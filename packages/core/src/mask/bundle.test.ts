// Importing maskPhone alone must not bundle the GB/T 2260 division table (issue 3, item 7).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const coreRoot = decodeURIComponent(new URL('../..', import.meta.url).pathname);

async function bundle(code: string): Promise<string> {
  const r = await build({
    stdin: { contents: code, resolveDir: coreRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    charset: 'utf8',
    platform: 'neutral',
    logLevel: 'silent',
  });
  return r.outputFiles[0]?.text ?? '';
}

describe('bundle', () => {
  it('maskPhone alone stays small and carries no division names', async () => {
    const out = await bundle(
      `import { maskPhone } from './src/index.ts'; export const v = maskPhone('13440963639').value;`,
    );
    expect(out).not.toContain('东城区');
    expect(out).not.toContain('市辖区');
    expect(new TextEncoder().encode(out).length).toBeLessThan(12_000);
  }, 30_000);
  it('classifyField, maskName and the virtual-number helpers do not carry them either', async () => {
    const out = await bundle(
      `import { classifyField, maskName, parseVirtualNumber, virtualNumberValidity } from './src/index.ts';
       export const v = [classifyField, maskName, parseVirtualNumber, virtualNumberValidity];`,
    );
    expect(out).not.toContain('东城区');
  }, 30_000);
  it('maskText carries them: it reads the region of addresses in free text (issue 20)', async () => {
    const out = await bundle(
      `import { maskText } from './src/index.ts'; export const v = maskText('x').value;`,
    );
    expect(out).toContain('东城区');
  }, 30_000);
  it('maskAddress does carry them (so the check above can fail)', async () => {
    const out = await bundle(
      `import { maskAddress } from './src/index.ts'; export const v = maskAddress('北京市朝阳区').value;`,
    );
    expect(out).toContain('东城区');
  }, 30_000);
});
