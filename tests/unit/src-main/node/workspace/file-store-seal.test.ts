import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../../../../../src-core/db/errors';
import { one } from '../../../../../src-core/db/sql-db';
import { sealOf } from '../../../../../src-core/workspace/seal';
import { DAMAGED_HASH_VERDICT, flipByteInContentHash } from '../../../../helpers/damage';
import { FileWorkspaceStore } from '../../../../../src-main/node/workspace/file-store';
import { faultyFs } from '../../../../helpers/faulty-fs';
import { OTHER_SEAL_KEY, TEST_SEAL_KEY, unkeyedSeal } from '../../../../helpers/seal-key';
import { noteEdit, noteOf, openSession, workspaceCopy } from '../../../../helpers/session';

// The seal beside a workspace file (<file>.peel-seal) lets an open skip PRAGMA integrity_check,
// but only for the exact bytes the last checkpoint wrote. Everything else opens as before.

const sealFile = (file: string) => `${file}.peel-seal`;
const leftovers = (file: string) => readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'));

async function checkpointed(...notes: string[]) {
  const file = workspaceCopy();
  const opened = await openSession(file);
  for (const [i, n] of notes.entries()) {
    await opened.session.edit('annotation.set', noteEdit(i + 1, n));
    await opened.session.checkpoint();
  }
  return { file, ...opened };
}

describe('the seal beside a workspace file', () => {
  it('is written by a checkpoint and lets the next open skip the integrity check, with the same data', async () => {
    const { file, session, check } = await checkpointed('kept');
    // The copy of the default workspace had no seal: its first open was checked in full.
    expect(check).toBe('full');
    session.close();
    expect(readFileSync(sealFile(file), 'utf8')).toBe(await sealOf(new Uint8Array(readFileSync(file)), TEST_SEAL_KEY));
    const again = await openSession(file);
    expect(again.check).toBe('sealed');
    expect(noteOf(again.session, 1)).toBe('kept');
    expect(leftovers(file)).toEqual([]);
  });

  it('does not let a damaged file in: one flipped byte is refused by the full check, and nothing is touched', async () => {
    const { file, session } = await checkpointed('kept');
    const hash = String(one<{ h: string }>(session.db, 'SELECT content_hash AS h FROM reports')?.h);
    session.close();
    writeFileSync(file, flipByteInContentHash(new Uint8Array(readFileSync(file)), hash));
    const [bytes, seal, journal] = [readFileSync(file), readFileSync(sealFile(file)), readFileSync(`${file}.peel-journal`)];
    const failure = await openSession(file).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkspaceError);
    expect(failure).toMatchObject({ code: 'corrupt', message: `ws.sqlite failed its integrity check: ${DAMAGED_HASH_VERDICT}` });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(sealFile(file)).equals(seal)).toBe(true);
    expect(readFileSync(`${file}.peel-journal`).equals(journal)).toBe(true);
  });

  it('forged beside a damaged file, the old unkeyed way or with another key, gets the full check, which refuses it', async () => {
    const { file, session } = await checkpointed('kept');
    const hash = String(one<{ h: string }>(session.db, 'SELECT content_hash AS h FROM reports')?.h);
    session.close();
    const damaged = flipByteInContentHash(new Uint8Array(readFileSync(file)), hash);
    writeFileSync(file, damaged);
    // Before seals were keyed, anyone could write the first of these, and the open skipped the check.
    for (const forged of [unkeyedSeal(damaged), await sealOf(damaged, OTHER_SEAL_KEY)]) {
      writeFileSync(sealFile(file), forged);
      const failure = await openSession(file).catch((e: unknown) => e);
      expect(failure, forged).toBeInstanceOf(WorkspaceError);
      expect(failure).toMatchObject({ code: 'corrupt', message: `ws.sqlite failed its integrity check: ${DAMAGED_HASH_VERDICT}` });
      // Refused, and nothing beside it rewritten: the forged seal is still there, not replaced.
      expect(readFileSync(sealFile(file), 'utf8')).toBe(forged);
    }
  });

  it('made by another installation (a file from a colleague, with their seal) costs one full check, then this one seals it', async () => {
    const { file, session } = await checkpointed('kept');
    session.close();
    const theirs = await openSession(file, { sealKey: OTHER_SEAL_KEY });
    expect(theirs.check).toBe('full');
    await theirs.session.settled();
    theirs.session.close();
    expect(readFileSync(sealFile(file), 'utf8')).toBe(await sealOf(new Uint8Array(readFileSync(file)), OTHER_SEAL_KEY));
    // Back with this installation: their seal does not match, so the full check runs, then ours is kept.
    const mine = await openSession(file);
    expect(mine.check).toBe('full');
    expect(noteOf(mine.session, 1)).toBe('kept');
    await mine.session.settled();
    mine.session.close();
    expect((await openSession(file)).check).toBe('sealed');
  });

  it('of 600 MB (a sparse file) is not read at all: the open runs the full check and loses nothing', async () => {
    const { file, session } = await checkpointed('kept');
    session.close();
    const fh = await open(sealFile(file), 'w');
    await fh.truncate(600 * 1024 ** 2);
    await fh.close();
    const again = await openSession(file);
    expect(again.check).toBe('full');
    expect(noteOf(again.session, 1)).toBe('kept');
    // Once checked, the file is sealed again, over the oversized one.
    await again.session.settled();
    again.session.close();
    expect(statSync(sealFile(file)).size).toBeLessThan(200);
    expect((await openSession(file)).check).toBe('sealed');
  });

  it('left from an older snapshot (a crash after the rename) only costs a full check', async () => {
    const { file, session } = await checkpointed('first');
    const older = readFileSync(sealFile(file));
    await session.edit('annotation.set', noteEdit(2, 'second'));
    await session.checkpoint();
    session.close();
    writeFileSync(sealFile(file), older);
    const again = await openSession(file);
    expect(again.check).toBe('full');
    expect([noteOf(again.session, 1), noteOf(again.session, 2)]).toEqual(['first', 'second']);
  });

  it('that is torn, malformed or oversized only costs a full check', async () => {
    const { file, session } = await checkpointed('kept');
    session.close();
    const good = readFileSync(sealFile(file), 'utf8');
    for (const text of [good.slice(0, 40), `${good}\n`, good.toUpperCase(), '', `${good}${' '.repeat(200)}`]) {
      writeFileSync(sealFile(file), text);
      const again = await openSession(file);
      expect(again.check, JSON.stringify(text.slice(0, 50))).toBe('full');
      expect(noteOf(again.session, 1)).toBe('kept');
      // (The full check passed, so the open seals the file again before the next text is tried.)
      await again.session.settled();
      again.session.close();
    }
  });

  it('cannot be written: the checkpoint still succeeds, the next open checks in full and loses nothing', async () => {
    const file = workspaceCopy();
    const { fs, calls, arm } = faultyFs([{ code: 'ENOSPC', times: 1, when: (c) => c.op === 'writeFile' && c.path.endsWith('.peel-seal') }]);
    // Only the checkpoint's seal fails (the open's full check seals the copy first, unharmed).
    arm(false);
    const { session } = await openSession(file, { fs });
    await session.settled();
    arm(true);
    await session.edit('annotation.set', noteEdit(1, 'durable'));
    await expect(session.checkpoint()).resolves.toMatchObject({ lastSeq: 1 });
    expect(calls.some((c) => c.op === 'writeFile' && c.path.endsWith('.peel-seal'))).toBe(true);
    expect(readFileSync(`${file}.peel-journal`, 'utf8')).toBe('');
    expect(leftovers(file)).toEqual([]);
    session.close();
    const again = await openSession(file);
    expect(again.check).toBe('full');
    expect(noteOf(again.session, 1)).toBe('durable');
  });

  it('is dropped when a backup is restored: the restored snapshot is checked in full', async () => {
    const { file, session, store } = await checkpointed('first', 'second');
    const newest = (await store.backups())[0];
    const restored = await store.restoreBackup(newest?.id ?? '');
    expect(restored.seal).toBeNull();
    expect(existsSync(sealFile(file))).toBe(false);
    session.close();
    const again = await openSession(file);
    expect(again.check).toBe('full');
    expect(noteOf(again.session, 1)).toBe('first');
    // Once that check has passed, the restored snapshot is sealed: the open after it skips the check.
    await again.session.settled();
    again.session.close();
    expect(readFileSync(sealFile(file), 'utf8')).toBe(await sealOf(restored.snapshot, TEST_SEAL_KEY));
    const third = await openSession(file);
    expect(third.check).toBe('sealed');
    expect(noteOf(third.session, 1)).toBe('first');
  });
});

describe('a workspace only read (a file from a colleague, never edited)', () => {
  it('is sealed by the open that checked it in full, so the next open skips the check; nothing else is written', async () => {
    const file = workspaceCopy();
    const bytes = readFileSync(file);
    const first = await openSession(file);
    expect(first.check).toBe('full');
    await first.session.settled();
    first.session.close();
    expect(readFileSync(sealFile(file), 'utf8')).toBe(await sealOf(new Uint8Array(bytes), TEST_SEAL_KEY));
    // Reading it changed nothing else: the same bytes, no journal, no backups, no temp files.
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['ws.sqlite', 'ws.sqlite.peel-seal']);
    const second = await openSession(file);
    expect(second.check).toBe('sealed');
    expect(one(second.session.db, 'SELECT force FROM reports')).toEqual({ force: 'Gwent Police' });
  });

  it('whose seal cannot be written still opens, edits and saves; the next open checks in full and loses nothing', async () => {
    const file = workspaceCopy();
    const { fs, calls } = faultyFs([
      { code: 'EIO', times: Number.POSITIVE_INFINITY, when: (c) => c.op === 'writeFile' && c.path.endsWith('.peel-seal') },
    ]);
    const opened = await openSession(file, { fs });
    expect(opened.check).toBe('full');
    await expect(opened.session.edit('annotation.set', noteEdit(1, 'durable'))).resolves.toEqual({ seq: 1 });
    await opened.session.settled();
    expect(calls.some((c) => c.op === 'writeFile' && c.path.endsWith('.peel-seal'))).toBe(true);
    opened.session.close();
    const again = await openSession(file);
    expect(again.check).toBe('full');
    expect(noteOf(again.session, 1)).toBe('durable');
    expect(leftovers(file)).toEqual([]);
  });

  it('is not sealed over a file a checkpoint replaced in the meantime: the checkpoint keeps its seal', async () => {
    const file = workspaceCopy();
    const reader = await FileWorkspaceStore.open(file, { sealKey: TEST_SEAL_KEY });
    // Another session (another window, say) writes the file and seals it before the reader's seal arrives.
    const writer = await openSession(file);
    await writer.session.edit('annotation.set', noteEdit(1, 'newer'));
    await writer.session.checkpoint();
    writer.session.close();
    const checkpointed = readFileSync(sealFile(file), 'utf8');
    await reader.store.recordSeal(await sealOf(reader.snapshot, TEST_SEAL_KEY));
    expect(readFileSync(sealFile(file), 'utf8')).toBe(checkpointed);
    // And a store declines a seal once its own checkpoint has replaced what it handed out.
    await writer.store.recordSeal(await sealOf(reader.snapshot, TEST_SEAL_KEY));
    expect(readFileSync(sealFile(file), 'utf8')).toBe(checkpointed);
    const again = await openSession(file);
    expect(again.check).toBe('sealed');
    expect(noteOf(again.session, 1)).toBe('newer');
  });
});
