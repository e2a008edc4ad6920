// better-sqlite3 (native SQLite) behind the core's SqlDatabase interface, read-only, so the very
// same query builders (compileFindingsPage, readFacets, readMetrics…) run on both engines.
import Database from 'better-sqlite3';
import type { SqlDatabase, SqlParams, SqlStatement, SqlValue } from '../src-core/db/sql-db';

type Native = InstanceType<typeof Database>;

/** The part of a better-sqlite3 statement used here, with loosely typed parameters. */
interface Stmt {
  readonly reader: boolean;
  run(...params: unknown[]): unknown;
  iterate(...params: unknown[]): IterableIterator<unknown>;
  raw(on: boolean): { all(...params: unknown[]): unknown[] };
  columns(): { name: string }[];
}

function args(params?: SqlParams): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? [params] : [params];
}

class NativeStatement implements SqlStatement {
  private iter: IterableIterator<unknown> | null = null;
  private current: Record<string, SqlValue> = {};
  private params: SqlParams | undefined;
  constructor(private readonly stmt: Stmt) {}
  bind(params?: SqlParams): boolean {
    this.params = params;
    this.iter = null;
    return true;
  }
  step(): boolean {
    if (!this.stmt.reader) {
      this.stmt.run(...args(this.params));
      return false;
    }
    this.iter ??= this.stmt.iterate(...args(this.params));
    const next = this.iter.next();
    if (next.done) return false;
    this.current = next.value as Record<string, SqlValue>;
    return true;
  }
  getAsObject(): Record<string, SqlValue> {
    return this.current;
  }
  run(params?: SqlParams): void {
    this.stmt.run(...args(params));
  }
  reset(): void {
    this.iter?.return?.();
    this.iter = null;
  }
  free(): boolean {
    this.reset();
    return true;
  }
}

export class NativeDb implements SqlDatabase {
  readonly raw: Native;
  constructor(file: string) {
    this.raw = new Database(file, { readonly: true });
  }
  /** Prepared afresh each time, as the core's all() does on sql.js: the same work on both engines. */
  prepare(sql: string): SqlStatement {
    return new NativeStatement(this.raw.prepare(sql) as unknown as Stmt);
  }
  exec(sql: string, params?: SqlParams): { columns: string[]; values: SqlValue[][] }[] {
    const stmt = this.raw.prepare(sql) as unknown as Stmt;
    if (!stmt.reader) {
      stmt.run(...args(params));
      return [];
    }
    const rows = stmt.raw(true).all(...args(params)) as SqlValue[][];
    return [{ columns: stmt.columns().map((c) => c.name), values: rows }];
  }
  run(sql: string, params?: SqlParams): unknown {
    return (this.raw.prepare(sql) as unknown as Stmt).run(...args(params));
  }
  export(): Uint8Array {
    return this.raw.serialize();
  }
  close(): void {
    this.raw.close();
  }
  getRowsModified(): number {
    return 0;
  }
}
