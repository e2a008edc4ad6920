import type { DbClient } from '../../db/db-client';
import { StatusNotice } from '../../ui/StatusNotice';
import { ImportReport } from './ImportReport';
import { ReportSection } from './ReportSection';
import type { ImportState } from './use-report-import';
import { useReportsOverview } from './use-reports-overview';

interface Props {
  client: DbClient;
  /** Changes whenever the workspace's reports may have changed. */
  version: string;
  importState: ImportState;
  onImport: () => void;
}

/** Every report in the open workspace: judgments, warnings and figures, and the way to add more. */
export function ReportsView({ client, version, importState, onImport }: Props) {
  const overview = useReportsOverview(client, version);
  return (
    <div className="view">
      <ImportReport state={importState} onImport={onImport} />
      {overview.status === 'loading' && <StatusNotice tone="loading" title="Reading the reports…" />}
      {overview.status === 'error' && (
        <StatusNotice tone="error" title="The reports could not be read">
          <p className="notice-message">{overview.message}</p>
        </StatusNotice>
      )}
      {overview.status === 'ready' && overview.reports.length === 0 && <p className="empty">This workspace has no reports yet.</p>}
      {overview.status === 'ready' && overview.reports.length > 0 && (
        <div className="reports">
          {overview.reports.map((r) => (
            <ReportSection key={r.id} report={r} />
          ))}
        </div>
      )}
    </div>
  );
}
