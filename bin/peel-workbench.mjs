#!/usr/bin/env node
// The CLI runs from out/cli/main.mjs, built once at install (npm's "prepare": scripts/build-cli.mjs),
// so that it starts like a command line. It falls back to the TypeScript sources through tsx when
// there is no build, or when a source it was built from has changed since (a developer's checkout),
// so it never runs stale code; PEEL_CLI_FROM_SOURCE=1 forces the sources.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = new URL('../out/cli/main.mjs', import.meta.url);

function builtIsCurrent() {
  if (process.env.PEEL_CLI_FROM_SOURCE === '1' || !existsSync(built)) return false;
  try {
    const at = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('../out/cli/inputs.json', import.meta.url), 'utf8'));
    return inputs.every((f) => statSync(root + f).mtimeMs <= at);
  } catch {
    return false;
  }
}

const { main } = builtIsCurrent()
  ? await import(built.href)
  : await (await import('tsx/esm/api')).tsImport('../src-main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
