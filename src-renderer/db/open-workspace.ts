import initSqlJs from 'sql.js';
// The browser build of sql.js asks for this exact file; bundling it keeps the app offline.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { loadMigrations, type Migration } from '../../src-core/db/migrate';
import type { SqlDatabase, SqlEngine } from '../../src-core/db/sql-db';
import { openWorkspace } from '../../src-core/db/workspace';

const migrationSources = import.meta.glob<string>('../../src-core/db/migrations/*.sql', { query: '?raw', import: 'default', eager: true });

let engine: Promise<SqlEngine> | null = null;
let migrations: Promise<Migration[]> | null = null;

function loadEngine(): Promise<SqlEngine> {
  engine ??= initSqlJs({ locateFile: () => wasmUrl }).then(
    (SQL) => SQL as unknown as SqlEngine,
    (e: unknown) => {
      // Do not cache a failure: a later attempt may succeed.
      engine = null;
      throw e;
    },
  );
  return engine;
}

function loadKnownMigrations(): Promise<Migration[]> {
  migrations ??= loadMigrations(
    Object.entries(migrationSources).map(([path, sql]) => ({ file: path.slice(path.lastIndexOf('/') + 1), sql })),
  );
  return migrations;
}

/**
 * Opens workspace bytes in this page, with the same checks as the CLI (SQLite header, integrity,
 * known migrations). Throws WorkspaceError when they are refused. A later issue moves this
 * into the DB worker.
 */
export async function openWorkspaceBytes(bytes: Uint8Array, name: string): Promise<SqlDatabase> {
  const [sql, known] = await Promise.all([loadEngine(), loadKnownMigrations()]);
  return openWorkspace(sql, bytes, known, name);
}
