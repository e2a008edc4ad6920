/**
 * The part of a sql.js Database the core uses. sql.js in Node (CLI, tests) and in the browser
 * worker both satisfy it, so the core never depends on how the engine was loaded.
 */
export type SqlValue = number | string | Uint8Array | null;
export type SqlParams = SqlValue[] | Record<string, SqlValue>;

export interface SqlStatement {
  bind(params?: SqlParams): boolean;
  step(): boolean;
  getAsObject(): Record<string, SqlValue>;
  /** sql.js: the current row's values in column order; with getColumnNames, what all() reads. */
  get?(): SqlValue[];
  getColumnNames?(): string[];
  run(params?: SqlParams): void;
  reset(): void;
  free(): boolean;
}

export interface SqlDatabase {
  exec(sql: string, params?: SqlParams): { columns: string[]; values: SqlValue[][] }[];
  run(sql: string, params?: SqlParams): unknown;
  prepare(sql: string, params?: SqlParams): SqlStatement;
  export(): Uint8Array;
  close(): void;
  getRowsModified(): number;
}

export interface SqlEngine {
  Database: new (data?: ArrayLike<number> | Uint8Array | null) => SqlDatabase;
}

export type Row = Record<string, SqlValue>;

/** Prepared statements kept per database, by SQL text: compiling one costs more than running many. */
const statements = new WeakMap<SqlDatabase, Map<string, SqlStatement>>();
const KEPT_STATEMENTS = 64;

/**
 * A prepared statement for this SQL, compiled once and kept (the least recently used of more than
 * KEPT_STATEMENTS is freed). all() resets it after every use, so a kept statement holds no lock
 * and no transaction open; SQLite recompiles it by itself if the schema changes.
 */
function prepared(db: SqlDatabase, sql: string): SqlStatement {
  let kept = statements.get(db);
  if (!kept) statements.set(db, (kept = new Map()));
  const stmt = kept.get(sql);
  if (stmt) {
    kept.delete(sql);
    kept.set(sql, stmt);
    return stmt;
  }
  const made = db.prepare(sql);
  kept.set(sql, made);
  if (kept.size > KEPT_STATEMENTS) {
    const [oldest, old] = kept.entries().next().value as [string, SqlStatement];
    kept.delete(oldest);
    old.free();
  }
  return made;
}

/** Drops a kept statement and frees it (freeing one the engine already freed does nothing). */
function forget(db: SqlDatabase, sql: string, stmt: SqlStatement): void {
  statements.get(db)?.delete(sql);
  try {
    stmt.free();
  } catch {
    // Already gone with its connection.
  }
}

export function all<T extends Row = Row>(db: SqlDatabase, sql: string, params: SqlParams = []): T[] {
  let stmt = prepared(db, sql);
  try {
    stmt.bind(params);
  } catch {
    // A kept statement the engine has freed meanwhile (a sql.js that closes the connection to
    // export would free them all): compiled afresh. A fresh one that fails to bind throws.
    forget(db, sql, stmt);
    stmt = prepared(db, sql);
    try {
      stmt.bind(params);
    } catch (e) {
      forget(db, sql, stmt);
      throw e;
    }
  }
  try {
    const rows: T[] = [];
    // sql.js's getAsObject() asks the engine for every column's name on every row; the names are
    // read once here instead (a page of 100 findings reads 1,600 fewer strings out of wasm), after
    // the first step: a kept statement that SQLite recompiled there may have other columns.
    let names: string[] | undefined;
    while (stmt.step()) {
      if (!stmt.get || !stmt.getColumnNames) {
        rows.push(stmt.getAsObject() as T);
        continue;
      }
      names ??= stmt.getColumnNames();
      const values = stmt.get();
      const row: Row = {};
      for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i] as SqlValue;
      rows.push(row as T);
    }
    return rows;
  } catch (e) {
    // A statement that failed is not kept: compiled again next time.
    forget(db, sql, stmt);
    throw e;
  } finally {
    if (statements.get(db)?.get(sql) === stmt) stmt.reset();
  }
}

export function one<T extends Row = Row>(db: SqlDatabase, sql: string, params: SqlParams = []): T | undefined {
  return all<T>(db, sql, params)[0];
}

/** The new row's id, for inserts into tables with an INTEGER PRIMARY KEY. */
export function insert(db: SqlDatabase, sql: string, params: SqlParams): number {
  db.run(sql, params);
  return Number(one<{ id: number }>(db, 'SELECT last_insert_rowid() AS id')?.id);
}

/** Runs fn inside one transaction: all of it lands, or none of it does. */
export function transaction<T>(db: SqlDatabase, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}
