import type { DbResult, ExportProgress, FromWorker, ImportProgress } from './protocol';

/** What waits for a request's answer: the promise's resolve and, for a long request, who hears its progress. */
export interface Waiting {
  resolve(result: DbResult<unknown>): void;
  onProgress?(progress: ImportProgress | ExportProgress): void;
}

/**
 * The requests sent to the workspace service and not yet answered, by id: one bookkeeping for both
 * of its drivers (the UI thread's DbClient, over the worker, and LocalClient, in process), so that
 * a response settles its request and progress reaches it the same way in both.
 */
export class Replies<W extends Waiting = Waiting> {
  private nextId = 1;
  private readonly waiting = new Map<number, W>();

  /** A new request's id, remembered with what waits for its answer. */
  add(waiting: W): number {
    const id = this.nextId++;
    this.waiting.set(id, waiting);
    return id;
  }

  /** A response settles its request and progress goes to it: true. Any other message is the caller's: false. */
  take(message: FromWorker): boolean {
    if (message.kind === 'response') {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      waiting?.resolve(message.result);
      return true;
    }
    if (message.kind === 'progress') {
      this.waiting.get(message.id)?.onProgress?.(message.progress);
      return true;
    }
    return false;
  }

  /** Those still waiting, in the order they were asked. */
  pending(): W[] {
    return [...this.waiting.values()];
  }

  /** Forgets every request still waiting and returns them (to be answered otherwise). */
  drain(): W[] {
    const all = this.pending();
    this.waiting.clear();
    return all;
  }
}
