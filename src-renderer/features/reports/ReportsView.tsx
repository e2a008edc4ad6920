import { useCallback, useMemo, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { OverviewJudgment, OverviewWarning } from '../../../src-core/query/model/overview';
import { CorrectDialog, type CorrectChange } from '../../shared/corrections/CorrectDialog';
import { StatusNotice } from '../../ui/StatusNotice';
import { ImportReport } from './ImportReport';
import { sentence } from '../../shared/text/words';
import { DismissDialog } from './DismissDialog';
import type { ReportActions } from './report-actions';
import { checkCorrection, type CorrectionRequest } from './report-corrections';
import { ReportSection } from './ReportSection';
import { useDataTick } from '../../ui/use-undo-tick';
import { useCoverage } from './use-coverage';
import { useFileDrop } from './use-file-drop';
import type { ImportState } from './use-report-import';
import { useReportsOverview } from './use-reports-overview';
import '../../ui/empty-state.css';
import './reports.css';
import { useSourcePanel } from '../../shared/source/source-context';
import { SourcePanel } from '../../shared/source/SourcePanel';
import { SourceScope } from '../../shared/source/SourceScope';

interface Props {
  client: DbClient;
  /** Changes whenever the workspace's reports may have changed. */
  version: string;
  importState: ImportState;
  onImport: () => void;
  onDropFiles: (files: File[]) => void;
}

/**
 * Every report in the open workspace: judgments, warnings, figures and areas for improvement, the
 * analyst's check of them (verify, correct, dismiss, with the coverage line), and the way to add
 * more reports (button or drop).
 */
export function ReportsView({ client, version, importState, onImport, onDropFiles }: Props) {
  // Every change counts: the coverage line and the overview are read again after each (a figure verified in Metrics settles a warning here).
  const tick = useDataTick(client, () => true);
  const overview = useReportsOverview(client, `${version}:${tick}`);
  const coverage = useCoverage(client, `${version}:${tick}`);
  const [problem, setProblem] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<CorrectionRequest | null>(null);
  const [dismissing, setDismissing] = useState<OverviewWarning | null>(null);
  const [focusWarning, setFocusWarning] = useState<ReportActions['focusWarning']>(null);
  const focused = useCallback(() => setFocusWarning(null), []);
  // The Source panel, beside the reports when a grade's or an area's Show source is pressed.
  const source = useSourcePanel();
  const drop = useFileDrop(onDropFiles, importState.phase !== 'running');

  const verifyGrade = useCallback(
    async (j: OverviewJudgment, verified: boolean) => {
      const r = await client.edit('judgment.verify', { judgmentId: j.id, verified });
      setProblem(
        r.ok
          ? null
          : `The tick on the grade for “${j.question}” was not saved. ${sentence(r.error.message)} Nothing was changed; try again.`,
      );
      return r.ok;
    },
    [client],
  );

  const reopen = useCallback(
    async (w: OverviewWarning) => {
      const r = await client.edit('warning.check', { warningId: w.id, checked: false });
      setProblem(r.ok ? null : `“${w.message}” was not reopened. ${sentence(r.error.message)} Nothing was changed; try again.`);
      if (r.ok) setFocusWarning({ id: w.id, from: 'dismissed' });
      return r.ok;
    },
    [client],
  );

  const actions = useMemo<ReportActions>(
    () => ({ client, revision: tick, correct: setCorrecting, verifyGrade, dismiss: setDismissing, reopen, focusWarning, focused }),
    [client, tick, verifyGrade, reopen, focusWarning, focused],
  );

  /** Every field changed in the dialog is one journaled edit: saved together, undone together, or refused together. */
  const saveCorrection = async (changes: CorrectChange[]): Promise<string | null> => {
    if (!correcting) return null;
    // A value typed back to the extracted one withdraws the correction: the edit itself sees to that (src-core/corrections/apply.ts).
    const r = await client.edit('item.correctMany', { target: correcting.target, id: correcting.id, changes });
    return r.ok ? null : `${sentence(r.error.message)} Nothing was changed.`;
  };

  const saveDismissal = async (w: OverviewWarning, reason: string): Promise<string | null> => {
    const r = await client.edit('warning.check', { warningId: w.id, checked: true, reason });
    if (r.ok) setFocusWarning({ id: w.id, from: 'open' });
    return r.ok ? null : `The warning was not dismissed: ${sentence(r.error.message)} Nothing was changed; try again.`;
  };

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
        <SourceScope panel={source}>
          <div className={source.target ? 'source-beside' : undefined}>
            <div className="reports">
              {overview.reports.map((r) => (
                <ReportSection key={r.id} report={r} coverage={coverage?.get(r.id)} actions={actions} />
              ))}
            </div>
            <SourcePanel panel={source} />
          </div>
        </SourceScope>
      )}
      <CorrectDialog
        open={correcting !== null}
        title={correcting?.title ?? ''}
        {...(correcting?.quote ? { quote: correcting.quote } : {})}
        fields={correcting?.fields ?? NO_FIELDS}
        check={(field, input) => (correcting ? checkCorrection(correcting, field, input) : null)}
        onSubmit={saveCorrection}
        onClose={() => setCorrecting(null)}
      />
      <DismissDialog warning={dismissing} onSubmit={saveDismissal} onClose={() => setDismissing(null)} />
    </div>
  );
}

const NO_FIELDS: [] = [];
