// Bench item 8: `peel-workbench build` of a folder of 100 report PDFs, as a user runs it (the CLI
// built at install, a fresh process), timed wall-clock with the process's peak RSS (worker threads
// included: they share the process). Also the CLI's start-up: --help and extract of the seed.
//
// The 100 PDFs are the seed report rendered in headless Chromium under 100 force-and-year names
// (synthetic copies, made once into bench/out/pdfs-100/ and reused): distinct files and distinct
// reports, so every one is extracted and imported, none skipped as a duplicate.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { FORCES } from '../src-core/extract/forces';
import { round, single, type Result } from './lib';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
// Synthetic copies keep clear of the forces whose real reports are kept aside to test the extractor.
const ASIDE = /Avon|Greater Manchester|Lancashire|Lincolnshire|Thames Valley/;

async function makePdfs(dir: string, count: number, log: (s: string) => void): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).filter((f) => f.endsWith('.pdf')).length === count) return;
  await mkdir(dir, { recursive: true });
  const seed = await readFile(path.join(ROOT, 'data/gwent-peel-effectiveness-2017.md'), 'utf8');
  const forces = FORCES.filter((f) => !ASIDE.test(f.name)).slice(0, 43);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await (await browser.newContext({ offline: true })).newPage();
    await page.route('**/*', (route) => route.abort());
    for (let i = 0; i < count; i++) {
      const force = forces[i % forces.length];
      if (!force) break;
      const year = 2017 - Math.floor(i / forces.length);
      const md = seed
        .replaceAll('Gwent Police', force.name)
        .replace(/PEEL: Police effectiveness 2017/g, `PEEL: Police effectiveness ${year}`);
      await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${new Marked().parse(md)}</body></html>`);
      await page.pdf({
        path: path.join(dir, `${String(i + 1).padStart(3, '0')}-${force.place.toLowerCase().replace(/\W+/g, '-')}-${year}.pdf`),
        format: 'A4',
      });
      if ((i + 1) % 20 === 0) log(`  rendered ${i + 1}/${count} PDFs`);
    }
  } finally {
    await browser.close();
  }
}

/** Runs the built CLI in a fresh Node process and reports its wall time and peak RSS. */
async function timed(args: string[]): Promise<{ ms: number; rssMb: number; stdout: string }> {
  const main = path.join(ROOT, 'out/cli/main.mjs');
  if (!existsSync(main)) throw new Error('out/cli/main.mjs is missing: run `node scripts/build-cli.mjs` (npm ci does)');
  // A wrapper that runs the CLI as bin/peel-workbench.mjs does and reports the process's peak RSS.
  const wrapper = path.join(tmpdir(), `peel-bench-cli-${process.pid}.mjs`);
  await writeFile(
    wrapper,
    `const { main } = await import(${JSON.stringify(pathToFileURL(main).href)});
process.exitCode = await main(${JSON.stringify(args)});
process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n');\n`,
  );
  // Without the bench's own tsx loader: the CLI runs as a user runs it.
  const env = { ...process.env, NODE_OPTIONS: '' };
  const t0 = performance.now();
  const { stdout, stderr } = await run(process.execPath, [wrapper], { cwd: ROOT, env, maxBuffer: 64 << 20 }).finally(() =>
    rm(wrapper, { force: true }),
  );
  const ms = performance.now() - t0;
  const kb = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, rssMb: kb / 1024, stdout };
}

export async function benchBuildFolder(log: (s: string) => void, quick: boolean): Promise<Result[]> {
  const count = 100;
  const dir = path.join(ROOT, 'bench/out/pdfs-100');
  await makePdfs(dir, count, log);
  const out = path.join(tmpdir(), `peel-bench-build-${process.pid}.sqlite`);
  const results: Result[] = [];
  try {
    const b = await timed(['build', dir, '--out', out, '--replace']);
    const imported = b.stdout.split('\n').filter((l) => l.startsWith('imported')).length;
    results.push(
      single(`build a folder of ${count} report PDFs (CLI, fresh process, all cores)`, b.ms / 1000, 's', 60, {
        note: `${imported} imported; peak RSS ${round(b.rssMb)} MB`,
      }),
      single(`build a folder of ${count} report PDFs: peak RSS`, b.rssMb, 'MB', 500),
    );
  } finally {
    await rm(out, { force: true });
  }
  const runs = quick ? 3 : 7;
  const help: number[] = [];
  const extract: number[] = [];
  for (let i = 0; i < runs; i++) {
    help.push((await timed(['--help'])).ms);
    extract.push((await timed(['extract', 'data/gwent-peel-effectiveness-2017.md'])).ms);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  results.push(
    single(`CLI: peel-workbench --help, process start included (median of ${runs})`, median(help), 'ms', 300),
    single(`CLI: extract the seed (Markdown), process start included (median of ${runs})`, median(extract), 'ms', 1000),
  );
  await writeFile(path.join(ROOT, 'bench/out/build-folder.txt'), `${results.map((r) => `${r.name}: ${r.value} ${r.unit}`).join('\n')}\n`);
  return results;
}
