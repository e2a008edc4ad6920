import { describe, expect, it, vi } from 'vitest';
import { all, one } from '../../../../src-core/db/sql-db';
import { importReport } from '../../../../src-core/db/import-report';
import { WorkspaceError } from '../../../../src-core/db/errors';
import { EditError } from '../../../../src-core/workspace/edits';
import {
  encodeRecord,
  MAX_JOURNAL_BYTES,
  MAX_RECORD_BYTES,
  readJournal,
  sealRecord,
  utf8Length,
  type JournalCut,
} from '../../../../src-core/workspace/journal';
import { generateDemoSample } from '../../../../src-core/samples/demo';
import { WorkspaceSession } from '../../../../src-core/workspace/session';
import { sealOf } from '../../../../src-core/workspace/seal';
import { StorageError, type WorkspaceStorage } from '../../../../src-core/workspace/storage';
import { DAMAGED_HASH_VERDICT, flipByteInContentHash } from '../../../helpers/damage';
import { OTHER_SEAL_KEY, TEST_SEAL_KEY, unkeyedSeal } from '../../../helpers/seal-key';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations, freshWorkspace } from '../../../helpers/workspace';

/** Storage in memory: what a host would have on disk. */
class MemoryStorage implements WorkspaceStorage {
  journal = '';
  seal: string | null = null;
  checkpoints = 0;
  /** Every seal that reached storage, in order, and how: with a checkpoint or recorded after a full check. */
  seals: string[] = [];
  /** The snapshot it hands out on opening (empty: a workspace not created yet). */
  constructor(public snapshot: Uint8Array = new Uint8Array(0)) {}
  async append(line: string) {
    this.journal += line;
  }
  async recordSeal(seal: string) {
    this.seals.push(`recorded ${seal}`);
    this.seal = seal;
  }
  /** Originals kept beside the workspace, by SHA-256. */
  originals = new Map<string, Uint8Array>();
  async keepOriginal(sha256: string, bytes: Uint8Array) {
    this.originals.set(sha256, bytes.slice());
  }
  async checkpoint(bytes: Uint8Array, lastSeq: number, seal: string) {
    this.snapshot = bytes;
    this.seal = seal;
    this.checkpoints++;
    this.seals.push(`checkpoint ${seal}`);
    const { records } = await readJournal(this.journal);
    this.journal = records
      .filter((r) => r.seq > lastSeq)
      .map(encodeRecord)
      .join('');
  }
}

const at = '2026-11-27T09:30:00.000Z';

/** A workspace holding the seed report, as bytes from elsewhere (no seal). */
async function seededBytes(): Promise<Uint8Array> {
  const db = await freshWorkspace();
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  return db.export();
}

async function seededSession() {
  const snapshot = await seededBytes();
  const storage = new MemoryStorage(snapshot);
  const { engine, migrations } = await engineAndMigrations();
  const opened = await WorkspaceSession.open(engine, migrations, { name: 'ws', snapshot, journal: '', sealKey: TEST_SEAL_KEY }, storage);
  return { ...opened, storage, engine, migrations, snapshot };
}

describe('edits', () => {
  it('are validated before anything is written, with the field that is wrong', async () => {
    const { session, storage } = await seededSession();
    expect(() => session.edit('annotation.delete', {})).toThrow(new EditError('Unknown edit "annotation.delete"'));
    expect(() =>
      session.edit('annotation.set', { targetType: 'finding', targetId: 1, field: 'rag', value: 'purple', author: 'a', at }),
    ).toThrow(/^Edit annotation\.set: value /);
    expect(() => session.edit('annotation.set', { targetType: 'finding', targetId: 1, field: 'note', value: 'x', author: '', at })).toThrow(
      /author/,
    );
    await expect(
      session.edit('annotation.set', { targetType: 'finding', targetId: 999_999, field: 'note', value: 'x', author: 'a', at }),
    ).rejects.toThrow('There is no finding 999999 in this workspace');
    expect(storage.journal).toBe('');
    expect(session.lastSeq).toBe(0);
  });

  it('override a kind, keeping the suggestion, and audit every change', async () => {
    const { session } = await seededSession();
    await session.edit('annotation.set', {
      targetType: 'finding',
      targetId: 1,
      field: 'kindOverride',
      value: 'concern',
      author: 'ann',
      at,
    });
    expect(one(session.db, 'SELECT kind, suggested_kind FROM findings WHERE id = 1')).toEqual({
      kind: 'concern',
      suggested_kind: 'narrative',
    });
    await session.edit('annotation.set', { targetType: 'finding', targetId: 1, field: 'kindOverride', value: null, author: 'ann', at });
    expect(one(session.db, 'SELECT kind FROM findings WHERE id = 1')).toEqual({ kind: 'narrative' });
    await session.edit('annotation.set', {
      targetType: 'finding',
      targetId: 1,
      field: 'tags',
      value: ['custody', 'mental health'],
      author: 'ann',
      at,
    });
    await session.edit('metric.verify', { metricId: 1, verified: true, author: 'ann', at });
    await session.edit('warning.check', { warningId: 1, checked: true, author: 'ann', at });
    expect(one(session.db, 'SELECT verified, verified_by FROM metrics WHERE id = 1')).toEqual({ verified: 1, verified_by: 'ann' });
    expect(all(session.db, 'SELECT target_type, field, old_value, new_value FROM audit_log ORDER BY id')).toEqual([
      { target_type: 'finding', field: 'kindOverride', old_value: null, new_value: 'concern' },
      { target_type: 'finding', field: 'kindOverride', old_value: 'concern', new_value: null },
      { target_type: 'finding', field: 'tags', old_value: '[]', new_value: '["custody","mental health"]' },
      { target_type: 'metric', field: 'verified', old_value: '0', new_value: '1' },
      { target_type: 'extraction_warning', field: 'checked', old_value: '0', new_value: '1' },
    ]);
  });

  it('roll back when the journal cannot be written, so nothing unsaved looks saved', async () => {
    const { session, storage } = await seededSession();
    storage.append = async () => {
      throw new Error('disk full');
    };
    await expect(
      session.edit('annotation.set', { targetType: 'finding', targetId: 1, field: 'note', value: 'lost', author: 'a', at }),
    ).rejects.toThrow('disk full');
    expect(one(session.db, 'SELECT count(*) AS n FROM annotations')).toEqual({ n: 0 });
    expect(session.lastSeq).toBe(0);
  });
});

describe('replay', () => {
  it('applies journal records after the snapshot once, whatever is replayed twice', async () => {
    const { session, storage, engine, migrations } = await seededSession();
    await session.edit('annotation.set', { targetType: 'finding', targetId: 1, field: 'note', value: 'one', author: 'a', at });
    await session.checkpoint();
    await session.edit('annotation.set', { targetType: 'finding', targetId: 2, field: 'note', value: 'two', author: 'a', at });
    // The checkpoint's snapshot holds seq 1; a stale journal still listing seq 1 must not re-apply it.
    const stale =
      encodeRecord(
        await sealRecord(1, 'annotation.set', { targetType: 'finding', targetId: 1, field: 'note', value: 'one', author: 'a', at }),
      ) + storage.journal;
    const again = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot: storage.snapshot, journal: stale, sealKey: TEST_SEAL_KEY },
      new MemoryStorage(),
    );
    expect([again.replayed, again.discarded]).toEqual([1, 0]);
    expect(all(again.session.db, 'SELECT count(*) AS n FROM audit_log')).toEqual([{ n: 2 }]);
  });

  it('creates a new workspace from nothing and writes it at once', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const storage = new MemoryStorage();
    const { created } = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'new', snapshot: new Uint8Array(0), journal: '', sealKey: TEST_SEAL_KEY },
      storage,
    );
    expect(created).toBe(true);
    expect(storage.checkpoints).toBe(1);
    expect(storage.snapshot.length).toBeGreaterThan(0);
  });
});

describe('the seal of a checkpoint', () => {
  const note = (targetId: number, value: string) => ({ targetType: 'finding', targetId, field: 'note', value, author: 'a', at });
  const noteOf = (s: WorkspaceSession, id: number) =>
    one<{ note: string }>(s.db, "SELECT note FROM annotations WHERE target_type = 'finding' AND target_id = ?", [id])?.note ?? null;
  const reopen = async (loaded: { snapshot: Uint8Array; journal?: string; seal: string | null }) => {
    const { engine, migrations } = await engineAndMigrations();
    return WorkspaceSession.open(engine, migrations, { name: 'ws', journal: '', sealKey: TEST_SEAL_KEY, ...loaded }, new MemoryStorage());
  };

  it('is taken of exactly the bytes stored, and lets them reopen without the integrity check', async () => {
    const { session, storage, check } = await seededSession();
    // Bytes handed over without a seal (an imported or bundled file) get the full check.
    expect(check).toBe('full');
    await session.edit('annotation.set', note(1, 'sealed in'));
    await session.checkpoint();
    expect(storage.seal).toBe(await sealOf(storage.snapshot, TEST_SEAL_KEY));
    const again = await reopen({ snapshot: storage.snapshot, seal: storage.seal });
    expect(again.check).toBe('sealed');
    expect(noteOf(again.session, 1)).toBe('sealed in');
    expect(again.session.lastSeq).toBe(1);
  });

  it('comes with the checkpoint of an import too', async () => {
    const { session, storage } = await seededSession();
    const ex = structuredClone(await extractSeed('markdown'));
    ex.report.force = 'Testshire Constabulary';
    await session.importReport(ex, { name: 'testshire.md', bytes: new TextEncoder().encode('testshire') });
    expect(storage.seal).toBe(await sealOf(storage.snapshot, TEST_SEAL_KEY));
    expect((await reopen({ snapshot: storage.snapshot, seal: storage.seal })).check).toBe('sealed');
  });

  it('does not vouch for a damaged snapshot: one flipped byte means the full check, which refuses it', async () => {
    const { session, storage } = await seededSession();
    await session.checkpoint();
    const hash = String(one<{ h: string }>(session.db, 'SELECT content_hash AS h FROM reports')?.h);
    const damaged = flipByteInContentHash(storage.snapshot, hash);
    const before = damaged.slice();
    const failure = await reopen({ snapshot: damaged, seal: storage.seal }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkspaceError);
    expect(failure).toMatchObject({ code: 'corrupt', message: `ws failed its integrity check: ${DAMAGED_HASH_VERDICT}` });
    // Refused, not repaired or rewritten.
    expect(damaged).toEqual(before);
  });

  it('forged for a damaged snapshot (the old unkeyed way, or with another key) does not skip the check: the damage is refused', async () => {
    const { session, storage } = await seededSession();
    await session.checkpoint();
    const hash = String(one<{ h: string }>(session.db, 'SELECT content_hash AS h FROM reports')?.h);
    const damaged = flipByteInContentHash(storage.snapshot, hash);
    // Before seals were keyed, this first seal made the open skip the check and show the damaged file.
    for (const forged of [unkeyedSeal(damaged), await sealOf(damaged, OTHER_SEAL_KEY)]) {
      const failure = await reopen({ snapshot: damaged, seal: forged }).catch((e: unknown) => e);
      expect(failure, forged).toBeInstanceOf(WorkspaceError);
      expect(failure).toMatchObject({ code: 'corrupt', message: `ws failed its integrity check: ${DAMAGED_HASH_VERDICT}` });
    }
    // Only a seal made with this installation's key is trusted, and it is trusted (a seal guards
    // against accidents; the key is what keeps anyone else from making one).
    expect((await reopen({ snapshot: damaged, seal: await sealOf(damaged, TEST_SEAL_KEY) })).check).toBe('sealed');
  });

  it('made by another installation costs an intact file a full check once, then it is sealed with this key', async () => {
    const { session, storage } = await seededSession();
    await session.checkpoint();
    const theirs = await sealOf(storage.snapshot, OTHER_SEAL_KEY);
    const mine = new MemoryStorage(storage.snapshot);
    const { engine, migrations } = await engineAndMigrations();
    const opened = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot: storage.snapshot, journal: '', seal: theirs, sealKey: TEST_SEAL_KEY },
      mine,
    );
    expect(opened.check).toBe('full');
    await opened.session.settled();
    expect(mine.seals).toEqual([`recorded ${await sealOf(storage.snapshot, TEST_SEAL_KEY)}`]);
  });

  it('from an older snapshot only costs a full check, and the newer data opens', async () => {
    const { session, storage } = await seededSession();
    await session.edit('annotation.set', note(1, 'first'));
    await session.checkpoint();
    const older = storage.seal;
    await session.edit('annotation.set', note(2, 'second'));
    await session.checkpoint();
    // Same length (whole pages) but other bytes: the seal of the previous checkpoint does not match.
    expect(older?.endsWith(`:${storage.snapshot.length}`)).toBe(true);
    const again = await reopen({ snapshot: storage.snapshot, seal: older });
    expect(again.check).toBe('full');
    expect([noteOf(again.session, 1), noteOf(again.session, 2)]).toEqual(['first', 'second']);
  });

  it('that is malformed or missing only costs a full check', async () => {
    const { session, storage } = await seededSession();
    await session.checkpoint();
    const good = String(storage.seal);
    for (const seal of [null, good.toUpperCase(), `${good}\n`, good.replace('hmac-sha256-16m:', 'sha1:'), 'hmac-sha256-16m:nonsense']) {
      const again = await reopen({ snapshot: storage.snapshot, seal });
      expect(again.check, String(seal)).toBe('full');
      again.session.close();
    }
    expect((await reopen({ snapshot: storage.snapshot, seal: good })).check).toBe('sealed');
  });
});

describe('the seal of a full check', () => {
  const note = (targetId: number, value: string) => ({ targetType: 'finding', targetId, field: 'note', value, author: 'a', at });
  const noteOf = (s: WorkspaceSession, id: number) =>
    one<{ note: string }>(s.db, "SELECT note FROM annotations WHERE target_type = 'finding' AND target_id = ?", [id])?.note ?? null;
  /** Opens what storage holds, with the seal it holds, as a restart would. */
  const restart = async (storage: MemoryStorage) => {
    const { engine, migrations } = await engineAndMigrations();
    const loaded = { name: 'ws', snapshot: storage.snapshot, journal: storage.journal, seal: storage.seal, sealKey: TEST_SEAL_KEY };
    return WorkspaceSession.open(engine, migrations, loaded, storage);
  };

  it('is kept with bytes that passed it, so a workspace only read opens sealed the next time', async () => {
    const { session, storage, check, snapshot } = await seededSession();
    // Never edited, never checkpointed: the only way the next open can skip the check.
    expect(check).toBe('full');
    await session.settled();
    expect(storage.seals).toEqual([`recorded ${await sealOf(snapshot, TEST_SEAL_KEY)}`]);
    expect(storage.snapshot).toBe(snapshot);
    session.close();
    const again = await restart(storage);
    expect(again.check).toBe('sealed');
    expect(one(again.session.db, 'SELECT force FROM reports')).toEqual({ force: 'Gwent Police' });
    // A sealed open has nothing new to record.
    await again.session.settled();
    expect(storage.seals).toHaveLength(1);
  });

  it('is kept before the open resolves: a window closed right after the grid shows still has it', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const snapshot = await seededBytes();
    const storage = new MemoryStorage(snapshot);
    let release = () => undefined as void;
    storage.recordSeal = async (seal) => {
      storage.seals.push(`recording ${seal}`);
      await new Promise<void>((r) => (release = r));
      storage.seal = seal;
    };
    let opened = false;
    const opening = WorkspaceSession.open(engine, migrations, { name: 'ws', snapshot, journal: '', sealKey: TEST_SEAL_KEY }, storage).then(
      (o) => {
        opened = true;
        return o;
      },
    );
    await vi.waitFor(() => expect(storage.seals).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toBe(false);
    release();
    const o = await opening;
    expect(o.check).toBe('full');
    expect(storage.seal).toBe(await sealOf(snapshot, TEST_SEAL_KEY));
  });

  it('that storage cannot keep does not fail the open, and loses nothing', async () => {
    const storage = new MemoryStorage(await seededBytes());
    let asked = 0;
    storage.recordSeal = async () => {
      asked++;
      throw new StorageError('The disk is full');
    };
    const opened = await restart(storage);
    expect(opened.check).toBe('full');
    await opened.session.edit('annotation.set', note(1, 'kept'));
    await opened.session.settled();
    expect(asked).toBe(1);
    expect(storage.seal).toBeNull();
    opened.session.close();
    // No seal: the next open checks in full again, and has the edit.
    const again = await restart(storage);
    expect(again.check).toBe('full');
    expect(noteOf(again.session, 1)).toBe('kept');
  });

  it('is not recorded when the open checkpoints anyway: a new workspace, or a journal it had to cut', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const created = new MemoryStorage();
    const c = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'new', snapshot: new Uint8Array(0), journal: '', sealKey: TEST_SEAL_KEY },
      created,
    );
    expect(c.check).toBe('none');
    await c.session.settled();
    expect(created.seals).toEqual([`checkpoint ${await sealOf(created.snapshot, TEST_SEAL_KEY)}`]);

    const loaded = await seededBytes();
    const torn = new MemoryStorage(loaded);
    torn.journal = `${encodeRecord(await sealRecord(1, 'annotation.set', note(1, 'replayed')))}{"seq":2,"op":"annot`;
    const t = await restart(torn);
    expect([t.check, t.replayed, t.discarded]).toEqual(['full', 1, 1]);
    await t.session.settled();
    // Only the checkpoint's seal, of the snapshot with the replayed edit, not the seal of the bytes loaded.
    expect(torn.snapshot).not.toBe(loaded);
    expect(torn.seals).toEqual([`checkpoint ${await sealOf(torn.snapshot, TEST_SEAL_KEY)}`]);
    t.session.close();
    expect((await restart(torn)).check).toBe('sealed');
  });

  it("never lands after a later checkpoint: the seal storage keeps is the checkpoint's", async () => {
    const { engine, migrations } = await engineAndMigrations();
    const snapshot = await seededBytes();
    const storage = new MemoryStorage(snapshot);
    // A slow host: were the seal not queued with the edits, the checkpoint would overtake it.
    const record = storage.recordSeal.bind(storage);
    storage.recordSeal = async (seal) => {
      await new Promise((r) => setTimeout(r, 50));
      await record(seal);
    };
    const { session } = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot, journal: '', sealKey: TEST_SEAL_KEY },
      storage,
    );
    await session.edit('annotation.set', note(1, 'after the open'));
    await session.checkpoint();
    await session.settled();
    const checkpointed = await sealOf(storage.snapshot, TEST_SEAL_KEY);
    expect(storage.seals).toEqual([`recorded ${await sealOf(snapshot, TEST_SEAL_KEY)}`, `checkpoint ${checkpointed}`]);
    expect(storage.seal).toBe(checkpointed);
    session.close();
    const again = await restart(storage);
    expect(again.check).toBe('sealed');
    expect(noteOf(again.session, 1)).toBe('after the open');
  });
});

describe('importing a report into an open workspace', () => {
  it('is undone when the checkpoint that would save it fails', async () => {
    const { session, storage } = await seededSession();
    const ex = structuredClone(await extractSeed('markdown'));
    ex.report.force = 'Testshire Constabulary';
    storage.checkpoint = async () => {
      throw new Error('disk full');
    };
    await expect(session.importReport(ex, { name: 'testshire.md', bytes: new TextEncoder().encode('testshire') })).rejects.toThrow(
      'disk full',
    );
    expect(all(session.db, 'SELECT force FROM reports')).toEqual([{ force: 'Gwent Police' }]);
    for (const t of ['findings', 'metrics', 'judgments', 'footnotes', 'sections', 'extraction_warnings', 'areas_for_improvement']) {
      expect(one(session.db, `SELECT count(*) AS n FROM ${t} WHERE report_id <> 1`)).toEqual({ n: 0 });
    }
    // The search index lost the removed report's paragraphs too: "custody" is in 3 Gwent findings.
    expect(all(session.db, "SELECT count(*) AS n FROM findings_fts WHERE findings_fts MATCH 'custody'")).toEqual([{ n: 3 }]);
  });
});

describe('importing case-file samples into an open workspace', () => {
  // Beside report import: validated rows in one transaction, acknowledged once the checkpoint is on disk.
  const rows = () => generateDemoSample('Gwent Police').slice(0, 10);

  it('is kept, with a checkpoint, when the checkpoint succeeds', async () => {
    const { session, storage } = await seededSession();
    const before = storage.checkpoints;
    expect(await session.importSamples(rows(), { sourceName: 'a.csv', synthetic: false, reportId: 1 })).toEqual({ ok: true, imported: 10 });
    expect(storage.checkpoints).toBe(before + 1);
    expect(one(session.db, 'SELECT count(*) AS n FROM review_samples')).toEqual({ n: 10 });
  });

  it('is undone when the checkpoint that would save it fails, and what was there before stays', async () => {
    const { session, storage } = await seededSession();
    await session.importSamples(rows().slice(0, 4), { sourceName: 'first.csv', synthetic: false, reportId: 1 });
    storage.checkpoint = async () => {
      throw new Error('disk full');
    };
    await expect(session.importSamples(rows().slice(4), { sourceName: 'second.csv', synthetic: false, reportId: 1 })).rejects.toThrow(
      'disk full',
    );
    expect(all(session.db, 'SELECT DISTINCT source_name AS s FROM review_samples')).toEqual([{ s: 'first.csv' }]);
    expect(one(session.db, 'SELECT count(*) AS n FROM review_samples')).toEqual({ n: 4 });
  });

  it('refuses the whole file, with nothing written, when a case is already scored by the same reviewer', async () => {
    const { session, storage } = await seededSession();
    await session.importSamples(rows(), { sourceName: 'a.csv', synthetic: false, reportId: 1 });
    const checkpoints = storage.checkpoints;
    const again = await session.importSamples(rows().slice(0, 2), { sourceName: 'b.csv', synthetic: false, reportId: 1 });
    expect(again.ok).toBe(false);
    expect(storage.checkpoints).toBe(checkpoints);
    expect(one(session.db, 'SELECT count(*) AS n FROM review_samples')).toEqual({ n: 10 });
  });
});

describe('undo and redo', () => {
  const stamp = { author: 'ann', at: '2026-11-27T12:00:00.000Z' };

  it('step back and forward through edits, journaled and audited like any edit', async () => {
    const { session, storage, engine, migrations, snapshot } = await seededSession();
    const note = (value: string) =>
      session.edit('annotation.set', { targetType: 'finding', targetId: 7, field: 'note', value, author: 'ann', at });
    await note('first');
    await note('second');
    await session.edit('annotation.set', { targetType: 'finding', targetId: 7, field: 'includeInBrief', value: true, author: 'ann', at });
    const noteOf = () => one(session.db, 'SELECT note, include_in_brief FROM annotations WHERE target_id = 7');
    await session.undo(stamp);
    expect(noteOf()).toEqual({ note: 'second', include_in_brief: 0 });
    await session.undo(stamp);
    expect(noteOf()).toEqual({ note: 'first', include_in_brief: 0 });
    await session.redo(stamp);
    expect(noteOf()).toEqual({ note: 'second', include_in_brief: 0 });
    expect(session.canRedo).toBe(true);
    await note('third'); // a new edit clears what could be redone
    expect(session.canRedo).toBe(false);
    expect(await session.redo(stamp)).toBeNull();
    // Undo steps are edits: after a crash the journal replays them too.
    const reopened = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot, journal: storage.journal, sealKey: TEST_SEAL_KEY },
      new MemoryStorage(),
    );
    expect([reopened.replayed, reopened.discarded]).toEqual([7, 0]);
    expect(one(reopened.session.db, 'SELECT note FROM annotations WHERE target_id = 7')).toEqual({ note: 'third' });
    expect(all(session.db, "SELECT new_value FROM audit_log WHERE field = 'note' ORDER BY id").map((r) => r.new_value)).toEqual([
      'first',
      'second',
      'first',
      'second',
      'third',
    ]);
  });

  it('undo a saved view, its rename and its deletion', async () => {
    const { session } = await seededSession();
    const views = () => all(session.db, 'SELECT name, definition FROM saved_views ORDER BY id');
    await session.edit('view.save', { name: 'Custody', view: 'findings', definition: { search: 'custody' }, author: 'ann', at });
    await session.edit('view.save', {
      name: 'Custody',
      view: 'findings',
      definition: { search: 'custody', kinds: ['concern'] },
      author: 'ann',
      at,
    });
    const id = Number(one(session.db, 'SELECT id FROM saved_views')?.id);
    await session.edit('view.rename', { id, name: 'Custody concerns', author: 'ann', at });
    await session.edit('view.delete', { id, author: 'ann', at });
    expect(views()).toEqual([]);
    await session.undo(stamp);
    expect(views()).toEqual([{ name: 'Custody concerns', definition: '{"search":"custody","kinds":["concern"]}' }]);
    await session.undo(stamp);
    expect(views()).toEqual([{ name: 'Custody', definition: '{"search":"custody","kinds":["concern"]}' }]);
    await session.undo(stamp);
    expect(views()).toEqual([{ name: 'Custody', definition: '{"search":"custody"}' }]);
    await session.undo(stamp);
    expect(views()).toEqual([]);
    await session.redo(stamp);
    await session.redo(stamp);
    expect(views()).toEqual([{ name: 'Custody', definition: '{"search":"custody","kinds":["concern"]}' }]);
    await expect(session.edit('view.rename', { id: 999, name: 'x', author: 'ann', at })).rejects.toThrow(
      'There is no saved view 999 in this workspace',
    );
  });
});

describe('what replay leaves out is reported: how many records, from which line, and why', () => {
  const note = (targetId: number, value: string) => ({ targetType: 'finding', targetId, field: 'note', value, author: 'a', at });
  const line = async (seq: number, params: object) => encodeRecord(await sealRecord(seq, 'annotation.set', params as never));
  const openWith = async (journal: string, journalCut: JournalCut | null = null) => {
    const storage = new MemoryStorage(await seededBytes());
    const { engine, migrations } = await engineAndMigrations();
    const loaded = { name: 'ws', snapshot: storage.snapshot, journal, journalCut, sealKey: TEST_SEAL_KEY };
    return { storage, ...(await WorkspaceSession.open(engine, migrations, loaded, storage)) };
  };

  it('nothing when every record applies', async () => {
    const o = await openWith((await line(1, note(1, 'a'))) + (await line(2, note(2, 'b'))));
    expect([o.replayed, o.discarded, o.journalStop]).toEqual([2, 0, null]);
  });

  it('a record that no longer applies to the workspace, and everything after it', async () => {
    const journal = (await line(1, note(1, 'a'))) + (await line(2, note(999_999, 'gone'))) + (await line(3, note(3, 'c')));
    const o = await openWith(journal);
    expect([o.replayed, o.discarded, o.journalStop]).toEqual([1, 2, { line: 2, reason: 'does-not-apply' }]);
    // The open checkpoints, so new edits are not appended behind the records it left out.
    expect(o.storage.checkpoints).toBe(1);
    expect(o.storage.journal).toBe('');
  });

  it('records that do not follow the snapshot', async () => {
    const o = await openWith((await line(4, note(1, 'a'))) + (await line(5, note(2, 'b'))));
    expect([o.replayed, o.discarded, o.journalStop]).toEqual([0, 2, { line: 1, reason: 'out-of-order' }]);
  });

  it('a damaged record, and what the host could not read (a cut), counted as one', async () => {
    const damaged = await openWith((await line(1, note(1, 'a'))) + (await line(2, note(2, 'b'))).replace('"b"', '"B"'));
    expect([damaged.replayed, damaged.discarded, damaged.journalStop]).toEqual([1, 1, { line: 2, reason: 'checksum' }]);
    const cut = await openWith(await line(1, note(1, 'a')), { line: 2, reason: 'too-long', bytes: 600 * 1024 ** 2 });
    expect([cut.replayed, cut.discarded, cut.journalStop]).toEqual([1, 1, { line: 2, reason: 'too-long', bytes: 600 * 1024 ** 2 }]);
    expect(cut.storage.checkpoints).toBe(1);
  });
});

describe('the journal never grows past what a host reads of it', () => {
  it('checkpoints before an edit whose record would take it past the limit; if that fails, the edit is refused', async () => {
    const { session, storage, engine, migrations } = await seededSession();
    // Records the snapshot already holds (seq <= its last seq) stay in the journal until the next
    // checkpoint: here, 64 of nearly 1 MiB each, within 20 bytes of 64 MiB, so that the next
    // edit's record would pass the limit.
    const overhead = async (seq: number) => utf8Length(encodeRecord(await sealRecord(seq, 'annotation.set', { bulky: '' })));
    let overheads = 0;
    for (let seq = 1; seq <= 64; seq++) overheads += await overhead(seq);
    const bulky = 'x'.repeat(Math.floor((MAX_JOURNAL_BYTES - 20 - overheads) / 64));
    expect(bulky.length + (await overhead(64))).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    const stale: string[] = [];
    for (let seq = 1; seq <= 64; seq++) {
      await session.edit('annotation.set', note(1, `n${seq}`));
      stale.push(encodeRecord(await sealRecord(seq, 'annotation.set', { bulky })));
    }
    await session.checkpoint();
    session.close();
    const journal = stale.join('');
    expect(MAX_JOURNAL_BYTES - utf8Length(journal)).toBeGreaterThanOrEqual(20);
    expect(MAX_JOURNAL_BYTES - utf8Length(journal)).toBeLessThan(100);
    const held = new MemoryStorage(storage.snapshot);
    held.journal = journal;
    const opened = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot: storage.snapshot, journal, sealKey: TEST_SEAL_KEY },
      held,
    );
    expect([opened.replayed, opened.discarded, held.checkpoints]).toEqual([0, 0, 0]);

    // The disk is nearly full: checkpoints fail, so the edit that would pass the limit is refused.
    const checkpoint = held.checkpoint.bind(held);
    held.checkpoint = async () => {
      throw new StorageError('The disk is full');
    };
    await expect(opened.session.edit('annotation.set', note(2, 'refused'))).rejects.toThrow('The disk is full');
    expect(opened.session.lastSeq).toBe(64);
    expect(held.journal).toBe(journal);
    // Once a checkpoint can be written, it is written first and the journal starts again.
    held.checkpoint = checkpoint;
    await opened.session.edit('annotation.set', note(2, 'kept'));
    expect(held.checkpoints).toBe(1);
    expect((await readJournal(held.journal)).records.map((r) => [r.seq, (r.params as { value: string }).value])).toEqual([[65, 'kept']]);
  }, 60_000);

  const note = (targetId: number, value: string) => ({ targetType: 'finding', targetId, field: 'note', value, author: 'a', at });
});
