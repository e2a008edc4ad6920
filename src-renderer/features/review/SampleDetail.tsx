import { CRITERIA } from '../../../src-core/samples/fields';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { capitalised } from '../metrics/metric-format';
import type { HistoryLoad } from '../metrics/use-metric-history';
import { dateText, scoreText, SYNTHETIC_TEXT } from './review-format';
import type { AnnotationChange } from './sample-edits';
import { AnnotationFields } from '../metrics/AnnotationFields';
import { SampleHistory } from './SampleHistory';

interface Props {
  row: SampleListRow | null;
  history: HistoryLoad;
  onAnnotate: (row: SampleListRow, change: AnnotationChange) => Promise<boolean>;
}

/** One case file in full: how it was scored, the analyst's annotations, and their history. */
export function SampleDetail({ row, history, onAnnotate }: Props) {
  if (!row) {
    return (
      <section className="sample-detail sample-detail--empty" aria-label="Case file detail">
        <p>Choose a case file in the table to read how it was scored and to annotate it. Arrow keys move between rows.</p>
      </section>
    );
  }
  return (
    <section className="sample-detail" aria-label="Case file detail">
      <header>
        <p className="muted">
          {row.force} · {capitalised(row.crimeType)} · recorded {dateText(row.dateRecorded)}
        </p>
        <h3>
          Case {row.caseRef}, scored by {row.reviewer}
        </h3>
        {row.synthetic && (
          <p className="synthetic-tag">
            <strong>Synthetic</strong> {SYNTHETIC_TEXT}
          </p>
        )}
      </header>
      <dl className="sample-scores">
        {CRITERIA.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd>{scoreText(row.scores[c.key])}</dd>
          </div>
        ))}
        <div>
          <dt>Outcome</dt>
          <dd>{row.outcome || '—'}</dd>
        </div>
      </dl>
      {row.note && (
        <p className="sample-file-note">
          <span className="muted">Reviewer’s note: </span>
          {row.note}
        </p>
      )}
      <AnnotationFields key={row.id} row={{ ...row, note: row.annotationNote }} prefix="sample" onChange={(c) => onAnnotate(row, c)} />
      <SampleHistory history={history} />
    </section>
  );
}
