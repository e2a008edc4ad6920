import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Marked } from 'marked';
import { importReport } from '../../src-core/db/import-report';
import { WorkspaceError } from '../../src-core/db/errors';
import { sha256Hex } from '../../src-core/db/hash';
import type { SqlDatabase, SqlEngine } from '../../src-core/db/sql-db';
import { createWorkspace } from '../../src-core/db/workspace';
import { ExtractError } from '../../src-core/extract/errors';
import { extractReport } from '../../src-core/extract/extract';
import { importSamples } from '../../src-core/samples/import';
import { SampleFileError } from '../../src-core/samples/table';
import { validateSamples } from '../../src-core/samples/validate';
import { readPdfText } from '../../src-main/node/pdf-text';
import { readSampleBytes } from '../../src-main/node/sample-file';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { loadSqlEngine } from '../../src-main/node/sqljs';
import { ROOT } from '../helpers/seed';

/**
 * The importers under fuzz (issue 8), each with how its inputs are made and the invariants every
 * case must keep: the importer either succeeds or refuses with a typed error (with a line/column
 * or row/column where the input has one), never throws anything else, and a refused import leaves
 * the workspace byte for byte as it was. Slowness is measured per case by the runner.
 */
export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<FuzzInput>;
  /** Runs one case; returns the outcome's type ("imported", "ExtractError:binary", …) or throws an InvariantError. */
  run(input: FuzzInput): Promise<string>;
  /** Loads what the first case would otherwise pay for (pdf.js, exceljs, sql.js). */
  warmUp?(): Promise<unknown>;
}

export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
  /** How it was made, for the report of the slowest case and for counterexamples. */
  how: string;
}

/** A broken promise: what fuzzing exists to find. Anything else thrown is one too. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

const fixture = (rel: string) => new Uint8Array(readFileSync(path.join(ROOT, rel)));
const utf8 = (s: string) => new TextEncoder().encode(s);

// ---- byte mutations shared by every target -------------------------------------------------

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'flip'; at: number; xor: number }
  | { op: 'duplicate'; at: number; len: number; to: number }
  | { op: 'overwrite'; at: number; bytes: Uint8Array };

const nastyStrings = fc.constantFrom(
  '\u0000',
  '\uFEFF',
  '\r',
  '\r\n',
  '\f',
  '\t',
  '"',
  '""',
  ',',
  '|',
  '# ',
  '## ',
  '<sup>1</sup>',
  '<sup>99999999999999999999</sup>',
  '| --- | --- |',
  '=cmd|" /C calc"!A0',
  '+44 20 7946 0000',
  '@SUM(1+1)',
  '\uFF1D1+1',
  '1e308',
  '-0',
  'NaN',
  '100%',
  '٣٤',
  '\u202E',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '__proto__',
  'constructor',
  'a'.repeat(10_000),
);

const insertion = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map(utf8),
  nastyStrings.map(utf8),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: insertion }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 2048 }), to: fc.nat() }),
  fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), bytes: insertion }),
);

function applyMutations(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = seed;
  for (const m of mutations) {
    const n = Math.max(b.length, 1);
    const at = m.at % n;
    switch (m.op) {
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(at + m.len));
        break;
      case 'insert':
        b = concat(b.subarray(0, at), m.bytes, b.subarray(at));
        break;
      case 'flip':
        b = new Uint8Array(b);
        if (b.length) b[at] = (b[at] as number) ^ m.xor;
        break;
      case 'duplicate': {
        const piece = b.slice(at, at + m.len);
        const to = m.to % n;
        b = concat(b.subarray(0, to), piece, b.subarray(to));
        break;
      }
      case 'overwrite':
        b = new Uint8Array(b);
        b.set(m.bytes.subarray(0, Math.max(0, b.length - at)), at);
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const describeMutations = (ms: Mutation[]) =>
  ms.map((m) => ('bytes' in m ? `${m.op}@${m.at}(${m.bytes.length}B)` : `${m.op}@${m.at}${'len' in m ? `+${m.len}` : ''}`)).join(' ');

/** Mutated copies of a seed file: a few mutations each, sometimes many. */
function mutatedFrom(label: string, name: string, seed: Uint8Array, max = 8): fc.Arbitrary<FuzzInput> {
  return fc
    .array(mutation, { minLength: 1, maxLength: max })
    .map((ms) => ({ name, bytes: applyMutations(seed, ms), how: `${label}: ${describeMutations(ms)}` }));
}

// ---- workspaces --------------------------------------------------------------------------

let base: { engine: SqlEngine; bytes: Uint8Array } | null = null;

/** A fresh, empty workspace per case: sql.js opens the same exported bytes each time. */
async function freshDb(): Promise<SqlDatabase> {
  if (!base) {
    const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
    const db = createWorkspace(engine, migrations, new Date('2026-11-27T00:00:00Z'));
    base = { engine, bytes: db.export() };
    db.close();
  }
  const db = new base.engine.Database(base.bytes);
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

const contentHash = (db: SqlDatabase) => sha256Hex(db.export());

function count(db: SqlDatabase, table: string): number {
  return Number(db.exec(`SELECT count(*) FROM ${table}`)[0]?.values[0]?.[0] ?? 0);
}

// ---- invariants --------------------------------------------------------------------------

const TYPED = [ExtractError, SampleFileError, WorkspaceError] as const;

/** The outcome's name if the error is one of ours and carries its location; an InvariantError otherwise. */
function typedOutcome(e: unknown, input: FuzzInput): string {
  if (!TYPED.some((T) => e instanceof T)) {
    const err = e as Error;
    throw new InvariantError(`untyped ${err?.name ?? typeof e}: ${err?.message ?? String(e)} (${input.how})`);
  }
  const err = e as ExtractError | SampleFileError | WorkspaceError;
  if (!err.message || err.message.length > 2_000) throw new InvariantError(`${err.name} without a readable message (${input.how})`);
  // Errors about a place in a text file must say where: line and column, in the message and as data.
  if (err instanceof ExtractError && (err.code === 'binary' || err.code === 'bad-encoding')) {
    const where = err.where as { line?: number; column?: number } | null;
    if (!where?.line || !where.column || !err.message.includes(`line ${where.line}, column ${where.column}`))
      throw new InvariantError(`${err.code} without a line and column: ${err.message}`);
  }
  if (err instanceof SampleFileError && err.code === 'bad-encoding' && !/UTF-16/.test(err.message)) {
    if (!err.where?.row || !err.where.column || !err.message.includes(`row ${err.where.row}, column ${err.where.column}`))
      throw new InvariantError(`bad-encoding without a row and column: ${err.message}`);
  }
  return `${err.name}:${err.code}`;
}

/** Imports an extraction into a fresh workspace; a refusal must leave it byte for byte unchanged. */
async function importExtraction(input: FuzzInput, extraction: Awaited<ReturnType<typeof extractReport>>): Promise<string> {
  const db = await freshDb();
  try {
    const before = await contentHash(db);
    try {
      const r = await importReport(db, extraction, { name: input.name, bytes: input.bytes });
      if (r.status !== 'imported') throw new InvariantError(`a fresh workspace reported a duplicate (${input.how})`);
      const findings = count(db, 'findings');
      if (findings !== r.counts.findings) throw new InvariantError(`imported ${r.counts.findings} findings but ${findings} are stored`);
      return 'imported';
    } catch (e) {
      if (e instanceof InvariantError) throw e;
      const outcome = typedOutcome(e, input);
      if ((await contentHash(db)) !== before) throw new InvariantError(`a refused import changed the workspace (${input.how})`);
      return outcome;
    }
  } finally {
    db.close();
  }
}

async function reportCase(input: FuzzInput): Promise<string> {
  let extraction;
  try {
    extraction = await extractReport(input.name, input.bytes, { readPdf: readPdfText });
  } catch (e) {
    return typedOutcome(e, input);
  }
  return importExtraction(input, extraction);
}

// ---- report importer: Markdown, PDF-to-text and random text --------------------------------

const SEED_MD = fixture('data/gwent-peel-effectiveness-2017.md');
const SEED_TXT = fixture('tests/fixtures/gwent-2017.txt');
// The seed as a web page (parsed by parse5), and a real HMICFRS page saved as text (the corpus).
const SEED_HTML = utf8(
  `<!DOCTYPE html><html><head><script>alert(1)</script></head><body><nav>Skip to content</nav>${new Marked().parse(new TextDecoder().decode(SEED_MD)) as string}</body></html>`,
);
const WEB_TXT = fixture('tests/fixtures/reports/dyfed-powys-effectiveness-2017-web.txt');

/** Lines of the seed in a random selection and order: reaches the parser's deeper states. */
const shuffledLines = (seed: Uint8Array, name: string) => {
  const lines = new TextDecoder().decode(seed).split('\n');
  return fc
    .array(fc.nat(lines.length - 1), { minLength: 1, maxLength: 400 })
    .map((ix) => ({ name, bytes: utf8(ix.map((i) => lines[i]).join('\n')), how: `${name}: ${ix.length} seed lines shuffled` }));
};

const randomText: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.uint8Array({ maxLength: 8192 }).map((b) => ({ name: 'random.txt', bytes: b, how: `random bytes (${b.length})` })),
  fc.string({ unit: 'grapheme', maxLength: 4000 }).map((s) => ({ name: 'random.md', bytes: utf8(s), how: `random text (${s.length})` })),
  fc
    .array(fc.oneof(nastyStrings, fc.string({ maxLength: 80 })), { maxLength: 200 })
    .map((parts) => ({ name: 'random.md', bytes: utf8(parts.join('\n')), how: `random lines (${parts.length})` })),
);

export const reportTarget: FuzzTarget = {
  name: 'report (Markdown/text/HTML)',
  arbitrary: fc.oneof(
    { weight: 4, arbitrary: mutatedFrom('seed.md', 'report.md', SEED_MD) },
    { weight: 3, arbitrary: mutatedFrom('seed.txt', 'report.txt', SEED_TXT) },
    { weight: 1, arbitrary: shuffledLines(SEED_MD, 'shuffled.md') },
    { weight: 1, arbitrary: shuffledLines(SEED_TXT, 'shuffled.txt') },
    { weight: 2, arbitrary: mutatedFrom('seed.html', 'report.html', SEED_HTML) },
    { weight: 1, arbitrary: mutatedFrom('web page', 'page.txt', WEB_TXT) },
    { weight: 2, arbitrary: randomText },
  ),
  run: reportCase,
  warmUp: () => reportCase({ name: 'seed.md', bytes: SEED_MD, how: 'warm-up' }),
};

// ---- PDF importer ----------------------------------------------------------------------

const SEED_PDF = fixture('tests/fixtures/gwent-2017.pdf');

export const pdfTarget: FuzzTarget = {
  name: 'report (PDF)',
  arbitrary: fc.oneof(
    fc.nat(SEED_PDF.length).map((n) => ({ name: 'report.pdf', bytes: SEED_PDF.subarray(0, n), how: `truncated to ${n} bytes` })),
    fc.array(fc.tuple(fc.nat(SEED_PDF.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 64 }).map((flips) => {
      const b = new Uint8Array(SEED_PDF);
      for (const [at, x] of flips) b[at] = (b[at] as number) ^ x;
      return { name: 'report.pdf', bytes: b, how: `${flips.length} bytes flipped` };
    }),
    mutatedFrom('seed.pdf', 'report.pdf', SEED_PDF, 4),
  ),
  run: reportCase,
  warmUp: () => reportCase({ name: 'seed.pdf', bytes: SEED_PDF, how: 'warm-up' }),
};

// ---- sample importer: CSV and XLSX -----------------------------------------------------

const GOOD_CSV = new TextDecoder().decode(fixture('tests/fixtures/samples/good.csv'));
const CSV_LINES = GOOD_CSV.trimEnd().split('\n');
const HEADER = (CSV_LINES[0] ?? '').split(',');

function encode(text: string, encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1'): Uint8Array {
  if (encoding === 'utf8') return utf8(text);
  if (encoding === 'utf8-bom') return utf8(`\uFEFF${text}`);
  if (encoding === 'latin1') return Uint8Array.from(Buffer.from(text, 'latin1'));
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  return new Uint8Array(le);
}

/** Cells a hostile or careless spreadsheet holds: formulas, special keys, long and odd values. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: nastyStrings },
  { weight: 1, arbitrary: fc.constantFrom('Y', 'N', 'N/A', 'Yes', 'No', 'Rape', 'Stalking', '03/02/2017', '31/02/2017', 'AB') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const csvText: fc.Arbitrary<{ text: string; how: string }> = fc.oneof(
  // The good file with some of its cells replaced.
  fc.array(fc.tuple(fc.nat(CSV_LINES.length - 1), fc.nat(HEADER.length - 1), cell), { minLength: 1, maxLength: 12 }).map((edits) => {
    const rows = CSV_LINES.map((l) => l.split(','));
    for (const [r, c, v] of edits) (rows[r] as string[])[c] = csvQuote(v);
    return { text: rows.map((r) => r.join(',')).join('\r\n'), how: `good.csv with ${edits.length} cells replaced` };
  }),
  // Special header keys beside the real ones.
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '').map((key) => ({
    text: [[...HEADER, key, key].join(','), ...CSV_LINES.slice(1).map((l) => `${l},x,y`)].join('\n'),
    how: `header key ${JSON.stringify(key)} (twice)`,
  })),
  // A huge row: many cells, or one very long.
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
    text: `${CSV_LINES.slice(0, 3).join('\n')}\n${Array.from({ length: n }, (_, i) => i).join(',')}\n`,
    how: `a row of ${n} cells`,
  })),
  // Random tables.
  fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 30 }).map((rows) => ({
    text: rows.map((r) => r.map(csvQuote).join(',')).join('\n'),
    how: `random table of ${rows.length} rows`,
  })),
);

const csvInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        csvText,
        fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be', 'latin1') as fc.Arbitrary<Parameters<typeof encode>[1]>,
      )
      .map(([t, enc]) => ({ name: 'sample.csv', bytes: encode(t.text, enc), how: `${t.how}, ${enc}` })),
  },
  { weight: 2, arbitrary: mutatedFrom('good.csv', 'sample.csv', fixture('tests/fixtures/samples/good.csv')) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 4096 }).map((b) => ({ name: 'sample.csv', bytes: b, how: `random bytes (${b.length})` })),
  },
);

/** Workbooks exceljs writes once per process: formulas, special header keys, a wide row. */
let workbooks: { name: string; bytes: Uint8Array }[] | null = null;

async function buildWorkbooks(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const make = async (name: string, fill: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Sample'));
    return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
  };
  const rows = CSV_LINES.map((l) => l.split(','));
  return [
    { name: 'good.xlsx', bytes: fixture('tests/fixtures/samples/good.xlsx') },
    { name: 'bomb.xlsx', bytes: fixture('tests/fixtures/samples/bomb.xlsx') },
    await make('formulas.xlsx', (ws) => {
      rows.forEach((r) => ws.addRow(r));
      ws.getCell('N2').value = { formula: 'HYPERLINK("http://example.invalid","x")', result: 'x' };
      ws.getCell('N3').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('A4').value = { formula: 'CONCAT("GW","17")', result: 'GW17' };
    }),
    await make('proto.xlsx', (ws) => {
      ws.addRow([...(rows[0] ?? []), '__proto__', 'constructor', 'toString']);
      rows.slice(1).forEach((r) => ws.addRow([...r, 'a', 'b', 'c']));
    }),
    await make('wide.xlsx', (ws) => {
      rows.slice(0, 3).forEach((r) => ws.addRow(r));
      ws.addRow(Array.from({ length: 5_000 }, (_, i) => i));
    }),
  ];
}

async function sampleCase(input: FuzzInput): Promise<string> {
  let table;
  try {
    table = await readSampleBytes(input.name, input.bytes);
  } catch (e) {
    return typedOutcome(e, input);
  }
  const result = validateSamples(table, { force: 'Gwent Police' });
  if (!result.ok) {
    // Every refusal names its row (the header is row 1) and what was expected.
    for (const err of result.errors) {
      if (!Number.isInteger(err.row) || err.row < 1 || typeof err.column !== 'string' || !err.message)
        throw new InvariantError(`a sample error without its row/column: ${JSON.stringify(err)} (${input.how})`);
    }
    return 'SampleError:invalid';
  }
  const db = await freshDb();
  try {
    const before = count(db, 'review_samples');
    const imported = importSamples(db, result.rows, { sourceName: input.name, synthetic: false });
    const after = count(db, 'review_samples');
    if (!imported.ok) {
      if (after !== before) throw new InvariantError(`a refused sample import wrote ${after - before} rows (${input.how})`);
      return 'SampleError:clash';
    }
    if (after - before !== result.rows.length) throw new InvariantError(`imported ${result.rows.length} rows but stored ${after - before}`);
    // Text is kept as typed: a formula or "+44…" in a note is stored as that text, never evaluated.
    const notes = (db.exec('SELECT note FROM review_samples ORDER BY id')[0]?.values ?? []).map((v) => (v[0] === null ? '' : String(v[0])));
    const typed = result.rows.map((r) => r.note);
    if (JSON.stringify(notes) !== JSON.stringify(typed)) throw new InvariantError(`stored notes differ from the cells (${input.how})`);
    return 'imported';
  } catch (e) {
    if (e instanceof InvariantError) throw e;
    return typedOutcome(e, input);
  } finally {
    db.close();
  }
}

const GOOD_XLSX = fixture('tests/fixtures/samples/good.xlsx');

export const csvTarget: FuzzTarget = {
  name: 'sample (CSV)',
  arbitrary: csvInput,
  run: sampleCase,
  warmUp: () => sampleCase({ name: 'good.csv', bytes: utf8(GOOD_CSV), how: 'warm-up' }),
};

export async function xlsxTarget(): Promise<FuzzTarget> {
  workbooks ??= await buildWorkbooks();
  const books = workbooks;
  return {
    name: 'sample (XLSX)',
    arbitrary: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...books).map((b) => ({ ...b, how: `${b.name} as made` })) },
      { weight: 6, arbitrary: fc.constantFrom(...books).chain((b) => mutatedFrom(b.name, 'sample.xlsx', b.bytes, 4)) },
      {
        weight: 1,
        arbitrary: fc
          .uint8Array({ maxLength: 4096 })
          .map((b) => ({ name: 'sample.xlsx', bytes: concat(utf8('PK\u0003\u0004'), b), how: `zip magic + ${b.length} random bytes` })),
      },
    ),
    run: sampleCase,
    warmUp: () => sampleCase({ name: 'good.xlsx', bytes: GOOD_XLSX, how: 'warm-up' }),
  };
}

/**
 * Every target, in run.ts's order, each made only when asked for (a shard runs one): the importers,
 * then the workspace-file fuzzer of issue 15 (imported lazily: it imports this module).
 */
export const TARGETS: (() => Promise<FuzzTarget>)[] = [
  async () => reportTarget,
  async () => pdfTarget,
  async () => csvTarget,
  xlsxTarget,
  async () => (await import('./workspace-target')).workspaceTarget(),
];
