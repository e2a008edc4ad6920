import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { all } from '../../../../src-core/db/sql-db';
import type { SqlEngine } from '../../../../src-core/db/sql-db';
import { budgetInWords, statementBudgetFor, watchedEngine, type StatementWatch } from '../../../../src-core/db/statement-watch';

const require = createRequire(import.meta.url);
let raw: SqlEngine;

beforeAll(async () => {
  const wasm = await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
  raw = (await initSqlJs({
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  })) as unknown as SqlEngine;
});

/** Records the watch's calls, and whether a call into the engine happens between an enter and its leave. */
function recorder() {
  const calls: string[] = [];
  let inside = false;
  const watch: StatementWatch = {
    enter() {
      expect(inside, 'enter while already inside: calls nested').toBe(false);
      inside = true;
      calls.push('enter');
    },
    leave() {
      inside = false;
      calls.push('leave');
    },
  };
  return { watch, calls, isInside: () => inside };
}

describe('the watched engine', () => {
  it('announces every call that runs SQL before it runs and after it returns, and answers as the engine does', () => {
    const { watch, calls } = recorder();
    const engine = watchedEngine(raw, watch);
    const db = new engine.Database();
    expect(calls).toEqual(['enter', 'leave']);
    calls.length = 0;
    db.exec('CREATE TABLE t (x INTEGER, y TEXT)');
    db.exec('INSERT INTO t VALUES (1, ?)', ['a']);
    db.run('INSERT INTO t VALUES (?, ?)', [2, 'b']);
    expect(calls).toEqual(['enter', 'leave', 'enter', 'leave', 'enter', 'leave']);
    calls.length = 0;
    // all() prepares once, steps once per row and once more to find the end, then resets.
    const rows = all(db, 'SELECT x, y FROM t ORDER BY x');
    expect(rows).toEqual([
      { x: 1, y: 'a' },
      { x: 2, y: 'b' },
    ]);
    expect(calls.filter((c) => c === 'enter')).toHaveLength(5); // prepare, step ×3, reset
    expect(calls).toEqual(Array.from({ length: 5 }, () => ['enter', 'leave']).flat());
    calls.length = 0;
    const stmt = db.prepare('INSERT INTO t VALUES (?, ?)');
    stmt.run([3, 'c']);
    stmt.free();
    const bytes = db.export();
    expect(calls).toEqual(['enter', 'leave', 'enter', 'leave', 'enter', 'leave']);
    // The bytes are a database with the three rows: the wrapper changed nothing it passed on.
    const copy = new raw.Database(bytes);
    expect(copy.exec('SELECT count(*) FROM t')[0]?.values).toEqual([[3]]);
    copy.close();
    db.close();
  });

  it('is inside the announcement while the engine runs, and leaves even when the statement fails', () => {
    const { watch, calls, isInside } = recorder();
    const engine = watchedEngine(raw, watch);
    const db = new engine.Database();
    let seen: boolean | null = null;
    // A function the engine calls back during the statement: the watch must say "inside" then.
    (db as unknown as { inner: { create_function(name: string, fn: () => number): void } }).inner.create_function('probe', () => {
      seen = isInside();
      return 1;
    });
    db.exec('SELECT probe()');
    expect(seen).toBe(true);
    calls.length = 0;
    expect(() => db.exec('SELECT * FROM no_such_table')).toThrow(/no such table/);
    expect(calls).toEqual(['enter', 'leave']);
    expect(isInside()).toBe(false);
    db.close();
  });

  it('gives a workspace far larger than planned more time: 100 ms per MB past the minute', () => {
    expect(statementBudgetFor(0)).toBe(60_000);
    expect(statementBudgetFor(357 * 1048576)).toBe(60_000);
    expect(statementBudgetFor(2048 * 1048576)).toBe(204_800);
    expect(statementBudgetFor(3 * 1048576, 200)).toBe(300);
  });

  it('states the budget in words', () => {
    expect(budgetInWords(60_000)).toBe('60 s');
    expect(budgetInWords(1500)).toBe('1.5 s');
    expect(budgetInWords(250)).toBe('250 ms');
  });
});
