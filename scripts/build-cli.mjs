#!/usr/bin/env node
// Builds the command line once, at install (npm's "prepare"), so that `peel-workbench` starts like
// a command line instead of compiling its TypeScript sources through tsx on every call.
//
//   node scripts/build-cli.mjs [--out <folder>]
//
// Writes out/cli/main.mjs (the entry, which only watches), out/cli/command-thread.mjs (the commands,
// run on a worker thread so that a statement past its budget can be stopped: src-main/cli/main.ts)
// and out/cli/extract-worker.mjs: the project's own code bundled by esbuild, its npm dependencies
// left as imports from node_modules. --out writes them elsewhere (a test builds a copy of the CLI). out/cli/ sits two folders below the
// project root like src-main/cli/, so paths the code resolves from import.meta.url (the migrations,
// package.json) hold in both. Where esbuild is absent (an install without dev dependencies) it says
// so and the CLI keeps running from the sources through tsx (bin/peel-workbench.mjs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(ROOT, 'out', 'cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild is not installed; peel-workbench will run from its TypeScript sources (slower to start)');
  process.exit(0);
}

// The default folder is ours alone: emptied first, so chunks of an earlier build do not pile up.
if (OUT === join(ROOT, 'out', 'cli')) rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: {
    main: join(ROOT, 'src-main/cli/main.ts'),
    'command-thread': join(ROOT, 'src-main/cli/command-thread.ts'),
    'extract-worker': join(ROOT, 'src-main/cli/extract-worker.ts'),
  },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Commands load what only they need (the document and spreadsheet libraries) when they run.
  splitting: true,
  // Beside the entries, not in a subfolder: code resolves files from import.meta.url (the
  // migrations, the extract worker, package.json), which must be the same folder in every chunk.
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
// The sources the bundle was made from: bin/peel-workbench.mjs falls back to them when one is newer.
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
writeFileSync(join(OUT, 'inputs.json'), JSON.stringify(inputs));
console.log(`build-cli: wrote ${OUT === join(ROOT, 'out', 'cli') ? 'out/cli/' : OUT} (${inputs.length} source files)`);
