import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MetaOverrides } from '../../src-core/extract/report-meta';
import type { Extraction } from '../../src-core/extract/types';

export interface PoolRequest {
  id: number;
  file: string;
  overrides: MetaOverrides;
}

export interface Extracted {
  ok: true;
  name: string;
  size: number;
  sha256: string;
  extraction: Extraction;
}
export interface Failed {
  ok: false;
  /** An ExtractError: the file is not one the extractor reads, and says why. */
  refused: boolean;
  message: string;
}
export type WorkerResult = Extracted | Failed;
export type PoolReply = { id: number } & WorkerResult;
export type Outcome = { file: string } & WorkerResult;

/**
 * The worker script beside this module: the bundle's .mjs when the CLI runs from out/cli/, the
 * TypeScript source through tsx's loader when it runs from the sources.
 */
function workerOf(): Worker {
  const js = new URL('./extract-worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  return new Worker(new URL('./extract-worker-source.mjs', import.meta.url));
}

/**
 * Extracts files on as many worker threads as the machine has cores (never more than files), and
 * reports each outcome as it arrives; the outcomes come back in the order of the files given.
 */
export async function extractAll(
  files: string[],
  overrides: MetaOverrides,
  onDone: (o: Outcome, done: number) => void,
): Promise<Outcome[]> {
  const size = Math.max(1, Math.min(files.length, availableParallelism()));
  const workers = Array.from({ length: size }, workerOf);
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const id = next++;
              w.postMessage({ id, file: files[id] ?? '', overrides } satisfies PoolRequest);
            };
            w.on('message', (reply: PoolReply) => {
              const { id, ...rest } = reply;
              const outcome: Outcome = { file: files[id] ?? '', ...rest };
              outcomes[id] = outcome;
              onDone(outcome, ++done);
              send();
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
