import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { all, type SqlDatabase } from '../../../../src-core/db/sql-db';
import { WorkspaceSession } from '../../../../src-core/workspace/session';
import type { WorkspaceStorage } from '../../../../src-core/workspace/storage';
import { TEST_SEAL_KEY } from '../../../helpers/seal-key';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations, freshWorkspace } from '../../../helpers/workspace';

/** Storage in memory whose checkpoint can be made to fail (a disk full at the wrong moment). */
class MemoryStorage implements WorkspaceStorage {
  journal = '';
  failCheckpoint = false;
  originals = new Map<string, Uint8Array>();
  constructor(public snapshot: Uint8Array) {}
  async append(line: string) {
    this.journal += line;
  }
  async recordSeal() {}
  async keepOriginal(sha256: string, bytes: Uint8Array) {
    this.originals.set(sha256, bytes.slice());
  }
  async checkpoint(bytes: Uint8Array) {
    if (this.failCheckpoint) throw new Error('disk full');
    this.snapshot = bytes;
    this.journal = '';
  }
}

const stamp = { author: 'A. Analyst', at: '2026-12-07T10:00:00.000Z' };

async function seededSession() {
  const db = await freshWorkspace();
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  const storage = new MemoryStorage(db.export());
  const { engine, migrations } = await engineAndMigrations();
  const { session } = await WorkspaceSession.open(
    engine,
    migrations,
    { name: 'ws', snapshot: storage.snapshot, journal: '', sealKey: TEST_SEAL_KEY },
    storage,
  );
  await session.edit('item.correct', { target: 'metric', id: 9, field: 'force', value: '12', ...stamp });
  await session.edit('annotation.set', { targetType: 'finding', targetId: 20, field: 'note', value: 'Ask the force', ...stamp });
  return { session, storage };
}

/** Every row a reader sees, but the audit trail (which only grows). */
function contents(db: SqlDatabase) {
  const tables = ['reports', 'sections', 'findings', 'finding_footnotes', 'footnotes', 'judgments', 'metrics', 'areas_for_improvement'];
  return {
    ...Object.fromEntries(
      [...tables, 'extraction_warnings', 'corrections', 'annotations', 'review_samples'].map((t) => [
        t,
        all(db, `SELECT * FROM ${t} ORDER BY 1, 2`),
      ]),
    ),
    search: all(db, "SELECT docid FROM findings_fts WHERE findings_fts MATCH 'vulnerable' ORDER BY docid"),
    counts: all(db, 'SELECT * FROM finding_counts ORDER BY report_id, section, kind'),
  };
}

describe('replacing a report in an open workspace', () => {
  it('keeps the new original, checkpoints, and clears undo, whose edits named the old rows', async () => {
    const { session, storage } = await seededSession();
    expect(session.canUndo).toBe(true);
    const pdf = readFixture(SEED_FILES.pdf);
    const result = await session.replaceReport(await extractSeed('pdf'), { name: 'gwent-2017.pdf', bytes: pdf }, stamp);
    expect(result).toMatchObject({ status: 'replaced', kept: 2, toReview: [] });
    expect(storage.originals.get(result.contentHash)).toEqual(pdf);
    expect(session.canUndo).toBe(false);
    const saved = await freshWorkspaceFrom(storage.snapshot);
    expect(all(saved, 'SELECT source_name FROM reports')).toEqual([{ source_name: 'gwent-2017.pdf' }]);
    expect(all(saved, 'SELECT force_text FROM metrics WHERE id = 9')).toEqual([{ force_text: '12' }]);
  });

  it('puts the old report back when the replacement cannot be saved, and says so in its history', async () => {
    const { session, storage } = await seededSession();
    const before = contents(session.db);
    storage.failCheckpoint = true;
    await expect(
      session.replaceReport(await extractSeed('pdf'), { name: 'gwent-2017.pdf', bytes: readFixture(SEED_FILES.pdf) }, stamp),
    ).rejects.toThrow('disk full');
    expect(contents(session.db)).toEqual(before);
    expect(all(session.db, "SELECT field FROM audit_log WHERE target_type = 'report' ORDER BY id").map((r) => r.field)).toEqual([
      'replaced',
      'replace-undone',
    ]);
    expect(session.canUndo).toBe(true);
  });
});

async function freshWorkspaceFrom(bytes: Uint8Array): Promise<SqlDatabase> {
  const { engine } = await engineAndMigrations();
  return new engine.Database(bytes);
}
