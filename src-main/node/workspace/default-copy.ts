import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../src-core/host/contract';
import { writeFileAtomic } from '../atomic-write';
import { errnoCode } from './fs-errors';
import { copyOriginals } from './originals';
import { inspectWorkspaceFile, isSqliteBytes } from './sqlite-file';
import { bytesOf } from '../bytes';
import { StorageError } from '../../../src-core/workspace/storage';

/** Where the analyst's own copy of the bundled workspace lives, under app.getPath('userData'). */
export function defaultCopyPath(userData: string): string {
  return path.join(userData, 'workspaces', 'default-workspace.sqlite');
}

/**
 * Makes the private copy of the bundled default workspace unless it is already there. Edits go
 * to the copy: the bundled file sits in the installation (read-only for most users, replaced on
 * every upgrade) and is only ever read.
 */
export async function ensureDefaultCopy(bundled: string, copy: string): Promise<Result<void>> {
  const existing = await inspectWorkspaceFile(copy);
  if (!existing.ok) return existing;
  if (existing.value === 'workspace') return ok(undefined);
  let bytes: Uint8Array;
  try {
    bytes = bytesOf(await readFile(bundled));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') {
      return err('not-found', 'The default workspace is missing from this installation. Developers: run `npm run build:workspace`.');
    }
    return err('read-failed', `The default workspace could not be read (${errnoCode(e) ?? 'unknown error'}).`);
  }
  if (!isSqliteBytes(bytes)) return err('refused', 'The default workspace in this installation is damaged (not a SQLite database).');
  try {
    await mkdir(path.dirname(copy), { recursive: true });
    // The report the default workspace was built from (`<bundled>.originals/`, made by `npm run
    // build:workspace`) goes beside the copy first, so that the copy never exists without it.
    await copyOriginals(bundled, copy);
    await writeFileAtomic(copy, bytes);
  } catch (e) {
    const why = errnoCode(e) ?? (e instanceof StorageError ? e.message : 'unknown error');
    return err('write-failed', `Could not make your copy of the default workspace (${why}).`);
  }
  return ok(undefined);
}
