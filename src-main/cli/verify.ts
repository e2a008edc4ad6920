import type { Command } from 'commander';
import { coverageText, type CoverageWarning, type ReportCoverage } from '../../src-core/query/model/coverage';
import { LocalClient, writesNothing } from '../../src-core/service/local-client';
import { nodeServiceDeps } from '../node/service-deps';
import { appVersion, openReadOnly, valueOf } from './brief';
import { jsonText, printed } from './format';

/**
 * `verify`: how far the analyst's check of each report in a workspace has gone, as the Reports view
 * says it ("Gwent Police 2017: 37 of 52 figures and grades verified · 2 corrected · 1 warning open"),
 * with every warning still open and where in the report it points. The workspace is opened as
 * `brief` opens it (snapshot plus journal, replayed in memory, nothing written) and the count is the
 * service's own 'coverage' answer, so the CLI and the app cannot disagree.
 */

function write(s: string): void {
  process.stdout.write(printed(s));
}

/** "page 3, line 12", "line 151", or "" for a warning about the report as a whole. */
function whereOf(w: CoverageWarning): string {
  return [w.page !== null ? `page ${w.page}` : '', w.line !== null ? `line ${w.line}` : ''].filter(Boolean).join(', ');
}

/** The text a person reads: one line per report, then its open warnings indented under it. */
export function coverageLines(reports: readonly ReportCoverage[], file: string): string[] {
  if (reports.length === 0) return [`${file} holds no report: nothing to verify.`];
  return reports.flatMap((r) => [
    `${r.report}: ${coverageText(r)}`,
    ...r.openWarnings.map((w) => {
      const where = whereOf(w);
      return `  open warning${where ? ` (${where})` : ''}: ${w.message}`;
    }),
  ]);
}

async function verify(workspace: string, opts: { json?: boolean }): Promise<void> {
  const client = new LocalClient(nodeServiceDeps(await appVersion()), { storage: writesNothing });
  await openReadOnly(client, workspace, 'the count');
  try {
    const reports = valueOf(await client.request({ type: 'coverage' }));
    if (opts.json) {
      const out = reports.map(({ reportId, report, figures, grades, openWarnings }) => ({
        reportId,
        report,
        figures,
        grades,
        openWarnings,
      }));
      write(jsonText({ reports: out }));
    } else {
      for (const line of coverageLines(reports, workspace)) write(line);
    }
  } finally {
    await client.close();
  }
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('print how many figures and grades of each report are verified or corrected, and the extraction warnings still open')
    .argument('<workspace>', 'the workspace file (.sqlite); read only, never changed')
    .option('--json', 'print one JSON object: {reports: [{reportId, report, figures, grades, openWarnings}]}')
    .action(verify);
}
