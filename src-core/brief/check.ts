import { checkState, type CheckCounts } from '../query/model/coverage';
import type { Correction } from '../query/model/metrics';
import { plural } from '../text/plural';
import { longDate } from './dates';
import type { ChartSpec, CheckState, PackCoverage, PackJudgment, PackMetric, PackWarning } from './model';

/**
 * What a pack says about the analyst's check of what it holds (issue 17): how many of its figures
 * and grades are verified against the report or corrected, the mark every writer prints beside an
 * item, and the sentence the Sources list gives a correction. Words, never colour alone: a pack is
 * printed in greyscale and read aloud.
 */

/** The chart's mark for a figure not yet verified; its key is printed under the legend. */
export const UNVERIFIED_MARK = '†';
export const CORRECTED_MARK = '(corrected)';

/** The key to the marks a chart carries ("Key: † not yet verified against the report; (corrected) corrected by an analyst"), or null for none. */
export function chartKey(spec: Pick<ChartSpec, 'panels'>): string | null {
  const marks = new Set(spec.panels.flatMap((p) => p.marks ?? []));
  const parts = [
    marks.has('unverified') ? `${UNVERIFIED_MARK} not yet verified against the report` : '',
    marks.has('corrected') ? `${CORRECTED_MARK} corrected by an analyst` : '',
  ].filter(Boolean);
  return parts.length ? `Key: ${parts.join('; ')}` : null;
}

/** The words of the tables' Check column. */
export const CHECK_WORDS: Record<CheckState, string> = {
  verified: 'Verified',
  unverified: `Not verified ${UNVERIFIED_MARK}`,
  corrected: 'Corrected',
};

/** A judgment's check, as MetricRow.check says a metric's. */
export function checkOf(verified: boolean, corrections: readonly Correction[]): CheckState {
  return checkState(corrections.length > 0, verified);
}

/** The Check cell: the state, then each corrected field with its extracted value, then an open warning. */
export function checkCell(item: { check: CheckState; corrections: readonly Correction[]; openWarning?: string | null }): string {
  return [
    CHECK_WORDS[item.check],
    ...item.corrections.map((c) => `${c.label} extracted as ${c.extracted}`),
    ...(item.openWarning ? ['Warning open: see Check before use'] : []),
  ].join('\n');
}

/** "Force value corrected from 1 to 12 by ann on 27 November 2026; extracted as 1 from this place in the report." */
export function correctionSentence(c: Correction): string {
  return `${c.label} corrected from ${c.extracted} to ${c.value} by ${c.author} on ${longDate(c.at)}; extracted as ${c.extracted} from this place in the report.`;
}

const tally = (items: readonly { check: CheckState }[]): CheckCounts => ({
  total: items.length,
  verified: items.filter((i) => i.check === 'verified').length,
  corrected: items.filter((i) => i.check === 'corrected').length,
});

/**
 * "Of the 15 figures and 6 grades in this pack, 9 are verified against the report, 1 corrected,
 * 11 not yet verified (marked † wherever they appear)." Null when the
 * pack holds neither figures nor grades.
 */
export function packCoverage(metrics: readonly PackMetric[], judgments: readonly PackJudgment[]): PackCoverage | null {
  const figures = tally(metrics);
  const grades = tally(judgments);
  const total = figures.total + grades.total;
  if (total === 0) return null;
  const verified = figures.verified + grades.verified;
  const corrected = figures.corrected + grades.corrected;
  const open = total - verified - corrected;
  const what = [figures.total ? plural(figures.total, 'figure') : '', grades.total ? plural(grades.total, 'grade') : '']
    .filter(Boolean)
    .join(' and ');
  const statement =
    `Of the ${what} in this pack, ${verified} ${verified === 1 ? 'is' : 'are'} verified against the report, ${corrected} corrected, ` +
    `${open} not yet verified${open ? ` (marked ${UNVERIFIED_MARK} wherever they appear)` : ''}.`;
  return { figures, grades, statement };
}

/** Every figure of the pack whose extraction warning is still open, with the warning's words. */
export function checkBeforeUse(metrics: readonly PackMetric[], forceLabel: string): PackWarning[] {
  return metrics
    .filter((m): m is PackMetric & { openWarning: string } => m.openWarning !== null)
    .map((m) => ({
      figure: `${m.label} (${m.report}): ${forceLabel} ${m.forceText || '—'}, England and Wales ${m.ewText || '—'}`,
      warning: m.openWarning,
      source: m.source,
    }));
}

export const CHECK_BEFORE_USE_TITLE = 'Check before use';
export const CHECK_BEFORE_USE_INTRO =
  'The extraction flagged these figures and no one has yet verified, corrected or dismissed the warning: check each against the report before quoting it.';
