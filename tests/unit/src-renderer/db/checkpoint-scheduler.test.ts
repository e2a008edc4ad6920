import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckpointScheduler } from '../../../../src-renderer/db/checkpoint-scheduler';

describe('checkpoint scheduling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause after the last edit, then writes once', async () => {
    const write = vi.fn(async () => undefined);
    const s = new CheckpointScheduler(write, 2000);
    s.touch();
    await vi.advanceTimersByTimeAsync(1500);
    s.touch();
    await vi.advanceTimersByTimeAsync(1500);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(write).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
  });

  it('writes at once when flushed (page hidden, another workspace opening), and only if something changed', async () => {
    const write = vi.fn(async () => undefined);
    const s = new CheckpointScheduler(write, 2000);
    await s.flush();
    expect(write).not.toHaveBeenCalled();
    s.touch();
    await s.flush();
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('runs one checkpoint at a time and picks up edits made during one', async () => {
    let finish: () => void = () => undefined;
    const write = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const s = new CheckpointScheduler(write, 2000);
    s.touch();
    const first = s.flush();
    s.touch();
    const second = s.flush();
    expect(write).toHaveBeenCalledTimes(1);
    finish();
    await first;
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    finish();
    await second;
    expect(s.pending).toBe(false);
  });

  it('keeps the work pending when a checkpoint fails, so the next flush tries again', async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const s = new CheckpointScheduler(write, 2000);
    s.touch();
    await s.flush();
    expect(s.pending).toBe(true);
    await s.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect(s.pending).toBe(false);
  });
});
