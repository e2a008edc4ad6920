import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { one } from '../../src-core/db/sql-db';
import { WorkspaceSession } from '../../src-core/workspace/session';
import { FileWorkspaceStore, type FileStoreOptions } from '../../src-main/node/workspace/file-store';
import { TEST_SEAL_KEY } from './seal-key';
import { engineAndMigrations } from './workspace';
import { ROOT } from './seed';

/** A fresh folder holding a copy of the built default workspace (npm run build:workspace). */
export function workspaceCopy(name = 'ws.sqlite'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'peel-ws-'));
  const file = path.join(dir, name);
  copyFileSync(path.join(ROOT, 'data/default-workspace.sqlite'), file);
  return file;
}

/** Opens a workspace file as the app does, with this installation's key (TEST_SEAL_KEY) unless told otherwise. */
export async function openSession(file: string, opts: Partial<FileStoreOptions> = {}) {
  const { engine, migrations } = await engineAndMigrations();
  const { store, snapshot, journal, journalCut, orphansRemoved, seal, sealKey } = await FileWorkspaceStore.open(file, {
    sealKey: TEST_SEAL_KEY,
    ...opts,
  });
  // With the seal the store read, as the app opens it: a checkpointed workspace skips the integrity check.
  const loaded = { name: path.basename(file), snapshot, journal, journalCut, seal, sealKey };
  const opened = await WorkspaceSession.open(engine, migrations, loaded, store);
  return { ...opened, store, orphansRemoved, seal };
}

export const noteEdit = (targetId: number, value: string, at = '2026-11-27T10:00:00.000Z') => ({
  targetType: 'finding',
  targetId,
  field: 'note',
  value,
  author: 'analyst',
  at,
});

export function noteOf(session: WorkspaceSession, findingId: number): string | null {
  const row = one(session.db, "SELECT note FROM annotations WHERE target_type = 'finding' AND target_id = ?", [findingId]);
  return row ? String(row.note) : null;
}
