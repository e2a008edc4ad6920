// `npm run test:durability`: the full kill test of issue 8. Children run the real FileWorkspaceStore
// and WorkspaceSession (tests/helpers/kill-child.ts) on a small (≈25 MB) and a large (≈300 MB)
// workspace, make random edits and checkpoints, and are SIGKILLed at random instants — mostly
// while editing or checkpointing, one in ten while still opening, one in ten just after a
// checkpoint starts. Each reopen is checked: every acknowledged edit present and in order, PRAGMA
// integrity_check ok, no temp files left; and the run fails if no kill landed in a checkpoint or
// in an open.
//
//   npm run test:durability -- [--small 900] [--large 100] [--lanes 2] [--keep]
//
// Lanes are independent workspaces killed in parallel (default 2: the build machines have two cores).
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addTallies, AckLedger, buildKillChild, emptyTally, runChild, type KillPlan, type KillTally } from '../helpers/kill-harness';
import { ROOT } from '../helpers/seed';
import { fillWorkspace } from './fill-workspace';

const { values: opts } = parseArgs({
  options: {
    small: { type: 'string', default: process.env.PEEL_DURABILITY_SMALL ?? '900' },
    large: { type: 'string', default: process.env.PEEL_DURABILITY_LARGE ?? '100' },
    lanes: { type: 'string', default: process.env.PEEL_DURABILITY_LANES ?? '2' },
    keep: { type: 'boolean', default: false },
  },
});

interface Size {
  label: 'small' | 'large';
  targetBytes: number;
  kills: number;
  /** Upper bound of the random delay after READY; the large workspace's checkpoints take seconds. */
  maxDelayMs: number;
  /** Upper bound of the delay after a checkpoint starts, for the kills aimed at one (about its length). */
  checkpointDelayMs: number;
}

const SIZES: Size[] = [
  { label: 'small', targetBytes: 25 * 1000 * 1000, kills: Number(opts.small), maxDelayMs: 250, checkpointDelayMs: 200 },
  { label: 'large', targetBytes: 300 * 1000 * 1000, kills: Number(opts.large), maxDelayMs: 6_000, checkpointDelayMs: 2_500 },
];
const LANES = Math.max(1, Number(opts.lanes));

function lcg(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
}

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

async function lane(size: Size, file: string, laneNo: number, kills: number, progress: (l: AckLedger) => void) {
  const random = lcg(1000 * laneNo + size.targetBytes / 1e6);
  const ledger = new AckLedger();
  let openMs = 1000;
  for (let i = 0; i < kills; i++) {
    const dice = random(10);
    const plan: KillPlan =
      dice === 0
        ? { delayMs: random(Math.ceil(openMs * 1.2)), fromSpawn: true }
        : dice === 1
          ? // One in ten aimed at a checkpoint, so every run has kills inside one whatever the odds.
            { delayMs: random(size.checkpointDelayMs), atCheckpoint: true }
          : // After a few acknowledged edits (0–3), so a loaded machine still gets edits in, then a random delay.
            { delayMs: random(size.maxDelayMs), afterAcks: random(4) };
    const run = await runChild(file, 7919 * laneNo + i, plan, CHILD);
    if (run.openMs !== null) openMs = run.openMs;
    ledger.check(run, `${size.label} lane ${laneNo} kill ${i + 1}`);
    ledger.record(run);
    ledger.tally.kills++;
    progress(ledger);
  }
  ledger.check(await runChild(file, 0, { delayMs: 0, verifyOnly: true }, CHILD), `${size.label} lane ${laneNo} final open`);
  return ledger;
}

function line(label: string, t: KillTally, ms: number): string {
  return (
    `${label.padEnd(6)} kills ${t.kills} (during checkpoint ${t.duringCheckpoint}, while opening ${t.duringOpen}) · ` +
    `acknowledged edits ${t.acknowledged} · lost edits ${t.lost} · out of order ${t.outOfOrder} · corrupt opens ${t.corruptOpens} · ` +
    `integrity failures ${t.integrityFailures} · temp files left ${t.tempFilesLeft} · seq behind ack ${t.seqRegressions} · ${secs(ms)}`
  );
}

// This run's own bundle of the store and its own copy of the migrations, both taken now: the
// sources may change under a long run (a shared working tree), and the children must keep running
// the code and schema the workspaces were made with.
const CHILD = path.join(ROOT, `node_modules/.cache/peel-tests/kill-child-durability-${process.pid}.mjs`);
await buildKillChild(CHILD);
const work = mkdtempSync(path.join(tmpdir(), 'peel-durability-'));
cpSync(path.join(ROOT, 'src-core/db/migrations'), path.join(work, 'migrations'), { recursive: true });
process.env.PEEL_MIGRATIONS_DIR = path.join(work, 'migrations');
let total = emptyTally();
const problems: string[] = [];
const summary: string[] = [];
try {
  for (const size of SIZES) {
    if (size.kills <= 0) continue;
    const t0 = Date.now();
    const base = path.join(work, `${size.label}-base.sqlite`);
    const filled = await fillWorkspace(base, size.targetBytes);
    console.log(`${size.label}: workspace of ${mb(filled.bytes)} (${filled.findings} findings) built in ${secs(Date.now() - t0)}`);
    const lanes = Math.min(LANES, size.kills);
    let done = 0;
    const started = Date.now();
    const live: AckLedger[] = [];
    const progress = (l: AckLedger) => {
      if (!live.includes(l)) live.push(l);
      done++;
      if (done % Math.max(1, Math.round(size.kills / 20)) === 0 || done === size.kills) {
        const t = live.map((x) => x.tally).reduce(addTallies, emptyTally());
        console.log(
          `${size.label}: ${done}/${size.kills} kills, ${secs(Date.now() - started)}; so far ${t.acknowledged} acknowledged, ${t.lost} lost, ${t.corruptOpens} corrupt opens, ${live.reduce((n, x) => n + x.problems.length, 0)} problems`,
        );
      }
    };
    const ledgers = await Promise.all(
      Array.from({ length: lanes }, (_, n) => {
        const dir = mkdtempSync(path.join(work, `${size.label}-${n}-`));
        const file = path.join(dir, 'ws.sqlite');
        copyFileSync(base, file);
        const share = Math.floor(size.kills / lanes) + (n < size.kills % lanes ? 1 : 0);
        return lane(size, file, n + 1, share, progress);
      }),
    );
    rmSync(base);
    const tally = ledgers.map((l) => l.tally).reduce(addTallies, emptyTally());
    for (const l of ledgers) problems.push(...l.problems);
    // The run proves nothing about a phase no kill landed in (as each child reported its phase when it died).
    if (size.kills >= 20) {
      if (tally.duringCheckpoint === 0) problems.push(`${size.label}: no kill landed during a checkpoint`);
      if (tally.duringOpen === 0) problems.push(`${size.label}: no kill landed while opening`);
    }
    summary.push(line(size.label, tally, Date.now() - started) + ` · ${mb(filled.bytes)} workspace, ${lanes} lanes`);
    console.log(`${size.label} done: ${summary[summary.length - 1]}`);
    total = addTallies(total, tally);
  }
} finally {
  rmSync(CHILD, { force: true });
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`workspaces kept in ${work}`);
}
console.log('\ndurability (SIGKILL at random instants, real file store and journal):');
for (const s of summary) console.log(`  ${s}`);
console.log(`  ${line('total', total, 0).replace(/ · 0 s$/, '')}`);
if (problems.length) {
  console.log(`\n${problems.length} problems:`);
  for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  process.exit(1);
}
console.log('every acknowledged edit present; every reopen passed PRAGMA integrity_check; no temp files left');
