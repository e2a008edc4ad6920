import type { Command } from 'commander';
import { FIELD_LABELS, FIELDS, type SampleField, type SampleRow } from '../../src-core/samples/fields';
import { SMALL_SAMPLE, summariseCriteria, type CriterionSummary } from '../../src-core/samples/stats';
import type { RawTable } from '../../src-core/samples/table';
import { suggestMapping, validateSamples, type SampleError } from '../../src-core/samples/validate';
import { jsonText, printed } from './format';

/** A mistake in the command line (not in the file): one line on stderr, exit code 1. */
export class SamplesUsageError extends Error {}

/** The file was read but failed validation: the report is already printed, so only the exit code is left. */
export class SamplesInvalid extends Error {
  constructor() {
    super('the sample file has errors');
  }
}

interface SampleOptions {
  force?: string;
  map: string[];
  json?: boolean;
}

function write(s: string): void {
  process.stdout.write(printed(s));
}

const collect = (value: string, previous: string[]) => [...previous, value];

const fieldByName = new Map<string, SampleField>(
  FIELDS.flatMap((f) => [[f, f] as const, [FIELD_LABELS[f].toLowerCase(), f] as const, [f.replace(/_/g, '-'), f] as const]),
);

/**
 * The header mapping: what the core guesses from the column names, overridden by each
 * `--map "Header=field"` (field by key or label; an empty field ignores the column). A field
 * mapped by hand is taken from whichever column it was guessed for, so the two don't clash.
 */
export function headerMapping(headers: string[], maps: string[]): Record<string, SampleField | null> {
  const mapping = suggestMapping(headers);
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq < 0) throw new SamplesUsageError(`--map "${m}" should be "Column name=field", e.g. --map "Crime=crime_type"`);
    const wanted = m.slice(0, eq).trim();
    const header = headers.find((h) => h === wanted) ?? headers.find((h) => h.toLowerCase() === wanted.toLowerCase());
    if (header === undefined) {
      throw new SamplesUsageError(
        `--map "${m}": the file has no column "${wanted}"; its columns are ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    const fieldName = m.slice(eq + 1).trim();
    const field = fieldName === '' ? null : fieldByName.get(fieldName.toLowerCase());
    if (field === undefined)
      throw new SamplesUsageError(`--map "${m}": "${fieldName}" is not a field; the fields are ${FIELDS.join(', ')}`);
    for (const h of headers) if (field && mapping[h] === field) mapping[h] = null;
    mapping[header] = field;
  }
  return mapping;
}

type Checked =
  | { table: RawTable; ok: true; rows: SampleRow[] }
  | { table: RawTable; ok: false; errors: SampleError[]; validRows: number; unmapped: string[] };

async function checkFile(file: string, opts: SampleOptions): Promise<Checked> {
  // The sample readers (papaparse, the streaming XLSX reader) load only when a sample is read: the CLI starts fast.
  const table = await (await import('../node/sample-file')).readSampleFile(file);
  const mapping = headerMapping(table.headers, opts.map);
  const result = validateSamples(table, { force: opts.force ?? '(force not given)', mapping });
  if (result.ok) return { table, ...result };
  // Header errors (row 1) mean no row was checked; otherwise a row is valid when no error names it.
  const errorRows = new Set(result.errors.map((e) => e.row));
  const validRows = errorRows.has(1) ? 0 : table.rowNumbers.filter((r) => !errorRows.has(r)).length;
  const unmapped = table.headers.filter((h) => h !== '' && !mapping[h]);
  return { table, ok: false, errors: result.errors, validRows, unmapped };
}

function errorLines(c: Checked & { ok: false }): string {
  const lines = [
    `${c.table.name}: ${c.errors.length} ${c.errors.length === 1 ? 'error' : 'errors'}; nothing can be imported until they are fixed`,
  ];
  for (const e of c.errors) {
    const where = e.column ? `${e.column} "${e.value}"` : 'header';
    lines.push(`  row ${e.row}, ${where}: ${e.message}`);
  }
  if (c.errors.some((e) => e.row === 1) && c.unmapped.length) {
    lines.push(`Columns not mapped to a field: ${c.unmapped.map((h) => `"${h}"`).join(', ')}; map one with --map "Column=field"`);
  }
  return lines.join('\n');
}

/** `{ok, rows, errors}`: rows is the number of rows that passed (none is imported unless all do). */
function checkJson(c: Checked): { ok: boolean; rows: number; errors: SampleError[] } {
  return c.ok ? { ok: true, rows: c.rows.length, errors: [] } : { ok: false, rows: c.validRows, errors: c.errors };
}

async function check(file: string, opts: SampleOptions): Promise<void> {
  const c = await checkFile(file, opts);
  if (opts.json) write(jsonText(checkJson(c)));
  else if (c.ok) {
    const files = new Set(c.rows.map((r) => `${r.force}\u0000${r.caseRef.toLowerCase()}`)).size;
    write(`${c.table.name}: ${c.rows.length} rows are valid (${files} case files); ready to import`);
  } else write(errorLines(c));
  if (!c.ok) throw new SamplesInvalid();
}

/** Each case file counted once, with its first scoring, as the File review view counts it (core readScoredFiles). */
function firstScorings(rows: SampleRow[]): SampleRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.force}\u0000${r.caseRef.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

function criteriaTable(criteria: CriterionSummary[], indent: string): string[] {
  const width = Math.max(...criteria.map((c) => c.label.length));
  const head = `${indent}${'Criterion'.padEnd(width)}   Yes    No   N/A     n   Yes %   95% interval`;
  return [
    head,
    ...criteria.map(
      (c) =>
        `${indent}${c.label.padEnd(width)} ${[c.yes, c.no, c.na, c.n].map((v) => String(v).padStart(5)).join(' ')} ${pct(c.p).padStart(7)}   ` +
        (c.p === null ? 'n/a (no file it applies to)' : `${pct(c.low)} – ${pct(c.high)}`) +
        (c.smallSample ? '  (n < 30)' : ''),
    ),
  ];
}

async function summary(file: string, opts: SampleOptions): Promise<void> {
  const c = await checkFile(file, opts);
  if (!c.ok) {
    write(opts.json ? jsonText(checkJson(c)) : errorLines(c));
    throw new SamplesInvalid();
  }
  const files = firstScorings(c.rows);
  const types = [...new Set(files.map((f) => f.crimeType))].sort();
  const out = {
    ok: true,
    file: c.table.name,
    scorings: c.rows.length,
    n: files.length,
    smallSampleBelow: SMALL_SAMPLE,
    criteria: summariseCriteria(files),
    byCrimeType: types.map((t) => {
      const of = files.filter((f) => f.crimeType === t);
      return { crimeType: t, n: of.length, criteria: summariseCriteria(of) };
    }),
  };
  if (opts.json) return write(jsonText(out));
  const lines = [
    `${out.file}: ${out.n} case files (${out.scorings} scorings; a file scored twice counts once, with its first scoring)`,
    `Proportions are of the files a criterion applied to (n = yes + no), with 95% Wilson score intervals.`,
    ...(out.criteria.some((k) => k.smallSample)
      ? [`(n < ${SMALL_SAMPLE}) marks a small sample: treat the proportion as indicative only.`]
      : []),
    '',
    ...criteriaTable(out.criteria, ''),
  ];
  for (const t of out.byCrimeType)
    lines.push('', `${t.crimeType} (${t.n} ${t.n === 1 ? 'file' : 'files'})`, ...criteriaTable(t.criteria, '  '));
  write(lines.join('\n'));
}

const fileOptions = (cmd: Command) =>
  cmd
    .argument('<file>', 'the sample (.csv or .xlsx; the first worksheet of a workbook)')
    .option('--force <name>', 'the force the sample belongs to, when the file has no Force column')
    .option('--map <column=field>', `map a column to a field (repeatable); fields: ${FIELDS.join(', ')}`, collect, [])
    .option('--json', 'print one JSON object');

/** `samples check` and `samples summary`. */
export function registerSamples(program: Command): void {
  const samples = program.command('samples').description('check and summarise case-file review samples (.csv or .xlsx)');
  fileOptions(samples.command('check'))
    .description(
      'validate a sample file; with --json prints {ok, rows, errors:[{row, column, value, message}]}; exit code 1 when it has errors',
    )
    .action(check);
  fileOptions(samples.command('summary'))
    .description('per-criterion counts and proportions with 95% Wilson intervals, overall and per crime type; flags n < 30')
    .action(summary);
}
