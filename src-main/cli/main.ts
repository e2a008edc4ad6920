import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { WorkspaceError } from '../../src-core/db/errors';
import { importReport } from '../../src-core/db/import-report';
import { createWorkspace, openWorkspace } from '../../src-core/db/workspace';
import { ExtractError } from '../../src-core/extract/errors';
import { DEMO_SOURCE, generateDemoSample } from '../../src-core/samples/demo';
import { importSamples } from '../../src-core/samples/import';
import { SampleFileError } from '../../src-core/samples/table';
import { writeFileAtomic } from '../node/atomic-write';
import { extractFile } from '../node/extract-file';
import { readMigrations } from '../node/migrations-fs';
import { loadSqlEngine } from '../node/sqljs';
import { PackBuildError } from '../../src-core/brief/build';
import { BriefUsageError, registerBrief } from './brief';
import { extractionJson, extractionText } from './format';
import { registerSamples, SamplesInvalid, SamplesUsageError } from './samples';
import { bytesOf } from '../node/bytes';

/** A refusal the user caused and can fix: printed as one line, exit code 1, no stack trace. */
class UsageError extends Error {}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

async function extract(file: string, opts: { json?: boolean }): Promise<void> {
  const { extraction } = await extractFile(file);
  write(opts.json ? JSON.stringify(extractionJson(extraction), null, 2) : extractionText(extraction, file));
}

async function build(files: string[], opts: { out: string; replace?: boolean; add?: boolean; demoSamples?: boolean }): Promise<void> {
  const out = path.resolve(opts.out);
  if (existsSync(out) && !opts.replace && !opts.add) {
    throw new UsageError(`${opts.out} exists; pass --add to import into it or --replace to overwrite it`);
  }
  // Extract everything before touching the workspace: one bad file means nothing is written.
  const extracted = [];
  for (const f of files) {
    try {
      extracted.push(await extractFile(f));
    } catch (e) {
      if (e instanceof ExtractError) throw new UsageError(`${f}: ${e.message}; nothing was written`);
      throw e;
    }
  }
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const db =
    opts.add && existsSync(out)
      ? openWorkspace(engine, bytesOf(await readFile(out)), migrations, opts.out)
      : createWorkspace(engine, migrations);
  try {
    for (const { file, extraction } of extracted) {
      const result = await importReport(db, extraction, file);
      if (result.status === 'duplicate') {
        write(`skipped   ${file.name}: ${result.reason}`);
      } else {
        const c = result.counts;
        write(
          `imported  ${file.name}: ${result.title} (${c.findings} findings, ${c.metrics} metrics, ${c.judgments} judgments, ${c.footnotes} footnotes, ${c.areasForImprovement} areas for improvement, ${c.warnings} warnings)`,
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

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('peel-workbench')
    .description('Extract PEEL inspection reports and build PEEL Workbench workspaces, offline.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('extract')
    .description('extract judgments, metrics, findings, areas for improvement and footnotes from one report (.md, .txt or .pdf)')
    .argument('<file>', 'the report')
    .option('--json', 'print one JSON object instead of a summary')
    .action(extract);
  program
    .command('build')
    .description('build a workspace (a SQLite file) from one or more reports')
    .argument('<reports...>', 'report files (.md, .txt or .pdf)')
    .requiredOption('--out <workspace.sqlite>', 'the workspace file to write')
    .option('--replace', 'overwrite the workspace file if it exists')
    .option('--add', 'import into the workspace file if it exists')
    .option('--demo-samples', "add the synthetic 60-file review sample for each report's force (illustrative, labelled synthetic)")
    .action(build);
  registerSamples(program);
  registerBrief(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof SamplesInvalid) return 1;
    if (
      e instanceof UsageError ||
      e instanceof ExtractError ||
      e instanceof WorkspaceError ||
      e instanceof SampleFileError ||
      e instanceof SamplesUsageError ||
      e instanceof BriefUsageError ||
      e instanceof PackBuildError
    ) {
      process.stderr.write(`peel-workbench: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
