import { appendFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeRecord, MAX_RECORD_BYTES, sealRecord } from '../../../../../src-core/workspace/journal';
import { sealOf } from '../../../../../src-core/workspace/seal';
import { FileWorkspaceStore } from '../../../../../src-main/node/workspace/file-store';
import { faultyFs, type FsCall } from '../../../../helpers/faulty-fs';
import { TEST_SEAL_KEY } from '../../../../helpers/seal-key';
import { noteEdit, noteOf, openSession, workspaceCopy } from '../../../../helpers/session';

// Issue 15: when replay stops at a journal record (it fails its checksum, is out of sequence, no
// longer applies, or lies past the journal's limits), that record and all after it are discarded,
// the analyst is told, and the open checkpoints at once. What was discarded must stay discarded,
// and every edit acknowledged after it must survive a crash. A "crash" here is closing the session
// without a checkpoint: every acknowledged edit is already durable in the journal.

const line = async (seq: number, findingId: number, value: string) =>
  encodeRecord(await sealRecord(seq, 'annotation.set', noteEdit(findingId, value)));

/** A copy of the default workspace and the seq its snapshot holds (the next edit is base + 1). */
async function workspace(): Promise<{ file: string; base: number }> {
  const file = workspaceCopy();
  const a = await openSession(file);
  const base = a.session.lastSeq;
  a.session.close();
  return { file, base };
}

const notes = (session: Parameters<typeof noteOf>[0], ids: number[]) => ids.map((id) => noteOf(session, id));

describe('journal records discarded on opening a workspace on disk', () => {
  it('an edit discarded at opening never comes back', async () => {
    const { file, base } = await workspace();
    // A record that no longer applies (finding 99999999 does not exist): its checksum and seq are
    // right, so only replay can tell. The two after it apply, but may depend on it: discarded too.
    appendFileSync(
      `${file}.peel-journal`,
      (await line(base + 1, 99999999, 'x')) + (await line(base + 2, 2, 'discarded-2')) + (await line(base + 3, 3, 'discarded-3')),
    );
    const b = await openSession(file);
    expect([b.replayed, b.discarded, b.journalStop]).toEqual([0, 3, { line: 1, reason: 'does-not-apply' }]);
    await b.session.edit('annotation.set', noteEdit(4, 'new'));
    b.session.close(); // a crash: no checkpoint since the edit

    const c = await openSession(file);
    expect([c.replayed, c.discarded]).toEqual([1, 0]);
    expect(notes(c.session, [2, 3, 4])).toEqual([null, null, 'new']);
    // And after the next edit and a checkpoint, they are still gone.
    await c.session.edit('annotation.set', noteEdit(5, 'later'));
    await c.session.checkpoint();
    await c.session.settled();
    c.session.close();

    const d = await openSession(file);
    expect([d.replayed, d.discarded]).toEqual([0, 0]);
    expect(notes(d.session, [2, 3, 4, 5])).toEqual([null, null, 'new', 'later']);
    d.session.close();
  });

  it('an acknowledged edit after a discarded stray record survives a crash', async () => {
    const { file, base } = await workspace();
    // A well-formed record whose seq skips six: out of sequence with the workspace.
    appendFileSync(`${file}.peel-journal`, await line(base + 7, 2, 'stray'));
    const b = await openSession(file);
    expect([b.replayed, b.discarded, b.journalStop]).toEqual([0, 1, { line: 1, reason: 'out-of-order' }]);
    await b.session.edit('annotation.set', noteEdit(4, 'acknowledged'));
    b.session.close(); // a crash before the next checkpoint

    const c = await openSession(file);
    expect([c.replayed, c.discarded, c.journalStop]).toEqual([1, 0, null]);
    expect(notes(c.session, [2, 4])).toEqual([null, 'acknowledged']);
    c.session.close();
  });

  it('when the open cannot drop a discarded record, the next edit is refused until a save can', async () => {
    const { file, base } = await workspace();
    appendFileSync(`${file}.peel-journal`, (await line(base + 1, 99999999, 'x')) + (await line(base + 2, 2, 'discarded-2')));
    // The open's checkpoint writes its snapshot, then cannot rewrite the journal (the disk is full):
    // neither cut it in place nor write the temp file that would replace it.
    const trimsJournal = (c: FsCall) =>
      (c.op === 'truncate' && c.path.endsWith('.peel-journal')) || (c.op === 'open' && /\.journal\.[0-9a-f]+\.tmp$/.test(c.path));
    const { fs, fired } = faultyFs([{ code: 'ENOSPC', times: 1, when: trimsJournal }]);
    const b = await openSession(file, { fs });
    expect(fired).toEqual([1]);
    expect(b.discarded).toBe(2);
    // Appended behind the discarded records, an edit would be lost at the next open (replay stops
    // at the first of them): it is refused, with what to do, and nothing is shown as saved.
    await expect(b.session.edit('annotation.set', noteEdit(4, 'refused'))).rejects.toThrow(
      'Could not save an edit to "ws.sqlite": an earlier write failed part-way. Save the workspace (a checkpoint) to continue.',
    );
    expect(noteOf(b.session, 4)).toBeNull();
    await b.session.checkpoint();
    await b.session.edit('annotation.set', noteEdit(4, 'after the save'));
    b.session.close(); // a crash

    const c = await openSession(file);
    expect([c.replayed, c.discarded]).toEqual([1, 0]);
    expect(notes(c.session, [2, 4])).toEqual([null, 'after the save']);
    c.session.close();
  });

  it('a journal cut at its limits: what was past the cut never comes back, and an edit made since survives a crash', async () => {
    const { file, base } = await workspace();
    const kept = await line(base + 1, 1, 'kept');
    const tooLong = await line(base + 2, 2, 'y'.repeat(200));
    const after = await line(base + 3, 3, 'past the cut');
    appendFileSync(`${file}.peel-journal`, kept + tooLong + after);
    const journalLimits = { record: tooLong.length - 1, total: MAX_RECORD_BYTES };
    const b = await openSession(file, { journalLimits });
    expect([b.replayed, b.discarded, b.journalStop?.reason]).toEqual([1, 1, 'too-long']);
    await b.session.edit('annotation.set', noteEdit(4, 'since'));
    b.session.close(); // a crash

    const c = await openSession(file, { journalLimits });
    expect([c.replayed, c.discarded]).toEqual([1, 0]);
    expect(notes(c.session, [1, 2, 3, 4])).toEqual(['kept', null, null, 'since']);
    c.session.close();
  });
});

describe('a checkpoint of the file store', () => {
  it('keeps the records appended while its snapshot was taken, and only those that follow it', async () => {
    const { file, base } = await workspace();
    const { store, snapshot } = await FileWorkspaceStore.open(file, { sealKey: TEST_SEAL_KEY });
    const seal = await sealOf(snapshot, TEST_SEAL_KEY);
    const [r1, r2, r3] = [await line(base + 1, 1, 'one'), await line(base + 2, 2, 'two'), await line(base + 3, 3, 'three')];
    await store.append(r1);
    await store.append(r2);
    await store.append(r3);
    // A snapshot that holds base + 1: the records after it (appended meanwhile) stay.
    await store.checkpoint(snapshot, base + 1, seal);
    expect(readFileSync(store.journalFile, 'utf8')).toBe(r2 + r3);
    // A snapshot at base - 1 with records base + 2 on: they could never be replayed after it (a
    // gap), and a record appended behind them would not be either: they go.
    await store.checkpoint(snapshot, base - 1, seal);
    expect(readFileSync(store.journalFile, 'utf8')).toBe('');
  });
});
