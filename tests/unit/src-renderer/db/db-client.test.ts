import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Host, type WorkspaceHostApi } from '../../../../src-core/host/contract';
import { DbClient, type WorkerLike } from '../../../../src-renderer/db/db-client';
import type { FromWorker, ToWorker } from '../../../../src-core/service/protocol';

/** Stands in for the DB worker: records what the client posts and lets the test answer. */
class FakeWorker implements WorkerLike {
  posted: { message: ToWorker; transfer: ArrayBuffer[] }[] = [];
  private listeners: { type: string; listener: (event: never) => void }[] = [];
  terminate = vi.fn();
  postMessage(message: ToWorker, transfer: ArrayBuffer[]) {
    this.posted.push({ message, transfer });
  }
  addEventListener(type: string, listener: (event: never) => void) {
    this.listeners.push({ type, listener });
  }
  emit(message: FromWorker) {
    for (const l of this.listeners) if (l.type === 'message') l.listener({ data: message } as never);
  }
  fail(message: string) {
    for (const l of this.listeners) if (l.type === 'error') l.listener({ message } as never);
  }
  lastRequest() {
    const last = this.posted.filter((p) => p.message.kind === 'request').at(-1);
    if (!last || last.message.kind !== 'request') throw new Error('no request posted');
    return { ...last.message, transfer: last.transfer };
  }
  replies() {
    return this.posted.map((p) => p.message).filter((m) => m.kind === 'storage-reply');
  }
}

function setup(workspace: Partial<WorkspaceHostApi> = {}) {
  const api = {
    appendJournal: vi.fn(async () => ok(undefined)),
    checkpoint: vi.fn(async () => ok(undefined)),
    recordSeal: vi.fn(async () => ok(undefined)),
    ...workspace,
  } as unknown as WorkspaceHostApi;
  const host = { kind: 'browser', version: 'test', workspace: api } as unknown as Host;
  const worker = new FakeWorker();
  const client = new DbClient(host, () => worker);
  return { api, worker, client };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const note = { targetType: 'finding', targetId: 1, field: 'note', value: 'Check the figure' } as const;

describe('the DB client on the UI thread', () => {
  it('hands the snapshot to the worker without copying it', async () => {
    const { worker, client } = setup();
    const snapshot = new Uint8Array(64);
    const seal = `hmac-sha256-16m:${'cd'.repeat(32)}:64`;
    const sealKey = '5a'.repeat(32);
    const journalCut = { line: 2, reason: 'too-long' as const, bytes: 5_000_000 };
    const opened = client.open({
      info: { handle: 'ws-1', name: 'W', isDefault: false },
      snapshot,
      journal: '',
      journalCut,
      orphansRemoved: 0,
      seal,
      sealKey,
    });
    const sent = worker.lastRequest();
    // The seal and the installation's key go with the bytes; the worker checks one against the other.
    // So does where the host stopped reading the journal, for replay to stop there.
    expect(sent.request).toMatchObject({ type: 'open', handle: 'ws-1', name: 'W', journal: '', journalCut, seal, sealKey });
    expect(sent.transfer).toEqual([snapshot.buffer]);
    worker.emit({
      kind: 'response',
      id: sent.id,
      result: { ok: true, value: { created: false, replayed: 0, discarded: 0, canUndo: false, canRedo: false } },
    });
    expect(await opened).toEqual({ ok: true, value: { created: false, replayed: 0, discarded: 0, canUndo: false, canRedo: false } });
  });

  it('answers the worker’s storage questions through the host, for workspaces it opened only', async () => {
    const { api, worker, client } = setup();
    void client.open({
      info: { handle: 'ws-1', name: 'W', isDefault: false },
      snapshot: new Uint8Array(1),
      journal: '',
      orphansRemoved: 0,
      seal: null,
      sealKey: '5a'.repeat(32),
    });
    worker.emit({ kind: 'storage', id: 1, request: { method: 'appendJournal', args: ['ws-1', '{"seq":1}\n'] } });
    const snapshot = new Uint8Array([1, 2]);
    const seal = `hmac-sha256-16m:${'ef'.repeat(32)}:2`;
    worker.emit({ kind: 'storage', id: 2, request: { method: 'checkpoint', args: ['ws-1', snapshot, 1, seal] } });
    worker.emit({ kind: 'storage', id: 3, request: { method: 'appendJournal', args: ['someone-else', '{"seq":1}\n'] } });
    worker.emit({ kind: 'storage', id: 4, request: { method: 'recordSeal', args: ['ws-1', seal] } });
    worker.emit({ kind: 'storage', id: 5, request: { method: 'recordSeal', args: ['someone-else', seal] } });
    await settle();
    expect(api.appendJournal).toHaveBeenCalledExactlyOnceWith('ws-1', '{"seq":1}\n');
    expect(api.checkpoint).toHaveBeenCalledExactlyOnceWith('ws-1', snapshot, 1, seal);
    expect(api.recordSeal).toHaveBeenCalledExactlyOnceWith('ws-1', seal);
    expect(worker.replies().sort((a, b) => a.id - b.id)).toEqual([
      { kind: 'storage-reply', id: 1, reply: { ok: true } },
      { kind: 'storage-reply', id: 2, reply: { ok: true } },
      { kind: 'storage-reply', id: 3, reply: { ok: false, message: 'That workspace is not open in this window' } },
      { kind: 'storage-reply', id: 4, reply: { ok: true } },
      { kind: 'storage-reply', id: 5, reply: { ok: false, message: 'That workspace is not open in this window' } },
    ]);
  });

  it('asks the host only for per-workspace storage: the worker can never open a dialog or save a file', async () => {
    const saveCopy = vi.fn(async () => ok(null));
    const { worker, client } = setup({ saveCopy });
    void client.open({
      info: { handle: 'ws-1', name: 'W', isDefault: false },
      snapshot: new Uint8Array(1),
      journal: '',
      orphansRemoved: 0,
      seal: null,
      sealKey: '5a'.repeat(32),
    });
    for (const [id, request] of [
      [1, { method: 'saveCopy', args: ['ws-1', new Uint8Array(1)] }],
      [2, { method: 'constructor', args: ['ws-1'] }],
      [3, { method: 'appendJournal', args: '{"seq":1}\n' }],
    ] as const) {
      worker.emit({ kind: 'storage', id, request } as unknown as FromWorker);
    }
    await settle();
    expect(saveCopy).not.toHaveBeenCalled();
    expect(worker.replies().map((r) => r.kind === 'storage-reply' && r.reply)).toEqual(
      Array(3).fill({ ok: false, message: 'The database worker asked the host for something it may not' }),
    );
  });

  it('passes a host failure back to the worker as a value', async () => {
    const { worker, client } = setup({ appendJournal: vi.fn(async () => err('write-failed', 'The disk is full')) });
    void client.open({
      info: { handle: 'ws-1', name: 'W', isDefault: false },
      snapshot: new Uint8Array(1),
      journal: '',
      orphansRemoved: 0,
      seal: null,
      sealKey: '5a'.repeat(32),
    });
    worker.emit({ kind: 'storage', id: 9, request: { method: 'appendJournal', args: ['ws-1', '{"seq":1}\n'] } });
    await settle();
    expect(worker.replies()).toEqual([{ kind: 'storage-reply', id: 9, reply: { ok: false, message: 'The disk is full' } }]);
  });

  it('shows "Saving…" while an edit is on its way and the error when it was not kept', async () => {
    const { worker, client } = setup();
    const states: string[] = [];
    client.subscribe(() => states.push(client.getSaveState().status));
    const edit = client.edit('annotation.set', note);
    expect(client.getSaveState()).toEqual({ status: 'saving' });
    // The client asks the host who is editing before it sends the edit.
    await settle();
    worker.emit({
      kind: 'response',
      id: worker.lastRequest().id,
      result: { ok: false, error: { code: 'storage-failed', message: 'The disk is full' } },
    });
    await edit;
    expect(client.getSaveState()).toEqual({ status: 'error', message: 'The disk is full' });

    const next = client.edit('annotation.set', note);
    await settle();
    worker.emit({ kind: 'response', id: worker.lastRequest().id, result: { ok: true, value: { seq: 1, canUndo: true, canRedo: false } } });
    await next;
    expect(client.getSaveState()).toEqual({ status: 'saved' });
    expect(states).toEqual(['saving', 'error', 'saving', 'saved']);
    // A query is not a write: no "Saving…" for it.
    void client.findingsCount({});
    expect(client.getSaveState()).toEqual({ status: 'saved' });
  });

  it('says so when the worker dies, and answers every pending and later request with the reason', async () => {
    const { worker, client } = setup();
    const pending = client.findingsCount({});
    worker.fail('SyntaxError in worker.js');
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('The database worker stopped') },
    });
    expect(await client.reportsOverview()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(client.getSaveState()).toMatchObject({ status: 'error' });
  });
});
