// Item 9 of `npm run bench` (also `tsx bench/bounds.ts` alone): time and peak memory of each
// importer and writer at the largest input it accepts, and the refusal one step past it
// (src-core/limits.ts). Each case runs in a fresh process (bench/bounds-child.ts) so that its peak
// resident set size is its own. The bound (issue 15): peak memory at most 10× the input and at most
// 1 GB. A process starts at some 75 MB whatever it reads (Node, sql.js, the parsers), so the 10×
// is held against what the case added to that start; 1 GB against the whole peak.
// Inputs are generated (bench/gen-inputs.ts: deterministic, clearly synthetic) into bench/out/bounds
// and kept for the next run; --fresh makes them again.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  MAX_PACK_FINDINGS,
  MAX_PACK_FINDINGS_BY_FORMAT,
  MAX_REPORT_BYTES,
  MAX_REPORT_PARAGRAPH,
  MAX_SAMPLE_BYTES,
  MAX_SAMPLE_INFLATED_BYTES,
  MAX_SAMPLE_ROWS,
  MB,
} from '../src-core/limits';
import { packWorkspace, sampleCsv, sampleXlsx, wordsPdf, wordsReport, type ReportShape } from './gen-inputs';
import { SEED_REPORT } from './gen-large';
import { round, single, table, type Result } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, 'bench/out/bounds');
const CHILD = path.join(ROOT, 'bench/bounds-child.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const GB = 1024;
const XLSX_INFLATED = 115 * MB;
const execFileP = promisify(execFile);
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)}   ${s}\n`);

interface Case {
  name: string;
  job: 'extract' | 'sample' | 'brief';
  file: string;
  out?: string;
  /** What the 10× is of, in bytes: the file, or for an XLSX the XML it inflates to (what is parsed). */
  inputBytes?: number;
  /** Whether the case is one past a limit: it must be refused, quickly and small. */
  refused: boolean;
  make: (file: string) => Promise<void>;
}

interface ChildResult {
  ms: number;
  baselineMb: number;
  peakMb: number;
  outcome: string;
}

const inDir = (name: string) => path.join(DIR, name);
/** A report of plain words (gen-inputs.ts), as made for each shape and format. */
const report = (bytes: number, shape: ReportShape, format: 'md' | 'txt' | 'html') => async (file: string) =>
  writeFile(file, await wordsReport(bytes, shape, format));

/** The cases, each at its limit and one past it. */
function cases(): Case[] {
  const underReport = MAX_REPORT_BYTES - 1 * MB;
  const pack = (findings: number) => async (file: string) => writeFile(file, (await packWorkspace(findings)).bytes);
  const packAt = (n: number) => inDir(`pack-${n}.sqlite`);
  return [
    {
      name: `report: ${underReport / MB} MB Markdown of sentences (the most findings)`,
      job: 'extract',
      file: inDir('report-sentences.md'),
      refused: false,
      make: report(underReport, 'sentences', 'md'),
    },
    {
      name: `report: ${underReport / MB} MB text wrapped at 80 (the most lines)`,
      job: 'extract',
      file: inDir('report-wrapped.txt'),
      refused: false,
      make: report(underReport, 'wrapped', 'txt'),
    },
    {
      name: `report: ${underReport / MB} MB web page of paragraphs`,
      job: 'extract',
      file: inDir('report-sentences.html'),
      refused: false,
      make: report(underReport, 'sentences', 'html'),
    },
    {
      name: 'report: PDF of 1,000 pages of words',
      job: 'extract',
      file: inDir('report-1000.pdf'),
      refused: false,
      make: (f) => wordsPdf(f, 1000),
    },
    {
      name: `report: ${MAX_REPORT_BYTES / MB} MB + 1 byte (refused from its size)`,
      job: 'extract',
      file: inDir('report-over.md'),
      refused: true,
      make: async (f) => writeFile(f, Buffer.alloc(MAX_REPORT_BYTES + 1, 'a')),
    },
    {
      name: `report: a paragraph of ${(MAX_REPORT_PARAGRAPH + 1).toLocaleString('en-GB')} characters (refused)`,
      job: 'extract',
      file: inDir('report-long-paragraph.md'),
      refused: true,
      // The seed report, then one paragraph of words exactly one character past the limit.
      make: async (f) => writeFile(f, `${await readFile(SEED_REPORT, 'utf8')}\n\n${'word '.repeat(MAX_REPORT_PARAGRAPH / 5)}x\n`),
    },
    {
      name: `sample: CSV of ${MAX_SAMPLE_BYTES / MB - 1} MB, ${MAX_SAMPLE_ROWS.toLocaleString('en-GB')} rows`,
      job: 'sample',
      file: inDir('sample.csv'),
      refused: false,
      make: (f) => sampleCsv(f, MAX_SAMPLE_BYTES - 1 * MB, MAX_SAMPLE_ROWS),
    },
    {
      // Just under 50 MB of cell text (what is kept, as from a CSV of that size) in XML that inflates to 115 MB.
      name: `sample: XLSX of ${MAX_SAMPLE_ROWS.toLocaleString('en-GB')} rows inflating to ${XLSX_INFLATED / MB} MB`,
      job: 'sample',
      file: inDir('sample.xlsx'),
      inputBytes: XLSX_INFLATED,
      refused: false,
      make: (f) => sampleXlsx(f, XLSX_INFLATED, MAX_SAMPLE_ROWS),
    },
    {
      name: `sample: XLSX inflating past ${MAX_SAMPLE_INFLATED_BYTES / MB} MB (refused)`,
      job: 'sample',
      file: inDir('sample-over.xlsx'),
      refused: true,
      make: (f) => sampleXlsx(f, MAX_SAMPLE_INFLATED_BYTES + 10 * MB, MAX_SAMPLE_ROWS),
    },
    {
      name: `sample: CSV of ${(MAX_SAMPLE_ROWS + 1).toLocaleString('en-GB')} rows (refused)`,
      job: 'sample',
      file: inDir('sample-over.csv'),
      refused: true,
      make: (f) => sampleCsv(f, 20 * MB, MAX_SAMPLE_ROWS + 1),
    },
    ...(['md', 'html'] as const).map((ext): Case => ({
      name: `pack: ${MAX_PACK_FINDINGS.toLocaleString('en-GB')} findings as ${ext === 'md' ? 'Markdown' : 'HTML'}`,
      job: 'brief',
      file: packAt(MAX_PACK_FINDINGS),
      out: inDir(`pack.${ext}`),
      refused: false,
      make: pack(MAX_PACK_FINDINGS),
    })),
    ...(['pdf', 'docx'] as const).map((ext): Case => ({
      name: `pack: ${MAX_PACK_FINDINGS_BY_FORMAT[ext].toLocaleString('en-GB')} findings as ${ext === 'pdf' ? 'PDF' : 'Word'}`,
      job: 'brief',
      file: packAt(MAX_PACK_FINDINGS_BY_FORMAT[ext]),
      out: inDir(`pack.${ext}`),
      refused: false,
      make: pack(MAX_PACK_FINDINGS_BY_FORMAT[ext]),
    })),
    {
      name: `pack: ${(MAX_PACK_FINDINGS + 1).toLocaleString('en-GB')} findings (refused)`,
      job: 'brief',
      file: packAt(MAX_PACK_FINDINGS + 1),
      out: inDir('pack-over.md'),
      refused: true,
      make: pack(MAX_PACK_FINDINGS + 1),
    },
  ];
}

async function runChild(c: Case): Promise<ChildResult> {
  const args = [CHILD, c.job, c.file, ...(c.out ? [c.out] : [])];
  const { stdout } = await execFileP(TSX, args, { cwd: ROOT, maxBuffer: 1 << 20, timeout: 15 * 60_000 });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildResult;
}

/** Runs every case; a case's input is generated first if it is not there (or with `fresh`). */
export async function benchBounds(opts: { fresh?: boolean } = {}): Promise<Result[]> {
  await mkdir(DIR, { recursive: true });
  const results: Result[] = [];
  for (const c of cases()) {
    if (opts.fresh || !existsSync(c.file)) {
      log(`generating ${path.basename(c.file)}`);
      await c.make(c.file);
    }
    const fileBytes = (await stat(c.file)).size;
    const inputMb = (c.inputBytes ?? fileBytes) / MB;
    log(c.name);
    const r = await runChild(c);
    if (c.out) await rm(c.out, { force: true });
    const refused = r.outcome.startsWith('refused');
    const added = r.peakMb - r.baselineMb;
    const bound = Math.min(10 * inputMb, GB);
    // A case at a limit must be read and stay within the bound; one past it must be refused.
    const holds = refused === c.refused && r.peakMb <= GB && (c.refused || added <= bound);
    results.push({
      ...single(c.name, r.peakMb, 'MB', round(c.refused ? GB : bound, 0)),
      holds,
      note: `${round(r.ms / 1000, 1)} s; input ${round(fileBytes / MB, 1)} MB${c.inputBytes ? ` (${round(inputMb, 0)} MB inflated)` : ''}; ${round(added, 0)} MB over the process's start of ${round(r.baselineMb, 0)} MB; ${r.outcome}`,
    });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await benchBounds({ fresh: process.argv.includes('--fresh') });
  process.stdout.write(`${table(results)}\n\n`);
  for (const r of results) process.stdout.write(`${r.name}: ${r.note}\n`);
}
