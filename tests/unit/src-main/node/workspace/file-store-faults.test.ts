import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-core/host/contract';
import { WorkspaceSession } from '../../../../../src-core/workspace/session';
import { StorageError, type WorkspaceStorage } from '../../../../../src-core/workspace/storage';
import { FileWorkspaceStore } from '../../../../../src-main/node/workspace/file-store';
import { HandleRegistry } from '../../../../../src-main/node/workspace/handles';
import { fromStorage } from '../../../../../src-main/node/workspace/results';
import { WorkspaceWrites } from '../../../../../src-main/node/workspace/writes';
import { faultyFs, type Fault, type FsCall } from '../../../../helpers/faulty-fs';
import { TEST_SEAL_KEY } from '../../../../helpers/seal-key';
import { ROOT } from '../../../../helpers/seed';
import { noteEdit, noteOf, openSession, workspaceCopy } from '../../../../helpers/session';
import { engineAndMigrations } from '../../../../helpers/workspace';

// Issue 8's fault injection: ENOSPC, EIO and EPERM at every step of append, checkpoint and open.
// Every cell checks what the analyst would see (a Result error whose message says what failed and
// why, or nothing at all when the store absorbs the fault), that the last good state is intact on
// disk (reopened with the real file system), that the journal kept every acknowledged record, that
// no temp file is left, and that the same session carries on once the disk recovers.

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'data/default-workspace.sqlite'))) throw new Error('run `npm run build:workspace` first');
});

const CODES = ['ENOSPC', 'EIO', 'EPERM'] as const;
const REASON: Record<(typeof CODES)[number], string> = {
  ENOSPC: 'the disk is full',
  EIO: 'the disk reported an input/output error',
  EPERM: 'the operation was not permitted (another program may hold the file open)',
};

type Phase = 'append' | 'checkpoint' | 'open';
/** refused: the analyst gets a clear error and nothing changes; absorbed: the operation succeeds anyway. */
type Outcome = 'refused' | 'absorbed';

interface Step {
  phase: Phase;
  step: string;
  faults: (code: string) => Fault[];
  outcome: Outcome;
  /**
   * Set-up before the faulty open: a fresh journal (for the first-append folder sync), a torn tail
   * and an orphan (for open), or no seal beside the file (for open: a file from elsewhere, checked in full and then sealed).
   */
  setup?: 'no-journal' | 'torn-and-orphan' | 'unsealed';
  /** The seal cannot be written or read: the next open must run the full integrity check (and lose nothing). */
  fullCheckAfter?: boolean;
}

const isJournal = (c: FsCall) => c.path.endsWith('.peel-journal');
const isSeal = (c: FsCall) => c.path.endsWith('.peel-seal');
const isDir = (c: FsCall) => c.flags === 'r' && !path.extname(c.path) && !c.path.endsWith('.peel-journal');
const isTemp = (kind: string) => (c: FsCall) => path.basename(c.path).includes(`.${kind}.`) && c.path.endsWith('.tmp');
const once = (code: string, when: Fault['when']): Fault => ({ code, when, times: 1 });
const always = (code: string, when: Fault['when']): Fault => ({ code, when, times: Number.POSITIVE_INFINITY });

const STEPS: Step[] = [
  {
    phase: 'append',
    step: 'open journal',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'open' && isJournal(x) && x.flags === 'a')],
  },
  { phase: 'append', step: 'write record', outcome: 'refused', faults: (c) => [once(c, (x) => x.op === 'writeFile' && isJournal(x))] },
  {
    phase: 'append',
    step: 'fsync journal',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'sync' && isJournal(x) && x.flags === 'a')],
  },
  {
    phase: 'append',
    step: 'truncate after a failed write',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'writeFile' && isJournal(x)), once(c, (x) => x.op === 'truncate' && isJournal(x))],
  },
  {
    phase: 'append',
    step: 'fsync folder (first record)',
    outcome: 'refused',
    setup: 'no-journal',
    faults: (c) => [once(c, (x) => x.op === 'sync' && isDir(x))],
  },
  { phase: 'append', step: 'close journal', outcome: 'absorbed', faults: (c) => [once(c, (x) => x.op === 'close' && isJournal(x))] },
  { phase: 'checkpoint', step: 'open temp', outcome: 'refused', faults: (c) => [once(c, (x) => x.op === 'open' && isTemp('snapshot')(x))] },
  {
    phase: 'checkpoint',
    step: 'write temp',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'writeFile' && isTemp('snapshot')(x))],
  },
  {
    phase: 'checkpoint',
    step: 'fsync temp',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'sync' && isTemp('snapshot')(x))],
  },
  { phase: 'checkpoint', step: 'backup link (copy fallback)', outcome: 'absorbed', faults: (c) => [once(c, (x) => x.op === 'link')] },
  {
    phase: 'checkpoint',
    step: 'backup link and copy',
    outcome: 'refused',
    faults: (c) => [once(c, (x) => x.op === 'link'), once(c, (x) => x.op === 'copyFile')],
  },
  {
    phase: 'checkpoint',
    step: 'rename over workspace (forever)',
    outcome: 'refused',
    faults: (c) => [always(c, (x) => x.op === 'rename' && x.path.endsWith('ws.sqlite'))],
  },
  { phase: 'checkpoint', step: 'fsync folder', outcome: 'refused', faults: (c) => [once(c, (x) => x.op === 'sync' && isDir(x))] },
  // The seal is written after the snapshot is durable and only speeds up the next open: its failure
  // is absorbed, and costs that open a full integrity check. A failing write leaves half a seal.
  {
    phase: 'checkpoint',
    step: 'write seal (open)',
    outcome: 'absorbed',
    fullCheckAfter: true,
    faults: (c) => [once(c, (x) => x.op === 'open' && isSeal(x) && x.flags === 'w')],
  },
  {
    phase: 'checkpoint',
    step: 'write seal (write)',
    outcome: 'absorbed',
    fullCheckAfter: true,
    faults: (c) => [once(c, (x) => x.op === 'writeFile' && isSeal(x))],
  },
  {
    phase: 'checkpoint',
    step: 'trim journal (open)',
    outcome: 'absorbed',
    faults: (c) => [once(c, (x) => x.op === 'open' && isJournal(x) && x.flags === 'r+')],
  },
  {
    phase: 'checkpoint',
    step: 'trim journal (truncate, forever)',
    outcome: 'absorbed',
    faults: (c) => [always(c, (x) => x.op === 'truncate' && isJournal(x) && x.flags === 'r+')],
  },
  {
    phase: 'checkpoint',
    step: 'prune old backup',
    outcome: 'absorbed',
    faults: (c) => [always(c, (x) => x.op === 'unlink' && x.path.includes('.backups'))],
  },
  {
    phase: 'open',
    step: 'list orphan temps',
    outcome: 'absorbed',
    setup: 'torn-and-orphan',
    faults: (c) => [once(c, (x) => x.op === 'readdir')],
  },
  {
    phase: 'open',
    step: 'remove orphan temp',
    outcome: 'absorbed',
    setup: 'torn-and-orphan',
    faults: (c) => [always(c, (x) => x.op === 'unlink' && x.path.endsWith('.tmp'))],
  },
  {
    phase: 'open',
    step: 'read workspace',
    outcome: 'refused',
    setup: 'torn-and-orphan',
    faults: (c) => [once(c, (x) => x.op === 'readFile' && x.path.endsWith('ws.sqlite'))],
  },
  {
    phase: 'open',
    step: 'read journal',
    outcome: 'refused',
    setup: 'torn-and-orphan',
    faults: (c) => [once(c, (x) => x.op === 'open' && isJournal(x) && x.flags === 'r')],
  },
  {
    phase: 'open',
    step: 'read seal',
    outcome: 'absorbed',
    setup: 'torn-and-orphan',
    fullCheckAfter: true,
    faults: (c) => [once(c, (x) => x.op === 'open' && isSeal(x) && x.flags === 'r')],
  },
  // A file opened with the full check is sealed once the check has passed (a workspace only read
  // is never checkpointed). Only the next open's speed depends on it: absorbed, at the cost of
  // another full check. A failing write leaves half a seal.
  {
    phase: 'open',
    step: 'seal after the full check (open)',
    outcome: 'absorbed',
    setup: 'unsealed',
    fullCheckAfter: true,
    faults: (c) => [once(c, (x) => x.op === 'open' && isSeal(x) && x.flags === 'w')],
  },
  {
    phase: 'open',
    step: 'seal after the full check (write)',
    outcome: 'absorbed',
    setup: 'unsealed',
    fullCheckAfter: true,
    faults: (c) => [once(c, (x) => x.op === 'writeFile' && isSeal(x))],
  },
  {
    phase: 'open',
    step: 'cut torn journal tail',
    outcome: 'absorbed',
    setup: 'torn-and-orphan',
    faults: (c) => [once(c, (x) => x.op === 'truncate' && isJournal(x))],
  },
  {
    phase: 'open',
    step: 'fsync cut journal',
    outcome: 'absorbed',
    setup: 'torn-and-orphan',
    faults: (c) => [once(c, (x) => x.op === 'sync' && isJournal(x) && x.flags === 'r+')],
  },
];

/**
 * The session over the Electron host's write path (WorkspaceWrites → Result), as the renderer's
 * storage proxy sees it: an error Result becomes a StorageError carrying the message unchanged.
 */
function viaHost(store: FileWorkspaceStore, results: Result<void>[]): WorkspaceStorage {
  const registry = new HandleRegistry();
  const { handle, entry } = registry.entryFor(store.file, false);
  entry.store = store;
  const writes = new WorkspaceWrites(registry);
  const pass = (r: Result<void>) => {
    results.push(r);
    if (!r.ok) throw new StorageError(r.error.message);
  };
  return {
    append: async (line) => pass(await writes.appendJournal(handle, line)),
    checkpoint: async (bytes, lastSeq, seal) => pass(await writes.checkpoint(handle, bytes, lastSeq, seal)),
    recordSeal: async (seal) => pass(await writes.recordSeal(handle, seal)),
    keepOriginal: async (sha256, bytes) => pass(await writes.keepOriginal(handle, sha256, bytes)),
  };
}

const tmpFiles = (file: string) => readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'));
const journalOf = (file: string) => (existsSync(`${file}.peel-journal`) ? readFileSync(`${file}.peel-journal`, 'utf8') : '');

/** A workspace with one checkpointed edit (finding 1) and one acknowledged edit only in the journal (finding 2). */
async function goodState(setup: Step['setup']): Promise<string> {
  const file = workspaceCopy();
  const a = await openSession(file);
  await a.session.edit('annotation.set', noteEdit(1, 'checkpointed'));
  await a.session.checkpoint();
  if (setup === 'no-journal') rmSync(`${file}.peel-journal`);
  else await a.session.edit('annotation.set', noteEdit(2, 'journaled'));
  a.session.close();
  if (setup === 'unsealed') rmSync(`${file}.peel-seal`);
  if (setup === 'torn-and-orphan') {
    appendFileSync(`${file}.peel-journal`, '{"seq":3,"op":"annotation.set","par');
    writeFileSync(path.join(path.dirname(file), '.ws.sqlite.snapshot.0a1b2c.tmp'), 'half a snapshot');
  }
  return file;
}

/** What a restart finds, through the real file system. */
async function reopen(file: string) {
  const r = await openSession(file);
  const state = {
    notes: [1, 2, 3, 4].map((id) => noteOf(r.session, id)),
    integrity: String(r.session.db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0]),
    tmp: tmpFiles(file),
    check: r.check,
  };
  // A full check seals the file it passed: let that land before the test goes on with the file.
  await r.session.settled();
  r.session.close();
  return state;
}

const matrix = new Map<string, string>();
const messagePattern = (action: string, code: string) =>
  new RegExp(
    `^Could not ${action} "ws\\.sqlite": ${REASON[code as keyof typeof REASON].replace(/[()]/g, '\\$&')} \\(${code}\\)\\. The last saved state is intact\\.$`,
  );

/** One cell of the matrix: step `s` failing with `code`. A cell fails when any fault it planned was never injected. */
async function runCell(s: Step, code: string): Promise<void> {
  const file = await goodState(s.setup);
  const expectedNotes = s.setup === 'no-journal' ? ['checkpointed', null] : ['checkpointed', 'journaled'];
  const faults = s.faults(code);
  const { fs, fired, arm } = faultyFs(faults);
  const journalBefore = journalOf(file);
  const fileBefore = readFileSync(file);
  const { engine, migrations } = await engineAndMigrations();
  const results: Result<void>[] = [];
  arm(s.phase === 'open');
  const opened = await fromStorage('read-failed', () =>
    FileWorkspaceStore.open(file, { sealKey: TEST_SEAL_KEY, fs, renameRetryMs: 1, keepBackups: 1 }),
  );
  let session: WorkspaceSession | null = null;

  if (s.phase === 'open' && s.outcome === 'refused') {
    expect(opened).toEqual({ ok: false, error: { code: 'read-failed', message: expect.stringMatching(messagePattern('open', code)) } });
    expect(readFileSync(file).equals(fileBefore)).toBe(true);
    expect(journalOf(file)).toBe(journalBefore);
  } else {
    if (!opened.ok) throw new Error(`open failed: ${opened.error.message}`);
    const { store, snapshot, journal, journalCut, seal, sealKey } = opened.value;
    const loaded = { name: 'ws.sqlite', snapshot, journal, journalCut, seal, sealKey };
    const o = await WorkspaceSession.open(engine, migrations, loaded, viaHost(store, results));
    session = o.session;
    if (s.phase === 'open') expect([o.replayed, o.discarded]).toEqual(s.setup === 'unsealed' ? [1, 0] : [1, 1]);
    // The good state was checkpointed by this app: sealed, unless the fault is in reading the seal or there is none.
    if (s.phase === 'open') expect(o.check).toBe(s.fullCheckAfter ? 'full' : 'sealed');
    // Whatever the open queued (sealing the bytes it checked in full) meets the faulty disk too.
    if (s.phase === 'open') await session.settled();
    if (s.setup === 'unsealed') expect(results).toEqual([{ ok: true, value: undefined }]);
  }

  if (session && s.phase === 'append') {
    arm(true);
    const failure = await session.edit('annotation.set', noteEdit(3, 'the failing edit')).catch((e: unknown) => e);
    arm(false);
    if (s.outcome === 'refused') {
      expect(failure).toBeInstanceOf(StorageError);
      expect(results.at(-1)).toEqual({
        ok: false,
        error: { code: 'write-failed', message: expect.stringMatching(messagePattern('save an edit to', code)) },
      });
      expect(noteOf(session, 3)).toBeNull();
      // The journal holds exactly the acknowledged records, byte for byte (a cut that failed is
      // the exception: the half record stays until a checkpoint rewrites the journal).
      if (s.step !== 'truncate after a failed write') expect(journalOf(file)).toBe(journalBefore);
      else expect(journalOf(file).startsWith(journalBefore)).toBe(true);
    } else {
      expect(failure).toEqual({ seq: 3 });
      expect(noteOf(session, 3)).toBe('the failing edit');
      expectedNotes.push('the failing edit');
    }
  }

  if (session && s.phase === 'checkpoint') {
    arm(true);
    const failure = await session.checkpoint().catch((e: unknown) => e);
    arm(false);
    if (s.outcome === 'refused') {
      expect(failure).toBeInstanceOf(StorageError);
      expect(results.at(-1)).toEqual({
        ok: false,
        error: { code: 'write-failed', message: expect.stringMatching(messagePattern('save', code)) },
      });
      // Until the new snapshot is durable the journal is not touched: the acknowledged edit is still there.
      expect(journalOf(file)).toBe(journalBefore);
      if (s.step !== 'fsync folder') expect(readFileSync(file).equals(fileBefore)).toBe(true);
    } else {
      expect(results.at(-1)).toEqual({ ok: true, value: undefined });
    }
    expect(tmpFiles(file)).toEqual([]);
  }
  // Every planned fault was really injected: a `when` that matches no call (a step renamed, moved
  // or no longer taken) would otherwise leave a cell that passes without testing anything.
  fired.forEach((n, i) => expect(n, `${s.phase}: ${s.step}: fault ${i + 1} of ${faults.length} never injected`).toBeGreaterThan(0));

  // A restart now finds the last good state: every acknowledged edit, an intact database, no temp files.
  const after = await reopen(file);
  expect(after.integrity).toBe('ok');
  if (s.fullCheckAfter && (s.phase === 'checkpoint' || s.setup === 'unsealed')) expect(after.check).toBe('full');
  expect(after.notes.slice(0, expectedNotes.length)).toEqual(expectedNotes);
  if (s.outcome === 'refused') expect(after.notes[2]).toBeNull();
  expect(after.tmp).toEqual([]);

  // The disk recovers: the same session (or a fresh open) saves the next edit and checkpoints.
  if (!session) {
    const r = await openSession(file);
    session = r.session;
  }
  if (s.step === 'truncate after a failed write') {
    await expect(session.edit('annotation.set', noteEdit(4, 'next'))).rejects.toThrow(
      'Could not save an edit to "ws.sqlite": an earlier write failed part-way. Save the workspace (a checkpoint) to continue.',
    );
    await session.checkpoint();
  }
  await session.edit('annotation.set', noteEdit(4, 'after recovery'));
  await session.checkpoint();
  session.close();
  const recovered = await reopen(file);
  expect(recovered.notes[3]).toBe('after recovery');
  // Once the disk recovers, a checkpoint seals its snapshot again.
  expect(recovered.check).toBe('sealed');
  expect(recovered.notes.slice(0, 2)).toEqual(expectedNotes.slice(0, 2));
  expect(journalOf(file)).toBe('');
  matrix.set(`${s.phase}: ${s.step}|${code}`, s.outcome === 'refused' ? 'refused ok' : 'absorbed ok');
}

describe.each(STEPS)('$phase: $step fails', (s) => {
  it.each(CODES)(
    `with %s: ${s.outcome === 'refused' ? 'a clear error, last good state and journal intact' : 'absorbed, nothing lost'}`,
    (code) => runCell(s, code),
  );
});

describe('the matrix itself', () => {
  it('fails a cell whose fault never fires (a step the store no longer takes, or a `when` that matches nothing)', async () => {
    const never: Step = {
      phase: 'checkpoint',
      step: 'a step that is never taken',
      outcome: 'absorbed',
      faults: (c) => [once(c, (x) => x.op === 'sync' && x.path.endsWith('.no-such-sidecar'))],
    };
    await expect(runCell(never, 'EIO')).rejects.toThrow(/checkpoint: a step that is never taken: fault 1 of 1 never injected/);
  });
});

describe('a rename another program holds (Windows: EPERM/EBUSY/EACCES)', () => {
  const RETRIES = 8;
  it.each([
    ['EPERM', 1],
    ['EBUSY', 4],
    ['EACCES', RETRIES],
  ] as const)('refused %s %i times is retried, and the checkpoint succeeds', async (code, times) => {
    const file = await goodState(undefined);
    const { fs, calls } = faultyFs([{ code, times, when: (x) => x.op === 'rename' && x.path.endsWith('ws.sqlite') }]);
    const { session } = await openSession(file, { fs, renameRetries: RETRIES, renameRetryMs: 1 });
    await session.checkpoint();
    expect(calls.filter((x) => x.op === 'rename' && x.path.endsWith('ws.sqlite'))).toHaveLength(times + 1);
    expect(journalOf(file)).toBe('');
    matrix.set(`checkpoint: rename refused ${times}× then free|${code}`, 'retried ok');
  });

  it('refused forever gives up after the bound, within the time the back-off allows, with a clear message', async () => {
    const file = await goodState(undefined);
    const { fs, calls } = faultyFs([{ code: 'EBUSY', times: Number.POSITIVE_INFINITY, when: (x) => x.op === 'rename' }]);
    const { session } = await openSession(file, { fs, renameRetries: RETRIES, renameRetryMs: 5 });
    const started = Date.now();
    await expect(session.checkpoint()).rejects.toThrow(
      'Could not save "ws.sqlite": the file is in use by another program (EBUSY). The last saved state is intact.',
    );
    // 5+10+20+40+80+160+320+500 ms of back-off: bounded, not a hang.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(calls.filter((x) => x.op === 'rename' && x.path.endsWith('ws.sqlite'))).toHaveLength(RETRIES + 1);
    expect((await reopen(file)).notes.slice(0, 2)).toEqual(['checkpointed', 'journaled']);
  });
});

afterAll(() => {
  if (matrix.size === 0) return;
  const rows = [...new Set([...matrix.keys()].map((k) => k.split('|')[0] as string))];
  const cols = ['ENOSPC', 'EIO', 'EPERM', 'EBUSY', 'EACCES'].filter((c) => [...matrix.keys()].some((k) => k.endsWith(`|${c}`)));
  const w = Math.max(...rows.map((r) => r.length));
  const lines = [`${'step'.padEnd(w)}  ${cols.map((c) => c.padEnd(12)).join('')}`];
  for (const r of rows) lines.push(`${r.padEnd(w)}  ${cols.map((c) => (matrix.get(`${r}|${c}`) ?? '-').padEnd(12)).join('')}`);
  console.log(`fault injection: ${matrix.size} cells passed\n${lines.join('\n')}`);
});
