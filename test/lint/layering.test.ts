// The layering of DESIGN.md is enforced by lint, and lint is part of `pnpm test`: this proves the
// rules fire, by linting violating code as if it sat in each layer.
import { existsSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const core = 'packages/core/src/time/china-time.ts';
const content = 'extension/src/content/badges.ts';

const RESTRICTED = 'no-restricted-imports';

/** A module that imports `specifier` and uses it (so only the import rules can object). */
const importing = (specifier: string): string =>
  `import type { X } from '${specifier}';\nexport type Y = X;\n`;

/** `../` once per folder between `file` and extension/src (extension/src/a/b.ts: 1). */
const toSrc = (file: string): string => '../'.repeat(file.split('/').length - 3) || './';

// One real file per layer of the extension (extension/README.md, Architecture).
const storage = 'extension/src/storage/handoff-store.ts';
const messageFeature = 'extension/src/messages/print.ts';
const messageIndex = 'extension/src/messages/index.ts';
const backgroundWiring = 'extension/src/background/router.ts';
const backgroundFeature = 'extension/src/background/print/service.ts';
const backgroundShared = 'extension/src/background/shared/handlers.ts';
const backgroundEntry = 'extension/src/entrypoints/background.ts';
/** The components: below the content script that mounts them. */
const componentFiles = [
  'extension/src/ui/Panel.tsx',
  'extension/src/ui/mark-layer.ts',
  'extension/src/gate/badges.ts',
  'extension/src/gate/GateSection.tsx',
  // The extension pages: the print page asks an order-list tab by message, never by import.
  'extension/src/print/platform-tab.ts',
  'extension/src/supplier/SupplierApp.tsx',
  'extension/src/handoff/HandoffPage.tsx',
];
const extensionTest = 'extension/src/background/router.test.ts';
const repoTest = 'test/print/component-routing.test.ts';
const uiFiles = [
  'extension/src/content/badges.ts',
  'extension/src/ui/Panel.tsx',
  'extension/src/gate/badges.ts',
  'extension/src/print/build.ts',
  'extension/src/supplier/labels/labels.ts',
  'extension/src/print/page/usePrintJob.ts',
  'extension/src/adapters/read.ts',
  'extension/src/entrypoints/popup/draft.ts',
  'extension/src/handoff/ship-rows.ts',
  'extension/src/handoff/seal/SealedBatch.tsx',
  'extension/src/entrypoints/orders.content/index.tsx',
  'extension/src/client.ts',
];
const uiFolders = [
  'ui/Panel',
  'content/app',
  'gate/badges',
  'print/build',
  'supplier/labels',
  'handoff/HandoffPage',
  'entrypoints/popup/draft',
  'client',
];

describe('layering lint', () => {
  it('lints real files of each layer (a moved file must be renamed here too)', () => {
    const named = [
      storage,
      messageFeature,
      messageIndex,
      backgroundWiring,
      backgroundFeature,
      backgroundShared,
      backgroundEntry,
      extensionTest,
      repoTest,
      ...uiFiles,
      ...componentFiles,
    ];
    expect(named.filter((f) => !existsSync(new URL(`../../${f}`, import.meta.url)))).toEqual([]);
  });

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

  it('keeps storage below the services: no import from background or any UI', async () => {
    for (const folder of ['background/handoff/batch', 'background/router', ...uiFolders]) {
      expect(await ruleIds(importing(`${toSrc(storage)}${folder}`), storage), folder).toContain(RESTRICTED);
    }
    // Downward is fine: the contract and core.
    expect(await ruleIds(importing('../messages/shared'), storage)).toEqual([]);
    expect(await ruleIds(importing('@shipmask/core'), storage)).toEqual([]);
  });

  it('keeps a feature message module on @shipmask/core and messages/shared only', async () => {
    for (const specifier of [
      './quota',
      './handoff',
      './index',
      '../storage',
      '../client',
      '../adapters/types',
      'preact',
    ]) {
      expect(await ruleIds(importing(specifier), messageFeature), specifier).toContain(RESTRICTED);
    }
    expect(await ruleIds(importing('./shared'), messageFeature)).toEqual([]);
    expect(await ruleIds(importing('@shipmask/core'), messageFeature)).toEqual([]);
    // index.ts composes the features beside it, and reaches nothing outside messages/.
    expect(await ruleIds(importing('./quota'), messageIndex)).toEqual([]);
    expect(await ruleIds(importing('../background/router'), messageIndex)).toContain(RESTRICTED);
    expect(await ruleIds(importing('../storage'), messageIndex)).toContain(RESTRICTED);
  });

  it('keeps UI out of the background, at every depth', async () => {
    for (const file of [backgroundWiring, backgroundFeature]) {
      for (const folder of [...uiFolders, 'entrypoints/background']) {
        expect(await ruleIds(importing(`${toSrc(file)}${folder}`), file), `${file} -> ${folder}`).toContain(
          RESTRICTED,
        );
      }
    }
    // Background features may use each other (through a face) and everything below them.
    expect(await ruleIds(importing('../gate'), backgroundFeature)).toEqual([]);
    expect(await ruleIds(importing('../../storage'), backgroundFeature)).toEqual([]);
    expect(await ruleIds(importing('./print/service'), backgroundWiring)).toEqual([]);
  });

  it("keeps background features out of each other's files: a face, or background/shared", async () => {
    for (const target of ['../gate/service', '../gate/store', '../quota/ledgers', '../shops/tab-shops']) {
      expect(await ruleIds(importing(target), backgroundFeature), target).toContain(RESTRICTED);
    }
    for (const target of ['../gate', '../quota', '../shared/handlers', './jobs', '../../messages/print']) {
      expect(await ruleIds(importing(target), backgroundFeature), target).toEqual([]);
    }
    // The wiring composes the features' files; background/shared sits below features and wiring.
    expect(await ruleIds(importing('./quota/ledgers'), backgroundWiring)).toEqual([]);
    for (const target of ['../gate', '../gate/service', '../router', '../validate']) {
      expect(await ruleIds(importing(target), backgroundShared), target).toContain(RESTRICTED);
    }
    for (const target of ['./refusal', '../../messages/shared', '@shipmask/core']) {
      expect(await ruleIds(importing(target), backgroundShared), target).toEqual([]);
    }
  });

  it('keeps the components (ui/, gate/) and the extension pages below the content script', async () => {
    for (const file of componentFiles) {
      for (const target of ['content/app', 'content/badges', 'content/row-source', 'content']) {
        expect(await ruleIds(importing(`${toSrc(file)}${target}`), file), `${file} -> ${target}`).toContain(
          RESTRICTED,
        );
      }
      expect(await ruleIds(importing(`${toSrc(file)}ui/badge`), file), file).toEqual([]);
    }
    // Downward is fine: the content script uses the components and their vocabulary.
    expect(await ruleIds(importing('../ui/i18n'), content)).toEqual([]);
    expect(await ruleIds(importing('../gate/badges'), content)).toEqual([]);
  });

  it('refuses the removed root message modules everywhere, tests included', async () => {
    const shims = ['messages', 'handoff-messages', 'gate-messages', 'adapter-messages', 'address-messages'];
    const files = [
      storage,
      backgroundWiring,
      backgroundFeature,
      backgroundShared,
      backgroundEntry,
      extensionTest,
    ];
    for (const file of [...files, ...uiFiles, ...componentFiles]) {
      for (const shim of shims) {
        expect(await ruleIds(importing(`${toSrc(file)}${shim}`), file), `${file} -> ${shim}`).toContain(
          RESTRICTED,
        );
      }
      expect(await ruleIds(importing(`${toSrc(file)}messages/quota`), file), file).toEqual([]);
    }
    expect(await ruleIds(importing('../../extension/src/messages.ts'), repoTest)).toContain(RESTRICTED);
    expect(await ruleIds(importing('../../extension/src/gate-messages.ts'), repoTest)).toContain(RESTRICTED);
    expect(await ruleIds(importing('../../extension/src/messages/print.ts'), repoTest)).toEqual([]);
  });

  it('keeps the background and storage out of UI: UI sends messages', async () => {
    for (const file of uiFiles) {
      for (const target of ['background/router', 'background/print/service', 'storage', 'storage/store']) {
        expect(await ruleIds(importing(`${toSrc(file)}${target}`), file), `${file} -> ${target}`).toContain(
          RESTRICTED,
        );
      }
      expect(await ruleIds(importing(`${toSrc(file)}messages/quota`), file), file).toEqual([]);
    }
  });

  it('holds on the real tree: no file of extension/src breaks an import rule', async () => {
    // The import rules are syntactic: lint without type information, for speed.
    const fast = new ESLint({
      cwd: new URL('../..', import.meta.url).pathname,
      ruleFilter: ({ ruleId }) => ruleId === RESTRICTED,
      overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    });
    const results = await fast.lintFiles(['extension/src']);
    expect(results.length).toBeGreaterThan(200);
    const broken = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(broken).toEqual([]);
  });
});
