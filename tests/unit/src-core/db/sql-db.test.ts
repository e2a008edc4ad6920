import { describe, expect, it } from 'vitest';
import { all, one, transaction, type SqlDatabase, type SqlStatement } from '../../../../src-core/db/sql-db';
import { engineAndMigrations } from '../../../helpers/workspace';

/**
 * all() keeps prepared statements per database (compiling one cost more than running a small
 * query). A kept statement must never show stale results, hold a lock, or outlive an error.
 */
describe('statements kept by all()', () => {
  async function table() {
    const { engine } = await engineAndMigrations();
    const db = new engine.Database();
    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    db.run("INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
    return db;
  }

  it('give the same rows as a fresh statement, with new parameters each time', async () => {
    const db = await table();
    expect(all(db, 'SELECT v FROM t WHERE id >= ? ORDER BY id', [2])).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(all(db, 'SELECT v FROM t WHERE id >= ? ORDER BY id', [3])).toEqual([{ v: 'c' }]);
    // Stopped before its last row (one() reads only the first): the next use starts afresh.
    expect(one(db, 'SELECT v FROM t ORDER BY id')).toEqual({ v: 'a' });
    expect(all(db, 'SELECT v FROM t ORDER BY id')).toHaveLength(3);
  });

  it('see a changed schema, and do not keep a write from committing or the database from being exported', async () => {
    const db = await table();
    expect(all(db, 'SELECT * FROM t WHERE id = 1')).toEqual([{ id: 1, v: 'a' }]);
    db.run("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'");
    expect(all(db, 'SELECT * FROM t WHERE id = 1')).toEqual([{ id: 1, v: 'a', w: 'x' }]);
    transaction(db, () => db.run("UPDATE t SET v = 'z' WHERE id = 1"));
    db.exec('VACUUM');
    const { engine } = await engineAndMigrations();
    const copy = new engine.Database(db.export());
    expect(all(copy, 'SELECT v FROM t WHERE id = 1')).toEqual([{ v: 'z' }]);
  });

  it('are dropped after an error, and the least recently used are freed past 64', async () => {
    const db = await table();
    db.run('CREATE TABLE u (n INTEGER NOT NULL)');
    expect(() => all(db, 'INSERT INTO u (n) VALUES (?) RETURNING n', [null])).toThrow(/NOT NULL/);
    expect(all(db, 'INSERT INTO u (n) VALUES (?) RETURNING n', [7])).toEqual([{ n: 7 }]);
    for (let i = 0; i < 200; i++) expect(one(db, `SELECT ${i} AS i, count(*) AS n FROM t`)).toEqual({ i, n: 3 });
    expect(all(db, 'SELECT v FROM t WHERE id >= ? ORDER BY id', [3])).toEqual([{ v: 'c' }]);
  });
});

describe('a kept statement freed behind all()’s back', () => {
  it('is compiled afresh, and a statement that cannot bind still says why', async () => {
    const { engine } = await engineAndMigrations();
    const raw = new engine.Database();
    raw.run('CREATE TABLE t (v TEXT)');
    raw.run("INSERT INTO t VALUES ('a')");
    // Every statement the database hands out, so that the test can free them as an engine that
    // closes its connection would.
    const handed: SqlStatement[] = [];
    const db: SqlDatabase = Object.assign(Object.create(raw) as SqlDatabase, {
      prepare: (sql: string) => {
        const s = raw.prepare(sql);
        handed.push(s);
        return s;
      },
    });
    expect(all(db, 'SELECT v FROM t WHERE v = ?', ['a'])).toEqual([{ v: 'a' }]);
    for (const s of handed) s.free();
    expect(all(db, 'SELECT v FROM t WHERE v = ?', ['a'])).toEqual([{ v: 'a' }]);
    expect(handed).toHaveLength(2);
    expect(() => all(db, 'SELECT v FROM t WHERE v = ?', [1, 2, 3])).toThrow();
    expect(all(db, 'SELECT v FROM t WHERE v = ?', ['a'])).toEqual([{ v: 'a' }]);
  });
});
