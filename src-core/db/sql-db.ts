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

export function all<T extends Row = Row>(db: SqlDatabase, sql: string, params: SqlParams = []): T[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: T[] = [];
    // sql.js's getAsObject() asks the engine for every column's name on every row; the names are
    // read once here instead (a page of 100 findings reads 1,600 fewer strings out of wasm).
    const names = stmt.get ? stmt.getColumnNames?.() : undefined;
    while (stmt.step()) {
      if (!names || !stmt.get) {
        rows.push(stmt.getAsObject() as T);
        continue;
      }
      const values = stmt.get();
      const row: Row = {};
      for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i] as SqlValue;
      rows.push(row as T);
    }
    return rows;
  } finally {
    stmt.free();
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
