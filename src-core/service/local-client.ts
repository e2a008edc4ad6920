import { DbService, type ServiceDeps } from './db-service';
import { Replies } from './replies';
import type {
  DbRequest,
  DbRequestType,
  DbResponses,
  DbResult,
  ExportProgress,
  FromWorker,
  ImportProgress,
  StorageReply,
  StorageRequest,
} from './protocol';

export interface LocalClientOptions {
  /**
   * Answers the session's storage requests (journal appends, checkpoints, keeping a seal), as the
   * UI thread answers them through the host for the DB worker. A reply of ok says the bytes are
   * kept; writesNothing answers ok and keeps nothing, for a caller that only reads.
   */
  storage(request: StorageRequest): StorageReply | Promise<StorageReply>;
  /** Sees every message the service posts (responses, progress, storage requests), for tests. */
  onMessage?(message: FromWorker): void;
}

/**
 * Storage for a caller that never changes a workspace (the CLI): every append, checkpoint and seal
 * is answered as done and nothing is written, so the session goes on as if it had been, in memory
 * only (replaying a journal with a damaged record checkpoints, keeping a seal is asked after a full
 * check; neither reaches a file).
 */
export const writesNothing = (): StorageReply => ({ ok: true });

type Progress = ImportProgress | ExportProgress;

/**
 * The workspace service in this thread, driven through its message protocol exactly as the DB
 * client drives it in the worker: each request is checked by the service's schema, answered as a
 * value, and its reply shown for the screen, so a caller here (the CLI, the bench, tests) gets what
 * the app gets. Buffers are handed over as they are (there is no thread to transfer them to).
 */
export class LocalClient {
  readonly service: DbService;
  private readonly waiting = new Replies();

  constructor(
    deps: Omit<ServiceDeps, 'post'>,
    private readonly options: LocalClientOptions,
  ) {
    this.service = new DbService({ ...deps, post: (message) => this.receive(message) });
  }

  /** One request, answered with the service's value or its error. */
  request<T extends DbRequestType>(
    request: Extract<DbRequest, { type: T }>,
    onProgress?: (progress: Progress) => void,
  ): Promise<DbResult<DbResponses[T]>> {
    return this.send(request, onProgress) as Promise<DbResult<DbResponses[T]>>;
  }

  /** Closes the open workspace once the requests already sent have been answered. */
  close(): Promise<void> {
    return this.service.close();
  }

  /** Any message as a request, checked only by the service (tests send malformed ones). */
  send(request: unknown, onProgress?: (progress: Progress) => void): Promise<DbResult<unknown>> {
    return new Promise((resolve) => {
      const id = this.waiting.add({ resolve, onProgress });
      this.service.receive({ kind: 'request', id, request });
    });
  }

  private receive(message: FromWorker): void {
    this.options.onMessage?.(message);
    if (this.waiting.take(message)) return;
    switch (message.kind) {
      case 'storage':
        this.store(message.id, message.request);
        break;
      case 'sql':
        break;
    }
  }

  /** Answers at once when the storage answers at once, as a host that has already written would. */
  private store(id: number, request: StorageRequest): void {
    const answer = (reply: StorageReply) => this.service.receive({ kind: 'storage-reply', id, reply });
    // Not kept, and said so: the session rolls the change back, as with a host that failed.
    const failed = (e: unknown) => answer({ ok: false, message: e instanceof Error ? e.message : String(e) });
    let reply: StorageReply | Promise<StorageReply>;
    try {
      reply = this.options.storage(request);
    } catch (e) {
      failed(e);
      return;
    }
    if (reply instanceof Promise) void reply.then(answer, failed);
    else answer(reply);
  }
}
