import type { ReportOverview } from '../../../src-core/query/model/overview';
import { JudgmentRow } from './JudgmentRow';
import type { ReportActions } from './report-actions';

export function JudgmentsTable({ report, actions }: { report: ReportOverview; actions: ReportActions }) {
  return (
    <table className="data-table judgments">
      <caption>Judgments for {report.force}</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Grade</th>
          <th scope="col" className="num">
            Last inspected
          </th>
          <th scope="col">Read from</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        {report.judgments.map((j) => (
          <JudgmentRow key={j.id} report={report} judgment={j} actions={actions} />
        ))}
      </tbody>
    </table>
  );
}
