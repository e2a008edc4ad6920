import { err, ok, type HostErrorCode, type Result } from '../../../src-core/host/contract';
import { StorageError } from '../../../src-core/workspace/storage';

/**
 * Runs a store operation and turns its StorageError (whose message is written for the analyst)
 * into an error value. Anything else is a bug: it propagates to the IPC wrapper, which logs it
 * and answers without echoing details such as paths.
 */
export async function fromStorage<T>(code: HostErrorCode, task: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await task());
  } catch (e) {
    if (e instanceof StorageError) return err(code, e.message);
    throw e;
  }
}

/**
 * Bytes safe to send over IPC: a Node Buffer (or any view) may share a larger ArrayBuffer, and
 * IPC serialises the whole underlying buffer, not just the view.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return new Uint8Array(bytes);
  // A whole-buffer Buffer only needs re-wrapping (no copy) to become a plain Uint8Array.
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : bytes;
}
