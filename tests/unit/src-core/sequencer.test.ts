import { describe, expect, it } from 'vitest';
import { Sequencer } from '../../../src-core/sequencer';

describe('the sequencer', () => {
  it('runs tasks one at a time in the order given, each after the one before has settled', async () => {
    const s = new Sequencer();
    const log: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([s.run(slow('a', 30)), s.run(slow('b', 1)), s.run(() => 'c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('gives a failure to its caller and goes on with the next task', async () => {
    const s = new Sequencer();
    const failed = s.run(async () => {
      throw new Error('disk full');
    });
    const next = s.run(() => 'saved');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });
});
