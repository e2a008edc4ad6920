import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ok, type Host, type OpenedWorkspace, type WorkspaceHostApi } from '../../../../src-core/host/contract';
import { newSealKey } from '../../../../src-core/workspace/seal';
import { DbClient, type WorkerLike, type WorkerRestart } from '../../../../src-renderer/db/db-client';
import type { FromWorker } from '../../../../src-core/service/protocol';
import type { DbWorkerThreadData } from '../../../helpers/db-worker-thread';

/**
 * The whole chain with nothing faked but the host's disk: the real DB worker service (sql.js, the
 * watched engine, the statement beat) on a Node thread, the real DbClient on this one. The thread's
 * migrations add a trigger whose statement never returns when a view named "hang" is saved.
 */
const ENDLESS = `CREATE TRIGGER endless AFTER INSERT ON saved_views WHEN NEW.name = 'hang' BEGIN
  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);
END;
`;
const BUDGET_MS = 3000;

/** A Node worker thread in the shape of the browser's Worker, counting its terminations. */
function threadWorker(data: DbWorkerThreadData, ended: { count: number }): WorkerLike {
  const w = new Worker(new URL('../../../helpers/db-worker-thread.mjs', import.meta.url), { workerData: data });
  return {
    postMessage: (message, transfer) => w.postMessage(message, transfer),
    addEventListener: (type: string, listener: (event: never) => void) => {
      if (type === 'message') w.on('message', (data: FromWorker) => listener({ data } as never));
      else if (type === 'error') w.on('error', (e: Error) => listener({ message: e.message } as never));
    },
    terminate: () => {
      ended.count++;
      void w.terminate();
    },
  } as WorkerLike;
}

/** A host that keeps one workspace in memory exactly as the real ones keep it on disk: snapshot, journal, seal. */
function memoryHost(sealKey: string) {
  let snapshot = new Uint8Array();
  let journal = '';
  let seal: string | null = null;
  const info = { handle: 'ws-1', name: 'Gwent', isDefault: false };
  const opened = (): OpenedWorkspace => ({ info, snapshot: snapshot.slice(), journal, orphansRemoved: 0, seal, sealKey });
  const workspace = {
    appendJournal: async (_h: string, line: string) => {
      journal += line;
      return ok(undefined);
    },
    checkpoint: async (_h: string, bytes: Uint8Array, lastSeq: number, s: string) => {
      snapshot = bytes.slice();
      seal = s;
      journal = journal
        .split('\n')
        .filter((l) => l && (JSON.parse(l) as { seq: number }).seq > lastSeq)
        .map((l) => `${l}\n`)
        .join('');
      return ok(undefined);
    },
    recordSeal: async (_h: string, s: string) => {
      seal = s;
      return ok(undefined);
    },
    openRecent: async () => ok(opened()),
  } as unknown as WorkspaceHostApi;
  return { host: { kind: 'browser', version: 'test', workspace } as unknown as Host, opened, journal: () => journal };
}

// The client stamps each edit with its author and time.
const view = (name: string) => ({ name, view: 'findings' as const, definition: {} });

describe('a DB worker stuck in a statement, for real', () => {
  it('is ended within the budget, and the workspace reopened with every saved change and without the stopped one', async () => {
    const ended = { count: 0 };
    let started = 0;
    const memory = memoryHost(newSealKey());
    const data: DbWorkerThreadData = { extraMigration: { file: '099_endless.sql', sql: ENDLESS } };
    const client = new DbClient(
      memory.host,
      () => {
        started++;
        return threadWorker(data, ended);
      },
      { budgetMs: BUDGET_MS },
    );
    const restarted = new Promise<WorkerRestart>((resolve) => client.onRestart(resolve));
    try {
      expect(await client.open(memory.opened())).toMatchObject({ ok: true, value: { created: true } });
      expect(await client.edit('view.save', view('Kept'))).toMatchObject({ ok: true });

      const began = performance.now();
      const stuck = await client.edit('view.save', view('hang'));
      const took = performance.now() - began;
      expect(stuck).toMatchObject({
        ok: false,
        error: {
          code: 'stopped',
          message: expect.stringMatching(/^A database step ran for more than 3 s and was stopped before this was done/),
        },
      });
      // Not before the budget; well within a generous bound after it.
      expect(took).toBeGreaterThanOrEqual(BUDGET_MS);
      expect(took).toBeLessThan(BUDGET_MS + 30_000);
      expect(ended.count).toBe(1);
      expect(started).toBe(2);

      expect(await restarted).toEqual({
        reopened: true,
        message:
          'A database step ran for more than 3 s and was stopped. The workspace was reopened from its last saved state; every saved change is kept. A change being saved at that moment may not have been: check it, and make it again if it is missing.',
      });
      // The saved view is there (replayed from the journal); the stopped one never reached it.
      const views = await client.savedViews('findings');
      expect(views.ok && views.value.map((v) => v.name)).toEqual(['Kept']);
      expect(memory.journal()).toContain('"Kept"');
      expect(memory.journal()).not.toContain('"hang"');
      // And the new worker works: another change is saved.
      expect(await client.edit('view.save', view('After'))).toMatchObject({ ok: true });
      expect(client.getSaveState()).toEqual({ status: 'saved' });
    } finally {
      client.dispose();
    }
  }, 120_000);
});
