import { WorkspaceError } from '../../src-core/db/errors';
import { loadMigrations, type Migration } from '../../src-core/db/migrate';
import type { SqlDatabase, SqlEngine } from '../../src-core/db/sql-db';
import { createWorkspace } from '../../src-core/db/workspace';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { loadSqlEngine } from '../../src-main/node/sqljs';

export async function engineAndMigrations(): Promise<{ engine: SqlEngine; migrations: Migration[] }> {
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  return { engine, migrations };
}

/** A fresh in-memory workspace at the latest schema, one per test. */
export async function freshWorkspace(): Promise<SqlDatabase> {
  const { engine, migrations } = await engineAndMigrations();
  return createWorkspace(engine, migrations);
}

/** The real migrations plus one more, as a newer version of the app would have them. */
/** The real migrations plus one more, numbered after the last real one whatever number `file` has. */
export async function migrationsPlus(file: string, sql: string): Promise<Migration[]> {
  const current = await readMigrations();
  const next = String(current.length + 1).padStart(3, '0');
  return loadMigrations([
    ...current.map((m) => ({ file: `${String(m.version).padStart(3, '0')}_${m.name}.sql`, sql: m.sql })),
    { file: file.replace(/^\d+_/, `${next}_`), sql },
  ]);
}

/** How opening (or migrating) a workspace went: "accepted", or the refusal's code and message. */
export function refusalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkspaceError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
}
