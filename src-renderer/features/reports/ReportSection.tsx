import type { ReportOverview, OverviewWarning } from '../../../src-core/query/model/overview';
import { publicationMonth } from './format';
import { GradeBadge } from './GradeBadge';
import { JudgmentsTable } from './JudgmentsTable';
import { MetricsTable } from './MetricsTable';
import { WarningsList } from './WarningsList';

interface Props {
  report: ReportOverview;
  onCheckWarning: (warning: OverviewWarning, checked: boolean) => Promise<boolean>;
}

export function ReportSection({ report, onCheckWarning }: Props) {
  const headingId = `report-${report.id}-title`;
  const month = publicationMonth(report.published);
  return (
    <article className="report" aria-labelledby={headingId}>
      <header className="report-header">
        <p className="report-programme">
          {report.programme} · {report.period} · graded on the{' '}
          {report.scale === 'five-point' ? 'five-point scale (with “adequate”)' : 'four-point scale'}
        </p>
        <h2 id={headingId}>{report.title}</h2>
        <dl className="report-facts">
          <div>
            <dt>Force</dt>
            <dd>{report.force}</dd>
          </div>
          <div>
            <dt>Published</dt>
            <dd>{month?.dateTime ? <time dateTime={month.dateTime}>{month.label}</time> : (month?.label ?? 'Not stated')}</dd>
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
      </header>
      <div className="report-body">
        <JudgmentsTable force={report.force} judgments={report.judgments} />
        <WarningsList source={report.sourceName} warnings={report.warnings} onCheck={onCheckWarning} />
        <MetricsTable force={report.force} metrics={report.metrics} />
      </div>
    </article>
  );
}
