import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../../../src-core/service/protocol';
import { BEAT_MS, StatementBeat } from '../../../../src-renderer/db/statement-beat';
import { StuckStatementTimer } from '../../../../src-renderer/db/stuck-statement';

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function beat() {
  const posted: FromWorker[] = [];
  let now = 0;
  const b = new StatementBeat(
    (m) => posted.push(m),
    () => now,
  );
  return { b, posted, at: (t: number) => (now = t) };
}

describe('the DB worker’s statement beat', () => {
  it('says a statement is running before it runs, so one that never returns has been announced', () => {
    const { b, posted } = beat();
    b.enter();
    // Nothing after this point runs if the statement never returns: the word is already out.
    expect(posted).toEqual([{ kind: 'sql', running: true }]);
  });

  it('costs a few messages for thousands of statements, and says when they stop', async () => {
    const { b, posted, at } = beat();
    for (let i = 0; i < 5000; i++) {
      at(i); // 5 s of statements, one a millisecond
      b.enter();
      b.leave();
    }
    // Announced once, then again about once a second while they go on.
    expect(posted).toHaveLength(5);
    expect(posted.every((m) => m.kind === 'sql' && m.running)).toBe(true);
    await microtasks();
    expect(posted.at(-1)).toEqual({ kind: 'sql', running: false });
    expect(posted).toHaveLength(6);
  });

  it('announces the next statement again once the UI thread has heard anything else', async () => {
    const { b, posted } = beat();
    b.enter();
    b.leave();
    b.posted(); // a response went out: the UI thread no longer counts
    await microtasks();
    expect(posted).toEqual([{ kind: 'sql', running: true }]); // no "stopped" needed after the response
    b.enter();
    expect(posted).toEqual([
      { kind: 'sql', running: true },
      { kind: 'sql', running: true },
    ]);
  });

  it('says nothing more while a statement is running at the pause', async () => {
    const { b, posted } = beat();
    b.enter();
    b.leave();
    b.enter(); // the next one started before the microtask ran
    await microtasks();
    expect(posted).toEqual([{ kind: 'sql', running: true }]);
  });
});

describe('the UI thread’s stuck-statement timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once statements have been running and the worker silent for the budget and a beat, and not before', () => {
    vi.useFakeTimers();
    const onStuck = vi.fn();
    const timer = new StuckStatementTimer(
      () => 10_000,
      onStuck,
      () => Date.now(),
    );
    timer.heard({ kind: 'sql', running: true });
    vi.advanceTimersByTime(10_000 + BEAT_MS - 1);
    expect(onStuck).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStuck).toHaveBeenCalledOnce();
  });

  it('counts from the last beat, and not at all after any other word from the worker', () => {
    vi.useFakeTimers();
    const onStuck = vi.fn();
    const timer = new StuckStatementTimer(
      () => 10_000,
      onStuck,
      () => Date.now(),
    );
    timer.heard({ kind: 'sql', running: true });
    vi.advanceTimersByTime(9000);
    timer.heard({ kind: 'sql', running: true });
    vi.advanceTimersByTime(9000);
    expect(onStuck).not.toHaveBeenCalled();
    timer.heard({ kind: 'progress', id: 1, progress: { stage: 'extracting' } });
    vi.advanceTimersByTime(600_000); // a long extraction runs no SQL: never counted
    timer.heard({ kind: 'sql', running: true });
    timer.heard({ kind: 'sql', running: false });
    vi.advanceTimersByTime(600_000);
    expect(onStuck).not.toHaveBeenCalled();
  });

  it('gives the budget again when its timer fires far too late (the machine slept)', () => {
    vi.useFakeTimers();
    const onStuck = vi.fn();
    let now = 0;
    const timer = new StuckStatementTimer(
      () => 10_000,
      onStuck,
      () => now,
    );
    timer.heard({ kind: 'sql', running: true });
    now = 3_600_000; // an hour with the lid closed
    vi.advanceTimersByTime(11_000);
    expect(onStuck).not.toHaveBeenCalled();
    now += 11_000;
    vi.advanceTimersByTime(11_000);
    expect(onStuck).toHaveBeenCalledOnce();
  });
});
