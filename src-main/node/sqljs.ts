import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { SqlEngine } from '../../src-core/db/sql-db';

const require = createRequire(import.meta.url);
let engine: Promise<SqlEngine> | null = null;

/** sql.js in Node, with its wasm read from node_modules: no network, same engine as the worker. */
export function loadSqlEngine(): Promise<SqlEngine> {
  engine ??= (async () => {
    const wasm = await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
    return SQL as unknown as SqlEngine;
  })();
  return engine;
}
