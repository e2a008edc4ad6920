import type { DbRequest, DbResult, FromWorker, StorageReply, StorageRequest } from '../../src-core/service/protocol';
import type { DbService, ServiceDeps } from '../../src-core/service/db-service';
import { LocalClient } from '../../src-core/service/local-client';
import { streamInflate } from '../../src-renderer/db/adapters/inflate';
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
 * The workspace service as the DB worker runs it, in this thread with the real sql.js and
 * migrations and the worker's own inflater (src-renderer/db/adapters/inflate.ts), driven through
 * its message protocol exactly as the UI thread drives it (src-core/service/local-client.ts), with
 * a host that keeps nothing.
 */
export function workerHarness(opts: HarnessOptions = {}): WorkerHarness {
  const client = new LocalClient(
    {
      loadEngine: engineAndMigrations,
      readPdf: () => Promise.reject(new Error('no PDFs in this test')),
      inflate: streamInflate,
      ...opts.deps,
    },
    { storage: (request) => opts.storage?.(request) ?? { ok: true }, onMessage: opts.onMessage },
  );
  const call = <T>(request: DbRequest | Record<string, unknown>) => client.send(request) as Promise<DbResult<T>>;
  const value = async <T>(request: DbRequest) => {
    const r = await call<T>(request);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { service: client.service, call, value };
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

/** An exported file's bytes as one array (the service hands them over as the pieces they were written in). */
export function fileBytes(file: { parts: Uint8Array[] }): Uint8Array {
  return new Uint8Array(Buffer.concat(file.parts));
}
