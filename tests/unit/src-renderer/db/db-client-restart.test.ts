import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Host, type OpenedWorkspace, type Result, type WorkspaceHostApi } from '../../../../src-core/host/contract';
import { DbClient, type WorkerLike, type WorkerRestart } from '../../../../src-renderer/db/db-client';
import type { DbRequest, FromWorker, ToWorker } from '../../../../src-core/service/protocol';
import { BEAT_MS } from '../../../../src-renderer/db/statement-beat';

/** A DB worker the test speaks for: it records what it is sent, and says only what the test makes it say. */
class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  private listeners: { type: string; listener: (event: never) => void }[] = [];
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  addEventListener(type: string, listener: (event: never) => void) {
    this.listeners.push({ type, listener });
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: FromWorker) {
    for (const l of this.listeners) if (l.type === 'message') l.listener({ data: message } as never);
  }
  requests(): { id: number; request: DbRequest }[] {
    return this.posted.flatMap((m) => (m.kind === 'request' ? [{ id: m.id, request: m.request }] : []));
  }
  answer(type: DbRequest['type'], value: unknown) {
    const r = this.requests().find((q) => q.request.type === type);
    if (!r) throw new Error(`no ${type} request`);
    this.emit({ kind: 'response', id: r.id, result: { ok: true, value } });
  }
}

const BUDGET = 200;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settle = () => wait(0);
/** Long enough for the silence to count as a stuck statement (the budget plus a beat), with room to spare. */
const pastBudget = () => wait(BUDGET + BEAT_MS + 300);

const SUMMARY = { created: false, replayed: 0, discarded: 0, check: 'sealed', canUndo: false, canRedo: false };
const NOTE = { targetType: 'finding', targetId: 1, field: 'note', value: 'Check the figure' } as const;

function workspace(name = 'Gwent', handle = 'ws-1'): OpenedWorkspace {
  return {
    info: { handle, name, isDefault: false },
    snapshot: new Uint8Array([1, 2, 3]),
    journal: '{"seq":1}\n',
    orphansRemoved: 0,
    seal: null,
    sealKey: 'ab'.repeat(32),
  };
}

function setup(workspaceApi: Partial<WorkspaceHostApi> = {}) {
  const api = {
    appendJournal: vi.fn(async () => ok(undefined)),
    checkpoint: vi.fn(async () => ok(undefined)),
    recordSeal: vi.fn(async () => ok(undefined)),
    openRecent: vi.fn(async (handle: string) => ok({ ...workspace(), info: { handle, name: 'Gwent', isDefault: false } })),
    ...workspaceApi,
  } as unknown as WorkspaceHostApi;
  const host = { kind: 'browser', version: 'test', workspace: api } as unknown as Host;
  const workers: FakeWorker[] = [];
  const client = new DbClient(
    host,
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { budgetMs: BUDGET },
  );
  const restarts: WorkerRestart[] = [];
  client.onRestart((r) => restarts.push(r));
  return { api, client, workers, restarts, first: () => workers[0] as FakeWorker, latest: () => workers.at(-1) as FakeWorker };
}

/** Opens the workspace in the first worker, as the app does on start. */
async function opened(s: ReturnType<typeof setup>) {
  const open = s.client.open(workspace());
  s.first().answer('open', SUMMARY);
  expect(await open).toMatchObject({ ok: true });
}

describe('the DB client when a database step runs past its budget', () => {
  it('ends the silent worker, starts another, reopens the workspace from the host and says what happened', async () => {
    const s = setup();
    await opened(s);
    const stuck = s.client.findingsCount({});
    s.first().emit({ kind: 'sql', running: true }); // …and then nothing
    await pastBudget();
    expect(s.first().terminated).toBe(true);
    expect(await stuck).toEqual({
      ok: false,
      error: {
        code: 'stopped',
        message:
          'A database step ran for more than 200 ms and was stopped before this was done. The workspace is being reopened from its last saved state; every saved change is kept.',
      },
    });
    // The same workspace, read again from the host (its last snapshot and journal), in a new worker.
    expect(s.workers).toHaveLength(2);
    await settle();
    expect(s.api.openRecent).toHaveBeenCalledExactlyOnceWith('ws-1');
    const reopen = s.latest().requests()[0];
    expect(reopen?.request).toMatchObject({ type: 'open', handle: 'ws-1', name: 'Gwent', journal: '{"seq":1}\n' });
    expect(s.restarts).toEqual([]);
    s.latest().answer('open', SUMMARY);
    await settle();
    expect(s.restarts).toEqual([
      {
        reopened: true,
        message:
          'A database step ran for more than 200 ms and was stopped. The workspace was reopened from its last saved state; every saved change is kept.',
      },
    ]);
    // Nothing was being saved: the status bar still says everything is.
    expect(s.client.getSaveState()).toEqual({ status: 'saved' });
  });

  it('holds what is asked meanwhile and sends it after the reopen, so it runs on the reopened workspace', async () => {
    const s = setup();
    await opened(s);
    void s.client.findingsCount({});
    s.first().emit({ kind: 'sql', running: true });
    await pastBudget();
    const later = s.client.reportsOverview(); // asked while the host reads the workspace again
    await settle();
    expect(
      s
        .latest()
        .requests()
        .map((r) => r.request.type),
    ).toEqual(['open', 'reports.overview']);
    s.latest().answer('open', SUMMARY);
    s.latest().answer('reports.overview', []);
    expect(await later).toEqual({ ok: true, value: [] });
    // The old worker heard nothing more.
    expect(
      s
        .first()
        .requests()
        .map((r) => r.request.type),
    ).toEqual(['open', 'findings.count']); // the open's reply carries the undo state: no second request
  });

  it('never counts a worker that said it stopped running statements, or answered, however long it then takes', async () => {
    const s = setup();
    await opened(s);
    const exported = s.client.exportGrid({
      source: { grid: 'samples' },
      columns: [{ colId: 'caseRef', header: 'Case' }],
      format: 'xlsx',
      marking: 'OFFICIAL',
      filter: '',
      title: 'T',
    });
    s.first().emit({ kind: 'sql', running: true });
    s.first().emit({ kind: 'sql', running: false }); // the rows are read; writing the file runs no SQL
    await pastBudget();
    expect(s.first().terminated).toBe(false);
    s.first().answer('grid.export', { suggestedName: 'T.xlsx', mime: 'text/csv', parts: [new Uint8Array()] });
    expect(await exported).toMatchObject({ ok: true });
  });

  it('tells the analyst an edit on its way may not have been saved, in the status bar too', async () => {
    const s = setup();
    await opened(s);
    const edit = s.client.edit('annotation.set', NOTE);
    s.first().emit({ kind: 'sql', running: true });
    await pastBudget();
    expect(await edit).toMatchObject({ ok: false, error: { code: 'stopped' } });
    await settle();
    s.latest().answer('open', SUMMARY);
    await settle();
    expect(s.restarts[0]?.message).toBe(
      'A database step ran for more than 200 ms and was stopped. The workspace was reopened from its last saved state; every saved change is kept. A change being saved at that moment may not have been: check it, and make it again if it is missing.',
    );
    expect(s.client.getSaveState()).toEqual({
      status: 'error',
      message: 'a database step ran for more than 200 ms and was stopped; check the last change, and make it again if it is missing',
    });
  });

  it('waits for a journal record already on its way to disk before reading the workspace again', async () => {
    let land: () => void = () => undefined;
    const s = setup({ appendJournal: vi.fn(() => new Promise<Result<void>>((resolve) => (land = () => resolve(ok(undefined))))) });
    await opened(s);
    void s.client.edit('annotation.set', NOTE);
    s.first().emit({ kind: 'storage', id: 1, request: { method: 'appendJournal', args: ['ws-1', '{"seq":2}\n'] } });
    s.first().emit({ kind: 'sql', running: true }); // stuck after handing the record over
    await pastBudget();
    expect(s.api.openRecent).not.toHaveBeenCalled();
    land();
    await settle();
    await settle();
    expect(s.api.openRecent).toHaveBeenCalledOnce();
    // The reply goes to the worker that asked (ended), never to the new one.
    expect(s.latest().posted.filter((m) => m.kind === 'storage-reply')).toEqual([]);
  });

  it('does not try again a workspace that was being opened: it reopens the one open before, and names the other', async () => {
    const s = setup();
    await opened(s);
    const other = s.client.open(workspace('Huge', 'ws-2'));
    s.first().emit({ kind: 'sql', running: true }); // its integrity check never ends
    await pastBudget();
    expect(await other).toMatchObject({ ok: false, error: { code: 'stopped' } });
    await settle();
    expect(s.api.openRecent).toHaveBeenCalledExactlyOnceWith('ws-1');
    s.latest().answer('open', SUMMARY);
    await settle();
    expect(s.restarts[0]?.message).toBe(
      'A database step ran for more than 200 ms and was stopped. Huge was not opened, and was not changed. The workspace open before it was reopened from its last saved state; every saved change is kept.',
    );
  });

  it('gives a very large workspace more time, by its size', async () => {
    const s = setup();
    const open = s.client.open({ ...workspace(), snapshot: new Uint8Array(20 * 1048576) });
    s.first().answer('open', SUMMARY);
    await open;
    // 100 ms per MB (statement-watch.ts): 2 s here, where the base budget is 200 ms.
    const stuck = s.client.findingsCount({});
    s.first().emit({ kind: 'sql', running: true });
    await pastBudget();
    expect(s.first().terminated).toBe(false);
    await wait(2000);
    expect(s.first().terminated).toBe(true);
    expect(await stuck).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^A database step ran for more than 2 s and/) },
    });
  });

  it('gives up, saying so, when the reopened workspace runs past the budget too or cannot be read', async () => {
    const s = setup();
    await opened(s);
    void s.client.findingsCount({});
    s.first().emit({ kind: 'sql', running: true });
    await pastBudget();
    await settle();
    s.latest().emit({ kind: 'sql', running: true }); // the reopen's own step never ends
    await pastBudget();
    expect(s.latest().terminated).toBe(true);
    expect(s.workers).toHaveLength(2);
    expect(await s.client.findingsCount({})).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'A database step ran for more than 200 ms again while the workspace was being reopened, and was stopped. Reload the page; every saved change is kept.',
      },
    });

    const t = setup({ openRecent: vi.fn(async () => err('not-found', 'That workspace is no longer in this browser')) });
    await opened(t);
    void t.client.findingsCount({});
    t.first().emit({ kind: 'sql', running: true });
    await pastBudget();
    await settle();
    expect(t.restarts).toEqual([
      {
        reopened: false,
        message:
          'A database step ran for more than 200 ms and was stopped. The workspace could not be reopened: That workspace is no longer in this browser. Reload the page; every saved change is kept.',
      },
    ]);
  });
});
