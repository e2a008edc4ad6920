import { StorageError, type WorkspaceStorage } from '../../../src-core/workspace/storage';
import type { StorageReply, StorageRequest } from '../protocol';

/** Sends one storage request to the UI thread (transferring the listed buffers) and waits for its reply. */
export type AskHost = (request: StorageRequest, transfer: ArrayBuffer[]) => Promise<StorageReply>;

/**
 * The session's storage inside the worker: every append, checkpoint and seal is a question to the UI
 * thread, which holds the host API and answers only once the host says the bytes are durable.
 * The worker has no storage of its own, so it can never acknowledge an edit the host did not keep.
 */
export class StorageProxy implements WorkspaceStorage {
  /** Told when a checkpoint starts: an import reports it as its "saving" stage. */
  onCheckpoint: (() => void) | null = null;

  constructor(
    readonly handle: string,
    private readonly ask: AskHost,
  ) {}

  async append(line: string): Promise<void> {
    check(await this.ask({ op: 'append', handle: this.handle, line }, []));
  }

  async checkpoint(snapshot: Uint8Array, lastSeq: number, seal: string): Promise<void> {
    this.onCheckpoint?.();
    // Transferred, not copied: a workspace can be hundreds of MB. db.export() returns a fresh
    // buffer of exactly the database's size, which the session does not read again; anything
    // else (a view into a larger buffer) is copied first so that nothing else is detached.
    const owned =
      snapshot.byteOffset === 0 && snapshot.byteLength === snapshot.buffer.byteLength && snapshot.buffer instanceof ArrayBuffer
        ? (snapshot as Uint8Array<ArrayBuffer>)
        : snapshot.slice();
    check(await this.ask({ op: 'checkpoint', handle: this.handle, snapshot: owned, lastSeq, seal }, [owned.buffer]));
  }

  async recordSeal(seal: string): Promise<void> {
    check(await this.ask({ op: 'recordSeal', handle: this.handle, seal }, []));
  }
}

function check(reply: StorageReply): void {
  if (!reply.ok) throw new StorageError(reply.message);
}
