import type { StatementWatch } from '../../src-core/db/statement-watch';
import type { FromWorker } from '../../src-core/service/protocol';

/** How often, at most, the worker says again that it is running statements. */
export const BEAT_MS = 1000;

/**
 * The DB worker's side of the statement budget. The worker cannot stop its own statement, and a
 * browser page without cross-origin isolation has no SharedArrayBuffer to show one's progress, so
 * it tells the UI thread in messages, cheaply:
 *  - as a statement starts, `{kind: 'sql', running: true}` if the UI thread does not already know
 *    statements are running, and again at most once a second while they go on (a long import is
 *    thousands of short statements: a few messages, not thousands);
 *  - once the statements stop, at the first pause (a microtask after the last one, before any
 *    other work of the worker's can start), `{kind: 'sql', running: false}`;
 *  - any other message the worker posts (an answer, progress, a storage request) also means no
 *    statement is running, so it stands for the latter.
 * The UI thread (db-client.ts) counts silence only after `running: true`: a statement that never
 * returns is silence after its announcement (or after a beat less than a second before it), while
 * extraction, pack writing or waiting on the host, which run no SQL, are never counted.
 */
export class StatementBeat implements StatementWatch {
  private running = false;
  /** The UI thread's last word from us was `running: true`. */
  private told = false;
  private toldAt = 0;
  private pauseQueued = false;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  enter(): void {
    this.running = true;
    if (this.told && this.now() - this.toldAt < BEAT_MS) return;
    this.post({ kind: 'sql', running: true });
    this.told = true;
    this.toldAt = this.now();
  }

  leave(): void {
    this.running = false;
    if (!this.told || this.pauseQueued) return;
    this.pauseQueued = true;
    queueMicrotask(() => {
      this.pauseQueued = false;
      if (this.running || !this.told) return;
      this.post({ kind: 'sql', running: false });
      this.told = false;
    });
  }

  /** The worker posted something else: the UI thread now knows no statement is running. */
  posted(): void {
    this.told = false;
  }
}
