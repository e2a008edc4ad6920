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
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';
import type { SourceTarget } from '../../shared/source/source-target';
import '../../shared/corrections/corrections.css';
import { MetricWarning } from './MetricWarning';
import { DetailSection } from './DetailSection';

/** "corrected" beside a value the analyst changed, with the extracted value for a screen reader and a tooltip. */
function CorrectedMark({ row, field }: { row: MetricRow; field: string }) {
  const c = row.corrections.find((x) => x.field === field);
  if (!c) return null;
  return (
    <span className="corrected-mark" title={`Extracted as ${c.extracted}`}>
      corrected<span className="visually-hidden">, extracted as {c.extracted}</span>
    </span>
  );
}

interface Props {
  row: MetricRow | null;
  history: HistoryLoad;
  client: DbClient;
  onVerify: (row: MetricRow, value: boolean) => Promise<boolean>;
  onAnnotate: (row: MetricRow, change: AnnotationChange<'metric'>) => Promise<boolean>;
  /** Opens Correct… for this figure. */
  onCorrect: (row: MetricRow) => void;
  /** Marks this figure verified (unless it is corrected) and moves to the next unverified one of its report. */
  onVerifyAndNext: (row: MetricRow) => void;
  /** Dismisses the figure's warning with the analyst's reason; resolves false when it was not saved. */
  onDismissWarning: (row: MetricRow, reason: string) => Promise<boolean>;
  /** Removes a figure the analyst added. */
  onRemove: (row: MetricRow) => void;
}

/** Where a figure was read, for its Show source button. */
export function metricSource(row: MetricRow): SourceTarget {
  return { reportId: row.reportId, page: row.page, line: row.line, quote: row.quote || null, label: 'Figure' };
}

/** One metric in full: the sentence it was read from and where, the check, the annotations, the history. */
export function MetricDetail({
  row,
  history,
  client,
  onVerify,
  onAnnotate,
  onCorrect,
  onVerifyAndNext,
  onDismissWarning,
  onRemove,
}: Props) {
  // The panel stays as the selection moves: a tick on its way is for its own metric only.
  const verified = usePendingEdit(row?.verified ?? false, row?.id);
  if (!row) {
    return (
      <section className="metric-detail metric-detail--empty" aria-label="Metric detail">
        <p>Choose a metric in the table to read the sentence it was taken from, check it, and annotate it. Arrow keys move between rows.</p>
      </section>
    );
  }
  // The check and the annotation first, visible without scrolling; the evidence and the record below.
  return (
    <section className="metric-detail" aria-label="Metric detail">
      <header>
        <h2>
          {measureText(row.label)}
          <CorrectedMark row={row} field="label" />
        </h2>
        <p className="muted">
          {row.report}
          {row.category && ` · ${row.category}`} · {row.period ?? 'Period not stated'}
          <CorrectedMark row={row} field="period" /> · {SOURCE_LABEL[row.source]}, {positionText(row.page, row.line)}
        </p>
      </header>
      <div className="metric-check-actions" role="group" aria-label="Check against the source">
        <ShowSourceButton target={metricSource(row)} className="button" />
        <button type="button" className="button" onClick={() => onCorrect(row)}>
          Correct…
        </button>
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts="V"
          title="Mark this figure verified and go to the next unverified figure of the report (V)"
          onClick={() => onVerifyAndNext(row)}
        >
          Verify and next
        </button>
        {/* Last of the row: nothing to tab past between the tick and the editor's Status. */}
        <label className="metric-check">
          <input
            type="checkbox"
            checked={verified.shown}
            aria-busy={verified.pending || undefined}
            aria-describedby={`metric-verified-by-${row.id}`}
            onChange={(e) => void verified.run(e.target.checked, (v) => onVerify(row, v))}
          />
          Verified against the source
        </label>
        <span className="muted metric-verified-note" id={`metric-verified-by-${row.id}`}>
          {row.verified
            ? `Verified by ${whoWhen(row.verifiedBy, row.verifiedAt)}`
            : 'Not yet verified: compare it with the quote below or the source.'}
        </span>
      </div>
      <AnnotationEditor key={row.id} target="metric" annotation={row} client={client} onSave={(c) => onAnnotate(row, c)} />
      <DetailSection id="quote" title="The figure and its quote">
        <dl className="metric-values">
          <div>
            <dt>Force</dt>
            <dd>
              {row.forceText || '—'}
              <CorrectedMark row={row} field="force" />
            </dd>
          </div>
          <div>
            <dt>England and Wales</dt>
            <dd>
              {row.ewText || '—'}
              <CorrectedMark row={row} field="englandWales" />
            </dd>
          </div>
          <div>
            <dt>Difference</dt>
            <dd>{differenceText(row)}</dd>
          </div>
          <div>
            <dt>Ratio</dt>
            <dd>{ratioText(row.ratio)}</dd>
          </div>
          <div>
            <dt>Unit</dt>
            <dd className="metric-unit">
              {row.unit}
              <CorrectedMark row={row} field="unit" />
            </dd>
          </div>
        </dl>
        <figure className="metric-quote">
          <blockquote>{row.quote}</blockquote>
          <figcaption>
            {SOURCE_LABEL[row.source]}, {positionText(row.page, row.line)}
          </figcaption>
        </figure>
        {row.addedBy && (
          <p className="muted">
            Added from the source by {whoWhen(row.addedBy, row.addedAt)}.{' '}
            <button type="button" className="link-button" onClick={() => onRemove(row)}>
              Remove this added figure
            </button>
          </p>
        )}
      </DetailSection>
      {(row.warning || row.corrections.length > 0) && (
        <DetailSection id="warning" title={row.corrections.length > 0 ? 'Warning and corrections' : 'Extraction warning'}>
          {row.warning && <MetricWarning key={row.id} row={row} onDismiss={onDismissWarning} />}
          {row.corrections.length > 0 && (
            <ul className="metric-corrections" aria-label="Corrections">
              {row.corrections.map((c) => (
                <li key={c.field}>
                  {c.label} corrected from “{c.extracted}” (as extracted) to “{c.value}” by {whoWhen(c.author, c.at)}
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
      )}
      <DetailSection id="history" title="History">
        <History
          history={history}
          line={historyText}
          empty="No changes yet. Verifying or annotating this metric is recorded here, with who did it and when."
        />
      </DetailSection>
    </section>
  );
}
