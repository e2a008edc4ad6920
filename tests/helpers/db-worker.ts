import type { DbRequest, DbResult, FromWorker, StorageReply, StorageRequest } from '../../src-renderer/db/protocol';
import { DbService, type ServiceDeps } from '../../src-renderer/db/service/db-service';
import { TEST_SEAL_KEY } from './seal-key';
import { readFixture, SEED_FILES } from './seed';
import { engineAndMigrations } from './workspace';

export interface WorkerHarness {
  service: DbService;
  /** Sends one request as the UI thread would, and resolves with the worker's answer. */
  call<T>(request: DbRequest | Record<string, unknown>): Promise<DbResult<T>>;
  /** The answer's value; an error answer throws, naming its code. */
  value<T>(request: DbRequest): Promise<T>;
}

interface HarnessOptions {
  /** The worker's dependencies beyond the real sql.js and migrations (no PDFs unless given). */
  deps?: Partial<Omit<ServiceDeps, 'post'>>;
  /** How the "host" answers a storage request; by default every append and checkpoint succeeds. */
  storage?(request: StorageRequest): StorageReply;
  /** Sees every message the worker posts (progress, storage requests). */
  onMessage?(message: FromWorker): void;
}

/**
 * The DB worker's service, run in this thread with the real sql.js and migrations, driven through
 * its message protocol exactly as the UI thread drives it, with a host that keeps nothing.
 */
export function workerHarness(opts: HarnessOptions = {}): WorkerHarness {
  const waiting = new Map<number, (r: DbResult<unknown>) => void>();
  let nextId = 1;
  const service: DbService = new DbService({
    loadEngine: engineAndMigrations,
    readPdf: () => Promise.reject(new Error('no PDFs in this test')),
    ...opts.deps,
    post(message: FromWorker) {
      opts.onMessage?.(message);
      if (message.kind === 'response') waiting.get(message.id)?.(message.result);
      if (message.kind === 'storage') {
        const reply = opts.storage?.(message.request) ?? { ok: true };
        service.receive({ kind: 'storage-reply', id: message.id, reply });
      }
    },
  });
  const call = <T>(request: DbRequest | Record<string, unknown>) => {
    const id = nextId++;
    const p = new Promise<DbResult<T>>((resolve) => waiting.set(id, resolve as (r: DbResult<unknown>) => void));
    service.receive({ kind: 'request', id, request });
    return p;
  };
  const value = async <T>(request: DbRequest) => {
    const r = await call<T>(request);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { service, call, value };
}

/** Opens a new, empty workspace in the harness and imports the seed report (Markdown) into it. */
export async function openSeeded(worker: WorkerHarness): Promise<void> {
  await worker.value({
    type: 'open',
    handle: 'ws-1',
    name: 'Test',
    snapshot: new Uint8Array(),
    journal: '',
    seal: null,
    sealKey: TEST_SEAL_KEY,
  });
  await worker.value({ type: 'import', name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
}
