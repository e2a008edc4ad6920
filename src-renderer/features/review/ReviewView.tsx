import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Host } from '../../../src-core/host/contract';
import type { SampleListRow } from '../../../src-core/samples/queries';
import type { DbClient } from '../../db/db-client';
import { StatusNotice } from '../../ui/StatusNotice';
import { useUndoTick } from '../../ui/use-undo-tick';
import { AgreementPanel } from './AgreementPanel';
import { ImportSampleDialog, type ReportChoice } from './ImportSampleDialog';
import { ReconciliationPanel } from './ReconciliationPanel';
import { plural } from './review-format';
import { annotationEdit, type AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import { samplePatch, type SamplesGridContext } from './sample-edits';
import { SampleDetail } from './SampleDetail';
import { samplesDatasource } from './samples-datasource';
import { SamplesGrid } from './SamplesGrid';
import { SummaryPanel } from './SummaryPanel';
import { SyntheticLabel } from './SyntheticLabel';
import { useReviewData } from './use-review-data';
import { Dock, DockPanel, DockSplitter } from '../../ui/Dock';
import { usePersistentState } from '../../ui/use-persistent-state';
import { refusalOf } from '../../shared/errors/analyst-words';
import { RefusalText } from '../../shared/errors/RefusalText';
import { ReviewSections } from './ReviewSections';
import { idSchema, REVIEW_KEYS, reviewSectionSchema, sampleColumnsSchema, type ReviewSection } from './review-desk';
import { useSampleImport } from './use-sample-import';
import '../../ui/empty-state.css';
import './review.css';
import { ExportGridMenu } from '../../shared/grid-export/ExportGridMenu';
import { useHistory } from '../../shared/history/use-history';
import { sentence } from '../../shared/text/words';
import { samplesExportSpec } from './samples-export';
import { useSourcePanel } from '../../shared/source/source-context';
import { SourcePanel } from '../../shared/source/SourcePanel';
import { SourceScope } from '../../shared/source/SourceScope';

/**
 * The case-file review sample beside the report: the figures the report states checked against
 * the sample, the sample summarised with intervals, the case files annotated like findings, and
 * the reviewers' agreement. Samples come in through "Import sample…", all or nothing.
 */
export function ReviewView({ host, client, version }: { host: Host; client: DbClient; version: string }) {
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const api = useRef<GridApi<SampleListRow> | null>(null);
  const [reload, setReload] = useState(0);
  // Remembered per workspace: the report whose sample is shown, the case file chosen, the section open, the columns.
  const [reportId, setReportId] = usePersistentState<number | null>(REVIEW_KEYS.report, null, idSchema);
  const [selectedId, setSelectedId] = usePersistentState<number | null>(REVIEW_KEYS.selected, null, idSchema);
  const [section, setSection] = usePersistentState<ReviewSection>(REVIEW_KEYS.section, 'summary', reviewSectionSchema);
  const [columns, setColumns] = usePersistentState(REVIEW_KEYS.columns, null, sampleColumnsSchema.nullable());
  // Read at mount: the grid selects it again once its block is read; a row chosen later is the grid's.
  const [restoreId] = useState(selectedId);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelectedRow] = useState<SampleListRow | null>(null);
  const setSelected = useCallback(
    (row: SampleListRow | null) => {
      setSelectedRow(row);
      setSelectedId(row?.id ?? null);
    },
    [setSelectedId],
  );
  const [revision, setRevision] = useState(0);
  const undoTick = useUndoTick(client);
  const load = useReviewData(client, `${version}:${reload}`, reportId);
  const history = useHistory(client, 'sample', selected?.id ?? null, revision + undoTick);
  // The Source panel, beside the reconciliation when a stated figure's Show source is pressed.
  const source = useSourcePanel();

  const onImported = useCallback(
    (name: string, imported: number, importedFor: number | null) => {
      setNotice(`Imported ${plural(imported, 'case file scoring')} from ${name}.`);
      setProblem(null);
      // The figures shown next are those of the report the sample was imported for.
      if (importedFor !== null) setReportId(importedFor);
      setReload((r) => r + 1);
    },
    [setReportId],
  );
  const importer = useSampleImport(client, onImported);

  const datasource = useMemo(
    () => samplesDatasource(client, (m) => setProblem(`The case files could not be read: ${sentence(m)}`)),
    [client],
  );
  // An undo or redo elsewhere may have changed an annotation shown here.
  useEffect(() => {
    if (undoTick > 0) api.current?.refreshInfiniteCache();
  }, [undoTick]);

  const annotate = useCallback(
    async (row: SampleListRow, change: AnnotationChange<'review_sample'>) => {
      const edit = annotationEdit({ type: 'review_sample', id: row.id }, change);
      const result = await client.edit(edit.op, edit.params);
      if (!result.ok) {
        setProblem(`The change to case ${row.caseRef} was not saved. ${sentence(result.error.message)} Nothing was changed; try again.`);
        return false;
      }
      setProblem(null);
      const patch = samplePatch(change);
      const node = api.current?.getRowNode(String(row.id));
      if (node?.data) node.setData({ ...node.data, ...patch });
      setSelectedRow((s) => (s && s.id === row.id ? { ...s, ...patch } : s));
      setRevision((r) => r + 1);
      return true;
    },
    [client],
  );
  const context = useMemo<SamplesGridContext>(
    () => ({ includeInBrief: (row, value) => annotate(row, { field: 'includeInBrief', value }) }),
    [annotate],
  );

  const pickFile = () => {
    const input = fileInput.current;
    if (!input) return;
    input.value = '';
    input.click();
  };

  if (load.status === 'loading') return <StatusNotice tone="loading" title="Reading the file review…" />;
  if (load.status === 'error') {
    return (
      <StatusNotice tone="error" title="The file review could not be read">
        <p className="notice-message">{sentence(load.message)} Reopen the workspace; if it happens again, restore a backup.</p>
      </StatusNotice>
    );
  }
  const { reports, report, summary, reconciliation, agreement } = load.data;
  const choices: ReportChoice[] = reports.map((r) => ({ id: r.id, force: r.force, label: `${r.force} — ${r.programme} ${r.year}` }));
  const refused = importer.state.phase === 'refused' ? importer.state : null;

  const side = source.target ? 'source' : 'detail';
  const mismatches = reconciliation.filter((r) => r.computed !== null && !r.matches).length;
  const toolbar = (
    <div className="review-toolbar">
      <div className="review-title">
        <h2>File review</h2>
        <p className="muted">
          {summary.n > 0 ? `${plural(summary.n, 'case file')}${report ? ` of ${report.force}` : ''}` : 'No case files yet'}
        </p>
      </div>
      {reports.length > 1 && (
        <div className="review-field">
          <label htmlFor={`${fileId}-report`}>Report</label>
          <select id={`${fileId}-report`} value={report?.id ?? ''} onChange={(e) => setReportId(Number(e.target.value))}>
            {choices.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="review-notice" role="status">
        {importer.state.phase === 'reading' ? `Reading ${importer.state.name}…` : notice}
      </p>
      <button
        ref={importButton}
        type="button"
        className="button button--primary"
        onClick={pickFile}
        disabled={importer.state.phase === 'reading'}
      >
        Import sample…
      </button>
      <ExportGridMenu host={host} client={client} spec={() => samplesExportSpec(api.current)} rowsText={null} />
      <input
        ref={fileInput}
        id={fileId}
        type="file"
        accept=".csv,.xlsx"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importer.pick(file);
        }}
      />
    </div>
  );

  return (
    <div className="view view--fill review-view">
      {toolbar}
      {summary.synthetic && (
        <div className="synthetic-banner">
          <SyntheticLabel />
          <p>
            Generated so that its figures match what the report states, to show how the view works. Import the real sample to test the
            report against it.
          </p>
        </div>
      )}
      {refused && (
        <div className="inline-problem review-refused" role="alert">
          <strong>{refused.name} was not imported.</strong>{' '}
          <RefusalText refusal={refusalOf('sample', refused)} after="Nothing was changed." about={refused.name} />
        </div>
      )}
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      {summary.n === 0 ? (
        <div className="empty-state">
          <h2>This workspace has no case-file review sample{report ? ` for ${report.force}` : ''} yet.</h2>
          <p>
            Import a sample (CSV or Excel, one row per case file scored) with “Import sample…”: its figures are checked against what the
            report states, summarised with intervals, and each case file can be annotated.
          </p>
        </div>
      ) : (
        // Show source (a stated figure's sentence) opens the Source panel in place of the detail, beside the reconciliation.
        <SourceScope panel={source}>
          <Dock id="review" panels={['files', side]} className="review-dock">
            <DockPanel id="files" defaultSize="66%" minSize="35%">
              <Dock id="review-files" orientation="vertical" panels={['grid', 'sections']}>
                <DockPanel id="grid" defaultSize="52%" minSize="15%">
                  {/* Keyed: after an import (or in another workspace) the grid starts again from the first page. */}
                  <SamplesGrid
                    key={`${version}:${reload}`}
                    datasource={datasource}
                    showForce={reports.length > 1}
                    context={context}
                    columns={columns}
                    onColumns={setColumns}
                    restoreId={restoreId}
                    onReady={(grid) => (api.current = grid)}
                    onFocusRow={setSelected}
                  />
                </DockPanel>
                <DockSplitter label="Resize the case files and the sections under them" />
                <DockPanel id="sections" defaultSize="48%" minSize="12%">
                  <ReviewSections
                    open={section}
                    onOpen={setSection}
                    badges={{ reconciliation: mismatches > 0 ? plural(mismatches, 'mismatch', 'mismatches') : undefined }}
                  >
                    {section === 'summary' && <SummaryPanel summary={summary} force={report?.force ?? null} />}
                    {section === 'reconciliation' && (
                      <ReconciliationPanel
                        client={client}
                        rows={reconciliation}
                        report={report ? `${report.force} ${report.year}` : null}
                        synthetic={summary.synthetic}
                      />
                    )}
                    {section === 'agreement' && <AgreementPanel agreement={agreement} synthetic={summary.synthetic} />}
                  </ReviewSections>
                </DockPanel>
              </Dock>
            </DockPanel>
            <DockSplitter label={source.target ? 'Resize the Source panel' : 'Resize the case file detail'} />
            <DockPanel key={side} id={side} defaultSize={source.target ? '42%' : '34%'} minSize={260}>
              {source.target ? (
                <SourcePanel panel={source} />
              ) : (
                <SampleDetail row={selected} history={history} client={client} onAnnotate={annotate} />
              )}
            </DockPanel>
          </Dock>
        </SourceScope>
      )}
      <ImportSampleDialog
        state={importer.state.phase === 'mapping' ? importer.state : null}
        reports={choices}
        onField={importer.setField}
        onSubmit={(force, id) => void importer.submit(force, id)}
        onClose={() => {
          importer.close();
          // The button was disabled while the file was read, so the dialog has no focus to give back.
          importButton.current?.focus();
        }}
      />
    </div>
  );
}
