import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file so that a crash leaves either the old or the new content, never a mix: write a
 * temporary file in the same folder, fsync it, rename it over the target, fsync the folder. The
 * content may come as chunks (a large pack's text as it was encoded), written in order, never joined.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    if (data instanceof Uint8Array) await fh.writeFile(data);
    else {
      // write() may write part of a chunk: each is written until all of it is.
      for (const chunk of data) {
        for (let at = 0; at < chunk.length;) at += (await fh.write(chunk, at, chunk.length - at)).bytesWritten;
      }
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  // Make the rename itself durable. Not possible on Windows, where directories cannot be opened.
  if (process.platform !== 'win32') {
    const dir = await open(path.dirname(file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
