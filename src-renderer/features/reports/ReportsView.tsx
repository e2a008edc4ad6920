import type { ReportOverview } from '../../db/overview';
import { ReportSection } from './ReportSection';

/** Read-only overview of every report in the open workspace. */
export function ReportsView({ reports }: { reports: ReportOverview[] }) {
  if (reports.length === 0) {
    return <p className="empty">This workspace has no reports yet.</p>;
  }
  return (
    <div className="reports">
      {reports.map((r) => (
        <ReportSection key={r.id} report={r} />
      ))}
    </div>
  );
}
