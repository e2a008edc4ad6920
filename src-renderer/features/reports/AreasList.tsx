import { useId } from 'react';
import type { ReportOverview } from '../../../src-core/query/model/overview';
import { AreaItem } from './AreaItem';
import { areasHeading } from './format';
import type { ReportActions } from './report-actions';

/** The report's areas for improvement (causes of concern, recommendations), each correctable. */
export function AreasList({ report, actions }: { report: ReportOverview; actions: ReportActions }) {
  const headingId = useId();
  if (report.areas.length === 0) return null;
  return (
    <section className="areas" aria-labelledby={headingId}>
      {/* Named for its report too: two reports' lists would otherwise be two landmarks of one name. */}
      <h3 id={headingId}>
        {areasHeading(report.areas)}
        <span className="visually-hidden">
          {' '}
          — {report.force}, {report.period}
        </span>
      </h3>
      <ol className="area-list">
        {report.areas.map((a) => (
          <AreaItem key={a.id} report={report} area={a} actions={actions} />
        ))}
      </ol>
    </section>
  );
}
