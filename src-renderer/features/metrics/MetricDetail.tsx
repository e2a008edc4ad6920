import type { MetricRow } from '../../../src-core/query/model/metrics';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { whoWhen } from '../../ui/who-when';
import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { DbClient } from '../../db/db-client';
import { AnnotationEditor } from '../../shared/annotations/AnnotationEditor';
import { differenceText, measureText, ratioText } from '../../../src-core/text/display';
import { positionText, SOURCE_LABEL } from './metric-format';
import { History } from '../../shared/history/History';
import { historyText } from '../../shared/history/history-format';
import type { HistoryLoad } from '../../shared/history/use-history';

interface Props {
  row: MetricRow | null;
  history: HistoryLoad;
  client: DbClient;
  onVerify: (row: MetricRow, value: boolean) => Promise<boolean>;
  onAnnotate: (row: MetricRow, change: AnnotationChange<'metric'>) => Promise<boolean>;
}

/** One metric in full: the sentence it was read from and where, the check, the annotations, the history. */
export function MetricDetail({ row, history, client, onVerify, onAnnotate }: Props) {
  // The panel stays as the selection moves: a tick on its way is for its own metric only.
  const verified = usePendingEdit(row?.verified ?? false, row?.id);
  if (!row) {
    return (
      <section className="metric-detail metric-detail--empty" aria-label="Metric detail">
        <p>Choose a metric in the table to read the sentence it was taken from, check it, and annotate it. Arrow keys move between rows.</p>
      </section>
    );
  }
  return (
    <section className="metric-detail" aria-label="Metric detail">
      <header>
        <p className="metric-detail-context">
          {row.report}
          {row.category && ` · ${row.category}`}
        </p>
        <h2>{measureText(row.label)}</h2>
        <p className="muted">{row.period ?? 'Period not stated'}</p>
      </header>
      <dl className="metric-values">
        <div>
          <dt>Force</dt>
          <dd>{row.forceText || '—'}</dd>
        </div>
        <div>
          <dt>England and Wales</dt>
          <dd>{row.ewText || '—'}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd>{differenceText(row)}</dd>
        </div>
        <div>
          <dt>Ratio</dt>
          <dd>{ratioText(row.ratio)}</dd>
        </div>
      </dl>
      <p className="metric-unit muted">Unit: {row.unit}</p>
      {row.warning && (
        <p className="metric-warning">
          <strong>Extraction warning.</strong> {row.warning}
        </p>
      )}
      <figure className="metric-quote">
        <blockquote>{row.quote}</blockquote>
        <figcaption>
          {SOURCE_LABEL[row.source]}, {positionText(row.page, row.line)}
        </figcaption>
      </figure>
      <div className="metric-verify">
        <label className="metric-check">
          <input
            type="checkbox"
            checked={verified.shown}
            aria-busy={verified.pending || undefined}
            onChange={(e) => void verified.run(e.target.checked, (v) => onVerify(row, v))}
          />
          Verified against the source
        </label>
        <p className="muted">
          {row.verified
            ? `Verified by ${whoWhen(row.verifiedBy, row.verifiedAt)}`
            : 'Not yet verified: compare the figures with the quote above.'}
        </p>
      </div>
      <AnnotationEditor key={row.id} target="metric" annotation={row} client={client} onSave={(c) => onAnnotate(row, c)} />
      <History
        history={history}
        line={historyText}
        empty="No changes yet. Verifying or annotating this metric is recorded here, with who did it and when."
      />
    </section>
  );
}
