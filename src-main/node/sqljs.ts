import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { SqlEngine } from '../../src-core/db/sql-db';
import { watchedEngine, type StatementWatch } from '../../src-core/db/statement-watch';

const require = createRequire(import.meta.url);
let engine: Promise<SqlEngine> | null = null;
let watch: StatementWatch | null = null;

/**
 * Where this thread's calls into sql.js are announced: the CLI's command thread counts them for its
 * supervisor (../cli/statement-slot.ts), which stops a statement that runs past the budget. Unset
 * (tests, benchmarks), the announcements go nowhere.
 */
export function watchStatements(next: StatementWatch | null): void {
  watch = next;
}

const forward: StatementWatch = {
  enter: () => watch?.enter(),
  leave: () => watch?.leave(),
};

/** sql.js in Node, with its wasm read from node_modules: no network, same engine (and the same wrapper) as the worker. */
export function loadSqlEngine(): Promise<SqlEngine> {
  engine ??= (async () => {
    const wasm = await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
    return watchedEngine(SQL as unknown as SqlEngine, forward);
  })();
  return engine;
}
