/**
 * Runs tasks one at a time, in the order they are given: each starts once the one before has
 * settled, whether it succeeded or failed. A failure is its caller's (the promise `run` returns
 * rejects) and never stops the tasks after it. The workspace session, the file store, the opener,
 * the recent list, the DB worker's service, the app's workspace controller and the DB client's edit stamps each keep one.
 */
export class Sequencer {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
