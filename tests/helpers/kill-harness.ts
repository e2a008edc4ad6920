import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { OpenedState } from './kill-child';
import { ROOT } from './seed';

// Separate bundles for vitest and the full run, so rebuilding one never swaps the code under the other.
export const KILL_CHILD = path.join(ROOT, `node_modules/.cache/peel-tests/kill-child${process.env.VITEST ? '-vitest' : ''}.mjs`);

/** One bundled file starts in a fraction of the time tsx needs, so a kill costs little more than the work it interrupts. */
export async function buildKillChild(outfile = KILL_CHILD): Promise<void> {
  mkdirSync(path.dirname(outfile), { recursive: true });
  const out = await build({
    write: false,
    entryPoints: [path.join(ROOT, 'tests/helpers/kill-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['sql.js'],
    logLevel: 'error',
  });
  // Written beside and renamed over, so a run already spawning children never reads half a file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, out.outputFiles[0]?.contents ?? new Uint8Array());
  renameSync(tmp, outfile);
}

export interface ChildRun {
  /** What the child found on opening (the previous run's aftermath); null if it was killed before. */
  opened: OpenedState | null;
  /** The open itself failed: the workspace could not be opened (a corrupt open). */
  openFailure: string | null;
  acked: { seq: number; value: string }[];
  inCheckpoint: boolean;
  /** Killed before it had finished opening (orphan clean-up, trim, replay, integrity check). */
  inOpen: boolean;
  /** Milliseconds from spawn to OPENED, when it got that far. */
  openMs: number | null;
}

export interface KillPlan {
  /**
   * Milliseconds after the child says READY (or its afterAcks-th ACK, or CHECKPOINT with
   * atCheckpoint); or, with fromSpawn, after it starts.
   */
  delayMs: number;
  /** Wait for this many acknowledged edits before starting the delay, so a loaded machine still gets edits in. */
  afterAcks?: number;
  fromSpawn?: boolean;
  /**
   * Start the delay when the child says it begins a checkpoint, so that some kills land inside one
   * however the edits and checkpoints happen to fall (the child checkpoints one step in eight).
   */
  atCheckpoint?: boolean;
  /** Only open and report (the final check); never killed. */
  verifyOnly?: boolean;
}

/** Past this many acknowledged edits without a checkpoint, a kill aimed at one is made anyway (and is not counted as one). */
const CHECKPOINT_WAIT_ACKS = 300;

/**
 * Runs the real store in a child, SIGKILLs it per the plan, and returns what it said before it died.
 * Its phase when killed is the last marker it wrote (CHECKPOINT … CHECKPOINTED brackets a
 * checkpoint; OPENED ends the open): each is a blocking write made before the next step starts, and
 * the result waits for the pipe to close, so every marker written before the kill is read.
 */
export function runChild(file: string, childSeed: number, plan: KillPlan, childScript = KILL_CHILD): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const args = [childScript, file, String(childSeed), ...(plan.verifyOnly ? ['--verify'] : [])];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      // A run may pin its own copy of the migrations (see tests/durability/run.ts).
      env: { ...process.env, PEEL_MIGRATIONS_DIR: process.env.PEEL_MIGRATIONS_DIR ?? path.join(ROOT, 'src-core/db/migrations') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = Date.now();
    const run: ChildRun = { opened: null, openFailure: null, acked: [], inCheckpoint: false, inOpen: true, openMs: null };
    let buffer = '';
    let stderr = '';
    let killAt: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    const killAfterDelay = () => (killAt ??= setTimeout(kill, plan.delayMs));
    if (plan.fromSpawn && !plan.verifyOnly) setTimeout(kill, plan.delayMs);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('OPENED ')) {
          run.opened = JSON.parse(line.slice('OPENED '.length)) as OpenedState;
          run.inOpen = false;
          run.openMs = Date.now() - started;
        } else if (line.startsWith('OPENFAIL ')) run.openFailure = line.slice('OPENFAIL '.length);
        else if (line.startsWith('READY') && !plan.fromSpawn && !plan.afterAcks && !plan.atCheckpoint) killAfterDelay();
        else if (line === 'CHECKPOINT' || line === 'CHECKPOINTED') {
          run.inCheckpoint = line === 'CHECKPOINT';
          if (run.inCheckpoint && plan.atCheckpoint && run.acked.length >= (plan.afterAcks ?? 0)) killAfterDelay();
        } else {
          const m = /^ACK (\d+) (\S+)$/.exec(line);
          if (m) {
            run.acked.push({ seq: Number(m[1]), value: m[2] ?? '' });
            if (!plan.fromSpawn && !plan.atCheckpoint && plan.afterAcks === run.acked.length) killAfterDelay();
            if (plan.atCheckpoint && run.acked.length >= CHECKPOINT_WAIT_ACKS) kill();
          }
        }
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': the exit can be reported before the last lines in the pipe are read.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' || (plan.verifyOnly && code === 0) || run.openFailure !== null) resolve(run);
      else reject(new Error(`the store exited by itself (${signal ?? code}): ${stderr.slice(-2000)}`));
    });
  });
}

/** What a run of kills found; every count but the first four must be zero. */
export interface KillTally {
  kills: number;
  duringCheckpoint: number;
  duringOpen: number;
  acknowledged: number;
  lost: number;
  outOfOrder: number;
  corruptOpens: number;
  integrityFailures: number;
  tempFilesLeft: number;
  seqRegressions: number;
}

export const emptyTally = (): KillTally => ({
  kills: 0,
  duringCheckpoint: 0,
  duringOpen: 0,
  acknowledged: 0,
  lost: 0,
  outOfOrder: 0,
  corruptOpens: 0,
  integrityFailures: 0,
  tempFilesLeft: 0,
  seqRegressions: 0,
});

export function addTallies(a: KillTally, b: KillTally): KillTally {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof KillTally)[]) out[k] += b[k];
  return out;
}

/**
 * What the analyst was told was saved, across every run on one workspace, checked against what
 * each reopen finds: every acknowledged value present, in acknowledgement order, and the last
 * seq never behind the last acknowledgement.
 */
export class AckLedger {
  readonly acked: string[] = [];
  maxAck = 0;
  readonly tally = emptyTally();
  readonly problems: string[] = [];

  record(run: ChildRun): void {
    if (run.inCheckpoint) this.tally.duringCheckpoint++;
    if (run.inOpen) this.tally.duringOpen++;
    for (const a of run.acked) {
      this.acked.push(a.value);
      this.maxAck = Math.max(this.maxAck, a.seq);
    }
    this.tally.acknowledged += run.acked.length;
  }

  /** Checks one reopen against everything acknowledged before it. */
  check(run: ChildRun, label: string): void {
    if (run.openFailure !== null) {
      this.tally.corruptOpens++;
      this.problems.push(`${label}: could not open: ${run.openFailure}`);
      return;
    }
    const s = run.opened;
    if (!s) return; // killed while opening: the next open checks
    if (s.integrity !== 'ok') {
      this.tally.integrityFailures++;
      this.problems.push(`${label}: integrity_check said ${s.integrity}`);
    }
    if (s.tmp.length) {
      this.tally.tempFilesLeft += s.tmp.length;
      this.problems.push(`${label}: temp files left after open: ${s.tmp.join(', ')}`);
    }
    if (s.lastSeq < this.maxAck) {
      this.tally.seqRegressions++;
      this.problems.push(`${label}: last seq ${s.lastSeq} is behind the last acknowledged edit ${this.maxAck}`);
    }
    const present = new Set(s.values);
    const missing = this.acked.filter((v) => !present.has(v));
    this.tally.lost = Math.max(this.tally.lost, missing.length);
    if (missing.length) this.problems.push(`${label}: ${missing.length} acknowledged edits lost, e.g. ${missing.slice(0, 3).join(', ')}`);
    // Acknowledged edits must appear in the order they were acknowledged (a subsequence of the audit trail).
    let i = 0;
    for (const v of s.values) if (v === this.acked[i]) i++;
    if (!missing.length && i < this.acked.length) {
      this.tally.outOfOrder++;
      this.problems.push(`${label}: acknowledged edits out of order from #${i + 1}`);
    }
  }
}
