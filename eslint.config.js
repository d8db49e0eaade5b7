// Lint: TypeScript-aware, no warnings allowed, and process boundaries enforced: the engine is pure
// (no Node built-ins, no Electron, no DOM), so the same code runs in the renderer, main and CLI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// The faces (CLI, app, main process, Node host helpers) reach the engine only through its public
// entry points: engine/index.ts (the use cases), engine/vocabulary.ts (names and decoders for views),
// engine/document.ts (the text with positions, for the editor and form) and engine/export/index.ts;
// and engine/baseline-reasons.ts, the baseline's names alone, for the CLI's help, which would otherwise
// load the whole vocabulary (the law data with it) to print two words: `--help` took 1.68x `node -e 0`
// that way, 1.26x without; engine/text-safety.ts, the characters no output may show raw (it imports
// no engine code), for the CLI's terminal output, which every start loads; and engine/check.ts, a
// document checked from its text, for `validate`, which would otherwise load the case importers and
// their inflate library with engine/index.ts (a fifth of its code, about 30 ms of a fresh process's CPU).
const engineEntryPoints = {
  regex: '^(\\.\\./)+engine/(?!(index|vocabulary|document|export/index|baseline-reasons|text-safety|check)$)',
  message:
    'faces call the engine through engine/index.ts, engine/vocabulary.ts, engine/document.ts, engine/export/index.ts, engine/baseline-reasons.ts, engine/text-safety.ts or engine/check.ts, not its internals.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'engine/generated/', 'out/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'no focused tests (.only) in the suite',
        },
      ],
    },
  },
  {
    files: ['engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'engine/ is pure: no Node built-ins (pass text in, get data out).' })),
            { name: 'electron', message: 'engine/ must not import Electron.' },
          ],
          patterns: [
            { group: ['electron', 'electron/*'], message: 'engine/ must not import Electron.' },
            {
              group: ['react', 'react-dom', 'react-dom/*', 'monaco-editor', 'monaco-editor/*'],
              message: 'engine/ must not depend on the UI.',
            },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'engine/ may import only policy-schemas and libraries.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'HTMLElement',
          'process',
          'require',
          'Buffer',
          '__dirname',
        ].map((name) => ({
          name,
          message: 'engine/ is pure: no DOM and no Node globals.',
        })),
      ],
    },
  },
  {
    // The renderer runs sandboxed in a browser or an Electron window: DOM only, no Node, no Electron;
    // it reaches files and menus through the host contract.
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandbox: no Node built-ins (ask the host).' })),
            { name: 'electron', message: 'renderer/ must not import Electron; use the host contract.' },
          ],
          patterns: [
            { group: ['electron', 'electron/*', '**/electron/**'], message: 'renderer/ must not import Electron; use the host contract.' },
            { group: ['**/cli/**', '**/*.node', '**/*.node.ts'], message: 'renderer/ must not import Node-side code.' },
            engineEntryPoints,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Scripts that drive the app in Chromium: Node code with functions evaluated in the page.
    files: ['renderer/tools/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['cli/**/*.ts', 'host/**/*.ts', 'electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineEntryPoints] }] },
  },
  {
    files: [
      'cli/**/*.ts',
      'host/**/*.node.ts',
      'electron/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'tests/**/*.ts',
      '*.config.{js,ts,mjs}',
      'bin/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
