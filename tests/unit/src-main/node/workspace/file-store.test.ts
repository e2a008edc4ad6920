import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { all } from '../../../../../src-core/db/sql-db';
import { StorageError } from '../../../../../src-core/workspace/storage';
import type { FsLike } from '../../../../../src-main/node/workspace/file-store';
import { noteEdit, noteOf, openSession, workspaceCopy } from '../../../../helpers/session';

// tests/global-setup.ts builds data/default-workspace.sqlite before any test runs.

const tmpFiles = (file: string) => readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'));

describe('a workspace on disk', () => {
  it('keeps acknowledged edits in the journal and replays them after a crash', async () => {
    const file = workspaceCopy();
    const a = await openSession(file);
    await a.session.edit('annotation.set', noteEdit(1, 'check the 36 vs 46 arrest rate'));
    await a.session.edit('annotation.set', noteEdit(2, 'second'));
    expect(readFileSync(`${file}.peel-journal`, 'utf8').trim().split('\n')).toHaveLength(2);
    // No checkpoint, no close: as if the laptop died now.
    const b = await openSession(file);
    expect(b.replayed).toBe(2);
    expect(noteOf(b.session, 1)).toBe('check the 36 vs 46 arrest rate');
    expect(all(b.session.db, 'SELECT field, new_value FROM audit_log ORDER BY id')).toEqual([
      { field: 'note', new_value: 'check the 36 vs 46 arrest rate' },
      { field: 'note', new_value: 'second' },
    ]);
  });

  it('checkpoints atomically, trims the journal and keeps the last five snapshots as backups', async () => {
    const file = workspaceCopy();
    const { session, store } = await openSession(file);
    for (let i = 1; i <= 7; i++) {
      await session.edit('annotation.set', noteEdit(i, `note ${i}`));
      await session.checkpoint();
    }
    expect(readFileSync(`${file}.peel-journal`, 'utf8')).toBe('');
    const backups = await store.backups();
    expect(backups).toHaveLength(5);
    expect(backups[0]?.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(tmpFiles(file)).toEqual([]);
    const reopened = await openSession(file);
    expect(reopened.replayed).toBe(0);
    expect(noteOf(reopened.session, 7)).toBe('note 7');
  });

  it('empties the journal in place at a checkpoint, and replays nothing twice if a crash undid that', async () => {
    const file = workspaceCopy();
    const a = await openSession(file);
    await a.session.edit('annotation.set', noteEdit(1, 'one'));
    await a.session.edit('annotation.set', noteEdit(2, 'two'));
    const records = readFileSync(`${file}.peel-journal`, 'utf8');
    const inode = statSync(`${file}.peel-journal`).ino;
    await a.session.checkpoint();
    // Truncated, not replaced by a new file.
    expect(statSync(`${file}.peel-journal`)).toMatchObject({ ino: inode, size: 0 });
    // A crash before the truncation reached the disk: the snapshot already holds both records.
    writeFileSync(`${file}.peel-journal`, records);
    const b = await openSession(file);
    expect(b.replayed).toBe(0);
    expect(noteOf(b.session, 1)).toBe('one');
    await b.session.edit('annotation.set', noteEdit(3, 'three'));
    const c = await openSession(file);
    expect(c.replayed).toBe(1);
    expect([1, 2, 3].map((id) => noteOf(c.session, id))).toEqual(['one', 'two', 'three']);
    expect(all(c.session.db, "SELECT count(*) AS n FROM audit_log WHERE field = 'note'")[0]?.n).toBe(3);
  });

  it('restores a backup, keeping the current state as a backup too', async () => {
    const file = workspaceCopy();
    const { session, store } = await openSession(file);
    await session.edit('annotation.set', noteEdit(1, 'first'));
    await session.checkpoint();
    await session.edit('annotation.set', noteEdit(1, 'second'));
    await session.checkpoint();
    const newest = (await store.backups())[0];
    expect(newest).toBeDefined();
    const restored = await store.restoreBackup(newest?.id ?? '');
    expect(restored.journal).toBe('');
    const reopened = await openSession(file);
    expect(noteOf(reopened.session, 1)).toBe('first');
    expect((await reopened.store.backups()).length).toBe(3);
    await expect(store.restoreBackup('../../etc/passwd')).rejects.toThrow(
      'There is no backup "../../etc/passwd" of "ws.sqlite"; choose one from the list of backups.',
    );
  });

  it('removes temporary files a crash left behind', async () => {
    const file = workspaceCopy();
    writeFileSync(path.join(path.dirname(file), '.ws.sqlite.snapshot.abc123.tmp'), 'half a snapshot');
    writeFileSync(path.join(path.dirname(file), 'unrelated.tmp'), 'not ours');
    const { orphansRemoved } = await openSession(file);
    expect(orphansRemoved).toBe(1);
    expect(tmpFiles(file)).toEqual(['unrelated.tmp']);
  });

  it('ignores a torn last record and keeps later edits safe', async () => {
    const file = workspaceCopy();
    const a = await openSession(file);
    await a.session.edit('annotation.set', noteEdit(1, 'kept'));
    appendFileSync(`${file}.peel-journal`, '{"seq":2,"op":"annotation.set","par');
    const b = await openSession(file);
    expect(b.replayed).toBe(1);
    expect(b.discarded).toBe(1);
    await b.session.edit('annotation.set', noteEdit(3, 'after the tear'));
    const c = await openSession(file);
    expect(noteOf(c.session, 1)).toBe('kept');
    expect(noteOf(c.session, 3)).toBe('after the tear');
  });

  it('stops replay at a damaged record, and new edits are not lost behind it', async () => {
    const file = workspaceCopy();
    const a = await openSession(file);
    await a.session.edit('annotation.set', noteEdit(1, 'one'));
    await a.session.edit('annotation.set', noteEdit(2, 'two'));
    const journal = readFileSync(`${file}.peel-journal`, 'utf8').replace('"two"', '"tw0"');
    writeFileSync(`${file}.peel-journal`, journal);
    const b = await openSession(file);
    expect([b.replayed, b.discarded]).toEqual([1, 1]);
    expect(noteOf(b.session, 2)).toBeNull();
    await b.session.edit('annotation.set', noteEdit(5, 'five'));
    const c = await openSession(file);
    expect(noteOf(c.session, 5)).toBe('five');
  });
});

/** The real file system, except that chosen calls fail as a full disk or a locked file would. */
function faultyFs(fail: { write?: string; rename?: { code: string; times: number } }): FsLike {
  let renames = 0;
  return {
    ...realFs,
    open: (async (file: string, flags?: string, mode?: number) => {
      const fh = await realFs.open(file, flags, mode);
      if (fail.write && String(file).endsWith('.peel-journal') && flags === 'a') {
        const code = fail.write;
        return Object.assign(Object.create(Object.getPrototypeOf(fh)), fh, {
          writeFile: async (data: Uint8Array) => {
            // Half the record reaches the disk, then the disk is full.
            await fh.writeFile(data.subarray(0, Math.floor(data.length / 2)));
            throw Object.assign(new Error(`${code}: simulated`), { code });
          },
          truncate: (n: number) => fh.truncate(n),
          sync: () => fh.sync(),
          close: () => fh.close(),
        });
      }
      return fh;
    }) as FsLike['open'],
    rename: (async (from: string, to: string) => {
      if (fail.rename && renames++ < fail.rename.times)
        throw Object.assign(new Error(`${fail.rename.code}: simulated`), { code: fail.rename.code });
      return realFs.rename(from, to);
    }) as FsLike['rename'],
  };
}

describe('when the disk fails', () => {
  it('a failed journal write rejects the edit, rolls it back and leaves the journal whole', async () => {
    const file = workspaceCopy();
    const ok = await openSession(file);
    await ok.session.edit('annotation.set', noteEdit(1, 'saved'));
    const sizeBefore = statSync(`${file}.peel-journal`).size;
    const { session } = await openSession(file, { fs: faultyFs({ write: 'ENOSPC' }) });
    const failure = await session.edit('annotation.set', noteEdit(1, 'never saved')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toBe(
      'Could not save an edit to "ws.sqlite": the disk is full (ENOSPC). The last saved state is intact.',
    );
    expect(noteOf(session, 1)).toBe('saved');
    expect(statSync(`${file}.peel-journal`).size).toBe(sizeBefore);
    const after = await openSession(file);
    expect(noteOf(after.session, 1)).toBe('saved');
    expect(after.discarded).toBe(0);
  });

  it('retries a rename another program briefly refuses, within a bound', async () => {
    const file = workspaceCopy();
    const { session } = await openSession(file, { fs: faultyFs({ rename: { code: 'EPERM', times: 3 } }), renameRetryMs: 1 });
    await session.edit('annotation.set', noteEdit(1, 'checkpointed'));
    await session.checkpoint();
    expect(readFileSync(`${file}.peel-journal`, 'utf8')).toBe('');
  });

  it('gives up on a rename that stays refused, keeps the old file and the journal, and says why', async () => {
    const file = workspaceCopy();
    const before = readFileSync(file);
    const { session } = await openSession(file, {
      fs: faultyFs({ rename: { code: 'EBUSY', times: 1000 } }),
      renameRetryMs: 1,
      renameRetries: 4,
    });
    await session.edit('annotation.set', noteEdit(1, 'in the journal'));
    await expect(session.checkpoint()).rejects.toThrow(
      'Could not save "ws.sqlite": the file is in use by another program (EBUSY). The last saved state is intact.',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(tmpFiles(file)).toEqual([]);
    const reopened = await openSession(file);
    expect(noteOf(reopened.session, 1)).toBe('in the journal');
  });
});
