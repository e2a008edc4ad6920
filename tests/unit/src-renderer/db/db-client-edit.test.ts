import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationEdit } from '../../../../src-core/annotations/annotation-edit';
import { err, ok, type Result } from '../../../../src-core/host/contract';
import type { DbRequest } from '../../../../src-core/service/protocol';
import { answeringClient } from '../../../helpers/answering-worker';
import { AUTHOR_WAIT_MS } from '../../../../src-renderer/ui/author';

const NOW = new Date('2026-11-27T09:30:00.000Z');

/** A worker that answers every edit at once, and a host whose author() the test controls. */
function setup(author: () => Promise<Result<string>>) {
  let seq = 0;
  const host = { author: vi.fn(author) };
  const { client, posted } = answeringClient(() => ({ ok: true, value: { seq: ++seq, canUndo: true, canRedo: false } }), host);
  return { client, posted, host };
}

const edits = (posted: DbRequest[]) => posted.flatMap((r) => (r.type === 'edit' ? [{ op: r.op, params: r.params }] : []));

afterEach(() => {
  vi.useRealTimers();
});

describe('an edit sent by the DB client', () => {
  it('is stamped once, by the client, with who and when, in the params the journal has always had', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { client, posted } = setup(async () => ok('J. Analyst'));
    // Moved from the metrics editor's tests: verify carries who and when.
    const verify = annotationEdit({ type: 'metric', id: 7 }, { field: 'verified', value: true });
    const receipt = await client.edit(verify.op, verify.params);
    const rag = annotationEdit({ type: 'metric', id: 7 }, { field: 'rag', value: 'amber' });
    await client.edit(rag.op, rag.params);
    await client.edit('view.rename', { id: 3, name: 'Custody' });
    expect(edits(posted)).toEqual([
      { op: 'metric.verify', params: { metricId: 7, verified: true, author: 'J. Analyst', at: NOW.toISOString() } },
      {
        op: 'annotation.set',
        params: { targetType: 'metric', targetId: 7, field: 'rag', value: 'amber', author: 'J. Analyst', at: NOW.toISOString() },
      },
      { op: 'view.rename', params: { id: 3, name: 'Custody', author: 'J. Analyst', at: NOW.toISOString() } },
    ]);
    // What the view patches its row with: the stamp the record was written under.
    expect(receipt).toEqual({ ok: true, value: { seq: 1, canUndo: true, canRedo: false, author: 'J. Analyst', at: NOW.toISOString() } });
  });

  it('asks the host who is editing at each edit, and records a fallback name when it cannot say', async () => {
    const names = [ok('Ann'), err('unavailable', 'no bridge'), ok('  ')];
    const { client, posted, host } = setup(async () => names.shift() ?? ok('Bea'));
    for (let i = 0; i < 4; i++) await client.edit('warning.check', { warningId: 1, checked: i % 2 === 0 });
    expect(host.author).toHaveBeenCalledTimes(4);
    expect(edits(posted).map((e) => (e.params as { author: string }).author)).toEqual(['Ann', 'Analyst', 'Analyst', 'Bea']);
  });

  it('goes to the worker in the order the edits were made, even when the host answers out of order', async () => {
    // The first answer is slow, the second quick: without the order kept, the second edit would be journaled first.
    const delays = [30, 0];
    const { client, posted } = setup(() => new Promise((resolve) => setTimeout(() => resolve(ok('Ann')), delays.shift() ?? 0)));
    const first = client.edit('view.delete', { id: 1 });
    const second = client.edit('view.delete', { id: 2 });
    expect(client.getSaveState()).toEqual({ status: 'saving' });
    await Promise.all([first, second]);
    expect(edits(posted).map((e) => (e.params as { id: number }).id)).toEqual([1, 2]);
    expect(client.getSaveState()).toEqual({ status: 'saved' });
  });

  it('does not let a host that never says who is editing hold every later edit', async () => {
    vi.useFakeTimers();
    // The first answer never comes; the second comes at once.
    const answers = [new Promise<Result<string>>(() => undefined), Promise.resolve(ok('Bea'))];
    const { client, posted } = setup(() => answers.shift() ?? Promise.resolve(ok('Cy')));
    const first = client.edit('view.delete', { id: 1 });
    const second = client.edit('view.delete', { id: 2 });
    await vi.advanceTimersByTimeAsync(AUTHOR_WAIT_MS - 1);
    expect(edits(posted)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(edits(posted).map((e) => [(e.params as { id: number }).id, (e.params as { author: string }).author])).toEqual([
      [1, 'Analyst'],
      [2, 'Bea'],
    ]);
  });
});
