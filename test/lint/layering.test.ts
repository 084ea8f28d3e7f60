// The layering of DESIGN.md is enforced by lint, and lint is part of `pnpm test`: this proves the
// rules fire, by linting violating code as if it sat in each layer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const core = 'packages/core/src/time/china-time.ts';
const content = 'extension/src/content/badges.ts';

describe('layering lint', () => {
  it('keeps core pure: no DOM, browser, idb, Preact or Node', async () => {
    expect(await ruleIds(`export const a = document.title;\n`, core)).toContain('no-restricted-globals');
    expect(await ruleIds(`export const a = chrome.runtime.id;\n`, core)).toContain('no-restricted-globals');
    expect(await ruleIds(`export const a = Date.now() + setTimeout.length;\n`, core)).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds(`import { openDB } from 'idb';\nexport const a = openDB;\n`, core)).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(`import { h } from 'preact';\nexport const a = h;\n`, core)).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds(`import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n`, core),
    ).toContain('no-restricted-imports');
  });

  it('keeps IndexedDB out of UI code', async () => {
    expect(await ruleIds(`import { openDB } from 'idb';\nexport const a = openDB;\n`, content)).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(`export const a = indexedDB.open('x');\n`, content)).toContain(
      'no-restricted-globals',
    );
  });

  it('forbids markup sinks and floating promises everywhere', async () => {
    expect(
      await ruleIds(`export function f(el: Element, s: string) { el.innerHTML = s; }\n`, content),
    ).toContain('no-restricted-syntax');
    expect(
      await ruleIds(
        `export function f(el: Element, s: string) { el.insertAdjacentHTML('beforeend', s); }\n`,
        content,
      ),
    ).toEqual(expect.arrayContaining(['no-restricted-syntax']));
    expect(await ruleIds(`export async function g() {}\nexport function f() { g(); }\n`, content)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });

  it('accepts clean code (the rules are not blanket refusals)', async () => {
    expect(await ruleIds(`export const a = 1 + 1;\n`, core)).toEqual([]);
  });
});
