import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { newSealKey, type SealKey } from '../../../src-core/workspace/seal';
import { writeFileAtomic } from '../atomic-write';

/**
 * This installation's seal key (src-core/workspace/seal.ts) on disk: 32 random bytes in
 * `seal.key`, in the app's user data folder, readable by the user alone (0600). Only this
 * installation's own code reads it; it is never written beside a workspace, into an export or a
 * log, so a seal made anywhere else cannot match.
 */
export const SEAL_KEY_FILE = 'seal.key';
const KEY_BYTES = 32;

/** The key in this folder, or null when there is none, or it cannot be read, or it is not 32 bytes. */
export async function readSealKey(dir: string): Promise<SealKey | null> {
  try {
    const fh = await open(path.join(dir, SEAL_KEY_FILE), 'r');
    try {
      const st = await fh.stat();
      if (!st.isFile() || st.size !== KEY_BYTES) return null;
      const buf = Buffer.alloc(KEY_BYTES);
      const { bytesRead } = await fh.read(buf, 0, KEY_BYTES, 0);
      return bytesRead === KEY_BYTES ? buf.toString('hex') : null;
    } finally {
      await fh.close().catch(() => undefined);
    }
  } catch {
    return null;
  }
}

/**
 * The key in this folder, made on first use. A key file that is missing, unreadable or malformed
 * is replaced by a new key (written atomically: temp file 0600, fsync, rename), which costs only
 * full integrity checks, since no seal made with the old one matches any more; never an error.
 * When even that cannot be written (a read-only profile), the new key serves this run from memory.
 */
export async function installationSealKey(dir: string, write: typeof writeFileAtomic = writeFileAtomic): Promise<SealKey> {
  const existing = await readSealKey(dir);
  if (existing) return existing;
  const key = newSealKey();
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await write(path.join(dir, SEAL_KEY_FILE), Buffer.from(key, 'hex'));
  } catch {
    return key;
  }
  // Another process starting at the same moment may have renamed its own key over this one: use
  // what the file holds, so that both agree from here on.
  return (await readSealKey(dir)) ?? key;
}
