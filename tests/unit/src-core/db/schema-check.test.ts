import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { migrate } from '../../../../src-core/db/migrate';
import { referenceSchema } from '../../../../src-core/db/schema-check';
import { all, one, type SqlDatabase } from '../../../../src-core/db/sql-db';
import { applyPragmas, createWorkspace, openWorkspace } from '../../../../src-core/db/workspace';
import {
  ALL_HOSTILE,
  EDITED_CHECK,
  EDITED_DEFAULT,
  GRADE_INFLATION,
  JUDGMENTS_VIEW,
  makeHostile,
  PLANTED_NOTE,
  REBUILT_DEFAULT,
} from '../../../helpers/hostile-workspace';
import { extractSeed, readFixture, ROOT, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations, refusalOf } from '../../../helpers/workspace';
import { edit, gwentWorkspace } from '../brief/gwent-workspace';

const UNTOUCHED = ': it may have been altered; it has been left untouched';

let made: Promise<Uint8Array> | null = null;

/** The bundled workspace's content as bytes, with an analyst's annotation on finding 4 (made once: seconds apiece). */
function gwentBytes(): Promise<Uint8Array> {
  made ??= gwentWorkspace().then((db) => {
    edit(db, 'annotation.set', { targetType: 'finding', targetId: 4, field: 'note', value: 'keep' });
    const bytes = db.export();
    db.close();
    return bytes;
  });
  return made;
}

const grades = (db: SqlDatabase) => all(db, 'SELECT question, grade FROM judgments ORDER BY id').map((r) => `${r.question}: ${r.grade}`);

describe('the schema check on opening a workspace', () => {
  it('opens what the app makes: a new workspace, the bundled one, and workspaces of every older version migrated forward', async () => {
    const { engine, migrations } = await engineAndMigrations();
    openWorkspace(engine, createWorkspace(engine, migrations).export(), migrations, 'new.sqlite').close();
    const bundled = new Uint8Array(readFileSync(path.join(ROOT, 'data/default-workspace.sqlite')));
    openWorkspace(engine, bundled, migrations, 'default-workspace.sqlite').close();
    for (let version = 1; version <= migrations.length; version++) {
      const old = new engine.Database();
      applyPragmas(old);
      migrate(old, migrations.slice(0, version));
      old.run("INSERT INTO meta (key, value) VALUES ('created_at', '2019-01-01T00:00:00Z'), ('last_seq', '0')");
      const opened = openWorkspace(engine, old.export(), migrations, `v${version}.sqlite`);
      old.close();
      expect(all(opened, 'SELECT version FROM schema_migrations').length).toBe(migrations.length);
      // Migrated forward, it is a workspace of this version like any other: it opens again.
      openWorkspace(engine, opened.export(), migrations, `v${version}-migrated.sqlite`).close();
      opened.close();
    }
  });

  it('compares every object SQLite keeps: the reference has the tables, indexes, triggers and full-text tables migrations make', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const ref = referenceSchema(engine, migrations, migrations.length);
    const byType = (t: string) => [...ref.values()].filter((o) => o.type === t).length;
    expect(byType('table')).toBeGreaterThan(15);
    expect(byType('trigger')).toBeGreaterThan(10);
    expect(byType('index')).toBeGreaterThan(10);
    expect(ref.get('findings_fts_segdir')?.sql).toMatch(/^CREATE TABLE 'findings_fts_segdir'/);
    // ALTER TABLE's rewritten text, exactly: judgments was rebuilt and renamed by migration 5.
    expect(ref.get('judgments')?.sql).toMatch(/^CREATE TABLE "judgments" \(/);
    expect(ref.get('reports')?.sql).toContain("scale TEXT NOT NULL DEFAULT 'four-point' CHECK (scale IN ('four-point', 'five-point'))");
    // An older version's reference is that version's schema, not the latest one.
    expect(referenceSchema(engine, migrations, 1).get('finding_counts')).toBeUndefined();
  });

  it.each(ALL_HOSTILE.map((h) => [h.label, h] as const))('refuses %s, naming it, and leaves the bytes untouched', async (_label, h) => {
    const { engine, migrations } = await engineAndMigrations();
    const bytes = makeHostile(engine, await gwentBytes(), h);
    const before = bytes.slice();
    for (const sealed of [false, true]) {
      const refusal = refusalOf(() => openWorkspace(engine, bytes, migrations, 'ws.sqlite', { sealed }));
      expect(refusal).toMatch(
        new RegExp(
          `^altered: ws\\.sqlite (${h.names.source})( \\(and \\d+ other differences? from the schema it creates\\))?${UNTOUCHED}$`,
        ),
      );
      expect(refusal).not.toContain('\n');
    }
    expect(bytes).toEqual(before);
  });

  it('names what runs code first: a view standing in for judgments, then the renamed table, counting the rest', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const bytes = makeHostile(engine, await gwentBytes(), JUDGMENTS_VIEW);
    expect(refusalOf(() => openWorkspace(engine, bytes, migrations, 'team.sqlite'))).toBe(
      `altered: team.sqlite has a view "judgments" where PEEL Workbench creates a table (and 3 other differences from the schema it creates)${UNTOUCHED}`,
    );
  });

  it('reports a missing object and one on another table', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = await gwentWorkspace();
    db.exec('DROP INDEX findings_attrs');
    expect(refusalOf(() => openWorkspace(engine, db.export(), migrations, 'ws.sqlite'))).toBe(
      `altered: ws.sqlite lacks the index "findings_attrs" that PEEL Workbench creates at schema version ${migrations.length}${UNTOUCHED}`,
    );
    db.exec('CREATE INDEX findings_attrs ON reports (id)');
    expect(refusalOf(() => openWorkspace(engine, db.export(), migrations, 'ws.sqlite'))).toBe(
      `altered: ws.sqlite has an index "findings_attrs" on "reports" (not "findings") that differs from the one PEEL Workbench creates at schema version ${migrations.length}${UNTOUCHED}`,
    );
    db.close();
  });

  it('refuses anything defined on the migration history before reading it', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = await gwentWorkspace();
    db.exec("CREATE TRIGGER history_hook AFTER INSERT ON schema_migrations BEGIN SELECT 'x'; END");
    expect(refusalOf(() => openWorkspace(engine, db.export(), migrations, 'ws.sqlite'))).toBe(
      `altered: ws.sqlite contains a trigger "history_hook" that PEEL Workbench did not create${UNTOUCHED}`,
    );
    db.exec('DROP TRIGGER history_hook; PRAGMA writable_schema = ON');
    db.run("UPDATE sqlite_master SET sql = replace(sql, 'name TEXT NOT NULL', 'name TEXT') WHERE name = 'schema_migrations'");
    expect(refusalOf(() => openWorkspace(engine, db.export(), migrations, 'ws.sqlite'))).toBe(
      `altered: ws.sqlite has a table "schema_migrations" that differs from the one PEEL Workbench creates${UNTOUCHED}`,
    );
    db.close();
  });

  it("accepts SQLite's own statistics tables in exactly SQLite's shape, and nothing else by those names", async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = await gwentWorkspace();
    // An analyst ran ANALYZE in the sqlite3 shell: only planner statistics, which change no result.
    db.exec('ANALYZE');
    expect(one(db, "SELECT sql FROM sqlite_master WHERE name = 'sqlite_stat1'")?.sql).toBe('CREATE TABLE sqlite_stat1(tbl,idx,stat)');
    const analysed = openWorkspace(engine, db.export(), migrations, 'ws.sqlite');
    expect(grades(analysed)).toEqual(grades(db));
    analysed.close();
    db.exec('PRAGMA writable_schema = ON');
    db.run("UPDATE sqlite_master SET sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat,extra)' WHERE name = 'sqlite_stat1'");
    expect(refusalOf(() => openWorkspace(engine, db.export(), migrations, 'ws.sqlite'))).toBe(
      `altered: ws.sqlite contains a table "sqlite_stat1" that PEEL Workbench did not create${UNTOUCHED}`,
    );
    db.close();
  });
});

/**
 * The same files opened with SQLite alone, as the app opened them before the check: each does
 * what issue 15 says. Without these, the refusals above could be of files that do nothing.
 */
describe('the hostile files, opened without the check', () => {
  it('a trigger on judgments turns an imported report\'s grades into "Outstanding"', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = new engine.Database(makeHostile(engine, createWorkspace(engine, migrations).export(), GRADE_INFLATION));
    applyPragmas(db);
    await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
    expect(new Set(grades(db).map((g) => g.split(': ')[1]))).toEqual(new Set(['Outstanding']));
    db.close();
  });

  it('a trigger on annotations puts a finding in the brief with a planted note when its status is set', async () => {
    const { engine } = await engineAndMigrations();
    const db = new engine.Database(makeHostile(engine, await gwentBytes(), PLANTED_NOTE));
    applyPragmas(db);
    edit(db, 'annotation.set', { targetType: 'finding', targetId: 4, field: 'status', value: 'reviewed' });
    expect(one(db, "SELECT note, include_in_brief FROM annotations WHERE target_type = 'finding' AND target_id = 4")).toEqual({
      note: 'PLANTED: disregard the grade',
      include_in_brief: 1,
    });
    db.close();
  });

  it('a view named judgments reads "Good" where the report says "Requires improvement"', async () => {
    const { engine } = await engineAndMigrations();
    const clean = await gwentBytes();
    const db = new engine.Database(makeHostile(engine, clean, JUDGMENTS_VIEW));
    const original = new engine.Database(clean);
    expect(grades(original)).toContain('Overall effectiveness: Requires improvement');
    expect(grades(db)).toContain('Overall effectiveness: Good');
    db.close();
    original.close();
  });

  it('a changed DEFAULT or CHECK changes what is stored', async () => {
    const { engine } = await engineAndMigrations();
    const clean = await gwentBytes();
    for (const h of [EDITED_DEFAULT, REBUILT_DEFAULT]) {
      const db = new engine.Database(makeHostile(engine, clean, h));
      edit(db, 'annotation.set', { targetType: 'finding', targetId: 5, field: 'status', value: 'reviewed' });
      expect(one(db, "SELECT include_in_brief FROM annotations WHERE target_type = 'finding' AND target_id = 5")?.include_in_brief).toBe(1);
      // Only the DEFAULT differs from the app's CREATE text when edited in place.
      if (h === EDITED_DEFAULT)
        expect(String(one(db, "SELECT sql FROM sqlite_master WHERE name = 'annotations'")?.sql)).toContain('DEFAULT 1');
      db.close();
    }
    const checked = new engine.Database(makeHostile(engine, clean, EDITED_CHECK));
    checked.run("UPDATE judgments SET grade = 'Superb' WHERE id = 1");
    expect(grades(checked)[0]).toMatch(/: Superb$/);
    checked.close();
  });
});

describe("SQLite's own defences on every connection", () => {
  it('keeps trusted_schema off, cell_size_check on and writable_schema off, also after an export', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = openWorkspace(engine, createWorkspace(engine, migrations).export(), migrations);
    const pragmas = () =>
      ['trusted_schema', 'cell_size_check', 'writable_schema', 'foreign_keys', 'recursive_triggers'].map(
        (p) => `${p}=${String(db.exec(`PRAGMA ${p}`)[0]?.values[0]?.[0])}`,
      );
    const expected = ['trusted_schema=0', 'cell_size_check=1', 'writable_schema=0', 'foreign_keys=1', 'recursive_triggers=0'];
    expect(pragmas()).toEqual(expected);
    db.export();
    expect(pragmas()).toEqual(expected);
    db.close();
  });

  it('with trusted_schema off, a schema cannot call functions sql.js adds without marking them harmless', async () => {
    const { engine } = await engineAndMigrations();
    const db = new engine.Database();
    db.exec("CREATE VIEW v AS SELECT reverse('abc') AS r");
    applyPragmas(db);
    expect(() => db.exec('SELECT r FROM v')).toThrow(/unsafe use of reverse\(\)/);
    db.close();
  });
});
