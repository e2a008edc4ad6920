import { useId } from 'react';
import type { SampleSummary } from '../../../src-core/samples/stats';
import { CriteriaSummaryTable } from './CriteriaSummaryTable';
import { CrimeTypeSummaryTable } from './CrimeTypeSummaryTable';
import { plural, SMALL_SAMPLE } from './review-format';
import { SyntheticLabel } from './SyntheticLabel';

/**
 * What the sample says, per criterion and per crime type: counts, proportions of the files where
 * the criterion applied, n, and 95 % Wilson intervals, with a warning wherever n is below 30.
 */
export function SummaryPanel({ summary, force }: { summary: SampleSummary; force: string | null }) {
  const headingId = useId();
  const small = summary.criteria.filter((c) => c.smallSample && c.n > 0);
  const smallTypes = summary.byCrimeType.filter((t) => t.n < SMALL_SAMPLE).length;
  const where = [
    small.length > 0 ? small.map((c) => `${c.label.toLowerCase()} (n = ${c.n})`).join(', ') : null,
    smallTypes > 0 ? (smallTypes === summary.byCrimeType.length ? 'every crime type' : plural(smallTypes, 'crime type')) : null,
  ].filter((w): w is string => w !== null);
  return (
    <section className="review-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Summary</h3>
      {summary.synthetic && <SyntheticLabel compact />}
      <p className="muted">
        {plural(summary.n, 'case file')}
        {force ? ` of ${force}` : ''}. A file scored by two reviewers counts once. Proportions are of the files where the criterion applied
        (N/A is left out), with 95 % Wilson intervals.
      </p>
      {where.length > 0 && (
        <p className="small-sample-warning" role="note">
          <strong>
            <span aria-hidden="true">⚠ </span>Small sample:
          </strong>{' '}
          fewer than {SMALL_SAMPLE} files for {where.join(' and for ')}. The intervals are wide, and a few files either way move the
          proportion a long way: quote the interval with the proportion.
        </p>
      )}
      <CriteriaSummaryTable criteria={summary.criteria} caption="By criterion" />
      {summary.byCrimeType.length > 0 && <CrimeTypeSummaryTable byCrimeType={summary.byCrimeType} />}
    </section>
  );
}
