import { storageCall, type StorageArgs } from '../host/methods';
import { StorageError, type WorkspaceStorage } from '../workspace/storage';
import type { StorageReply, StorageRequest } from './protocol';

/** Sends one storage request to whoever drives the service (transferring the listed buffers) and waits for its reply. */
export type AskHost = (request: StorageRequest, transfer: ArrayBuffer[]) => Promise<StorageReply>;

/**
 * The session's storage inside the service: every append, checkpoint and seal is a question to its
 * driver. In the DB worker that is the UI thread, which holds the host API and answers only once the
 * host says the bytes are durable: the worker has no storage of its own, so it can never acknowledge
 * an edit the host did not keep. In process (./local-client.ts) the caller answers: the CLI, which
 * never changes a workspace, with storage that writes nothing. Which host method does each is the
 * host table's (src-core/host/methods.ts, `storage`).
 */
export class StorageProxy implements WorkspaceStorage {
  /** Told when a checkpoint starts: an import reports it as its "saving" stage. */
  onCheckpoint: (() => void) | null = null;

  constructor(
    readonly handle: string,
    private readonly ask: AskHost,
  ) {}

  append(line: string): Promise<void> {
    return this.forward('append', [line]);
  }

  checkpoint(snapshot: Uint8Array, lastSeq: number, seal: string): Promise<void> {
    this.onCheckpoint?.();
    return this.forward('checkpoint', [snapshot, lastSeq, seal]);
  }

  recordSeal(seal: string): Promise<void> {
    return this.forward('recordSeal', [seal]);
  }

  keepOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    return this.forward('keepOriginal', [sha256, bytes]);
  }

  private async forward<K extends keyof WorkspaceStorage>(method: K, args: StorageArgs<K>): Promise<void> {
    // Bytes are transferred, not copied: a workspace can be hundreds of MB. db.export() returns a
    // fresh buffer of exactly the database's size, which the session does not read again; anything
    // else (a view into a larger buffer) is copied first so that nothing else is detached.
    const transfer: ArrayBuffer[] = [];
    const owned = args.map((arg) => {
      if (!(arg instanceof Uint8Array)) return arg;
      const bytes =
        arg.byteOffset === 0 && arg.byteLength === arg.buffer.byteLength && arg.buffer instanceof ArrayBuffer ? arg : arg.slice();
      transfer.push(bytes.buffer as ArrayBuffer);
      return bytes;
    }) as StorageArgs<K>;
    const reply = await this.ask(storageCall(method, this.handle, owned), transfer);
    if (!reply.ok) throw new StorageError(reply.message);
  }
}
