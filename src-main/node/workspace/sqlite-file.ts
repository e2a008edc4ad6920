import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../src-core/host/contract';
import { MAX_SNAPSHOT_BYTES } from '../../../src-core/host/ipc-schema';
import { errnoCode } from './fs-errors';

const SQLITE_HEADER = new TextEncoder().encode('SQLite format 3\u0000');

/** The 16-byte magic every SQLite database file starts with. */
export function isSqliteBytes(bytes: Uint8Array): boolean {
  return bytes.length >= SQLITE_HEADER.length && SQLITE_HEADER.every((b, i) => bytes[i] === b);
}

export type FileState = 'missing' | 'workspace';
type Fs = Pick<typeof nodeFs, 'stat' | 'open'>;

/**
 * Looks at a file before anything reads it whole or writes beside it: a file over the snapshot
 * limit would exhaust memory (and cannot cross IPC), and a file that is not SQLite is somebody's
 * document picked by mistake. Both are refused, and refusing here means they are never touched.
 */
export async function inspectWorkspaceFile(file: string, fs: Fs = nodeFs): Promise<Result<FileState>> {
  const name = path.basename(file);
  let size: number;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return err('refused', `"${name}" is a folder, not a workspace file.`);
    size = st.size;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return ok('missing');
    return err('read-failed', `"${name}" could not be read (${errnoCode(e) ?? 'unknown error'}).`);
  }
  if (size > MAX_SNAPSHOT_BYTES) {
    return err(
      'refused',
      `"${name}" is ${(size / 1024 ** 3).toFixed(1)} GB; workspaces over 2 GB cannot be opened. The file was not changed.`,
    );
  }
  const head = new Uint8Array(SQLITE_HEADER.length);
  try {
    const fh = await fs.open(file, 'r');
    try {
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return err('read-failed', `"${name}" could not be read (${errnoCode(e) ?? 'unknown error'}).`);
  }
  if (!isSqliteBytes(head)) {
    return err('refused', `"${name}" is not a PEEL Workbench workspace (not a SQLite database). The file was not changed.`);
  }
  return ok('workspace');
}
