import { describe, expect, it } from 'vitest';
import { all, one } from '../../../../src-core/db/sql-db';
import type { PackDefinition } from '../../../../src-core/brief/definition';
import { readPack, readPacks } from '../../../../src-core/query/sql/packs';
import { encodeRecord, readJournal } from '../../../../src-core/workspace/journal';
import { WorkspaceSession } from '../../../../src-core/workspace/session';
import type { WorkspaceStorage } from '../../../../src-core/workspace/storage';
import { engineAndMigrations, freshWorkspace } from '../../../helpers/workspace';
import { TEST_SEAL_KEY } from '../../../helpers/seal-key';

class MemoryStorage implements WorkspaceStorage {
  journal = '';
  snapshot: Uint8Array = new Uint8Array(0);
  async append(line: string) {
    this.journal += line;
  }
  async checkpoint(bytes: Uint8Array, lastSeq: number) {
    this.snapshot = bytes;
    const { records } = await readJournal(this.journal);
    this.journal = records
      .filter((r) => r.seq > lastSeq)
      .map(encodeRecord)
      .join('');
  }
  async recordSeal() {
    // Packs do not depend on seals; the session's seal tests are in ../workspace/session.test.ts.
  }
  async keepOriginal() {
    // Nor on originals: ../workspace/session.test.ts.
  }
}

const stamp = { author: 'ann', at: '2026-11-27T12:00:00.000Z' };
const later = { author: 'bob', at: '2026-11-27T13:00:00.000Z' };

const definition = (over: Partial<PackDefinition> = {}): PackDefinition => ({
  title: 'Gwent effectiveness: briefing for the chief constable',
  audience: 'Chief officer group',
  author: 'Ann Analyst',
  date: '2026-11-27',
  marking: 'OFFICIAL-SENSITIVE',
  caveat: '',
  sections: ['summary', 'metrics', 'findings'],
  reportIds: [],
  findings: { kind: 'all' },
  ...over,
});

async function session() {
  const { engine, migrations } = await engineAndMigrations();
  const snapshot = (await freshWorkspace()).export();
  const storage = new MemoryStorage();
  const opened = await WorkspaceSession.open(engine, migrations, { name: 'ws', snapshot, journal: '', sealKey: TEST_SEAL_KEY }, storage);
  return { session: opened.session, storage, engine, migrations, snapshot };
}

describe('saving briefing packs', () => {
  it('creates, reads back, updates and deletes a pack, auditing each step', async () => {
    const { session: s } = await session();
    await s.edit('pack.save', { definition: definition(), ...stamp });
    const [saved] = readPacks(s.db);
    expect(saved).toMatchObject({
      title: 'Gwent effectiveness: briefing for the chief constable',
      createdAt: stamp.at,
      updatedAt: stamp.at,
    });
    expect(saved?.definition).toEqual(definition());
    const id = saved!.id;
    await s.edit('pack.save', { id, definition: definition({ title: 'Renamed', marking: 'OFFICIAL' }), ...later });
    expect(readPack(s.db, id)).toMatchObject({ title: 'Renamed', createdAt: stamp.at, updatedAt: later.at });
    expect(readPack(s.db, id)?.definition?.marking).toBe('OFFICIAL');
    await s.edit('pack.delete', { id, ...later });
    expect(readPacks(s.db)).toEqual([]);
    expect(readPack(s.db, id)).toBeNull();
    expect(
      all(s.db, "SELECT author, field, old_value IS NULL AS no_old, new_value FROM audit_log WHERE target_type = 'briefing_pack'"),
    ).toEqual([
      { author: 'ann', field: 'created', no_old: 1, new_value: 'Gwent effectiveness: briefing for the chief constable' },
      { author: 'bob', field: 'definition', no_old: 0, new_value: JSON.stringify(definition({ title: 'Renamed', marking: 'OFFICIAL' })) },
      { author: 'bob', field: 'deleted', no_old: 0, new_value: null },
    ]);
  });

  it('refuses a definition that is not valid, naming the field, and writes nothing', async () => {
    const { session: s, storage } = await session();
    expect(() => s.edit('pack.save', { definition: { ...definition(), marking: 'SECRET' }, ...stamp })).toThrow(
      /^Edit pack\.save: definition\.marking /,
    );
    expect(() => s.edit('pack.save', { definition: { ...definition(), sections: [] }, ...stamp })).toThrow(/definition\.sections/);
    await expect(s.edit('pack.delete', { id: 42, ...stamp })).rejects.toThrow('There is no briefing pack 42 in this workspace');
    expect(storage.journal).toBe('');
    expect(one(s.db, 'SELECT count(*) AS n FROM briefing_packs')).toEqual({ n: 0 });
  });

  it('lists the most recently changed pack first', async () => {
    const { session: s } = await session();
    await s.edit('pack.save', { definition: definition({ title: 'First' }), ...stamp });
    await s.edit('pack.save', { definition: definition({ title: 'Second' }), ...stamp });
    await s.edit('pack.save', { id: 1, definition: definition({ title: 'First, revised' }), ...later });
    expect(readPacks(s.db).map((p) => p.title)).toEqual(['First, revised', 'Second']);
  });

  it('reads a pack whose stored definition this version cannot read with a null definition, not an error', async () => {
    const { session: s } = await session();
    s.db.run("INSERT INTO briefing_packs (title, definition, created_at, updated_at) VALUES ('Odd', '{\"title\":1}', 'x', 'x')");
    s.db.run("INSERT INTO briefing_packs (title, definition, created_at, updated_at) VALUES ('Broken', 'not json', 'x', 'x')");
    expect(readPacks(s.db).map((p) => [p.title, p.definition])).toEqual([
      ['Broken', null],
      ['Odd', null],
    ]);
  });
});

describe('undo, redo and replay of pack edits', () => {
  it('undo a deletion brings the pack back under its own id; undo and redo walk every step', async () => {
    const { session: s } = await session();
    const state = () => readPacks(s.db).map((p) => [p.id, p.title]);
    await s.edit('pack.save', { definition: definition({ title: 'One' }), ...stamp });
    await s.edit('pack.save', { id: 1, definition: definition({ title: 'Two' }), ...stamp });
    await s.edit('pack.delete', { id: 1, ...stamp });
    expect(state()).toEqual([]);
    await s.undo(later);
    expect(state()).toEqual([[1, 'Two']]);
    expect(readPack(s.db, 1)?.definition).toEqual(definition({ title: 'Two' }));
    await s.undo(later);
    expect(state()).toEqual([[1, 'One']]);
    await s.undo(later);
    expect(state()).toEqual([]);
    expect(s.canUndo).toBe(false);
    await s.redo(later);
    expect(state()).toEqual([[1, 'One']]);
    await s.redo(later);
    await s.redo(later);
    expect(state()).toEqual([]);
    await s.undo(later);
    expect(state()).toEqual([[1, 'Two']]);
  });

  it('replays pack edits (undo steps included) from the journal after a crash', async () => {
    const { session: s, storage, engine, migrations, snapshot } = await session();
    await s.edit('pack.save', { definition: definition({ title: 'Kept' }), ...stamp });
    await s.edit('pack.save', { definition: definition({ title: 'Gone', findings: { kind: 'saved-view', savedViewId: 3 } }), ...stamp });
    await s.edit('pack.save', { id: 1, definition: definition({ title: 'Kept, revised' }), ...stamp });
    await s.edit('pack.delete', { id: 2, ...stamp });
    await s.undo(later);
    await s.edit('pack.delete', { id: 2, ...stamp });
    const before = readPacks(s.db);
    const reopened = await WorkspaceSession.open(
      engine,
      migrations,
      { name: 'ws', snapshot, journal: storage.journal, sealKey: TEST_SEAL_KEY },
      new MemoryStorage(),
    );
    expect([reopened.replayed, reopened.discarded]).toEqual([6, 0]);
    expect(readPacks(reopened.session.db)).toEqual(before);
    expect(before.map((p) => p.title)).toEqual(['Kept, revised']);
    expect(all(reopened.session.db, 'SELECT count(*) AS n FROM audit_log')).toEqual([{ n: 6 }]);
  });
});
