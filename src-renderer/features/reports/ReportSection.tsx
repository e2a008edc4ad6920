import { useId, useState } from 'react';
import { coverageText, type ReportCoverage } from '../../../src-core/query/model/coverage';
import type { ReportOverview } from '../../../src-core/query/model/overview';
import { AreasList } from './AreasList';
import { CorrectedNote } from './CorrectedNote';
import { publicationMonth } from './format';
import { GradeBadge } from './GradeBadge';
import { HistoryToggle, ItemHistory } from './ItemHistory';
import { JudgmentsTable } from './JudgmentsTable';
import { MetricsTable } from './MetricsTable';
import type { ReportActions } from './report-actions';
import { reportCorrection } from './report-corrections';
import { WarningsList } from './WarningsList';

interface Props {
  report: ReportOverview;
  /** Undefined until the coverage is read (or when it could not be). */
  coverage: ReportCoverage | undefined;
  actions: ReportActions;
}

export function ReportSection({ report, coverage, actions }: Props) {
  const headingId = `report-${report.id}-title`;
  const historyId = useId();
  const [showHistory, setShowHistory] = useState(false);
  const month = publicationMonth(report.published);
  const corrected = (field: string) => report.corrections.find((c) => c.field === field);
  return (
    // The id and the focusable heading let the command palette bring a report into view and put focus on it.
    <article className="report" id={`report-${report.id}`} aria-labelledby={headingId}>
      <header className="report-header">
        <p className="report-programme">
          {report.programme} · {report.period} · graded on the{' '}
          {report.scale === 'five-point' ? 'five-point scale (with “adequate”)' : 'four-point scale'}
          <CorrectedNote correction={corrected('programme')} label="programme" />
          <CorrectedNote correction={corrected('period')} label="period" />
        </p>
        <h2 id={headingId} tabIndex={-1}>
          {report.title}
        </h2>
        <dl className="report-facts">
          <div>
            <dt>Force</dt>
            <dd>
              {report.force}
              <CorrectedNote correction={corrected('force')} />
            </dd>
          </div>
          <div>
            <dt>Published</dt>
            <dd>
              {month?.dateTime ? <time dateTime={month.dateTime}>{month.label}</time> : (month?.label ?? 'Not stated')}
              <CorrectedNote correction={corrected('published')} />
            </dd>
          </div>
          <div>
            <dt>Overall grade</dt>
            <dd>{report.overallGrade ? <GradeBadge grade={report.overallGrade} /> : 'Not graded'}</dd>
          </div>
          <div>
            <dt>Source</dt>
            <dd className="source-name">{report.sourceName}</dd>
          </div>
        </dl>
        <div className="report-check">
          {/* Polite: the line changes after each tick or correction, and says so without taking the analyst's place. */}
          <p className="coverage" role="status">
            {coverage ? coverageText(coverage) : ''}
          </p>
          <span className="item-actions">
            <button type="button" className="link-button" onClick={() => actions.correct(reportCorrection(report))}>
              Correct…
              <span className="visually-hidden">
                {' '}
                the report’s force, programme, period or publication date ({report.force} {report.period})
              </span>
            </button>
            <HistoryToggle
              open={showHistory}
              controls={historyId}
              what={`the report ${report.force} ${report.period}`}
              onToggle={() => setShowHistory((s) => !s)}
            />
          </span>
        </div>
        {showHistory && <ItemHistory id={historyId} target="report" itemId={report.id} actions={actions} />}
      </header>
      <div className="report-body">
        <JudgmentsTable report={report} actions={actions} />
        <WarningsList source={report.sourceName} warnings={report.warnings} actions={actions} />
        <MetricsTable force={report.force} metrics={report.metrics} />
        <AreasList report={report} actions={actions} />
      </div>
    </article>
  );
}
