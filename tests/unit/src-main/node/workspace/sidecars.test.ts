import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord, MAX_RECORD_BYTES, sealRecord } from '../../../../../src-core/workspace/journal';
import { sealOf } from '../../../../../src-core/workspace/seal';
import { FileWorkspaceStore } from '../../../../../src-main/node/workspace/file-store';
import { readJournalSidecar, readSealSidecar, type SidecarFs } from '../../../../../src-main/node/workspace/sidecars';
import { TEST_SEAL_KEY } from '../../../../helpers/seal-key';
import { noteEdit, noteOf, openSession, workspaceCopy } from '../../../../helpers/session';

// The files beside a workspace come with it and may be anything: read through a handle, a bounded
// piece at a time. A 600 MB sidecar is made in an instant as a sparse file (all zeros, no newline).

const MB600 = 600 * 1024 ** 2;

async function sparse(file: string, size: number, head = ''): Promise<void> {
  const fh = await realFs.open(file, 'w');
  if (head) await fh.write(head);
  await fh.truncate(size);
  await fh.close();
}

/** The real file system, counting the bytes read through file handles: what reading cost in memory. */
function countingFs(): { fs: SidecarFs; read: () => number } {
  let read = 0;
  const fs: SidecarFs = {
    open: (async (file: string, flags?: string) => {
      const fh = await realFs.open(file, flags);
      const inner = fh.read.bind(fh) as (...args: unknown[]) => Promise<{ bytesRead: number }>;
      return Object.assign(fh, {
        read: async (...args: unknown[]) => {
          const r = await inner(...args);
          read += r.bytesRead;
          return r;
        },
      });
    }) as SidecarFs['open'],
  };
  return { fs, read: () => read };
}

const dir = () => mkdtempSync(path.join(tmpdir(), 'peel-sidecar-'));
const line = async (seq: number, value = `n${seq}`) => encodeRecord(await sealRecord(seq, 'annotation.set', noteEdit(seq, value)));

describe('a journal read as a stream', () => {
  it('hands over its lines, a torn last one included, and where its complete lines end', async () => {
    const file = path.join(dir(), 'j');
    const [a, b] = [await line(1), await line(2)];
    writeFileSync(file, `${a}${b}{"seq":3,"op`);
    const read = await readJournalSidecar(realFs, file);
    expect(read).toEqual({
      exists: true,
      text: `${a}${b}{"seq":3,"op`,
      cut: null,
      complete: a.length + b.length,
      size: a.length + b.length + 12,
    });
    expect(await readJournalSidecar(realFs, path.join(dir(), 'none'))).toEqual({
      exists: false,
      text: '',
      cut: null,
      complete: 0,
      size: 0,
    });
  });

  it('takes a line of exactly the record limit, and cuts one byte longer there, reading no further', async () => {
    const file = path.join(dir(), 'j');
    const limits = { record: 100, total: 10_000 };
    const fits = `${'x'.repeat(99)}\n`;
    writeFileSync(file, `${fits}${'y'.repeat(100)}\n${fits}`);
    const read = await readJournalSidecar(realFs, file, { limits });
    expect(read.text).toBe(fits);
    expect(read.cut).toEqual({ line: 2, reason: 'too-long', bytes: 201 });
    expect(read.complete).toBe(100);
  });

  it('stops at the line that would take it past its total, with the lines before it', async () => {
    const file = path.join(dir(), 'j');
    const lines = await Promise.all([1, 2, 3, 4, 5].map((seq) => line(seq)));
    writeFileSync(file, lines.join(''));
    const total = lines[0]!.length + lines[1]!.length + lines[2]!.length + 5;
    const read = await readJournalSidecar(realFs, file, { limits: { record: MAX_RECORD_BYTES, total } });
    expect(read.text).toBe(lines.slice(0, 3).join(''));
    expect(read.cut).toEqual({ line: 4, reason: 'over-limit', bytes: lines[3]!.length + lines[4]!.length });
  });

  it('of 600 MB with no newline reads one record and a piece of it, not 600 MB', async () => {
    const file = path.join(dir(), 'j');
    await sparse(file, MB600);
    const { fs, read } = countingFs();
    const got = await readJournalSidecar(fs, file);
    expect(got).toEqual({ exists: true, text: '', cut: { line: 1, reason: 'too-long', bytes: MB600 }, complete: 0, size: MB600 });
    expect(read()).toBeLessThanOrEqual(2 * MAX_RECORD_BYTES);
  });

  it('reads only as far as it is told (the acknowledged records)', async () => {
    const file = path.join(dir(), 'j');
    const [a, b] = [await line(1), await line(2)];
    writeFileSync(file, `${a}${b}`);
    expect((await readJournalSidecar(realFs, file, { upTo: a.length })).text).toBe(a);
  });
});

describe('a seal read with a limit', () => {
  it('is read only when it is the size of a seal and has its shape', async () => {
    const d = dir();
    const seal = await sealOf(new Uint8Array([1, 2, 3]), TEST_SEAL_KEY);
    writeFileSync(path.join(d, 'good'), seal);
    writeFileSync(path.join(d, 'padded'), `${seal}${' '.repeat(100)}`);
    await sparse(path.join(d, 'huge'), MB600, seal);
    const { fs, read } = countingFs();
    expect(await readSealSidecar(fs, path.join(d, 'good'))).toBe(seal);
    expect(await readSealSidecar(fs, path.join(d, 'padded'))).toBeNull();
    expect(await readSealSidecar(fs, path.join(d, 'huge'))).toBeNull();
    expect(await readSealSidecar(fs, path.join(d, 'missing'))).toBeNull();
    expect(await readSealSidecar(fs, d)).toBeNull();
    expect(read()).toBe(seal.length);
  });
});

describe('a workspace beside a 600 MB journal (a sparse file)', () => {
  it('opens: the journal is cut where its records end, the cut is reported, and the workspace works on', async () => {
    const file = workspaceCopy();
    await sparse(`${file}.peel-journal`, MB600);
    const opened = await openSession(file);
    expect([opened.replayed, opened.discarded, opened.journalStop]).toEqual([0, 1, { line: 1, reason: 'too-long', bytes: MB600 }]);
    // Nothing of it is kept (it was never readable), so new edits are not appended behind it.
    expect(statSync(`${file}.peel-journal`).size).toBe(0);
    await opened.session.edit('annotation.set', noteEdit(1, 'after'));
    opened.session.close();
    const again = await openSession(file);
    expect([again.replayed, again.discarded]).toEqual([1, 0]);
    expect(noteOf(again.session, 1)).toBe('after');
  });

  it('keeps the edits before a record that is too long, and reports the rest as cut', async () => {
    const file = workspaceCopy();
    const good = (await line(1, 'kept')) + (await line(2, 'kept too'));
    await sparse(`${file}.peel-journal`, good.length + MB600, good);
    const opened = await openSession(file);
    expect([opened.replayed, opened.discarded, opened.journalStop]).toEqual([2, 1, { line: 3, reason: 'too-long', bytes: MB600 }]);
    expect([noteOf(opened.session, 1), noteOf(opened.session, 2)]).toEqual(['kept', 'kept too']);
    // The open checkpointed what it replayed: the journal is empty, the edits are in the file.
    expect(readFileSync(`${file}.peel-journal`, 'utf8')).toBe('');
  });

  it('with a limit on the whole journal, replays what fits and reports the rest', async () => {
    const file = workspaceCopy();
    const lines = await Promise.all([1, 2, 3, 4].map((seq) => line(seq)));
    writeFileSync(`${file}.peel-journal`, lines.join(''));
    const total = lines[0]!.length + lines[1]!.length;
    const { store, journal, journalCut } = await FileWorkspaceStore.open(file, {
      sealKey: TEST_SEAL_KEY,
      journalLimits: { record: MAX_RECORD_BYTES, total },
    });
    expect(journal).toBe(lines.slice(0, 2).join(''));
    expect(journalCut).toEqual({ line: 3, reason: 'over-limit', bytes: lines[2]!.length + lines[3]!.length });
    // The lines past the limit are cut from the file before anything can be appended after them.
    expect(readFileSync(store.journalFile, 'utf8')).toBe(lines.slice(0, 2).join(''));
  });
});
