import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MetaOverrides } from '../../src-core/extract/report-meta';
import { EXTRACT_HEAP_MB } from '../../src-core/limits';
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
function workerOf(heapMb: number): Worker {
  // Each thread's heap is capped (src-core/limits.ts): memory is bounded by design, not by V8's mood.
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  const js = new URL('./extract-worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, options);
  return new Worker(new URL('./extract-worker-source.mjs', import.meta.url), options);
}

/**
 * Drops this job's listeners only: Worker keeps listeners of its own on itself (to ref and unref
 * its message port), and removing every listener leaves the next job's reply never delivered.
 */
function quiet(w: Worker): void {
  w.removeAllListeners('message');
  w.removeAllListeners('error');
}

/** A file that takes longer than this to read is hostile or broken: its thread is stopped. */
export const FILE_TIME_LIMIT_MS = 120_000;

/**
 * Extracts files on as many worker threads as the machine has cores (never more than files), and
 * reports each outcome as it arrives; the outcomes come back in the order of the files given. A
 * file that crashes its thread or runs past the time limit is refused with the reason, and a new
 * thread takes the next file: one bad file stops nothing else.
 */
export async function extractAll(
  files: string[],
  overrides: MetaOverrides,
  onDone: (o: Outcome, done: number) => void,
  limitMs = FILE_TIME_LIMIT_MS,
  heapMb = EXTRACT_HEAP_MB,
): Promise<Outcome[]> {
  const size = Math.max(1, Math.min(files.length, availableParallelism()));
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  let next = 0;
  let done = 0;
  const settle = (id: number, result: WorkerResult) => {
    const outcome: Outcome = { file: files[id] ?? '', ...result };
    outcomes[id] = outcome;
    onDone(outcome, ++done);
  };
  const slot = async (): Promise<void> => {
    let w = workerOf(heapMb);
    try {
      while (next < files.length) {
        const id = next++;
        const result = await new Promise<WorkerResult>((resolve) => {
          const stop = (message: string) => {
            quiet(w);
            void w.terminate();
            w = workerOf(heapMb);
            resolve({ ok: false, refused: true, message });
          };
          const timer = setTimeout(
            () => stop(`${files[id]} took over ${Math.round(limitMs / 1000)} s to read and was stopped; it may be damaged`),
            limitMs,
          );
          w.once('message', (reply: PoolReply) => {
            clearTimeout(timer);
            quiet(w);
            resolve(reply);
          });
          w.once('error', (e: Error) => {
            clearTimeout(timer);
            stop(
              (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? `${files[id]} needs more than the ${heapMb} MB a report may take to read, and was stopped; it is no report's text`
                : `${files[id]} could not be read (${e.message})`,
            );
          });
          w.postMessage({ id, file: files[id] ?? '', overrides } satisfies PoolRequest);
        });
        settle(id, result);
      }
    } finally {
      await w.terminate();
    }
  };
  await Promise.all(Array.from({ length: size }, slot));
  return outcomes;
}
