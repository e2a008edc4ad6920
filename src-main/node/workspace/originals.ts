import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../src-core/host/contract';
import { MAX_REPORT_BYTES, tooLargeLine } from '../../../src-core/limits';
import { StorageError } from '../../../src-core/workspace/storage';
import { errnoCode, storageError } from './fs-errors';

/**
 * Each imported report's original file, kept byte for byte beside its workspace and named by its
 * SHA-256 (as reports.content_hash records it): `<workspace file>.originals/<sha256>`. Never inside
 * the SQLite file, which sql.js holds in memory whole. A name is its content's hash, so a file here
 * is never changed once written: keeping one that is already there does nothing, and a workspace's
 * backups (`<workspace file>.backups/`, restored in place under the same name) share its folder.
 *
 * What is found here is read as a hostile file, whoever put it there: only a regular file directly
 * in the folder (a symbolic link, a folder, a device or a pipe in its place is refused, not
 * followed), never more than a report can be (src-core/limits.ts), and shown only if its bytes
 * still hash to its name.
 */

export type OriginalsFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'lstat' | 'readdir'>;

export interface OriginalsOptions {
  fs?: OriginalsFs;
  platform?: NodeJS.Platform;
}

/** An original's name in the folder: its SHA-256, lowercase hex. */
export const ORIGINAL_NAME = /^[0-9a-f]{64}$/;

export function originalsDir(workspaceFile: string): string {
  return `${workspaceFile}.originals`;
}

export function originalPath(workspaceFile: string, sha256: string): string {
  if (!ORIGINAL_NAME.test(sha256)) throw new Error('not a SHA-256');
  return path.join(originalsDir(workspaceFile), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a bounded read found. */
export type BoundedRead =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'missing' }
  /** A symbolic link, a folder, a device or a pipe: not read. */
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number };

// O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer, for ever. It does
// nothing to a regular file. O_NOFOLLOW: a symbolic link in an original's place is refused, not
// followed out of the folder. Neither exists on Windows (0 there), where links are rare and a pipe
// cannot sit in a folder.
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a file of at most `max` bytes, if it is a regular file: opened first and checked on the
 * open descriptor (fstat), so that nothing swapped in between a check and the read is read. Never
 * reads more than max + 1 bytes, whatever the file claims its size is.
 */
export async function readBounded(
  file: string,
  max: number,
  { followLinks, fs = nodeFs }: { followLinks: boolean; fs?: OriginalsFs },
): Promise<BoundedRead> {
  let fh: nodeFs.FileHandle;
  try {
    fh = await fs.open(file, constants.O_RDONLY | NONBLOCK | (followLinks ? 0 : NOFOLLOW));
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    // O_NOFOLLOW on a symbolic link: ELOOP on Linux, EMLINK on FreeBSD, EFTYPE on macOS.
    if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE' || code === 'EISDIR') return { kind: 'not-a-file' };
    throw e;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { kind: 'not-a-file' };
    if (st.size > max) return { kind: 'too-large', size: st.size };
    // One byte more than the limit: a file that grew since fstat is caught, not read to its end.
    const buffer = new Uint8Array(Math.min(st.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await fh.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) return { kind: 'too-large', size: length };
    return { kind: 'bytes', bytes: buffer.subarray(0, length) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** How an original is named in a message: the report's file name when the caller gave it. */
function ofReport(name: string | undefined): string {
  return name ? `The original of this report, ${name},` : 'The original of this report';
}

/** The file looked for, as the analyst can find it: beside the workspace, no folders above it. */
function lookedFor(workspaceFile: string, sha256: string): string {
  return `${path.basename(originalsDir(workspaceFile))}/${sha256}`;
}

/**
 * An original, read back for the Source panel: its bytes only if they still hash to the name.
 * 'original-missing' when nothing is there; 'original-changed' when something is that is not it
 * (other bytes, a link, a folder, a file too large to be a report), with a message naming the file.
 */
export async function readOriginal(
  workspaceFile: string,
  sha256: string,
  name?: string,
  opts: OriginalsOptions = {},
): Promise<Result<Uint8Array>> {
  const fs = opts.fs ?? nodeFs;
  const where = lookedFor(workspaceFile, sha256);
  const folder = await fs.lstat(originalsDir(workspaceFile)).catch((e: unknown) => {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  });
  if (folder === null) return err('original-missing', `${ofReport(name)} is not beside the workspace (looked for ${where}).`);
  if (!folder.isDirectory()) {
    return err(
      'original-changed',
      `${ofReport(name)} is not shown as the source: ${path.basename(originalsDir(workspaceFile))} beside the workspace is not a folder.`,
    );
  }
  let read: BoundedRead;
  try {
    read = await readBounded(originalPath(workspaceFile, sha256), MAX_REPORT_BYTES, { followLinks: false, fs });
  } catch (e) {
    return err('read-failed', `${ofReport(name)} could not be read (${errnoCode(e) ?? 'unknown error'}; ${where}).`);
  }
  switch (read.kind) {
    case 'missing':
      return err('original-missing', `${ofReport(name)} is not beside the workspace (looked for ${where}).`);
    case 'not-a-file':
      return err(
        'original-changed',
        `${ofReport(name)} is not shown as the source: ${where} is not a plain file (a link, a folder or a device).`,
      );
    case 'too-large':
      return err(
        'original-changed',
        `${ofReport(name)} no longer matches the file that was imported: it is not shown as the source (${tooLargeLine(where, read.size, MAX_REPORT_BYTES, 'reports')}).`,
      );
    case 'bytes':
      if (sha256Of(read.bytes) !== sha256) {
        return err(
          'original-changed',
          `${ofReport(name)} no longer matches the file that was imported: it is not shown as the source (${where} has been changed).`,
        );
      }
      return ok(read.bytes);
  }
}

/**
 * Reads a file the analyst chose to stand for a report's original (locateOriginal): bounded, a
 * regular file, and only if it hashes to the original's name. The chosen file may be a link (the
 * analyst pointed at it); what is read is still checked on the open descriptor.
 */
export async function readCandidate(file: string, sha256: string, name: string, opts: OriginalsOptions = {}): Promise<Result<Uint8Array>> {
  const chosen = path.basename(file);
  let read: BoundedRead;
  try {
    read = await readBounded(file, MAX_REPORT_BYTES, { followLinks: true, fs: opts.fs });
  } catch (e) {
    return err('read-failed', `"${chosen}" could not be read (${errnoCode(e) ?? 'unknown error'}). Nothing was kept.`);
  }
  switch (read.kind) {
    case 'missing':
      return err('not-found', `"${chosen}" is no longer there. Nothing was kept.`);
    case 'not-a-file':
      return err('refused', `"${chosen}" is not a file. Nothing was kept.`);
    case 'too-large':
      return err('refused', `${tooLargeLine(`"${chosen}"`, read.size, MAX_REPORT_BYTES, 'reports')}. Nothing was kept.`);
    case 'bytes':
      if (sha256Of(read.bytes) !== sha256) {
        return err(
          'original-changed',
          `"${chosen}" is not the file ${name} was imported from (its contents differ), so it cannot stand for its original. Nothing was kept.`,
        );
      }
      return ok(read.bytes);
  }
}

/**
 * Keeps an original beside the workspace: a temporary file in the folder, fsync, rename, fsync the
 * folder (and its parent when the folder was just made), so a crash leaves the original whole or
 * not there. Does nothing when it is already there with the right bytes; puts the right bytes in
 * place of anything else found under its name. Refuses bytes that do not hash to the name given:
 * the name is the promise every reader checks. Throws a StorageError the analyst can act on.
 */
export async function keepOriginal(workspaceFile: string, sha256: string, bytes: Uint8Array, opts: OriginalsOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const platform = opts.platform ?? process.platform;
  const workspace = path.basename(workspaceFile);
  if (sha256Of(bytes) !== sha256) {
    throw new StorageError(`The original of a report could not be kept beside "${workspace}": its bytes do not match its SHA-256.`);
  }
  const dir = originalsDir(workspaceFile);
  const target = originalPath(workspaceFile, sha256);
  let tmp: string | null = null;
  try {
    const made = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const there = await readBounded(target, MAX_REPORT_BYTES, { followLinks: false, fs }).catch(() => null);
    if (there?.kind === 'bytes' && sha256Of(there.bytes) === sha256) return;
    tmp = path.join(dir, `.${sha256.slice(0, 16)}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await fs.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
    tmp = null;
    if (platform !== 'win32') {
      await syncDir(fs, dir);
      // A folder just made is an entry in the workspace's folder: durable only once that is synced.
      if (made !== undefined) await syncDir(fs, path.dirname(dir));
    }
  } catch (e) {
    if (tmp !== null) await fs.unlink(tmp).catch(() => undefined);
    throw storageError("keep the report's original file beside", workspace, e);
  }
}

async function syncDir(fs: OriginalsFs, dir: string): Promise<void> {
  const dh = await fs.open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/**
 * Copies a workspace's originals beside another workspace file ("Save a copy", the first start's
 * copy of the default workspace): every file of the folder named by a hash, read as hostile
 * (bounded, regular files only) and kept under the target only if its bytes still match its name;
 * anything else is left behind and counted, never carried. One at a time, so memory holds one
 * report. Returns how many were copied and how many skipped; throws a StorageError when keeping one fails.
 */
export async function copyOriginals(
  fromWorkspace: string,
  toWorkspace: string,
  opts: OriginalsOptions = {},
): Promise<{ copied: number; skipped: number }> {
  const fs = opts.fs ?? nodeFs;
  let names: string[];
  try {
    const folder = await fs.lstat(originalsDir(fromWorkspace));
    if (!folder.isDirectory()) return { copied: 0, skipped: 0 };
    names = (await fs.readdir(originalsDir(fromWorkspace))).filter((n) => ORIGINAL_NAME.test(n)).sort();
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { copied: 0, skipped: 0 };
    throw storageError('read the report originals of', path.basename(fromWorkspace), e);
  }
  let copied = 0;
  let skipped = 0;
  for (const sha256 of names) {
    const read = await readBounded(originalPath(fromWorkspace, sha256), MAX_REPORT_BYTES, { followLinks: false, fs }).catch(() => null);
    if (read?.kind !== 'bytes' || sha256Of(read.bytes) !== sha256) {
      skipped++;
      continue;
    }
    await keepOriginal(toWorkspace, sha256, read.bytes, opts);
    copied++;
  }
  return { copied, skipped };
}
