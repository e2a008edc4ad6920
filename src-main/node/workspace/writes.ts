import path from 'node:path';
import { err, ok, type BackupInfo, type OpenedWorkspace, type Result, type WorkspaceInfo } from '../../../src-core/host/contract';
import { writeFileAtomic } from '../atomic-write';
import type { FileWorkspaceStore } from './file-store';
import { errnoCode } from './fs-errors';
import type { HandleRegistry } from './handles';
import { fromStorage, plainBytes } from './results';
import { copyOriginals, readCandidate, readOriginal } from './originals';
import { inspectWorkspaceFile, isSqliteBytes } from './sqlite-file';

/** What is done to a workspace already open, by handle. Every path comes from the registry. */
export class WorkspaceWrites {
  constructor(private readonly registry: HandleRegistry) {}

  appendJournal(handle: string, line: string): Promise<Result<void>> {
    return this.withStore(handle, (store) => fromStorage('write-failed', () => store.append(line)));
  }

  checkpoint(handle: string, snapshot: Uint8Array, lastSeq: number, seal: string): Promise<Result<void>> {
    // The one write that replaces the workspace file: never with something that is not SQLite.
    if (!isSqliteBytes(snapshot)) return Promise.resolve(notSqlite());
    // The seal is kept as given (its shape was checked with the request): it is checked against
    // the bytes on the next open, so a wrong one can only cost that open a full integrity check.
    return this.withStore(handle, (store) => fromStorage('write-failed', () => store.checkpoint(snapshot, lastSeq, seal)));
  }

  /**
   * Keeps the seal of the snapshot this store handed over on opening, which the worker has checked
   * in full. Kept as given, like a checkpoint's (its shape was checked with the request); the store
   * declines it once that snapshot has been replaced, and never reports a failure to keep it.
   */
  recordSeal(handle: string, seal: string): Promise<Result<void>> {
    return this.withStore(handle, (store) => fromStorage('write-failed', () => store.recordSeal(seal)));
  }

  /** Keeps a report's original beside the workspace (./originals.ts); the import fails if this does. */
  keepOriginal(handle: string, sha256: string, bytes: Uint8Array): Promise<Result<void>> {
    return this.withStore(handle, (store) => fromStorage('write-failed', () => store.keepOriginal(sha256, bytes)));
  }

  /**
   * A report's original, hash-checked (./originals.ts). Any workspace this run has a handle for:
   * reading one changes nothing, and its originals sit beside it whether it is open or not.
   */
  async readOriginal(handle: string, sha256: string, name?: string): Promise<Result<{ bytes: Uint8Array }>> {
    const entry = this.registry.get(handle);
    if (!entry) return unknownHandle();
    const read = await readOriginal(entry.file, sha256, name);
    return read.ok ? ok({ bytes: plainBytes(read.value) }) : read;
  }

  /**
   * The file the analyst chose to stand for a report's original: kept only if it hashes to the
   * original's name (nothing is kept otherwise), then handed back as the original.
   */
  async adoptOriginal(handle: string, sha256: string, name: string, chosen: string): Promise<Result<{ bytes: Uint8Array }>> {
    return this.withStore(handle, async (store) => {
      const read = await readCandidate(chosen, sha256, name);
      if (!read.ok) return read;
      const kept = await fromStorage('write-failed', () => store.keepOriginal(sha256, read.value));
      return kept.ok ? ok({ bytes: plainBytes(read.value) }) : kept;
    });
  }

  backups(handle: string): Promise<Result<BackupInfo[]>> {
    return this.withStore(handle, (store) => fromStorage('read-failed', () => store.backups()));
  }

  restoreBackup(handle: string, backupId: string): Promise<Result<OpenedWorkspace>> {
    return this.withStore(handle, async (store) => {
      const restored = await fromStorage('write-failed', () => store.restoreBackup(backupId));
      if (!restored.ok) return restored;
      const { snapshot, journal, seal, sealKey } = restored.value;
      return ok({ info: this.registry.info(handle), snapshot: plainBytes(snapshot), journal, orphansRemoved: 0, seal, sealKey });
    });
  }

  /**
   * Writes a copy of an open workspace to a new file, with its reports' originals: the folder beside
   * it (`<copy>.originals/`) is filled first, so a copy that exists has its sources beside it; a
   * folder left by a copy that then failed holds only files named by their hash, harmless. An
   * existing file is never replaced: it may be another workspace whose journal beside it would be
   * replayed onto the copy. (Backups need no such care: they sit beside the workspace under its
   * name and share its originals folder, whose files never change.)
   */
  async saveCopy(handle: string, target: string, snapshot: Uint8Array): Promise<Result<WorkspaceInfo>> {
    if (!this.registry.get(handle)) return unknownHandle();
    if (!isSqliteBytes(snapshot)) return notSqlite();
    const name = path.basename(target);
    const state = await inspectWorkspaceFile(target);
    if (!state.ok || state.value !== 'missing' || this.registry.forFile(target)?.store) {
      return err('refused', `"${name}" already exists. Save the copy under a new name; nothing was overwritten.`);
    }
    const entry = this.registry.get(handle);
    try {
      if (entry) await copyOriginals(entry.file, target);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return err('write-failed', `Could not save the copy "${name}" with its reports' original files: ${why}`);
    }
    try {
      await writeFileAtomic(target, snapshot);
    } catch (e) {
      return err(
        'write-failed',
        `Could not save the copy "${name}" (${errnoCode(e) ?? 'unknown error'}). The open workspace is unchanged.`,
      );
    }
    return ok(this.registry.info(this.registry.handleFor(target, false)));
  }

  private async withStore<T>(handle: string, task: (store: FileWorkspaceStore) => Promise<Result<T>>): Promise<Result<T>> {
    const entry = this.registry.get(handle);
    if (!entry) return unknownHandle();
    if (!entry.store) return err('invalid-input', 'That workspace is not open. Open it first.');
    return task(entry.store);
  }
}

function unknownHandle<T>(): Result<T> {
  return err('invalid-input', 'Unknown workspace handle: it was not issued by this application run.');
}

function notSqlite<T>(): Result<T> {
  return err('invalid-input', 'The snapshot is not a SQLite database; the workspace file was not changed.');
}
