// `npm run bench`: medians and p95 of the operations with speed targets, on the default and a
// large generated workspace, each with its target and whether it holds (docs/PERFORMANCE.md).
//   --json       print [{name, value, unit, target, holds, …}] instead of the table
//   --quick      a few minutes: a 50-report workspace and fewer runs
//   --reports N  size of the generated workspace (default 1000; 50 with --quick)
//   --reuse      reuse bench/out/large-N.sqlite if it exists instead of generating it again
//   --no-browser skip the headless Chromium part (item 5)
//   --port P     port for the browser part's static server (default 4182)
//   --browser-reports N  also open a generated N-report workspace in the browser (reused if present)
//   --only 1,3,5 run only these items (1 seed, 2 build, 3 queries, 4 journal, 5 browser, 6 brief, 7 memory,
//                8 the CLI: a folder of 100 report PDFs, start-up, 9 time and memory at each input limit,
//                10 Show source: the seed's lines and its PDF page on screen, 11 switching views and
//                reopening with the remembered desk)
// Progress goes to stderr; the table (or JSON) to stdout, and both to bench/out/last-run.{md,json}.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sha256Hex } from '../src-core/db/hash';
import { importReport } from '../src-core/db/import-report';
import { createWorkspace, openWorkspace } from '../src-core/db/workspace';
import { extractReport } from '../src-core/extract/extract';
import { readMigrations } from '../src-main/node/migrations-fs';
import { readPdfText } from '../src-main/node/pdf-text';
import { loadSqlEngine } from '../src-main/node/sqljs';
import { benchBrowser, buildWeb } from './browser';
import { benchSource } from './source';
import { benchUi } from './ui';
import { benchBounds } from './bounds';
import { benchBuildFolder } from './build-folder';
import { generateLarge } from './gen-large';
import { benchJournal } from './journal';
import { benchOriginals } from './originals';
import { markdown, result, round, single, table, time, type Result } from './lib';
import { one } from '../src-core/db/sql-db';
import { bytesOf } from '../src-main/node/bytes';
import { NativeDb } from './native';
import { benchBefore, benchQueries } from './queries';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/out');
const read = async (rel: string) => new Uint8Array(await readFile(path.join(ROOT, rel)));
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const execFileP = promisify(execFile);

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function extraction(runs: number): Promise<Result[]> {
  const md = await read('data/gwent-peel-effectiveness-2017.md');
  const txt = await read('tests/fixtures/gwent-2017.txt');
  const pdf = await read('tests/fixtures/gwent-2017.pdf');
  const deps = { readPdf: readPdfText };
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const coldStart = performance.now();
  await extractReport('gwent.pdf', pdf, deps);
  const cold = single('seed: extract PDF, first in a fresh process (loads pdf.js)', performance.now() - coldStart, 'ms', 2000);
  return [
    result('seed: extract Markdown', await time(runs, () => extractReport('gwent.md', md, deps)), 1000),
    result('seed: extract PDF-to-text', await time(runs, () => extractReport('gwent.txt', txt, deps)), 1000),
    cold,
    result('seed: extract PDF', await time(runs, () => extractReport('gwent.pdf', pdf, deps)), 2000),
    result(
      'seed: extract + import Markdown into a new workspace',
      await time(runs, async () => {
        const db = createWorkspace(engine, migrations);
        await importReport(db, await extractReport('gwent.md', md, deps), { name: 'gwent.md', bytes: md });
        db.export();
        db.close();
      }),
      1000,
    ),
    result(
      'seed: extract + import PDF into a new workspace',
      await time(runs, async () => {
        const db = createWorkspace(engine, migrations);
        await importReport(db, await extractReport('gwent.pdf', pdf, deps), { name: 'gwent.pdf', bytes: pdf });
        db.export();
        db.close();
      }),
      3000,
    ),
  ];
}

/** Peak RSS of opening, querying and checkpointing a workspace in a fresh Node process (bench/mem.ts). */
async function memory(file: string, label: string): Promise<Result> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const { stdout } = await execFileP(tsx, [path.join(ROOT, 'bench/mem.ts'), file], { cwd: ROOT, maxBuffer: 1 << 20 });
  const m = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { fileMb: number; baselineMb: number; peakMb: number };
  const growth = m.peakMb - m.baselineMb;
  return single(`${label}: peak RSS growth / workspace size (Node: read, open, query, checkpoint)`, growth / m.fileMb, '×', 3, {
    note: `peak RSS ${round(m.peakMb)} MB = ${round(m.baselineMb)} MB Node + sql.js baseline + ${round(growth)} MB for a ${round(m.fileMb, 1)} MB workspace`,
  });
}

async function main(): Promise<void> {
  const json = flag('json');
  const quick = flag('quick');
  const reports = Number(option('reports') ?? (quick ? 50 : 1000));
  const port = Number(option('port') ?? 4182);
  const runs = quick ? 5 : 10;
  const queryRuns = quick ? 10 : 30;
  const startedAt = new Date();
  await mkdir(OUT, { recursive: true });
  const results: Result[] = [];
  const only = option('only')?.split(',').map(Number);
  const section = async (title: string, fn: () => Promise<Result[]>) => {
    if (only && !only.includes(Number(title.split('.')[0]))) return;
    log(title);
    try {
      results.push(...(await fn()));
    } catch (e) {
      log(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      results.push(single(`${title}: FAILED (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, 0, '', null));
    }
  };

  // 1. The seed through extraction and import.
  await section('1. extract + import the seed', () => extraction(runs));
  // The originals of imported reports sit beside the workspace, never in sql.js's heap.
  await section('1. report originals beside the workspace', async () => benchOriginals(await read('tests/fixtures/gwent-2017.pdf')));

  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);

  // 2. The large workspace, and the default one brought to the latest schema (native reads it as is).
  const large = path.join(OUT, `large-${reports}.sqlite`);
  const dflt = path.join(OUT, 'default.sqlite');
  await section(`2. build the large workspace (${reports} reports)`, async () => {
    const bytes = await read('data/default-workspace.sqlite');
    const d = openWorkspace(engine, bytes, migrations, 'default workspace');
    await writeFile(dflt, d.export());
    d.close();
    if (flag('reuse') && existsSync(large)) {
      // Made by an older build: brought to the latest schema, as the app does on open, so that
      // native SQLite (which reads the file as is) sees the same schema as sql.js.
      const onDisk = new NativeDb(large);
      const version = Number(one(onDisk, 'SELECT max(version) AS v FROM schema_migrations')?.v);
      onDisk.close();
      if (version < Math.max(...migrations.map((m) => m.version))) {
        const old = openWorkspace(engine, bytesOf(await readFile(large)), migrations, 'large workspace');
        await writeFile(large, old.export());
        old.close();
      }
      return [single(`large workspace: reused ${path.basename(large)} (not rebuilt: --reuse)`, 0, 's', null)];
    }
    const t0 = performance.now();
    const { db, counts } = await generateLarge(engine, migrations, { reports, seed: 2017 });
    const built = performance.now() - t0;
    const out = db.export();
    db.close();
    await writeFile(large, out);
    const total = performance.now() - t0;
    const sha = await sha256Hex(out);
    return [
      single(
        `build the large workspace: ${counts.reports} reports, ${counts.findings} findings, ${counts.metrics} metrics, ${counts.samples} samples`,
        total / 1000,
        's',
        null,
        { note: `${round(out.length / 1048576, 1)} MB, generated in ${round(built / 1000, 1)} s, sha256 ${sha.slice(0, 16)}…` },
      ),
    ];
  });
  const workspaces = [
    { label: 'default', file: dflt },
    { label: `large (${reports} reports)`, file: large },
  ];

  // 3. The worker's queries on sql.js and on native SQLite over the same file.
  for (const w of workspaces) {
    await section(`3. queries on the ${w.label} workspace, sql.js vs better-sqlite3`, async () => {
      const bytes = new Uint8Array(await readFile(w.file));
      const t0 = performance.now();
      const db = openWorkspace(engine, bytes, migrations, w.label);
      const open = performance.now() - t0;
      const native = new NativeDb(w.file);
      try {
        const mb = (await stat(w.file)).size / 1048576;
        return [
          single(`${w.label}: open in sql.js (load ${round(mb, 1)} MB, integrity check, migrations)`, open, 'ms', null),
          ...(await benchQueries(db, native, queryRuns, w.label, { judgeRatio: w.label !== 'default' })),
          ...(w.file === large ? await benchBefore(db, quick ? 3 : 5, w.label) : []),
        ];
      } finally {
        db.close();
        native.close();
      }
    });
  }

  // 4. Journal appends, checkpoints and opening, on the real file store.
  for (const w of workspaces) {
    await section(`4. journal, checkpoint and open on the ${w.label} workspace`, () =>
      // Checkpoints of the large workspace take seconds each: three. The default's take milliseconds:
      // twenty, so that its p95 is not simply the first (which trims the 200 appends' journal).
      benchJournal(engine, migrations, w.file, w.label, {
        appends: quick ? 40 : 200,
        checkpoints: quick ? 2 : w.label === 'default' ? 20 : 3,
        replay: 100,
      }),
    );
  }

  // 7 (Node). Peak memory in a fresh process.
  for (const w of workspaces) await section(`7. peak memory, ${w.label}`, async () => [await memory(w.file, w.label)]);

  // 5 (and 7, browser). The built renderer in headless Chromium.
  if (!flag('no-browser')) {
    await section('5. the web renderer in headless Chromium', async () => {
      const built = await buildWeb();
      log(`  web build ${round(built / 1000, 1)} s`);
      const extra = option('browser-reports');
      const cases = [
        { label: 'default', file: dflt, firstRowsTarget: 1000, searchTarget: null, memoryTarget: null },
        { label: `large (${reports} reports)`, file: large, firstRowsTarget: 2000, searchTarget: 200, memoryTarget: 3 },
      ];
      if (extra) {
        // The browser host keeps a workspace as one IndexedDB value, which Chromium caps (~127 MB):
        // a mid-sized workspace shows how the UI scales where the large one cannot be stored.
        const file = path.join(OUT, `large-${extra}.sqlite`);
        if (!existsSync(file)) {
          const { db } = await generateLarge(engine, migrations, { reports: Number(extra), seed: 2017 });
          await writeFile(file, db.export());
          db.close();
        }
        cases.splice(1, 0, { label: `mid (${extra} reports)`, file, firstRowsTarget: 2000, searchTarget: 200, memoryTarget: 3 });
      }
      return benchBrowser(cases, { port, runs: quick ? 3 : 5, log });
    });
  }

  // 6. Briefing pack exports (bench/brief.ts, by the briefing work).
  await section('6. export a 200-finding pack to DOCX and PDF', async () => {
    if (!existsSync(path.join(ROOT, 'bench/brief.ts'))) {
      return [single('export a 200-finding pack: NOT MEASURED (bench/brief.ts is missing)', 0, 'ms', null)];
    }
    const mod = (await import('./brief')) as {
      benchBriefExports?: (runs?: number) => Promise<{ name: string; median: number; p95: number; unit: string; target: number }[]>;
    };
    if (!mod.benchBriefExports) return [single('export a 200-finding pack: NOT MEASURED (no benchBriefExports)', 0, 'ms', null)];
    return (await mod.benchBriefExports(quick ? 3 : 10)).map((r) => ({
      name: r.name,
      value: r.median,
      unit: r.unit,
      target: r.target,
      holds: r.p95 <= r.target,
      p95: r.p95,
      runs: quick ? 3 : 10,
    }));
  });

  // 8. The command line: a folder of 100 report PDFs, and how fast it starts.
  await section('8. peel-workbench build of a folder of 100 report PDFs; CLI start-up', () => benchBuildFolder(log, quick));

  // 9. Each importer and writer at its largest input, and one past it (src-core/limits.ts).
  await section('9. time and peak memory at each input limit', () => benchBounds());

  // 10. Show source (bench/source.ts) in the web build of item 5, built here when item 5 did not run.
  if (!flag('no-browser')) {
    await section('10. Show source: the seed as Markdown and as PDF, in headless Chromium', async () => {
      if (only && !only.includes(5)) await buildWeb();
      return benchSource({ port: port + 1, samples: quick ? 8 : 21, log });
    });
  }

  // 11. The docked UI (bench/ui.ts): view switches, the remembered desk on opening, first rows.
  if (!flag('no-browser')) {
    await section('11. switching views and reopening with the remembered desk, in headless Chromium', async () => {
      if (only && !only.includes(5) && !only.includes(10)) await buildWeb();
      // The bundled workspace as it ships when item 2 has not written its copy (the app migrates it on open).
      const seed = existsSync(dflt) ? dflt : path.join(ROOT, 'data/default-workspace.sqlite');
      const cases = [{ label: 'default', file: seed, firstRowsTarget: 1000 }];
      // The large workspace when item 2 has built it (or --reuse found it).
      if (existsSync(large)) cases.push({ label: `large (${reports} reports)`, file: large, firstRowsTarget: 2000 });
      else log(`  ${path.basename(large)} not built: the default workspace only (run item 2 too)`);
      return benchUi(cases, { port: port + 2, runs: quick ? 5 : 9, log });
    });
  }

  const header = `PEEL Workbench benchmarks${quick ? ' (--quick)' : ''}: node ${process.version}, ${startedAt.toISOString()}, ${reports}-report workspace`;
  await writeFile(path.join(OUT, 'last-run.json'), `${JSON.stringify({ header, results }, null, 2)}\n`);
  await writeFile(path.join(OUT, 'last-run.md'), `${header}\n\n${markdown(results)}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  console.log(header);
  console.log(table(results));
  const notes = results.filter((r) => r.note);
  if (notes.length) {
    console.log('\nnotes:');
    for (const r of notes) console.log(`  ${r.name}: ${r.note}`);
  }
}

await main();
