/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, loadMigrations, migrate } from '../../../../src-core/db/migrate';
import { all } from '../../../../src-core/db/sql-db';
import { createWorkspace, openWorkspace } from '../../../../src-core/db/workspace';
import { engineAndMigrations, migrationsPlus, refusalOf } from '../../../helpers/workspace';

describe('migrations', () => {
  it('orders files by number and refuses gaps, duplicates and odd names', async () => {
    const list = await loadMigrations([
      { file: '002_b.sql', sql: 'SELECT 2' },
      { file: '001_a.sql', sql: 'SELECT 1' },
    ]);
    expect(list.map((m) => `${m.version}:${m.name}`)).toEqual(['1:a', '2:b']);
    await expect(
      loadMigrations([
        { file: '001_a.sql', sql: '' },
        { file: '003_c.sql', sql: '' },
      ]),
    ).rejects.toThrow(/expected 2 but found 3/);
    await expect(
      loadMigrations([
        { file: '001_a.sql', sql: '' },
        { file: '001_b.sql', sql: '' },
      ]),
    ).rejects.toThrow(/expected 2 but found 1/);
    await expect(loadMigrations([{ file: 'initial.sql', sql: '' }])).rejects.toThrow(/not named NNN_name\.sql/);
  });

  it('creates every table of the data model and records what it applied', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = createWorkspace(engine, migrations);
    const tables = all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").map((r) => r.name);
    for (const t of [
      'reports',
      'sections',
      'findings',
      'findings_fts',
      'judgments',
      'metrics',
      'footnotes',
      'areas_for_improvement',
      'review_samples',
      'annotations',
      'audit_log',
      'saved_views',
      'briefing_packs',
      'meta',
      'extraction_warnings',
    ]) {
      expect(tables).toContain(t);
    }
    expect(all(db, 'SELECT version, name FROM schema_migrations')).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(db.exec('PRAGMA application_id')[0]?.values[0]?.[0]).toBe(APPLICATION_ID);
  });

  it('migrates an older workspace forward, once', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const old = createWorkspace(engine, migrations).export();
    const newer = await migrationsPlus('002_add_colour.sql', 'ALTER TABLE reports ADD COLUMN colour TEXT;');
    const db = openWorkspace(engine, old, newer);
    expect(all(db, 'SELECT version FROM schema_migrations').map((r) => r.version)).toEqual(newer.map((m) => m.version));
    expect(migrate(db, newer).applied).toEqual([]);
  });

  it('refuses a workspace whose applied migrations are not a prefix of the known ones, leaving the bytes untouched', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const newer = await migrationsPlus('002_add_colour.sql', 'ALTER TABLE reports ADD COLUMN colour TEXT;');
    const fromNewerApp = openWorkspace(engine, createWorkspace(engine, migrations).export(), newer).export();
    const before = fromNewerApp.slice();
    const next = migrations.length + 1;
    expect(refusalOf(() => openWorkspace(engine, fromNewerApp, migrations, 'team.sqlite'))).toBe(
      `unknown-migrations: The workspace's schema migration ${next} "add_colour" is unknown to this version; it was made by a newer or different version of PEEL Workbench and has been left untouched`,
    );
    const edited = await migrationsPlus('002_add_size.sql', 'ALTER TABLE reports ADD COLUMN size TEXT;');
    expect(refusalOf(() => openWorkspace(engine, fromNewerApp, edited))).toMatch(
      new RegExp(`^unknown-migrations: .* migration ${next} "add_colour" differs from this version's migration ${next} "add_size"`),
    );
    expect(fromNewerApp).toEqual(before);
  });

  it('refuses a migration whose text changed after it was applied', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const bytes = createWorkspace(engine, migrations).export();
    const changed = migrations.map((m) => ({ ...m, checksum: 'edited' }));
    expect(refusalOf(() => openWorkspace(engine, bytes, changed))).toMatch(/^unknown-migrations: .*migration 1 "initial" differs/);
  });

  it('rolls back a failing migration and reports which one', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const bad = await migrationsPlus('002_broken.sql', 'ALTER TABLE reports ADD COLUMN ok TEXT; ALTER TABLE nowhere ADD COLUMN x TEXT;');
    const db = createWorkspace(engine, migrations);
    expect(refusalOf(() => migrate(db, bad))).toMatch(
      new RegExp(`^migration-failed: Schema migration ${migrations.length + 1} "broken" failed: no such table: nowhere`),
    );
    expect(all(db, 'SELECT version FROM schema_migrations').map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(all<{ name: string }>(db, 'PRAGMA table_info(reports)').some((c) => c.name === 'ok')).toBe(false);
  });

  it('refuses files that are not PEEL Workbench workspaces', async () => {
    const { engine, migrations } = await engineAndMigrations();
    expect(refusalOf(() => openWorkspace(engine, new TextEncoder().encode('# just a report\n'.repeat(20)), migrations, 'notes.md'))).toBe(
      'not-sqlite: notes.md is not a SQLite database, so it cannot be a PEEL Workbench workspace',
    );
    const foreign = new engine.Database();
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    const foreignBytes = foreign.export();
    expect(refusalOf(() => openWorkspace(engine, foreignBytes, migrations, 'crm.sqlite'))).toMatch(
      /^foreign: This SQLite database is not a PEEL Workbench workspace/,
    );
  });

  it('refuses a damaged workspace', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const bytes = createWorkspace(engine, migrations).export();
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(refusalOf(() => openWorkspace(engine, damaged, migrations, 'half.sqlite'))).toMatch(/^corrupt: half\.sqlite/);
  });

  it('keeps the audit trail append-only', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const db = createWorkspace(engine, migrations);
    db.run(
      "INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES ('2026-01-01', 'ann', 'finding', 1, 'status', 'new', 'reviewed')",
    );
    expect(() => db.run("UPDATE audit_log SET new_value = 'flagged'")).toThrow(/append-only/);
    expect(() => db.run('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});

describe('the migration files', () => {
  it('load the same through Vite (renderer and worker) as through the file system (CLI)', async () => {
    const viaVite = import.meta.glob<string>('../../../../src-core/db/migrations/*.sql', { query: '?raw', import: 'default', eager: true });
    const fromVite = await loadMigrations(Object.entries(viaVite).map(([p, sql]) => ({ file: p.slice(p.lastIndexOf('/') + 1), sql })));
    const { migrations } = await engineAndMigrations();
    expect(fromVite).toEqual(migrations);
    expect(fromVite.length).toBeGreaterThan(0);
  });
});
