import { useCallback, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { OverviewWarning } from '../../../src-core/query/model/overview';
import { StatusNotice } from '../../ui/StatusNotice';
import { useUndoTick } from '../../ui/use-undo-tick';
import { ImportReport } from './ImportReport';
import { sentence } from '../../shared/text/words';
import { ReportSection } from './ReportSection';
import { useFileDrop } from './use-file-drop';
import type { ImportState } from './use-report-import';
import { useReportsOverview } from './use-reports-overview';
import '../../ui/empty-state.css';
import './reports.css';

interface Props {
  client: DbClient;
  /** Changes whenever the workspace's reports may have changed. */
  version: string;
  importState: ImportState;
  onImport: () => void;
  onDropFiles: (files: File[]) => void;
}

/** Every report in the open workspace: judgments, warnings and figures, and the way to add more (button or drop). */
export function ReportsView({ client, version, importState, onImport, onDropFiles }: Props) {
  const undoTick = useUndoTick(client);
  const { overview, patchWarning } = useReportsOverview(client, `${version}:${undoTick}`);
  const [problem, setProblem] = useState<string | null>(null);
  const drop = useFileDrop(onDropFiles, importState.phase !== 'running');

  const checkWarning = useCallback(
    async (w: OverviewWarning, checked: boolean) => {
      const r = await client.edit('warning.check', { warningId: w.id, checked });
      if (!r.ok) {
        setProblem(`The tick on “${w.message}” was not saved. ${sentence(r.error.message)} Nothing was changed; try again.`);
        return false;
      }
      setProblem(null);
      patchWarning(w.id, { checked, checkedBy: checked ? r.value.author : null, checkedAt: checked ? r.value.at : null });
      return true;
    },
    [client, patchWarning],
  );

  return (
    <div className="view reports-view" {...drop.handlers}>
      <ImportReport state={importState} onImport={onImport} dragging={drop.over} />
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      {overview.status === 'loading' && <StatusNotice tone="loading" title="Reading the reports…" />}
      {overview.status === 'error' && (
        <StatusNotice tone="error" title="The reports could not be read">
          <p className="notice-message">
            {sentence(overview.message)} Reopen the workspace; if it happens again, restore a backup from the Backups menu.
          </p>
        </StatusNotice>
      )}
      {overview.status === 'ready' && overview.reports.length === 0 && (
        <div className="empty-state">
          <h2>This workspace has no reports yet.</h2>
          <p>
            Import a PEEL inspection report to start: choose <strong>Import report</strong> above, or drag the report’s PDF, Markdown or
            text file onto this page. Its judgments, findings and figures are extracted here, on this machine.
          </p>
        </div>
      )}
      {overview.status === 'ready' && overview.reports.length > 0 && (
        <div className="reports">
          {overview.reports.map((r) => (
            <ReportSection key={r.id} report={r} onCheckWarning={checkWarning} />
          ))}
        </div>
      )}
    </div>
  );
}
