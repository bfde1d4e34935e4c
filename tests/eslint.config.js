// Lint: typescript-eslint's recommended rules, the no-unsanitized plugin, and the module boundaries
// of utils/ARCHITECTURE.md (pure extraction/detection import no browser API, no db, no entrypoint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const PURE_BANS = {
  patterns: [
    { group: ['wxt', 'wxt/*', '#imports'], message: 'Pure modules must not use browser APIs.' },
    { group: ['**/db', '**/db/*', 'dexie'], message: 'Pure modules must not touch the database.' },
    { group: ['**/entrypoints/**', '**/components/**'], message: 'Pure modules must not import UI.' },
  ],
};

// Globals that would tie a pure module to a browser or to the network.
const PURE_GLOBALS = ['browser', 'chrome', 'fetch', 'XMLHttpRequest', 'localStorage', 'indexedDB'];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.bench/**',
      'tests/fixtures/**',
      '**/.scratch*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['utils/extract/**', 'utils/classifieds/**'],
    rules: {
      'no-restricted-imports': ['error', PURE_BANS],
      'no-restricted-globals': ['error', ...PURE_GLOBALS],
    },
  },
  {
    // The commune matcher is pure (its index comes in as text); only its loader reads the packaged file.
    files: ['utils/communes/**'],
    ignores: ['utils/communes/load.ts'],
    rules: {
      'no-restricted-imports': ['error', PURE_BANS],
      'no-restricted-globals': ['error', ...PURE_GLOBALS],
    },
  },
  {
    // The ground floor: what every layer needs (URL/host, entities, text folding). It imports nothing of
    // ours, so any layer may use it without dragging another one in.
    files: ['utils/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...PURE_BANS.patterns,
            { group: ['../*', '!../core/*'], message: 'utils/core imports nothing of ours.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...PURE_GLOBALS, 'document', 'window', 'DOMParser'],
    },
  },
  {
    // The one HTML sink and the runtime shape checks, and the library's text helpers: pure like the
    // engine, so what they let through depends on their input alone (and they run in Node tests).
    files: ['utils/safety/**', 'utils/db/text.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...PURE_BANS.patterns.filter((p) => !p.group.includes('dexie')),
            {
              group: ['dexie', './schema', './articles', './images', '../db/*'],
              message: 'No database here.',
            },
            { group: ['**/messaging/*', '**/settings/*', '**/ui/*'], message: 'No wiring or UI here.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...PURE_GLOBALS],
    },
  },
  {
    // Type-aware rules (floating promises, unsafe any, misused promises…) on the shipped code.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname + '/..' },
    },
    rules: {
      // Off: over Dexie's generic tables it calls needed assertions unnecessary (its --fix broke the
      // build in utils/sync/engine.ts and components/SyncSettings.tsx); tsc's strict mode covers the rest.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db', '**/db/*', 'dexie'], message: 'Content scripts never open IndexedDB.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      // Type-only imports are fine: a component may name the shape of the data it displays.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', 'dexie'],
              message: 'Components are display-only: data comes in props.',
              allowTypeImports: true,
            },
            {
              group: ['**/messages'],
              message: 'Components are display-only: wiring lives in entrypoints.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**', '*.config.*', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, chrome: 'readonly', browser: 'readonly' } },
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
