import { WorkspaceError } from './errors';
import { sha256Hex } from './hash';
import { quoted } from './quote';
import { all, type SqlDatabase } from './sql-db';

export interface MigrationFile {
  /** File name, e.g. "001_initial.sql". */
  file: string;
  sql: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/**
 * Orders migration files by their number and checks the numbering is 1, 2, 3… with no gaps or
 * duplicates, so that the order is the files' own and never a hand-kept list.
 */
export async function loadMigrations(files: MigrationFile[]): Promise<Migration[]> {
  const parsed = files.map((f) => {
    const m = NAME.exec(f.file);
    if (!m) throw new WorkspaceError('bad-migrations', `Migration file "${f.file}" is not named NNN_name.sql`);
    return { version: Number(m[1]), name: m[2] ?? '', sql: f.sql };
  });
  parsed.sort((a, b) => a.version - b.version);
  parsed.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new WorkspaceError(
        'bad-migrations',
        `Migrations must be numbered 1, 2, 3… without gaps; expected ${i + 1} but found ${m.version} (${m.name})`,
      );
    }
  });
  return Promise.all(parsed.map(async (m) => ({ ...m, checksum: await sha256Hex(m.sql) })));
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
  [k: string]: number | string;
}

/** "PEEL" in ASCII: marks a SQLite file as a PEEL Workbench workspace. */
export const APPLICATION_ID = 0x5045454c;

/** The statement that starts a workspace's migration history (also the schema check's reference for it). */
const HISTORY_TABLE =
  'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

/**
 * Refuses a database that holds objects but is not a workspace (another program's SQLite file).
 * `names` are the names of its schema objects; an empty database is a new workspace.
 */
export function refuseForeign(names: string[], applicationId: number): void {
  if (names.length > 0 && (!names.includes('schema_migrations') || applicationId !== APPLICATION_ID)) {
    throw new WorkspaceError(
      'foreign',
      'This SQLite database is not a PEEL Workbench workspace (no schema_migrations table or wrong application id); it has been left untouched',
    );
  }
}

/**
 * How many of the known migrations the workspace has applied. Refuses when its history is not a
 * prefix of the known list: it was made by a newer or different program, and migrating it
 * further could destroy data this version does not understand. Reads schema_migrations only.
 */
export function appliedMigrations(db: SqlDatabase, migrations: Migration[]): number {
  const applied = all<AppliedRow>(db, 'SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.version !== row.version || known.name !== row.name || known.checksum !== row.checksum) {
      const what = known ? `differs from this version's migration ${known.version} "${known.name}"` : 'is unknown to this version';
      // The row's version and name come from the file: shown quoted, on one line, cut short.
      const version = typeof row.version === 'number' ? String(row.version) : quoted(row.version, 20);
      throw new WorkspaceError(
        'unknown-migrations',
        `The workspace's schema migration ${version} ${quoted(row.name)} ${what}; it was made by a newer or different version of PEEL Workbench and has been left untouched`,
      );
    }
  });
  return applied.length;
}

/**
 * Brings a workspace up to the latest schema. Refuses (and changes nothing) when the database is
 * not a workspace or its applied migrations are not a prefix of the known list. A workspace from
 * elsewhere goes through openWorkspace, whose schema check (schema-check.ts) runs first.
 */
export function migrate(db: SqlDatabase, migrations: Migration[]): { applied: number[] } {
  const tables = all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name);
  refuseForeign(tables, Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0] ?? 0));
  if (!tables.includes('schema_migrations')) {
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}; ${HISTORY_TABLE}`);
  }
  const applied = appliedMigrations(db, migrations);
  const done: number[] = [];
  for (const m of migrations.slice(applied)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec(m.sql);
      db.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        m.version,
        m.name,
        m.checksum,
        new Date().toISOString(),
      ]);
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
      done.push(m.version);
    } catch (e) {
      db.exec('ROLLBACK');
      throw new WorkspaceError(
        'migration-failed',
        `Schema migration ${m.version} "${m.name}" failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return { applied: done };
}
