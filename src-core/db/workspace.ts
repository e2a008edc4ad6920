import { WorkspaceError } from './errors';
import { migrate, type Migration } from './migrate';
import { applyPragmas } from './pragmas';
import { checkSchema } from './schema-check';
import { one, type SqlDatabase, type SqlEngine } from './sql-db';

export { applyPragmas };

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * SQLite's messages may run over many lines (an integrity check lists every damaged page in one
 * row): a refusal is one readable line, so the text is joined and cut at `max` characters.
 */
function oneLine(text: string, max = 300): string {
  const line = text
    .replace(/\*\*\* in database main \*\*\*/g, '')
    .replace(/\s*[\r\n]+\s*/g, '; ')
    .replace(/^[;\s]+|[;\s]+$/g, '');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  return true;
}

/** A new, empty workspace at the latest schema. */
export function createWorkspace(engine: SqlEngine, migrations: Migration[], now = new Date()): SqlDatabase {
  const db = new engine.Database();
  applyPragmas(db);
  migrate(db, migrations);
  db.run("INSERT INTO meta (key, value) VALUES ('created_at', ?), ('last_seq', '0')", [now.toISOString()]);
  return db;
}

export interface OpenOptions {
  /**
   * The caller has matched these bytes against the seal recorded when this app wrote them
   * (src-core/workspace/seal.ts), so `PRAGMA integrity_check` (seconds on a large workspace) is
   * skipped: they are what sql.js exported from a database that passed the check when it was
   * opened. Every other check still runs. Set it only after a match, never from a flag stored
   * with the file.
   */
  sealed?: boolean;
}

/**
 * Opens workspace bytes: checks they are SQLite, belong to PEEL Workbench, have a known migration
 * history and exactly the schema this version's migrations create for it (schema-check.ts: before
 * any statement that could run a trigger or a view of the file's), pass an integrity check
 * (unless sealed), then migrates forward. Any refusal leaves the caller's bytes (and so the file)
 * untouched.
 */
export function openWorkspace(
  engine: SqlEngine,
  bytes: Uint8Array,
  migrations: Migration[],
  name = 'workspace',
  opts: OpenOptions = {},
): SqlDatabase {
  if (!isSqlite(bytes)) {
    throw new WorkspaceError('not-sqlite', `${name} is not a SQLite database, so it cannot be a PEEL Workbench workspace`);
  }
  let db: SqlDatabase;
  try {
    db = new engine.Database(bytes);
  } catch (e) {
    throw new WorkspaceError('corrupt', `${name} cannot be opened: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  try {
    applyPragmas(db);
    // Before the integrity check too: it evaluates the schema's CHECKs and index expressions.
    checkSchema(engine, db, migrations, name);
    if (!opts.sealed) {
      const check = db.exec('PRAGMA integrity_check');
      const verdict = check[0]?.values.map((v) => oneLine(String(v[0]))) ?? [];
      if (verdict.length !== 1 || verdict[0] !== 'ok') {
        throw new WorkspaceError('corrupt', `${name} failed its integrity check: ${verdict.slice(0, 3).join('; ')}`);
      }
    }
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof WorkspaceError) throw e;
    throw new WorkspaceError('corrupt', `${name} cannot be read: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
}

export function getMeta(db: SqlDatabase, key: string): string | null {
  const row = one<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?', [key]);
  return row ? String(row.value) : null;
}

export function setMeta(db: SqlDatabase, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
