import { describe, expect, it } from 'vitest';
import { ok, type Host, type OpenedWorkspace } from '../../../../src-core/host/contract';
import { WorkspaceController } from '../../../../src-renderer/app/workspace-controller';
import type { DbClient, WorkerRestart } from '../../../../src-renderer/db/db-client';

const opened: OpenedWorkspace = {
  info: { handle: 'ws-1', name: 'Gwent', isDefault: false },
  snapshot: new Uint8Array([1]),
  journal: '',
  orphansRemoved: 0,
  seal: null,
  sealKey: 'ab'.repeat(32),
};

/** The controller's side of a worker replaced after a step past the budget (the client's side: db-client-restart.test.ts). */
function setup() {
  let restart: (r: WorkerRestart) => void = () => undefined;
  const client = {
    onRestart: (listener: (r: WorkerRestart) => void) => {
      restart = listener;
      return () => undefined;
    },
    open: async () => ok({ created: false, replayed: 0, discarded: 0, check: 'sealed', canUndo: false, canRedo: false }),
    flushCheckpoint: async () => undefined,
  } as unknown as DbClient;
  const host = { workspace: { openLast: async () => ok(opened) } } as unknown as Host;
  const controller = new WorkspaceController(host, client);
  return { controller, restart: (r: WorkerRestart) => restart(r) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the workspace controller when the DB worker was replaced', () => {
  it('tells the analyst and makes every view read the reopened workspace again', async () => {
    const { controller, restart } = setup();
    controller.start();
    await settle();
    const before = controller.getState();
    expect(before).toMatchObject({ phase: 'ready', problem: null });
    const revision = before.phase === 'ready' ? before.revision : -1;
    restart({ reopened: true, message: 'A database step ran for more than 60 s and was stopped. The workspace was reopened…' });
    expect(controller.getState()).toMatchObject({
      phase: 'ready',
      revision: revision + 1,
      problem: 'A database step ran for more than 60 s and was stopped. The workspace was reopened…',
    });
  });

  it('shows the reason in place of the workspace when none could be opened', async () => {
    const { controller, restart } = setup();
    restart({ reopened: false, message: 'A database step ran for more than 60 s and was stopped. Nothing was changed.' });
    expect(controller.getState()).toEqual({
      phase: 'failed',
      message: 'A database step ran for more than 60 s and was stopped. Nothing was changed.',
    });
  });
});
