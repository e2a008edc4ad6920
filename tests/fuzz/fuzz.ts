import os from 'node:os';
import fc from 'fast-check';
import type { FuzzInput, FuzzTarget } from './targets';

/**
 * No importer may take longer than this on one input (issue 8), counted in CPU time: the build
 * machines are shared, and wall time on a box with a load of 14 says more about the neighbours than
 * about the importer. A case waiting on nothing (no CPU at all) is caught by the wall-clock limit,
 * which is the same 5 s stretched by how oversubscribed the machine is (at most 6×).
 */
export const CASE_TIMEOUT_MS = 5_000;

export function wallLimitMs(): number {
  const contention = (os.loadavg()[0] ?? 0) / Math.max(1, os.availableParallelism());
  return CASE_TIMEOUT_MS * Math.min(6, Math.max(1, contention));
}

export interface FuzzStats {
  target: string;
  cases: number;
  /** Outcome type → count: "imported", "ExtractError:binary", "SampleError:invalid", … */
  outcomes: Record<string, number>;
  /** The slowest case by CPU time (and its wall time). */
  slowest: { ms: number; wallMs: number; how: string; bytes: number };
  /** Broken invariants (with fast-check's shrunk counterexample); empty when the target passed. */
  violations: string[];
  seed: number;
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Stop generating new cases after this long (the PDF importer is slow); the stats say how many ran. */
  budgetMs?: number;
  /** Called as each case starts and ends, for a watchdog in another process. */
  onCase?: (event: 'start' | 'end', input: FuzzInput, ms?: number) => void;
}

/**
 * Runs one importer over `runs` generated inputs. Each case gets CASE_TIMEOUT_MS: an async hang
 * fails here; a synchronous one (a regex that backtracks for ever) cannot be interrupted from the
 * same thread, so the full run (tests/fuzz/run.ts) runs targets in child processes with a watchdog.
 */
export async function fuzzTarget(target: FuzzTarget, opts: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = {
    target: target.name,
    cases: 0,
    outcomes: {},
    slowest: { ms: 0, wallMs: 0, how: '', bytes: 0 },
    violations: [],
    seed: opts.seed,
  };
  let shrinking = false;
  // Loading pdf.js, exceljs and sql.js for the first time is not the importer's cost on an input.
  await target.warmUp?.();
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    opts.onCase?.('start', input);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let timer: NodeJS.Timeout | undefined;
    const wall = wallLimitMs();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang: no answer after ${(wall / 1000).toFixed(0)} s (${input.how})`)), wall);
    });
    try {
      const outcome = await Promise.race([target.run(input), timeout]);
      const wallMs = performance.now() - t0;
      const used = process.cpuUsage(cpu0);
      const ms = (used.user + used.system) / 1000;
      if (ms > CASE_TIMEOUT_MS) throw new Error(`too slow: ${ms.toFixed(0)} ms of CPU (${input.how})`);
      if (!shrinking) {
        stats.cases++;
        stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
        if (ms > stats.slowest.ms) stats.slowest = { ms, wallMs, how: input.how, bytes: input.bytes.length };
      }
      opts.onCase?.('end', input, ms);
    } catch (e) {
      shrinking = true;
      throw e;
    } finally {
      clearTimeout(timer);
    }
  });
  const result = await fc.check(property, {
    numRuns: opts.runs,
    seed: opts.seed,
    interruptAfterTimeLimit: opts.budgetMs,
    markInterruptAsFailure: false,
    // Shrinking a slow PDF case could take longer than the run; a few hundred steps is plenty.
    endOnFailure: false,
    maxSkipsPerRun: 0,
  });
  if (result.failed) {
    const ce = result.counterexample?.[0] as FuzzInput | undefined;
    const err = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    stats.violations.push(
      `${err}\n    counterexample: ${ce ? `${ce.name}, ${ce.bytes.length} bytes, ${ce.how}` : 'none'} (seed ${result.seed}, path "${result.counterexamplePath}")`,
    );
  }
  return stats;
}

export function formatStats(s: FuzzStats, ms: number): string {
  const outcomes = Object.entries(s.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `${s.target}: ${s.cases} cases in ${(ms / 1000).toFixed(0)} s, ${s.violations.length} broken invariants; ` +
    `outcomes: ${outcomes}; slowest ${s.slowest.ms.toFixed(0)} ms CPU, ${s.slowest.wallMs.toFixed(0)} ms wall (${s.slowest.bytes} bytes, ${s.slowest.how.slice(0, 120)})`
  );
}
