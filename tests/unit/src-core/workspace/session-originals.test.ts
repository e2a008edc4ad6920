import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { all, one } from '../../../../src-core/db/sql-db';
import { WorkspaceSession } from '../../../../src-core/workspace/session';
import { StorageError, type WorkspaceStorage } from '../../../../src-core/workspace/storage';
import { TEST_SEAL_KEY } from '../../../helpers/seal-key';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations } from '../../../helpers/workspace';

/** Storage in memory that records what reached it, in order. */
class RecordingStorage implements WorkspaceStorage {
  readonly calls: string[] = [];
  readonly originals = new Map<string, Uint8Array>();
  snapshot: Uint8Array = new Uint8Array(0);
  failOriginals = false;
  async append() {
    this.calls.push('append');
  }
  async checkpoint(bytes: Uint8Array) {
    this.calls.push('checkpoint');
    this.snapshot = bytes;
  }
  async recordSeal() {
    this.calls.push('recordSeal');
  }
  async keepOriginal(sha256: string, bytes: Uint8Array) {
    this.calls.push(`keepOriginal ${sha256}`);
    if (this.failOriginals)
      throw new StorageError('Could not keep the report\'s original file beside "ws.sqlite": the disk is full (ENOSPC).');
    this.originals.set(sha256, bytes.slice());
  }
}

async function newSession() {
  const storage = new RecordingStorage();
  const { engine, migrations } = await engineAndMigrations();
  const { session } = await WorkspaceSession.open(
    engine,
    migrations,
    { name: 'ws', snapshot: new Uint8Array(0), journal: '', sealKey: TEST_SEAL_KEY },
    storage,
  );
  storage.calls.length = 0;
  return { session, storage };
}

const GWENT = readFixture(SEED_FILES.markdown);
const GWENT_SHA = createHash('sha256').update(GWENT).digest('hex');

describe('importing a report keeps its original file beside the workspace', () => {
  it('keeps the bytes under the hash the workspace records, before the checkpoint that saves the import', async () => {
    const { session, storage } = await newSession();
    const result = await session.importReport(await extractSeed('markdown'), { name: 'gwent.md', bytes: GWENT });
    expect(result.status).toBe('imported');
    expect(storage.calls).toEqual([`keepOriginal ${GWENT_SHA}`, 'checkpoint']);
    expect(storage.originals.get(GWENT_SHA)).toEqual(GWENT);
    expect(one(session.db, 'SELECT content_hash AS h, source_bytes AS n FROM reports')).toEqual({ h: GWENT_SHA, n: GWENT.length });
  });

  it('puts none of the original in the database: no value anywhere is as long as the file', async () => {
    const { session } = await newSession();
    await session.importReport(await extractSeed('markdown'), { name: 'gwent.md', bytes: GWENT });
    const tables = all<{ name: string }>(session.db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'");
    expect(tables.length).toBeGreaterThan(10);
    for (const { name } of tables) {
      for (const { name: column } of all<{ name: string }>(session.db, `SELECT name FROM pragma_table_info('${name}')`)) {
        const longest = one<{ n: number | null }>(session.db, `SELECT max(length(CAST("${column}" AS BLOB))) AS n FROM "${name}"`);
        expect(longest?.n ?? 0, `${name}.${column}`).toBeLessThan(GWENT.length / 4);
      }
    }
  });

  it('is undone, with nothing checkpointed, when the original cannot be kept', async () => {
    const { session, storage } = await newSession();
    storage.failOriginals = true;
    await expect(session.importReport(await extractSeed('markdown'), { name: 'gwent.md', bytes: GWENT })).rejects.toThrow(
      /the disk is full \(ENOSPC\)/,
    );
    expect(storage.calls).toEqual([`keepOriginal ${GWENT_SHA}`]);
    expect(all(session.db, 'SELECT id FROM reports')).toEqual([]);
    for (const t of ['findings', 'metrics', 'judgments', 'footnotes', 'sections', 'extraction_warnings', 'areas_for_improvement']) {
      expect(one(session.db, `SELECT count(*) AS n FROM ${t}`), t).toEqual({ n: 0 });
    }
    // The same file imports once the disk has room: nothing of the failed attempt is in the way.
    storage.failOriginals = false;
    expect((await session.importReport(await extractSeed('markdown'), { name: 'gwent.md', bytes: GWENT })).status).toBe('imported');
    expect(storage.originals.get(GWENT_SHA)).toEqual(GWENT);
  });

  it('keeps nothing for a duplicate', async () => {
    const { session, storage } = await newSession();
    await session.importReport(await extractSeed('markdown'), { name: 'gwent.md', bytes: GWENT });
    storage.calls.length = 0;
    expect((await session.importReport(await extractSeed('markdown'), { name: 'again.md', bytes: GWENT })).status).toBe('duplicate');
    expect(storage.calls).toEqual([]);
  });
});
