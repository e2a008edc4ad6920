import initSqlJs from 'sql.js';
// The browser build of sql.js asks for this exact file; bundling it keeps the app offline.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { loadMigrations } from '../../../src-core/db/migrate';
import { watchedEngine, type StatementWatch } from '../../../src-core/db/statement-watch';
import type { ServiceDeps } from '../../../src-core/service/db-service';

const migrationSources = import.meta.glob<string>('../../../src-core/db/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * sql.js with its wasm from the app's own origin, and the migrations this build knows, for the
 * workspace service in the DB worker (../worker.ts). Worker only.
 * Every call into it that runs SQL is announced to the watch (the statement budget).
 */
export async function loadEngine(watch: StatementWatch): ReturnType<ServiceDeps['loadEngine']> {
  const [sql, migrations] = await Promise.all([
    initSqlJs({ locateFile: () => wasmUrl }),
    loadMigrations(Object.entries(migrationSources).map(([path, sql]) => ({ file: path.slice(path.lastIndexOf('/') + 1), sql }))),
  ]);
  return { engine: watchedEngine(sql as unknown as Parameters<typeof watchedEngine>[0], watch), migrations };
}
