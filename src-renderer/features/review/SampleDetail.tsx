import { CRITERIA } from '../../../src-core/samples/fields';
import { sampleSourceText, type SampleListRow } from '../../../src-core/samples/queries';
import { History } from '../../shared/history/History';
import { historyText } from '../../shared/history/history-format';
import type { HistoryLoad } from '../../shared/history/use-history';
import { capitalised, dateText, scoreText } from '../../../src-core/text/display';
import { SYNTHETIC_TEXT } from './review-format';
import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { DbClient } from '../../db/db-client';
import { AnnotationEditor } from '../../shared/annotations/AnnotationEditor';

interface Props {
  row: SampleListRow | null;
  history: HistoryLoad;
  client: DbClient;
  onAnnotate: (row: SampleListRow, change: AnnotationChange<'review_sample'>) => Promise<boolean>;
}

/** One case file in full: how it was scored, the analyst's annotations, and their history. */
export function SampleDetail({ row, history, client, onAnnotate }: Props) {
  if (!row) {
    return (
      <section className="sample-detail sample-detail--empty" aria-label="Case file detail">
        <p>Choose a case file in the table to read how it was scored and to annotate it. Arrow keys move between rows.</p>
      </section>
    );
  }
  return (
    <section className="sample-detail" aria-label="Case file detail">
      {/* The annotation first: it is what the analyst works in, in view as soon as a row is chosen. */}
      <header>
        <h3>
          Case {row.caseRef}, scored by {row.reviewer}
        </h3>
        <p className="muted">
          {row.force} · {capitalised(row.crimeType)} · recorded {dateText(row.dateRecorded)}
        </p>
      </header>
      <AnnotationEditor
        key={row.id}
        target="review_sample"
        annotation={{ ...row, note: row.annotationNote }}
        client={client}
        onSave={(c) => onAnnotate(row, c)}
      />
      {row.synthetic && (
        <p className="synthetic-tag">
          <strong>Synthetic</strong> {SYNTHETIC_TEXT}
        </p>
      )}
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
        <div>
          <dt>Source</dt>
          <dd>{sampleSourceText(row) || '—'}</dd>
        </div>
      </dl>
      {row.note && (
        <p className="sample-file-note">
          <span className="muted">Reviewer’s note: </span>
          {row.note}
        </p>
      )}
      <History
        history={history}
        line={historyText}
        empty="No changes yet. Annotating this case file is recorded here, with who did it and when."
      />
    </section>
  );
}
