// Lint rules, including the layering of STYLE.md as errors: which runtime folder may import what.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importZones } from './scripts/eslint-import-zones.mjs';
import { noSql } from './scripts/eslint-no-sql.mjs';

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

// One plugin object for every block that uses it: flat config refuses two different objects under one name.
const folders = { rules: { 'import-zones': importZones } };

const REACT = ['react', 'react-dom', 'ag-grid-react', 'ag-grid-community'];
const UI_THREAD =
  'The UI thread talks to the database only through src-renderer/db/db-client.ts (the DB worker runs the workspace service, src-core/service/, which owns sql.js, pdf.js and every SQL statement; the UI imports only its protocol.ts); it never imports Electron or Node modules (see DESIGN.md).';
const MAIN_NO_REACT = 'The main process never imports React or renderer code (see STYLE.md).';

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
    // (src-renderer/db/), which runs the workspace service and which the UI reaches only through
    // db-client.ts; of the service the UI imports its API (src-core/service/protocol.ts) and
    // nothing else. A later rule for the same files replaces the one above, so the renderer's
    // restrictions are repeated here.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'sql.js', 'pdfjs-dist', ...NODE_BUILTINS].map((name) => ({ name, message: UI_THREAD })),
          patterns: [
            ...[
              'node:*',
              'electron/*',
              '**/src-main/**',
              'sql.js/*',
              'pdfjs-dist/*',
              '**/db/adapters/**',
              '**/db/worker',
              '**/src-core/db/sql-db',
            ].map((group) => ({ group: [group], message: UI_THREAD })),
            { regex: '(^|/)src-core/service/(?!protocol$)', message: UI_THREAD },
          ],
        },
      ],
    },
  },
  {
    // The Source panel draws a report's PDF page on the UI thread (src-renderer/shared/source/):
    // pdf.js's display layer, in this one module only, with its parser in pdf.js's own worker
    // (bundled, from the app's origin). The database and the import's PDF reading stay in the DB
    // worker; everything else the rule above refuses is refused here too.
    files: ['src-renderer/shared/source/pdf-document.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'sql.js', 'pdfjs-dist', ...NODE_BUILTINS].map((name) => ({ name, message: UI_THREAD })),
          patterns: [
            ...['node:*', 'electron/*', '**/src-main/**', 'sql.js/*', '**/db/adapters/**', '**/db/worker', '**/src-core/db/sql-db'].map(
              (group) => ({ group: [group], message: UI_THREAD }),
            ),
            {
              regex: '^pdfjs-dist/(?!legacy/build/pdf\\.mjs$|legacy/build/pdf\\.worker\\.min\\.mjs\\?url$)',
              message: "The Source panel loads pdf.js's legacy display build and its bundled worker, nothing else of pdfjs-dist.",
            },
            { regex: '(^|/)src-core/service/(?!protocol$)', message: UI_THREAD },
          ],
        },
      ],
    },
  },
  {
    // Renderer folders by what they may import (scripts/eslint-import-zones.mjs resolves each
    // relative import): views never import each other, the shared pieces (shared/) and widgets (ui/) import no view, and the SQL
    // half of the queries stays in the workspace service.
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { folders },
    rules: {
      'folders/import-zones': [
        'error',
        {
          zones: [
            {
              target: 'src-renderer/features/*',
              from: 'src-renderer/features/*',
              message:
                'A view does not import another view: what two views share belongs in src-renderer/shared/, and what one view tells another goes through the app (src-renderer/app/).',
            },
            ...['src-renderer/shared', 'src-renderer/ui'].map((target) => ({
              target,
              from: 'src-renderer/features',
              message: `${target}/ is shared by every view and imports none: pass what differs between views in as props.`,
            })),
            {
              target: 'src-renderer',
              from: 'src-core/query/sql',
              message:
                'The SQL half of the queries (src-core/query/sql/) runs only in the workspace service (src-core/service/); the UI imports the query model (src-core/query/model/), and the DB worker only wires the service.',
            },
            {
              target: 'src-renderer',
              from: 'src-core/db/sql-db',
              message:
                'The database (src-core/db/sql-db.ts) is the workspace service’s (src-core/service/): the UI asks the DB client, and the DB worker only wires the service.',
            },
          ],
        },
      ],
    },
  },
  {
    // No SQL text in the renderer (scripts/eslint-no-sql.mjs): every statement is the workspace
    // service's, in src-core/service/ and src-core/query/sql/.
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { sql: { rules: { 'no-sql': noSql } } },
    rules: { 'sql/no-sql': 'error' },
  },
  {
    // The query model is what the UI may import: types, schemas and pure helpers, never a read.
    files: ['src-core/query/model/**/*.ts'],
    plugins: { folders },
    rules: {
      'folders/import-zones': [
        'error',
        {
          zones: ['src-core/query/sql', 'src-core/db'].map((from) => ({
            target: 'src-core/query/model',
            from,
            message: 'The query model (src-core/query/model/) holds no SQL and reads nothing: reads belong in src-core/query/sql/.',
          })),
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer(MAIN_NO_REACT, { paths: REACT, patterns: ['react-dom/*', '**/src-renderer/**'] }),
  },
  {
    // src-main by runtime: electron/ (the main process), preload/ (runs in the renderer's sandbox),
    // node/ and cli/ (plain Node: the CLI, the file store, the host API over files, the adapters the
    // bench and the tests use). Plain Node code never needs Electron, so the CLI runs without it and
    // all of it is tested without it. A later block's restrictions replace the one above, so the
    // main process's are repeated.
    files: ['src-main/node/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: REACT.map((name) => ({ name, message: MAIN_NO_REACT })),
          patterns: [
            { group: ['react-dom/*', '**/src-renderer/**'], message: MAIN_NO_REACT },
            {
              regex: '^electron(/|$)|(^|/)(electron|preload)/',
              message:
                'Plain Node code (src-main/node, src-main/cli) never imports Electron, nor the main process (src-main/electron) or the preload (src-main/preload): the CLI, the bench and the tests run it without Electron. Take what it needs from Electron as a parameter.',
            },
          ],
        },
      ],
    },
  },
  {
    // The preload runs in the renderer's sandbox, where require() offers nothing but 'electron': it
    // bundles only the bridge over the host table and zod, and exposes nothing else.
    files: ['src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Allowed: the two packages, a file of its own folder, or src-core/host; a path that
              // climbs back out after that ("./../node/x", "../../src-core/host/../db/x") is not.
              regex: '^(?!(electron|zod)$|\\./(?!.*\\.\\.)|(\\.\\./)+src-core/host/(?!.*\\.\\.))',
              message:
                "The preload may import only 'electron' (contextBridge, ipcRenderer), zod and src-core/host: no Node modules, no main-process or Node code (src-main/electron, src-main/node), no other core module.",
            },
          ],
        },
      ],
    },
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
