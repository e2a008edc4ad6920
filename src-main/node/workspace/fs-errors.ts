import { StorageError } from '../../../src-core/workspace/storage';

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an input/output error',
  EROFS: 'the disk is read-only',
  EACCES: 'permission was refused',
  EPERM: 'the operation was not permitted (another program may hold the file open)',
  EBUSY: 'the file is in use by another program',
  ENOENT: 'the file or its folder no longer exists',
  EMFILE: 'too many files are open',
};

/** A file-system failure as the analyst should read it: what failed, why, and that nothing was lost. */
export function storageError(action: string, name: string, e: unknown): StorageError {
  const code = errnoCode(e);
  const reason = (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e));
  return new StorageError(`Could not ${action} "${name}": ${reason}${code ? ` (${code})` : ''}. The last saved state is intact.`, e);
}
