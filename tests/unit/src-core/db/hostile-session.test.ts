import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../../../../src-core/db/errors';
import { makeHostile, PLANTED_NOTE } from '../../../helpers/hostile-workspace';
import { openSession } from '../../../helpers/session';
import { engineAndMigrations } from '../../../helpers/workspace';
import { edit, gwentWorkspace } from '../brief/gwent-workspace';

describe('a workspace session opening a file with a trigger on annotations', () => {
  it('is refused before anything is replayed or written, naming the trigger; the file and its folder stay as they were', async () => {
    const { engine } = await engineAndMigrations();
    const db = await gwentWorkspace();
    edit(db, 'annotation.set', { targetType: 'finding', targetId: 4, field: 'note', value: 'check this' });
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-hostile-session-'));
    const file = path.join(dir, 'from-elsewhere.sqlite');
    writeFileSync(file, makeHostile(engine, db.export(), PLANTED_NOTE));
    db.close();
    const before = readFileSync(file);
    const error = await openSession(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe('altered');
    expect((error as WorkspaceError).message).toBe(
      'from-elsewhere.sqlite contains a trigger "plant_note" that PEEL Workbench did not create: it may have been altered; it has been left untouched',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    // No seal kept for it, no journal started, no checkpoint: nothing but the file itself.
    expect(readdirSync(dir)).toEqual(['from-elsewhere.sqlite']);
  });
});
