import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { WorkspaceInfo } from '../../../src-core/host/contract';
import type { FileWorkspaceStore } from './file-store';

export interface WorkspaceEntry {
  readonly file: string;
  readonly isDefault: boolean;
  /** Set once the workspace has been opened in this run; only then may it be written. */
  store: FileWorkspaceStore | null;
}

/**
 * The only map from what the renderer holds (an opaque handle) to what main acts on (a path).
 * Handles are random, so a compromised page cannot guess one for a file it was never given, and
 * they are minted only for files the user chose, the recent list or the default workspace.
 */
export class HandleRegistry {
  private readonly byHandle = new Map<string, WorkspaceEntry>();
  private readonly byFile = new Map<string, string>();

  /** The handle for a file, the same one every time within a run. */
  handleFor(file: string, isDefault: boolean): string {
    return this.entryFor(file, isDefault).handle;
  }

  entryFor(file: string, isDefault: boolean): { handle: string; entry: WorkspaceEntry } {
    const abs = path.resolve(file);
    const known = this.byFile.get(abs);
    const entry = known === undefined ? undefined : this.byHandle.get(known);
    if (known !== undefined && entry) return { handle: known, entry };
    const handle = randomBytes(18).toString('base64url');
    const created: WorkspaceEntry = { file: abs, isDefault, store: null };
    this.byHandle.set(handle, created);
    this.byFile.set(abs, handle);
    return { handle, entry: created };
  }

  get(handle: string): WorkspaceEntry | undefined {
    return this.byHandle.get(handle);
  }

  /** The entry for a file already known, e.g. to stop "Save a copy" writing over an open workspace. */
  forFile(file: string): WorkspaceEntry | undefined {
    const handle = this.byFile.get(path.resolve(file));
    return handle === undefined ? undefined : this.byHandle.get(handle);
  }

  info(handle: string): WorkspaceInfo {
    const entry = this.byHandle.get(handle);
    if (!entry) throw new Error('unknown workspace handle');
    return { handle, name: entry.isDefault ? DEFAULT_WORKSPACE_NAME : path.basename(entry.file), isDefault: entry.isDefault };
  }
}

export const DEFAULT_WORKSPACE_NAME = 'Default workspace';
