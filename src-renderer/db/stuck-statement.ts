import { budgetInWords } from '../../src-core/db/statement-watch';
import { BEAT_MS } from './statement-beat';
import type { FromWorker } from '../../src-core/service/protocol';

/** A timer this much later than asked was not kept waiting by a busy thread: the page or the machine slept. */
const LATE_MS = 5000;

/**
 * The UI thread's side of the statement budget: it times the worker's silence after the worker
 * said statements were running (statement-beat.ts), and calls onStuck once that silence has lasted
 * the budget plus one beat, so that the statement stopped has run for at least the budget (the
 * worker announces a statement at most a beat after its last word). Any other word from the
 * worker ends the count.
 */
export class StuckStatementTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private armedAt = 0;

  constructor(
    /** The budget now (it grows with a very large workspace: statement-watch.ts). */
    private readonly budgetMs: () => number,
    private readonly onStuck: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Every message from the worker passes here first. */
  heard(message: FromWorker): void {
    this.stop();
    if (message.kind === 'sql' && message.running) this.arm();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const wait = this.budgetMs() + BEAT_MS;
    this.armedAt = this.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      // Far later than asked: this page or the whole machine was asleep (a closed lid) or the UI
      // thread was blocked, and the worker's next word may be waiting behind this timer. The
      // budget counts again rather than ending a statement that was never given its time.
      if (this.now() - this.armedAt - wait > LATE_MS) this.arm();
      else this.onStuck();
    }, wait);
  }
}

/** What a request the stopped worker never answered fails with. */
export function stoppedRequestMessage(budgetMs: number): string {
  return `A database step ran for more than ${budgetInWords(budgetMs)} and was stopped before this was done. The workspace is being reopened from its last saved state; every saved change is kept.`;
}

/** The status bar's reason ("Changes not saved: …") when an edit or import was on its way. */
export function lostChangeMessage(budgetMs: number): string {
  return `a database step ran for more than ${budgetInWords(budgetMs)} and was stopped; check the last change, and make it again if it is missing`;
}

export interface RestartOutcome {
  /** The workspace open before the stop is open again. */
  reopened: boolean;
  /** An edit, undo, redo or import was on its way when the worker was ended. */
  lostWrite: boolean;
  /** The name of a workspace that was being opened when the worker was ended (it is not retried). */
  notOpened?: string;
  /** Why the workspace could not be reopened. */
  problem?: string;
}

/** What the analyst is told once the workspace is open again (or why it is not). */
export function restartMessage(budgetMs: number, outcome: RestartOutcome): string {
  const ran = `A database step ran for more than ${budgetInWords(budgetMs)} and was stopped.`;
  const skipped = outcome.notOpened ? ` ${outcome.notOpened} was not opened, and was not changed.` : '';
  if (outcome.problem)
    return `${ran}${skipped} The workspace could not be reopened: ${outcome.problem}. Reload the page; every saved change is kept.`;
  if (!outcome.reopened) return `${ran}${skipped || ' Nothing was changed.'}`;
  // Stopped before its journal record was stored (the usual case: a step of its own), or after
  // (then the reopened workspace has it): the client cannot tell which, so it says both.
  const lost = outcome.lostWrite
    ? ' A change being saved at that moment may not have been: check it, and make it again if it is missing.'
    : '';
  const which = outcome.notOpened ? 'The workspace open before it' : 'The workspace';
  return `${ran}${skipped} ${which} was reopened from its last saved state; every saved change is kept.${lost}`;
}
