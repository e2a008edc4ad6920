import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { one } from '../../../../src-core/db/sql-db';
import { createWorkspace, openWorkspace } from '../../../../src-core/db/workspace';
import { DAMAGED_HASH_VERDICT, flipByteInContentHash } from '../../../helpers/damage';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations, refusalOf } from '../../../helpers/workspace';

/** A workspace holding the seed report, and the same bytes with one byte of its content hash flipped. */
async function seededAndDamaged() {
  const { engine, migrations } = await engineAndMigrations();
  const db = createWorkspace(engine, migrations);
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  const hash = String(one<{ h: string }>(db, 'SELECT content_hash AS h FROM reports')?.h);
  const bytes = db.export();
  db.close();
  return { engine, migrations, bytes, damaged: flipByteInContentHash(bytes, hash) };
}

describe('opening workspace bytes', () => {
  it('runs the integrity check unless told the bytes are sealed, and refuses damage only it can see', async () => {
    const { engine, migrations, bytes, damaged } = await seededAndDamaged();
    openWorkspace(engine, bytes, migrations, 'ws.sqlite').close();
    // Without the option (and with sealed: false) the check runs and refuses the damaged copy...
    const message = `corrupt: ws.sqlite failed its integrity check: ${DAMAGED_HASH_VERDICT}`;
    expect(refusalOf(() => openWorkspace(engine, damaged, migrations, 'ws.sqlite'))).toBe(message);
    expect(refusalOf(() => openWorkspace(engine, damaged, migrations, 'ws.sqlite', { sealed: false }))).toBe(message);
    // ...which SQLite itself would open and read: skipping the check is what `sealed` does, so it
    // may only be set for bytes that matched their seal.
    const skipped = openWorkspace(engine, damaged, migrations, 'ws.sqlite', { sealed: true });
    expect(one<{ n: number }>(skipped, 'SELECT count(*) AS n FROM reports')?.n).toBe(1);
    skipped.close();
  });

  it('still refuses what is not SQLite or not a workbench file when sealed', async () => {
    const { engine, migrations } = await engineAndMigrations();
    expect(
      refusalOf(() => openWorkspace(engine, new TextEncoder().encode('# notes\n'.repeat(20)), migrations, 'notes.md', { sealed: true })),
    ).toMatch(/^not-sqlite: notes\.md is not a SQLite database/);
    const foreign = new engine.Database();
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    expect(refusalOf(() => openWorkspace(engine, foreign.export(), migrations, 'crm.sqlite', { sealed: true }))).toMatch(
      /^foreign: This SQLite database is not a PEEL Workbench workspace/,
    );
  });
});
