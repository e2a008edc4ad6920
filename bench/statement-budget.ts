// The statement budget's figures (issue 15, docs/SECURITY.md), printed, never asserted:
//  1. what announcing each call into sql.js costs (src-core/db/statement-watch.ts), per call, with
//     the CLI's shared-slot counter and with the DB worker's beat;
//  2. what the CLI's command thread adds to a command's start (an empty worker thread, started and ended);
//  3. the longest legitimate statement, the full integrity check, on a generated workspace of N
//     reports (the budget must be far above it at the largest workspace planned: 1,000 reports).
//
//   npx tsx bench/statement-budget.ts [--reports 100] [--workspace file.sqlite]
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import type { SqlEngine } from '../src-core/db/sql-db';
import { watchedEngine, type StatementWatch } from '../src-core/db/statement-watch';
import { SlotWatch, statementSlot } from '../src-main/cli/statement-slot';
import { readMigrations } from '../src-main/node/migrations-fs';
import { StatementBeat } from '../src-renderer/db/statement-beat';
import { generateLarge } from './gen-large';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** ns per step of a one-row SELECT, best of five rounds of 200,000 steps. */
function perStep(engine: SqlEngine): number {
  const db = new engine.Database();
  db.exec('CREATE TABLE t (x INTEGER)');
  db.run('INSERT INTO t VALUES (1)');
  const stmt = db.prepare('SELECT x FROM t');
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 200_000; i++) {
      stmt.step();
      stmt.reset();
    }
    rounds.push(((performance.now() - t0) * 1e6) / 400_000); // step and reset: two calls each
  }
  stmt.free();
  db.close();
  return Math.min(...rounds);
}

// sql.js as it comes, not through loadSqlEngine (which wraps it): the baseline.
const wasm = await readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
const raw = (await initSqlJs({
  wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
})) as unknown as SqlEngine;
const none: StatementWatch = { enter: () => undefined, leave: () => undefined };
let posts = 0;
const engines: [string, SqlEngine][] = [
  ['sql.js as it comes', raw],
  ['wrapped, empty watch', watchedEngine(raw, none)],
  ['wrapped, the CLI slot counter', watchedEngine(raw, new SlotWatch(statementSlot()))],
  ['wrapped, the worker beat', watchedEngine(raw, new StatementBeat(() => posts++))],
];
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('1. per call into sql.js (a step or reset of a one-row SELECT), best of 3 runs of 5 × 400,000 calls, interleaved:');
const best = new Map<string, number>();
for (let round = 0; round < 3; round++) {
  for (const [name, engine] of engines) best.set(name, Math.min(best.get(name) ?? Infinity, perStep(engine)));
}
for (const [name, ns] of best) console.log(`   ${name}: ${ns.toFixed(0)} ns`);
console.log(`   (the beat posted ${posts} messages in all)`);

const starts: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  const w = new Worker('', { eval: true });
  await new Promise((resolve) => w.once('exit', resolve));
  starts.push(performance.now() - t0);
}
console.log(`2. an empty worker thread, started and ended: median ${median(starts).toFixed(1)} ms of 10`);

const given = arg('workspace');
const migrations = await readMigrations();
let bytes: Uint8Array;
let label: string;
if (given) {
  bytes = new Uint8Array(await readFile(given));
  label = given;
} else {
  const reports = Number(arg('reports') ?? 100);
  const t0 = performance.now();
  const { db, counts } = await generateLarge(raw, migrations, { reports, seed: 2017 });
  bytes = db.export();
  db.close();
  label = `${counts.reports} generated reports, ${counts.findings} findings (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
}
const checks: number[] = [];
for (let i = 0; i < 3; i++) {
  const db = new raw.Database(bytes);
  const t0 = performance.now();
  const verdict = db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0];
  checks.push(performance.now() - t0);
  db.close();
  if (verdict !== 'ok') throw new Error(`integrity_check said ${String(verdict)}`);
}
const mb = bytes.length / 1048576;
const ms = median(checks);
console.log(
  `3. PRAGMA integrity_check of ${label}: ${mb.toFixed(1)} MB in ${ms.toFixed(0)} ms (median of 3; ${(ms / mb).toFixed(1)} ms/MB)`,
);
console.log(
  `   at that rate the 357 MB workspace of 1,000 reports: ${((357 * ms) / mb / 1000).toFixed(1)} s; a 2 GB file (the largest a host accepts): ${((2048 * ms) / mb / 1000).toFixed(1)} s`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
