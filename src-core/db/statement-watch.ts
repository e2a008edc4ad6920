import type { SqlDatabase, SqlEngine, SqlParams, SqlStatement, SqlValue } from './sql-db';

/**
 * Bounded statements (issue 15). sql.js exports neither sqlite3_progress_handler nor
 * sqlite3_interrupt, and a statement runs synchronously in WebAssembly: nothing on its own thread
 * can stop it. So every call into the engine that can run SQL is announced here, cheaply, and a
 * watcher on another thread ends the thread (the app's DB worker) or the command thread (the CLI)
 * when one call has run past the budget. What the watcher is differs by runtime; what is watched
 * is the same engine, wrapped once here.
 */

/**
 * How long one call into the engine may run, at the least. The longest legitimate call is the full
 * integrity check on opening, which grows with the workspace: 4.4–4.8 s for the largest the design
 * plans for (357 MB, 1,000 reports) on a quiet box, 13 ms/MB (docs/PERFORMANCE.md), and 34–68
 * ms/MB on two cores shared with five other jobs (load average 12–13, bench/statement-budget.ts).
 * The next longest, an export, is about 2 ms/MB. A minute is over ten times the largest planned
 * check on a quiet box and 2.5 times it on that loaded one; no statement of ours comes near it
 * otherwise, and a trigger, view or damaged page that made one run for ever is stopped within it.
 */
export const STATEMENT_BUDGET_MS = 60_000;

/**
 * Per MB of the workspace, the budget is at least this, so that a file far larger than planned
 * (the hosts accept up to 2 GB) can still be checked on opening on a loaded machine: about 1.5×
 * the slowest rate measured under load, 7× the quiet one.
 */
export const STATEMENT_BUDGET_MS_PER_MB = 100;

/** The budget for a workspace of this many bytes: the base, or more for a very large file. */
export function statementBudgetFor(bytes: number, base = STATEMENT_BUDGET_MS): number {
  return Math.max(base, Math.ceil(bytes / 1048576) * STATEMENT_BUDGET_MS_PER_MB);
}

/** Told as each call into the engine starts and ends; never nested (the engine does not call back into us). */
export interface StatementWatch {
  enter(): void;
  leave(): void;
}

/** The budget in words, as messages state it ("60 s", "1.5 s"). */
export function budgetInWords(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function watched<T>(watch: StatementWatch, call: () => T): T {
  watch.enter();
  try {
    return call();
  } finally {
    watch.leave();
  }
}

/**
 * A prepared statement whose stepping and running are watched: a SELECT that reads a million rows
 * is a million short calls, each inside the budget, while one step that never returns is caught.
 * Reading the current row (get, getAsObject, getColumnNames) runs no SQL and is not announced.
 */
class WatchedStatement implements SqlStatement {
  readonly get?: () => SqlValue[];
  readonly getColumnNames?: () => string[];

  constructor(
    private readonly inner: SqlStatement,
    private readonly watch: StatementWatch,
  ) {
    // Optional in the interface (sql-db.ts reads rows faster when they are there): kept optional.
    if (inner.get) this.get = () => (inner.get as () => SqlValue[]).call(inner);
    if (inner.getColumnNames) this.getColumnNames = () => (inner.getColumnNames as () => string[]).call(inner);
  }

  bind(params?: SqlParams): boolean {
    return this.inner.bind(params);
  }

  step(): boolean {
    return watched(this.watch, () => this.inner.step());
  }

  getAsObject(): Record<string, SqlValue> {
    return this.inner.getAsObject();
  }

  run(params?: SqlParams): void {
    watched(this.watch, () => this.inner.run(params));
  }

  reset(): void {
    watched(this.watch, () => this.inner.reset());
  }

  free(): boolean {
    return this.inner.free();
  }
}

class WatchedDatabase implements SqlDatabase {
  constructor(
    private readonly inner: SqlDatabase,
    private readonly watch: StatementWatch,
  ) {}

  exec(sql: string, params?: SqlParams) {
    return watched(this.watch, () => this.inner.exec(sql, params));
  }

  run(sql: string, params?: SqlParams): unknown {
    watched(this.watch, () => this.inner.run(sql, params));
    // sql.js returns the database itself, for chaining: the wrapper, so the chain stays watched.
    return this;
  }

  /** Compiling reads and parses the schema on first use, which a hostile file can make slow. */
  prepare(sql: string, params?: SqlParams): SqlStatement {
    return new WatchedStatement(
      watched(this.watch, () => this.inner.prepare(sql, params)),
      this.watch,
    );
  }

  export(): Uint8Array {
    return watched(this.watch, () => this.inner.export());
  }

  /**
   * Not announced: closing runs no SQL, and it follows the last write of a CLI command, whose
   * supervisor says "nothing was written" of any statement it stops.
   */
  close(): void {
    this.inner.close();
  }

  getRowsModified(): number {
    return this.inner.getRowsModified();
  }
}

/** The engine with every call that can run SQL announced to the watch: construction, exec, run, prepare, step, reset, export. */
export function watchedEngine(engine: SqlEngine, watch: StatementWatch): SqlEngine {
  const Inner = engine.Database;
  return {
    Database: class {
      constructor(data?: ArrayLike<number> | Uint8Array | null) {
        const db = watched(watch, () => new Inner(data));
        // A constructor may return another object: callers get the watched database.
        return new WatchedDatabase(db, watch);
      }
    } as unknown as SqlEngine['Database'],
  };
}
