import { describe, expect, it, vi } from 'vitest';
import type { DataChange } from '../../../../src-renderer/db/db-client';
import { ok } from '../../../../src-core/host/contract';
import type { DbResult } from '../../../../src-core/service/protocol';
import { answeringClient } from '../../../helpers/answering-worker';
import { HANDLE } from '../../../helpers/host-fixtures';

/** Answers each request the client posts with what the test says for its type. */
function setup(answers: Record<string, DbResult<unknown>>) {
  const { client, posted } = answeringClient(
    (request) => answers[request.type] ?? { ok: false, error: { code: 'internal', message: 'unexpected' } },
    { author: async () => ok('J. Analyst') },
  );
  const changes: DataChange[] = [];
  client.onDataChange((c) => changes.push(c));
  return { client, posted, changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const note = { targetType: 'finding', targetId: 1, field: 'note', value: 'Check the figure' } as const;

describe('undo and redo in the DB client', () => {
  it('tells the views after an edit, and learns what can be undone from the edit’s own reply: one request, not two', async () => {
    const { client, posted, changes } = setup({
      edit: { ok: true, value: { seq: 1, canUndo: true, canRedo: false } },
      'undo.state': { ok: true, value: { canUndo: true, canRedo: false } },
    });
    const undoListener = vi.fn();
    client.subscribeUndo(undoListener);
    await client.edit('annotation.set', note);
    await settle();
    expect(posted.map((r) => r.type)).toEqual(['edit']);
    expect(changes).toEqual([{ cause: 'edit', op: 'annotation.set' }]);
    expect(client.getUndoState()).toEqual({ canUndo: true, canRedo: false, problem: null });
    expect(undoListener).toHaveBeenCalledTimes(1);
  });

  it('learns what can be undone in an opened workspace from the open’s own reply: one request, not two', async () => {
    const { client, posted } = setup({
      open: {
        ok: true,
        value: { created: false, replayed: 2, discarded: 0, journalStop: null, check: 'sealed', canUndo: true, canRedo: false },
      },
      'undo.state': { ok: true, value: { canUndo: false, canRedo: true } },
    });
    const opened = await client.open({
      info: { handle: HANDLE, name: 'w.sqlite', isDefault: false },
      snapshot: new Uint8Array([1]),
      journal: '',
      orphansRemoved: 0,
      seal: null,
      sealKey: 'c4'.repeat(32),
    });
    await settle();
    expect(opened.ok).toBe(true);
    expect(posted.map((r) => r.type)).toEqual(['open']);
    expect(client.getUndoState()).toEqual({ canUndo: true, canRedo: false, problem: null });
  });

  it('reports an undo step as a change, and nothing when there was nothing to undo', async () => {
    const step = setup({ undo: { ok: true, value: { step: { seq: 4, op: 'view.save' }, canUndo: false, canRedo: true } } });
    await step.client.undo();
    expect(step.changes).toEqual([{ cause: 'undo', op: 'view.save' }]);
    expect(step.client.getUndoState()).toEqual({ canUndo: false, canRedo: true, problem: null });

    const none = setup({ redo: { ok: true, value: { step: null, canUndo: false, canRedo: false } } });
    await none.client.redo();
    expect(none.changes).toEqual([]);
  });

  it('stamps undo and redo with who and when, as it stamps edits, so their callers pass nothing', async () => {
    const { client, posted } = setup({
      undo: { ok: true, value: { step: { seq: 4, op: 'view.save' }, canUndo: false, canRedo: true } },
      redo: { ok: true, value: { step: { seq: 5, op: 'view.save' }, canUndo: true, canRedo: false } },
    });
    const before = Date.now();
    await client.undo();
    await client.redo();
    expect(posted.map((r) => r.type)).toEqual(['undo', 'redo']);
    for (const r of posted) {
      const { author, at } = r as { author: string; at: string };
      expect(author).toBe('J. Analyst');
      expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(at)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('keeps why an undo failed for the buttons to show, until the next edit', async () => {
    const { client } = setup({
      undo: { ok: false, error: { code: 'invalid-edit', message: 'There is no finding 9 in this workspace' } },
      edit: { ok: true, value: { seq: 2, canUndo: true, canRedo: false } },
    });
    await client.undo();
    expect(client.getUndoState().problem).toBe('Could not undo the last change: There is no finding 9 in this workspace');
    await client.edit('annotation.set', note);
    await settle();
    expect(client.getUndoState().problem).toBeNull();
  });
});
