// Lint rules, including the layering of STYLE.md as errors: which runtime folder may import what.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const layer = (message, { paths = [], patterns = [] }) => ({
  'no-restricted-imports': [
    'error',
    { paths: paths.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', 'data/', 'docs/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src-core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer(
        'src-core is runtime-neutral: no Electron, React, DOM or Node modules, and nothing from src-main or src-renderer (see STYLE.md).',
        {
          paths: ['electron', 'react', 'react-dom', 'sql.js', 'pdfjs-dist', ...NODE_BUILTINS],
          patterns: ['node:*', 'electron/*', 'react-dom/*', 'ag-grid-*', '**/src-main/**', '**/src-renderer/**', 'pdfjs-dist/*'],
        },
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        'The renderer runs sandboxed: it never imports Electron or Node modules, nor main-process code; it talks to the host API only (see DESIGN.md).',
        {
          paths: ['electron', ...NODE_BUILTINS],
          patterns: ['node:*', 'electron/*', '**/src-main/**'],
        },
      ),
    },
  },
  {
    // The UI thread never runs SQL or parses PDFs: the database and pdf.js live in the DB worker
    // (src-renderer/db/), which the UI reaches only through db-client.ts. A later rule for the
    // same files replaces the one above, so the renderer's restrictions are repeated here.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/db/**'],
    rules: layer(
      'The UI thread talks to the database only through src-renderer/db/db-client.ts (the DB worker owns sql.js, pdf.js and every SQL statement); it never imports Electron or Node modules (see DESIGN.md).',
      {
        paths: ['electron', 'sql.js', 'pdfjs-dist', ...NODE_BUILTINS],
        patterns: [
          'node:*',
          'electron/*',
          '**/src-main/**',
          'sql.js/*',
          'pdfjs-dist/*',
          '**/db/service/**',
          '**/db/worker',
          '**/src-core/db/sql-db',
        ],
      },
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer('The main process never imports React or renderer code (see STYLE.md).', {
      paths: ['react', 'react-dom', 'ag-grid-react', 'ag-grid-community'],
      patterns: ['react-dom/*', '**/src-renderer/**'],
    }),
  },
  {
    files: [
      'tests/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'bench/**/*.ts',
      'bin/**/*.mjs',
      'build/**/*.mjs',
      '*.config.{js,ts}',
      'electron.vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Functions passed to page.evaluate() run in the browser.
    files: ['scripts/make-fixtures.mjs', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
