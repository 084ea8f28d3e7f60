// One lint setup for the whole repo. The layering of DESIGN.md is enforced here:
// - core imports nothing from the DOM, browser/extension APIs, idb or Preact, and no Node-only API;
// - UI code does not touch IndexedDB (only the background's storage layer does);
// - the extension's layers import downward only (extension/README.md, Architecture): messages/
//   features import core and messages/shared only; storage imports no service or UI; background
//   features import no UI, reach another feature only through its face (<feature>/index.ts) and
//   share the rest through background/shared, which imports no feature; UI (content, ui, gate,
//   print, supplier, handoff, extension pages) reaches the background through messages and
//   client.ts, never by importing background/ or storage/; ui/ and gate/ (components) never import
//   content/ (the content script that mounts them);
// - nothing imports the removed root message modules (messages.ts, *-messages.ts): a message type is
//   imported from its feature module, messages/<feature>;
// - no innerHTML-style sinks anywhere (page and order text never becomes markup);
// - no floating promises.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const markupSinks = [
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'No innerHTML: render text with Preact or textContent (invariant 2).',
  },
  {
    selector: "AssignmentExpression[left.property.name='outerHTML']",
    message: 'No outerHTML (invariant 2).',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML (invariant 2).',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No document.write (invariant 2).',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML (invariant 2).',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'No createContextualFragment (invariant 2).',
  },
];

const coreForbiddenGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'indexedDB',
  'IDBKeyRange',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'self',
  'importScripts',
  'caches',
  'postMessage',
  'process',
  'Buffer',
  'require',
  '__dirname',
  'setTimeout',
  'setInterval',
  'performance',
].map((name) => ({
  name,
  message: `@shipmask/core is pure (DESIGN.md invariant 4): no ${name}. Pass time, randomness and I/O in as arguments.`,
}));

// UI code never opens IndexedDB (kept in every extension block below: a later block's
// no-restricted-imports replaces an earlier one's for the same file).
const noIdb = [
  {
    group: ['idb', 'idb/*'],
    message: 'Only the background storage layer (extension/src/storage) imports idb.',
  },
  {
    group: ['**/storage/db*', '**/storage/idb*'],
    message: 'UI talks to storage through messages, not directly.',
  },
];

// The root message modules (src/messages.ts, src/handoff-messages.ts, …) were compatibility
// re-exports and are gone; `../messages` would now silently mean messages/index.ts. Kept in every
// extension block below, and in the tests' block.
const noRootMessages = [
  {
    regex: '(^|/)(messages|[a-z]+-messages)(\\.ts)?$',
    message:
      'Import a message type from its feature module, messages/<feature> (messages/index for the request unions); the root message modules are gone.',
  },
];

// Folders of extension/src that draw pages or read them (the UI side of the messages).
const uiFolders = ['ui', 'content', 'gate', 'print', 'supplier', 'handoff', 'entrypoints', 'client'];

/** Import specifiers that reach `folders` of extension/src from a file `depth` folders below it. */
const fromSrc = (depth, folders) =>
  folders.flatMap((f) => [`${'../'.repeat(depth)}${f}`, `${'../'.repeat(depth)}${f}/**`]);

/**
 * The background's imports from a file `depth` folders below extension/src (1: background/x.ts),
 * with the `extra` patterns of its place.
 */
const backgroundLayer = (depth, extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...noIdb,
        ...noRootMessages,
        {
          group: fromSrc(depth, uiFolders),
          message:
            'The background never imports UI (ui, content, gate, print, supplier, handoff, entrypoints, client.ts): pages talk to it through messages.',
        },
        ...extra,
      ],
    },
  ],
});

// A background feature reaches another feature through its face (`../gate`, i.e. gate/index.ts),
// never a file inside it; what every feature uses lives in background/shared.
const noFeatureInternals = {
  regex: '^\\.\\./(?!shared/)[a-z-]+/',
  message:
    'Another background feature is reached through its face (`../gate`: gate/index.ts), never a file inside it; what every feature uses belongs in background/shared.',
};

// background/shared sits below every feature and the wiring: it imports neither.
const noBackgroundAbove = {
  regex: '^\\.\\./(?!\\.\\./)',
  message:
    'background/shared imports no background feature and no wiring (router, service, validate): move what it needs into shared/.',
};

/** The UI's imports, with the `extra` patterns of its place. */
const uiLayer = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...noIdb,
        ...noRootMessages,
        {
          group: ['**/background', '**/background/**', '**/storage', '**/storage/**'],
          message:
            'UI never imports background/ or storage/: send a message (client.ts, messages/<feature>).',
        },
        ...extra,
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.output/**',
      '**/.wxt/**',
      '**/dist/**',
      'test/out/**',
      '**/*.d.ts',
      '**/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2023 },
    },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...markupSinks],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Core purity (invariant 4).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...coreForbiddenGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'crypto',
                'buffer',
                'stream',
                'zlib',
                'http',
                'https',
                'child_process',
                'worker_threads',
                'url',
              ],
              message: 'core uses no Node-only API (invariant 4).',
            },
            {
              group: ['idb', 'idb/*', 'fake-indexeddb*'],
              message: 'core never opens IndexedDB (invariant 4).',
            },
            {
              group: ['preact', 'preact/*', '@preact/*', 'react', 'react-dom'],
              message: 'core has no UI (invariant 4).',
            },
            {
              group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
              message: 'core uses no browser/extension API (invariant 4).',
            },
            {
              group: ['**/extension/**', '@shipmask/extension*', '**/test/**'],
              message: 'core imports nothing from the extension or tests.',
            },
          ],
        },
      ],
    },
  },
  {
    // UI (content script, popup, options, supplier page) never opens IndexedDB: it talks to the
    // background through typed messages. Only extension/src/storage/ and the background may.
    files: ['extension/src/**/*.{ts,tsx}'],
    ignores: [
      'extension/src/storage/**',
      'extension/src/entrypoints/background.ts',
      'extension/src/**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'indexedDB', message: 'Only the background owns IndexedDB (DESIGN.md).' },
        {
          name: 'localStorage',
          message: 'A content script would be using the merchant site storage; use the background.',
        },
        { name: 'sessionStorage', message: 'Use the background.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [...noIdb, ...noRootMessages],
        },
      ],
    },
  },
  {
    // Messages: a feature module (quota.ts, print.ts, handoff.ts…) imports @shipmask/core and
    // ./shared only, so features never depend on each other and nothing above them.
    files: ['extension/src/messages/*.ts'],
    ignores: ['extension/src/messages/index.ts', 'extension/src/messages/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@shipmask/core$|\\./shared$)',
              message:
                'A message module imports only @shipmask/core and ./shared (no other feature, no index, nothing outside messages/).',
            },
          ],
        },
      ],
    },
  },
  {
    // messages/index.ts only composes the feature modules beside it.
    files: ['extension/src/messages/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@shipmask/core$|\\./[a-z-]+$)',
              message: 'messages/index.ts composes the feature modules beside it and imports nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    // Storage sits below the services: it persists what messages and core define and imports
    // nothing from the background or any UI.
    files: ['extension/src/storage/*.ts'],
    ignores: ['extension/src/storage/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: fromSrc(1, ['background', ...uiFolders]),
              message:
                'storage imports nothing above it (background, ui, content, gate, print, supplier, handoff, entrypoints, client.ts): move the record type down into storage or messages.',
            },
            ...noRootMessages,
          ],
        },
      ],
    },
  },
  {
    // The background's wiring (router.ts, service.ts, validate.ts) and its features never import UI.
    files: ['extension/src/background/*.ts'],
    ignores: ['extension/src/background/*.test.ts'],
    rules: backgroundLayer(1),
  },
  {
    // A feature folder: another feature only through its face.
    files: ['extension/src/background/*/*.ts'],
    ignores: ['extension/src/background/*/*.test.ts', 'extension/src/background/shared/*.ts'],
    rules: backgroundLayer(2, [noFeatureInternals]),
  },
  {
    // What every feature uses: below the features and the wiring.
    files: ['extension/src/background/shared/*.ts'],
    ignores: ['extension/src/background/shared/*.test.ts'],
    rules: backgroundLayer(2, [noBackgroundAbove]),
  },
  {
    // UI (content script, panel, pages, page readers) talks to the background through messages
    // and client.ts: it never imports the background or storage.
    files: [
      'extension/src/{ui,content,gate,print,supplier,handoff,adapters}/**/*.{ts,tsx}',
      'extension/src/entrypoints/**/*.{ts,tsx}',
      'extension/src/client.ts',
    ],
    ignores: ['extension/src/entrypoints/background.ts', 'extension/src/**/*.test.{ts,tsx}'],
    rules: uiLayer(),
  },
  {
    // The components (ui/, gate/) sit below the content script that mounts them: what both need
    // (strings, the badge shape, teach steps) lives in ui/. The extension pages (print, supplier,
    // hand-off) are not the content script either: what they share with it is a message type.
    files: ['extension/src/{ui,gate,print,supplier,handoff}/**/*.{ts,tsx}'],
    ignores: ['extension/src/**/*.test.{ts,tsx}'],
    rules: uiLayer([
      {
        group: ['**/content', '**/content/**'],
        message:
          'ui/, gate/ and the extension pages never import content/ (the content script mounts the components; pages reach it by messages): move what both need into ui/ or messages/.',
      },
    ]),
  },
  {
    // The service worker's entry wires everything; it still imports no removed message module.
    files: ['extension/src/entrypoints/background.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noRootMessages }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests import message types from the feature modules too.
    files: ['extension/src/**/*.test.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: noRootMessages }] },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
