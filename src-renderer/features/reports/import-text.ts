import type { ImportResult } from '../../../src-core/db/import-report';
import type { ImportProgress } from '../../../src-core/service/protocol';
import { plural } from '../../../src-core/text/plural';

const STAGE: Record<ImportProgress['stage'], string> = {
  reading: 'Reading',
  extracting: 'Extracting findings and figures from',
  importing: 'Adding to the workspace:',
  saving: 'Saving the workspace with',
};

export function progressText(name: string, progress: ImportProgress | null): string {
  if (!progress) return `Starting ${name}…`;
  const pages = progress.page !== undefined && progress.pages !== undefined ? ` (page ${progress.page} of ${progress.pages})` : '';
  return `${STAGE[progress.stage]} ${name}${pages}…`;
}

/** What was imported, in the words of the Reports view ("135 findings, 16 metrics, …"). */
export function countsText(result: Extract<ImportResult, { status: 'imported' }>): string {
  const c = result.counts;
  return [
    plural(c.findings, 'finding'),
    plural(c.metrics, 'metric'),
    plural(c.judgments, 'judgment'),
    plural(c.footnotes, 'footnote'),
    plural(c.areasForImprovement, 'area for improvement', 'areas for improvement'),
    plural(c.warnings, 'extraction warning'),
  ].join(', ');
}

/** What a replace carried over ("Kept 5 checks and annotations."). */
export function keptText(kept: number): string {
  return kept === 1 ? 'Kept 1 check or annotation.' : `Kept ${kept} checks and annotations.`;
}

/** The lead-in to what a replace could not carry over, which the report's history also keeps. */
export function reviewText(n: number): string {
  return `${n === 1 ? '1 item no longer matches' : `${n} items no longer match`} the new reading: review ${n === 1 ? 'it' : 'them'} (${n === 1 ? 'it is' : 'each is'} also kept in the report’s history).`;
}

/** A several-file import in one line ("3 files: 1 imported, 1 duplicate, 1 not imported"), before the per-file outcomes. */
export function batchText(outcomes: { status: 'done' | 'failed'; result?: { status: ImportResult['status'] | 'replaced' } }[]): string {
  const imported = outcomes.filter((o) => o.status === 'done' && o.result?.status === 'imported').length;
  const replaced = outcomes.filter((o) => o.status === 'done' && o.result?.status === 'replaced').length;
  const duplicates = outcomes.filter((o) => o.status === 'done' && o.result?.status === 'duplicate').length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const parts = [
    `${imported} imported`,
    replaced > 0 && `${replaced} replaced`,
    duplicates > 0 && plural(duplicates, 'duplicate'),
    failed > 0 && `${failed} not imported`,
  ];
  return `${outcomes.length} files: ${parts.filter(Boolean).join(', ')}.`;
}
