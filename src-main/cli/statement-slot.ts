import type { StatementWatch } from '../../src-core/db/statement-watch';

/**
 * One Int32 shared by the CLI's command thread and its supervisor (main.ts): the command thread
 * adds 1 as each call into sql.js starts and 1 as it ends, so the count is odd while a statement
 * runs, and a different odd number for each statement. Two atomic adds per call, no clock: the
 * supervisor, which is free while the command thread is stuck in WebAssembly, does the timing.
 */
export function statementSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** The command thread's side: counts each call in and out. */
export class SlotWatch implements StatementWatch {
  private readonly count: Int32Array;

  constructor(slot: SharedArrayBuffer) {
    this.count = new Int32Array(slot);
  }

  enter(): void {
    Atomics.add(this.count, 0, 1);
  }

  leave(): void {
    Atomics.add(this.count, 0, 1);
  }
}

/**
 * The supervisor's side: looked at every tick; says a statement is stuck once the same statement
 * (the same odd count) has been seen running for the budget. A statement is stopped after it has
 * run at least the budget and at most the budget plus two ticks.
 */
export class SlotWatcher {
  private readonly count: Int32Array;
  private seen: number | null = null;
  private seenAt = 0;

  constructor(slot: SharedArrayBuffer) {
    this.count = new Int32Array(slot);
  }

  /** True once one statement has run for the budget. */
  stuck(now: number, budgetMs: number): boolean {
    const value = Atomics.load(this.count, 0);
    if ((value & 1) === 0) {
      this.seen = null;
      return false;
    }
    if (value !== this.seen) {
      this.seen = value;
      this.seenAt = now;
      return false;
    }
    return now - this.seenAt >= budgetMs;
  }
}
