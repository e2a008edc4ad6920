// `npm run test:fuzz`: the full fuzz run of issue 8, 10,000 cases per importer by default, and of
// the workspace-file fuzzer of issue 15 (tests/fuzz/workspace-target.ts: 10,000 workspaces with a
// mutated schema or mutated pages, each opened as a file from elsewhere; `--only workspace`).
//
//   npm run test:fuzz -- [--runs 10000] [--pdf-runs 10000] [--pdf-budget-min 0] [--jobs 2] [--seed N] [--only pdf,workspace]
//
// Every importer runs in child processes (shards), each watched: a case that has not answered
// after 5 s is a hang, even in synchronous code, and the child is killed and reported. PDF cases
// cost ~0.5–1 s each (pdf.js reads 25 pages): the full 10,000 take one to two hours on two cores.
// --pdf-budget-min N stops the PDF importer after N minutes for a shorter run (0, the default, means
// no budget); the summary says how many cases ran.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../helpers/seed';
import { CASE_TIMEOUT_MS, formatStats, type FuzzStats } from './fuzz';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    'pdf-runs': { type: 'string', default: '10000' },
    'pdf-budget-min': { type: 'string', default: '0' },
    jobs: { type: 'string', default: '2' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    only: { type: 'string' },
  },
});

const TARGETS = ['report', 'pdf', 'csv', 'xlsx', 'workspace'];
const JOBS = Math.max(1, Number(opts.jobs));
const SEED = Number(opts.seed);
const WORKER = path.join(ROOT, 'tests/fuzz/worker.ts');

interface Shard {
  target: number;
  runs: number;
  seed: number;
  budgetMs: number;
}

interface ShardResult {
  stats: FuzzStats | null;
  hang: string | null;
  crash: string | null;
  done: number;
}

/** CPU milliseconds a process has used (Linux /proc; elsewhere null, and only the wall-clock limit applies). */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs one shard, killing it when a case has used more than the timeout in CPU (a synchronous
 * loop the child cannot interrupt itself), or six times it in wall-clock time (a case waiting on
 * nothing), with a second of grace for the process itself.
 */
function runShard(s: Shard): Promise<ShardResult> {
  return new Promise((resolve) => {
    // tsx as a loader of this very process (not its CLI, which would start a grandchild the watchdog could not see).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, String(s.target), String(s.runs), String(s.seed), String(s.budgetMs)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const result: ShardResult = { stats: null, hang: null, crash: null, done: 0 };
    let current: { how: string; since: number; cpu: number | null } | null = null;
    let buffer = '';
    let stderr = '';
    const watchdog = setInterval(() => {
      if (!current) return;
      const cpu = cpuMsOf(child.pid);
      const cpuUsed = cpu !== null && current.cpu !== null ? cpu - current.cpu : 0;
      const wallUsed = Date.now() - current.since;
      if (cpuUsed > CASE_TIMEOUT_MS + 1_000 || wallUsed > 6 * CASE_TIMEOUT_MS + 1_000) {
        result.hang = `no answer after ${(cpuUsed / 1000).toFixed(1)} s of CPU, ${(wallUsed / 1000).toFixed(1)} s wall: ${current.how}`;
        child.kill('SIGKILL');
      }
    }, 250);
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('START ')) current = { how: line.slice(6), since: Date.now(), cpu: cpuMsOf(child.pid) };
        else if (line.startsWith('END ')) {
          current = null;
          result.done++;
        } else if (line.startsWith('STATS ')) result.stats = JSON.parse(line.slice(6)) as FuzzStats;
      }
    });
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (!result.stats && !result.hang)
        result.crash = `the importer process died (${signal ?? code}) during: ${current?.how ?? '?'}\n${stderr}`;
      resolve(result);
    });
  });
}

function merge(a: FuzzStats | null, b: FuzzStats): FuzzStats {
  if (!a) return b;
  const outcomes = { ...a.outcomes };
  for (const [k, v] of Object.entries(b.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  return {
    ...a,
    cases: a.cases + b.cases,
    outcomes,
    slowest: b.slowest.ms > a.slowest.ms ? b.slowest : a.slowest,
    violations: [...a.violations, ...b.violations],
  };
}

async function runTarget(index: number, runs: number, budgetMs: number, jobs: number): Promise<{ stats: FuzzStats; ms: number }> {
  const t0 = Date.now();
  let stats: FuzzStats | null = null;
  const problems: string[] = [];
  // Each job works through its share; after a hang or crash it carries on with a new seed.
  await Promise.all(
    Array.from({ length: jobs }, async (_, j) => {
      let left = Math.floor(runs / jobs) + (j < runs % jobs ? 1 : 0);
      for (let attempt = 0; left > 0 && attempt < 20; attempt++) {
        const remainingBudget = budgetMs ? budgetMs - (Date.now() - t0) : 0;
        if (budgetMs && remainingBudget <= 0) break;
        const r = await runShard({ target: index, runs: left, seed: SEED + 1000 * j + attempt, budgetMs: remainingBudget });
        if (r.stats) {
          stats = merge(stats, r.stats);
          left -= r.stats.cases;
          if (r.stats.violations.length || (budgetMs && r.stats.cases < left + r.stats.cases)) break;
        } else {
          problems.push(r.hang ?? r.crash ?? 'unknown');
          left -= r.done;
        }
      }
    }),
  );
  const s: FuzzStats = stats ?? {
    target: TARGETS[index] ?? '?',
    cases: 0,
    outcomes: {},
    slowest: { ms: 0, wallMs: 0, how: '', bytes: 0 },
    violations: [],
    seed: SEED,
  };
  s.violations.push(...problems);
  return { stats: s, ms: Date.now() - t0 };
}

// PDF last: it is the one with a time budget, so the others always run in full.
const plan = TARGETS.map((name, i) => ({ name, i }))
  .filter((t) => !opts.only || opts.only.split(',').includes(t.name))
  .sort((a, b) => Number(a.name === 'pdf') - Number(b.name === 'pdf'));
console.log(
  `fuzz: seed ${SEED}, ${JOBS} jobs, ${opts.runs} cases per importer (PDF: ${opts['pdf-runs']}${Number(opts['pdf-budget-min']) > 0 ? ` within ${opts['pdf-budget-min']} min` : ''})`,
);
const lines: string[] = [];
let broken = 0;
for (const t of plan) {
  const isPdf = t.name === 'pdf';
  const { stats, ms } = await runTarget(
    t.i,
    Number(isPdf ? opts['pdf-runs'] : opts.runs),
    isPdf ? Number(opts['pdf-budget-min']) * 60_000 : 0,
    JOBS,
  );
  const line = formatStats(stats, ms);
  console.log(line);
  for (const v of stats.violations) console.log(`  BROKEN: ${v}`);
  lines.push(line);
  broken += stats.violations.length;
}
console.log(`\nfuzz summary (seed ${SEED}):`);
for (const l of lines) console.log(`  ${l}`);
if (broken) process.exit(1);
console.log('every failure a typed error with its location; no hang over 5 s; no crash; no partial write');
