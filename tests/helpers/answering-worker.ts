import { vi } from 'vitest';
import type { Host } from '../../src-core/host/contract';
import { DbClient, type WorkerLike } from '../../src-renderer/db/db-client';
import type { DbRequest, DbResult, FromWorker, ToWorker } from '../../src-core/service/protocol';

/**
 * A DB client over a stand-in worker that answers each request at once with what the test says,
 * recording every request posted (for tests that count or read what the client sends).
 */
export function answeringClient(answer: (request: DbRequest) => DbResult<unknown>, host: Partial<Host> = {}) {
  let listener: (event: { data: FromWorker }) => void = () => undefined;
  const posted: DbRequest[] = [];
  const worker: WorkerLike = {
    postMessage(message: ToWorker) {
      if (message.kind !== 'request') return;
      posted.push(message.request);
      const result = answer(message.request);
      queueMicrotask(() => listener({ data: { kind: 'response', id: message.id, result } }));
    },
    addEventListener(type: string, l: (event: never) => void) {
      if (type === 'message') listener = l as typeof listener;
    },
    terminate: vi.fn(),
  };
  const client = new DbClient({ kind: 'browser', version: 'test', workspace: {}, ...host } as unknown as Host, () => worker);
  return { client, posted };
}
