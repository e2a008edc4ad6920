import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { WorkspaceError } from '../../src-core/db/errors';
import { importReport } from '../../src-core/db/import-report';
import { replaceReport, ReplaceError } from '../../src-core/db/reimport';
import { createWorkspace, openWorkspace } from '../../src-core/db/workspace';
import { ExtractError } from '../../src-core/extract/errors';
import { isReportFileName, REPORT_FORMATS_IN_WORDS } from '../../src-core/extract/formats';
import { PROGRAMMES, type MetaOverrides } from '../../src-core/extract/report-meta';
import { extractAll, type Outcome } from './extract-pool';
import { DEMO_SOURCE, generateDemoSample } from '../../src-core/samples/demo';
import { importSamples } from '../../src-core/samples/import';
import { SampleFileError } from '../../src-core/samples/table';
import { writeFileAtomic } from '../node/atomic-write';
import { readMigrations } from '../node/migrations-fs';
import { loadSqlEngine } from '../node/sqljs';
import { PackBuildError } from '../../src-core/brief/build';
import { BriefRefused, BriefUsageError, registerBrief } from './brief';
import { extractionJson, extractionText, jsonText, printed } from './format';
import { registerSamples, SamplesInvalid, SamplesUsageError } from './samples';
import { registerVerify } from './verify';
import { bytesOf } from '../node/bytes';
import { keepOriginal, readCandidate } from '../node/workspace/originals';

/** A refusal the user caused and can fix: printed as one line, exit code 1, no stack trace. */
class UsageError extends Error {}

function write(s: string): void {
  process.stdout.write(printed(s));
}

interface ReportOptions {
  force?: string;
  programme?: string;
  year?: string;
}

/** What the user states that a text cannot: --force, --programme and --year. */
function overridesOf(opts: ReportOptions): MetaOverrides {
  const out: MetaOverrides = {};
  if (opts.force) out.force = opts.force;
  if (opts.programme) {
    if (!(PROGRAMMES as readonly string[]).includes(opts.programme)) {
      throw new UsageError(`--programme must be one of: ${PROGRAMMES.map((p) => `"${p}"`).join(', ')}`);
    }
    out.programme = opts.programme;
  }
  if (opts.year !== undefined) {
    if (!/^(?:19|20)\d\d$/.test(opts.year)) throw new UsageError(`--year must be a year such as 2017, not "${opts.year}"`);
    out.year = Number(opts.year);
  }
  return out;
}

/** A report `extract` could not read: one line, exit code 1. */
class ExtractRefused extends Error {}

async function extract(file: string, opts: { json?: boolean } & ReportOptions): Promise<void> {
  // On an extraction thread, as `build` reads each file: its heap is capped (src-core/limits.ts).
  const [outcome] = await extractAll([file], overridesOf(opts), () => undefined);
  if (!outcome?.ok) throw new ExtractRefused(outcome?.message ?? `${file} could not be read`);
  write(opts.json ? jsonText(extractionJson(outcome.extraction)) : extractionText(outcome.extraction, file));
}

/** The report files named, with a folder standing for the reports in it. */
async function reportFiles(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const s = await stat(a).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(a)).filter(isReportFileName).sort();
      if (names.length === 0) throw new UsageError(`${a} holds no report files (${REPORT_FORMATS_IN_WORDS})`);
      out.push(...names.map((n) => path.join(a, n)));
    } else out.push(a);
  }
  return out;
}

interface BuildOptions extends ReportOptions {
  out: string;
  replace?: boolean;
  add?: boolean;
  replaceReports?: boolean;
  demoSamples?: boolean;
  skipRefused?: boolean;
}

async function build(args: string[], opts: BuildOptions): Promise<void> {
  const out = path.resolve(opts.out);
  if (existsSync(out) && !opts.replace && !opts.add) {
    throw new UsageError(`${opts.out} exists; pass --add to import into it or --replace to overwrite it`);
  }
  const overrides = overridesOf(opts);
  const files = await reportFiles(args);
  // Extract everything before touching the workspace, on every core: a line per file as it is read.
  const width = String(files.length).length;
  const outcomes = await extractAll(files, overrides, (o, done) => {
    const n = `[${String(done).padStart(width)}/${files.length}]`;
    process.stderr.write(
      printed(o.ok ? `${n} read     ${o.file} (${o.extraction.warnings.length} warnings)` : `${n} refused  ${o.file}: ${o.message}`),
    );
  });
  const refused = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
  for (const o of refused) write(`refused   ${o.file}: ${o.message}`);
  if (refused.length > 0 && !opts.skipRefused) {
    throw new UsageError(
      `${refused.length} of ${files.length} file${files.length === 1 ? '' : 's'} refused (listed above); nothing was written (pass --skip-refused to build from the others)`,
    );
  }
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const db =
    opts.add && existsSync(out)
      ? openWorkspace(engine, bytesOf(await readFile(out)), migrations, opts.out)
      : createWorkspace(engine, migrations);
  try {
    for (const o of outcomes) {
      if (!o.ok) continue;
      const { extraction } = o;
      const result = await importReport(db, extraction, { name: o.name, size: o.size, sha256: o.sha256 });
      if (result.status === 'duplicate' && opts.replaceReports) {
        // A new reading of a report already there: replaced, keeping the analyst's checks (src-core/db/reimport.ts).
        const source = { name: o.name, size: o.size, sha256: o.sha256 };
        const replaced = await replaceReport(db, extraction, source, { author: cliUser(), at: new Date().toISOString() });
        await keepOriginalOf(o, out);
        write(
          `replaced  ${o.name}: ${replaced.title} (kept ${replaced.kept} checks and annotations, ${replaced.toReview.length} to review)`,
        );
        for (const r of replaced.toReview) write(`  review  ${r.what} “${r.label}”: ${r.detail}`);
      } else if (result.status === 'duplicate') {
        write(`skipped   ${o.name}: ${result.reason}`);
      } else {
        await keepOriginalOf(o, out);
        const c = result.counts;
        write(
          `imported  ${o.name}: ${result.title} (${c.findings} findings, ${c.metrics} metrics, ${c.judgments} judgments, ${c.footnotes} footnotes, ${c.areasForImprovement} areas for improvement, ${c.warnings} warnings)`,
        );
        if (opts.demoSamples) {
          const demo = importSamples(db, generateDemoSample(extraction.report.force), {
            sourceName: DEMO_SOURCE,
            synthetic: true,
            reportId: result.reportId,
          });
          if (demo.ok)
            write(
              `added     ${demo.imported} scorings of a SYNTHETIC review sample for ${extraction.report.force} (illustrative, not HMICFRS data)`,
            );
        }
      }
    }
    await writeFileAtomic(out, db.export());
    write(`wrote     ${opts.out}`);
  } finally {
    db.close();
  }
}

/**
 * Keeps a report's original beside the workspace being built (`<out>.originals/<sha256>`), as the app
 * does on import. The extraction thread hashed the bytes it read; they are read again here, bounded,
 * and kept only if they still hash the same: a file changed in between is refused, nothing written.
 */
async function keepOriginalOf(o: Extract<Outcome, { ok: true }>, out: string): Promise<void> {
  const read = await readCandidate(o.file, o.sha256, o.name);
  if (!read.ok) throw new UsageError(`${o.file} changed or went while it was being imported; nothing was written (${read.error.message})`);
  try {
    await keepOriginal(out, o.sha256, read.value);
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)} Nothing was written.`);
  }
}

/** Who replaced a report, for its history: the OS user, as the app stamps edits. */
function cliUser(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return process.env.USER || process.env.USERNAME || 'analyst';
  }
}

/** The files a command works on, for the supervisor's message if a statement of it is stopped (main.ts). */
export interface CommandFiles {
  /** The workspace read, or built (and written only at the end). */
  workspace?: string;
  /** A file written only at the end (a briefing pack). */
  out?: string;
}

/**
 * Runs one command line and answers its exit code: on the CLI's command thread (command-thread.ts),
 * watched by main.ts, or, for the commands that open no workspace, on the main thread itself.
 * onFiles hears which files the command works on before it starts.
 */
export async function runCommand(argv: string[], onFiles: (files: CommandFiles) => void = () => undefined): Promise<number> {
  const program = new Command()
    .name('peel-workbench')
    .description('Extract PEEL inspection reports and build PEEL Workbench workspaces, offline.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(printed(s)) });
  program
    .command('extract')
    .description('extract judgments, metrics, findings, areas for improvement and footnotes from one report (.md, .txt, .html or .pdf)')
    .argument('<file>', 'the report')
    .option('--json', 'print one JSON object instead of a summary')
    .option('--force <name>', 'the force, where the text does not name it')
    .option('--programme <name>', 'the PEEL programme, where the text does not name it')
    .option('--year <year>', 'the inspection year, where the text does not give it')
    .action(extract);
  program
    .command('build')
    .description('build a workspace (a SQLite file) from one or more reports, or folders of them')
    .argument('<reports...>', 'report files (.md, .txt, .html or .pdf) or folders holding them')
    .requiredOption('--out <workspace.sqlite>', 'the workspace file to write')
    .option('--replace', 'overwrite the workspace file if it exists')
    .option('--add', 'import into the workspace file if it exists')
    .option(
      '--replace-reports',
      "with --add, replace a report already in the workspace by the new reading of it, keeping the analyst's corrections, verifications and annotations where they still match",
    )
    .option('--demo-samples', "add the synthetic 60-file review sample for each report's force (illustrative, labelled synthetic)")
    .option('--skip-refused', 'build from the files that can be read when others are refused (by default nothing is written)')
    .option('--force <name>', 'the force of every report, where the texts do not name it')
    .option('--programme <name>', 'the PEEL programme of every report, where the texts do not name it')
    .option('--year <year>', 'the inspection year of every report, where the texts do not give it')
    .action(build);
  registerSamples(program);
  registerBrief(program);
  registerVerify(program);
  program.hook('preAction', (_program, action) => {
    const opts = action.opts<{ out?: string }>();
    if (action.name() === 'build') onFiles({ workspace: opts.out });
    if (action.name() === 'brief') onFiles({ workspace: action.args[0], out: opts.out });
    if (action.name() === 'verify') onFiles({ workspace: action.args[0] });
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof SamplesInvalid) return 1;
    if (
      e instanceof UsageError ||
      e instanceof ExtractError ||
      e instanceof ExtractRefused ||
      e instanceof ReplaceError ||
      e instanceof WorkspaceError ||
      e instanceof SampleFileError ||
      e instanceof SamplesUsageError ||
      e instanceof BriefUsageError ||
      e instanceof BriefRefused ||
      e instanceof PackBuildError
    ) {
      process.stderr.write(printed(`peel-workbench: ${e.message}`));
      return 1;
    }
    throw e;
  }
}
