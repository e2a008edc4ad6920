import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Host } from '../../../src-core/host/contract';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import type { DbClient } from '../../db/db-client';
import { StatusNotice } from '../../ui/StatusNotice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useDataTick } from '../../ui/use-undo-tick';
import { defaultSelection } from './chart-data';
import { annotationEdit, type AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import { metricPatch } from './metric-edits';
import { MetricDetail } from './MetricDetail';
import { MetricsChart } from './MetricsChart';
import { NO_FILTERS, reportsOf, toQuery, type MetricsFilters } from './metrics-filters';
import type { MetricsGridContext } from './metrics-grid-context';
import { MetricsGrid } from './MetricsGrid';
import { MetricsToolbar } from './MetricsToolbar';
import { useMetrics } from './use-metrics';
import '../../ui/empty-state.css';
import './metrics.css';
import { ExportGridMenu } from '../../shared/grid-export/ExportGridMenu';
import { useHistory } from '../../shared/history/use-history';
import { sentence } from '../../shared/text/words';
import { metricsExportSpec } from './metrics-export';
import { plural } from '../../../src-core/text/plural';
import { measureText } from '../../../src-core/text/display';
import type { KeyboardEvent } from 'react';
import { CorrectDialog, type CorrectChange } from '../../shared/corrections/CorrectDialog';
import { SourcePanel } from '../../shared/source/SourcePanel';
import { SourceScope } from '../../shared/source/SourceScope';
import { useSourcePanel } from '../../shared/source/source-context';
import type { SourceSelection } from '../../shared/source/source-target';
import { AddFigureDialog, type NewFigure } from './AddFigureDialog';
import { checkMetricField, metricCorrectFields } from './metric-correction';
import { metricSource } from './MetricDetail';
import { nextToCheck } from './verify-next';
import { Dock, DockPanel, DockSplitter } from '../../ui/Dock';
import { usePersistentState } from '../../ui/use-persistent-state';
import { columnMemorySchema, type ColumnMemory } from './metrics-grid-state';
import { metricsFiltersSchema } from './metrics-filters';
import { z } from 'zod';

/** Remembered ids: the chart's selection (bounded: a chart of more would be unreadable anyway), the metric open, the scroll. */
const MAX_CHOSEN = 5000;
const CHOSEN = z.array(z.number().int().positive()).max(MAX_CHOSEN).nullable();
const FOCUSED = z.number().int().positive().nullable();
const TOP_ROW = z.number().int().min(0).max(10_000_000);

/** The edits of the check against the source: the rows are read again after them (see dataTick). */
const RE_READ_AFTER = new Set(['item.correct', 'item.correctMany', 'metric.add', 'metric.remove', 'warning.check']);

/**
 * Every figure in the workspace against England and Wales: checked against its quote, verified,
 * annotated like a finding, and charted for the metrics the analyst selects.
 */
export function MetricsView({ host, client, version }: { host: Host; client: DbClient; version: string }) {
  // Where the analyst was, per workspace: the filters, the chart's selection, the metric open, the
  // table's columns and scroll (the panels' sizes are the Dock's).
  const [filters, setFilters] = usePersistentState<MetricsFilters>('metrics:filters', NO_FILTERS, metricsFiltersSchema);
  const search = useDebouncedValue(filters.search, 250);
  const query = useMemo(() => toQuery({ ...filters, search }), [filters, search]);
  // Undo and redo can change any metric, and the check against the source (corrections, figures
  // added, warnings dismissed) changes values the query works out (difference, ratio, warning state):
  // the rows are read again after either. A tick or an annotation is patched into the rows instead.
  const dataTick = useDataTick(client, (c) => c.cause !== 'edit' || RE_READ_AFTER.has(c.op));
  const { all, shown, searching, patch } = useMetrics(client, `${version}:${dataTick}`, query);
  const allRows = useMemo(() => (all.status === 'ready' ? all.rows : []), [all]);

  // null until the analyst chooses: then the default (Force in numbers of the first report) applies.
  const [chosenIds, setChosenIds] = usePersistentState<number[] | null>('metrics:chart', null, CHOSEN);
  const chosen = useMemo(() => (chosenIds ? new Set(chosenIds) : null), [chosenIds]);
  const setChosen = useCallback(
    (next: ReadonlySet<number> | null | ((prev: ReadonlySet<number> | null) => ReadonlySet<number> | null)) =>
      setChosenIds((prevIds) => {
        const value = typeof next === 'function' ? next(prevIds ? new Set(prevIds) : null) : next;
        return value ? [...value].slice(0, MAX_CHOSEN) : null;
      }),
    [setChosenIds],
  );
  const selected = useMemo(() => chosen ?? defaultSelection(allRows), [chosen, allRows]);
  const charted = useMemo(() => allRows.filter((m) => selected.has(m.id)), [allRows, selected]);
  const onSelectionChange = useCallback(
    (shownIds: number[], ticked: number[]) =>
      setChosen((prev) => {
        const next = new Set(prev ?? defaultSelection(allRows));
        for (const id of shownIds) next.delete(id);
        for (const id of ticked) next.add(id);
        return next;
      }),
    [allRows, setChosen],
  );

  const [focusedId, setFocusedId] = usePersistentState<number | null>('metrics:focused', null, FOCUSED);
  const [gridColumns, setGridColumns] = usePersistentState<ColumnMemory | null>('metrics:columns', null, columnMemorySchema.nullable());
  const [topRow, setTopRow] = usePersistentState('metrics:top-row', 0, TOP_ROW, 300);
  const [revision, setRevision] = useState(0);
  const history = useHistory(client, 'metric', focusedId, revision + dataTick);
  const [problem, setProblem] = useState<string | null>(null);
  const gridApi = useRef<GridApi<MetricRow> | null>(null);

  const annotate = useCallback(
    async (row: MetricRow, change: AnnotationChange<'metric'>) => {
      const edit = annotationEdit({ type: 'metric', id: row.id }, change);
      const result = await client.edit(edit.op, edit.params);
      if (!result.ok) {
        setProblem(`The change to “${row.label}” was not saved. ${sentence(result.error.message)} Nothing was changed; try again.`);
        return false;
      }
      setProblem(null);
      patch(row.id, metricPatch(change, result.value, row));
      setRevision((r) => r + 1);
      return true;
    },
    [client, patch],
  );
  const verify = useCallback((row: MetricRow, value: boolean) => annotate(row, { field: 'verified', value }), [annotate]);

  const sourcePanel = useSourcePanel();
  const [correcting, setCorrecting] = useState<MetricRow | null>(null);
  const [adding, setAdding] = useState<SourceSelection | null>(null);
  const [selection, setSelection] = useState<SourceSelection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saveCorrections = useCallback(
    async (row: MetricRow, changes: CorrectChange[]) => {
      // Every field changed in the dialog is one edit: saved together, undone together, or refused together.
      const result = await client.edit('item.correctMany', { target: 'metric', id: row.id, changes });
      if (!result.ok) return `${sentence(result.error.message)} Nothing was changed.`;
      return null;
    },
    [client],
  );

  const gridOrder = useCallback((): MetricRow[] => {
    const rowsInOrder: MetricRow[] = [];
    gridApi.current?.forEachNodeAfterFilterAndSort((n) => n.data && rowsInOrder.push(n.data));
    return rowsInOrder;
  }, []);

  const goTo = useCallback(
    (row: MetricRow) => {
      setFocusedId(row.id);
      const grid = gridApi.current;
      const node = grid?.getRowNode(String(row.id));
      if (grid && node && node.rowIndex !== null) {
        grid.ensureNodeVisible(node);
        grid.setFocusedCell(node.rowIndex, 'measure');
      }
      sourcePanel.show(metricSource(row));
    },
    [sourcePanel, setFocusedId],
  );

  const verifyAndNext = useCallback(
    async (row: MetricRow) => {
      const next = nextToCheck(gridOrder(), row);
      // A corrected figure is checked already: the tick would say nothing more.
      if (row.check === 'unverified' && !(await annotate(row, { field: 'verified', value: true }))) return;
      if (next) {
        setNotice(null);
        goTo(next);
      } else setNotice(`Every figure of ${row.report} shown in the grid is now verified or corrected.`);
    },
    [annotate, goTo, gridOrder],
  );

  const dismissWarning = useCallback(
    async (row: MetricRow, reason: string) => {
      if (row.warningId === null) return false;
      const result = await client.edit('warning.check', { warningId: row.warningId, checked: true, reason });
      if (!result.ok) {
        setProblem(`The warning on “${row.label}” was not dismissed. ${sentence(result.error.message)}`);
        return false;
      }
      return true;
    },
    [client],
  );

  const removeFigure = useCallback(
    async (row: MetricRow) => {
      const result = await client.edit('metric.remove', { metricId: row.id });
      if (!result.ok) setProblem(`“${row.label}” was not removed. ${sentence(result.error.message)}`);
      else {
        setFocusedId(null);
      }
    },
    [client, setFocusedId],
  );

  const addFigure = useCallback(
    async (figure: NewFigure, where: SourceSelection) => {
      const result = await client.edit('metric.add', {
        reportId: where.reportId,
        label: figure.label,
        unit: figure.unit,
        period: figure.period,
        force: figure.force,
        englandWales: figure.englandWales,
        quote: figure.quote,
        page: where.page,
        line: where.line ?? 1,
      });
      if (!result.ok) return sentence(result.error.message);
      setNotice(`“${figure.label}” was added to the metrics, marked as added by you.`);
      return null;
    },
    [client],
  );
  const correctFields = useMemo(() => (correcting ? metricCorrectFields(correcting) : []), [correcting]);
  const context = useMemo<MetricsGridContext>(
    () => ({ verify, includeInBrief: (row, value) => annotate(row, { field: 'includeInBrief', value }) }),
    [verify, annotate],
  );

  if (all.status === 'loading') return <StatusNotice tone="loading" title="Reading the metrics…" />;
  if (all.status === 'error') {
    return (
      <StatusNotice tone="error" title="The metrics could not be read">
        <p className="notice-message">{sentence(all.message)} Reopen the workspace; if it happens again, restore a backup.</p>
      </StatusNotice>
    );
  }
  if (allRows.length === 0) {
    return (
      <div className="view">
        <div className="empty-state">
          <h2>This workspace has no metrics yet.</h2>
          <p>
            Import a report in the Reports view: its Force in numbers figures, and the figures its text compares with England and Wales,
            appear here to check against the source, annotate and chart.
          </p>
        </div>
      </div>
    );
  }

  const rows = shown.status === 'ready' ? shown.rows : [];
  const verified = rows.filter((r) => r.check === 'verified').length;
  const corrected = rows.filter((r) => r.check === 'corrected').length;
  const flagged = rows.filter((r) => r.warningState === 'open').length;
  const summary = searching
    ? 'Searching…'
    : `${plural(rows.length, 'metric')} · ${verified} verified${corrected ? ` · ${corrected} corrected` : ''}${flagged ? ` · ${plural(flagged, 'warning')} to check` : ''}`;
  const detail = allRows.find((m) => m.id === focusedId) ?? null;
  const reports = reportsOf(allRows);
  const aside = sourcePanel.target ? 'source' : 'chart';

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // V: Verify and next, from the grid or the detail panel, never while typing or in a dialog.
    if (e.key !== 'v' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || !detail) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"], dialog, [data-source-panel]')) return;
    e.preventDefault();
    void verifyAndNext(detail);
  };

  return (
    <SourceScope panel={sourcePanel}>
      <div className="view view--fill metrics-view" onKeyDown={onKeyDown}>
        <MetricsToolbar filters={filters} onChange={setFilters} reports={reports}>
          <ExportGridMenu
            host={host}
            client={client}
            spec={() => metricsExportSpec(gridApi.current, query, { report: (id) => reports.find((r) => r.id === id)?.name })}
            rowsText={shown.status === 'ready' ? plural(rows.length, 'metric') : null}
          />
        </MetricsToolbar>
        {problem && (
          <p className="inline-problem" role="alert">
            {problem}
          </p>
        )}
        {notice && (
          <p className="metrics-notice" role="status">
            {notice}
          </p>
        )}
        {shown.status === 'error' && (
          <p className="inline-problem" role="alert">
            The filtered metrics could not be read. {sentence(shown.message)} Clear the filters to see every metric.
          </p>
        )}
        <Dock id="metrics" panels={['table', aside]} className="metrics-dock">
          <DockPanel id="table" defaultSize="60%" minSize={320}>
            <Dock id="metrics-table" panels={['grid', 'detail']} orientation="vertical">
              <DockPanel id="grid" defaultSize="46%" minSize={96} className="metrics-grid-panel">
                {/* The table's own status line: what it shows and how far the check has got. */}
                <p className="metrics-summary" aria-live="polite">
                  {summary}
                </p>
                {shown.status === 'ready' && rows.length === 0 ? (
                  <p className="empty metrics-none">
                    No metrics match these filters. Try other words, or choose “All reports” and “All sources”; Clear filters shows every
                    metric.
                  </p>
                ) : (
                  <MetricsGrid
                    rows={rows}
                    showReport={reports.length > 1}
                    selected={selected}
                    onSelectionChange={onSelectionChange}
                    onFocusRow={setFocusedId}
                    context={context}
                    onReady={(grid) => {
                      gridApi.current = grid;
                    }}
                    columns={gridColumns}
                    onColumnsChange={setGridColumns}
                    topRow={topRow}
                    onTopRowChange={setTopRow}
                  />
                )}
              </DockPanel>
              <DockSplitter label="Resize the table and the metric detail" />
              <DockPanel id="detail" defaultSize="54%" minSize={120} collapsible className="metrics-detail-panel">
                <MetricDetail
                  row={detail}
                  history={history}
                  client={client}
                  onVerify={verify}
                  onAnnotate={annotate}
                  onCorrect={setCorrecting}
                  onVerifyAndNext={(row) => void verifyAndNext(row)}
                  onDismissWarning={dismissWarning}
                  onRemove={(row) => void removeFigure(row)}
                />
              </DockPanel>
            </Dock>
          </DockPanel>
          <DockSplitter label={sourcePanel.target ? 'Resize the source panel' : 'Resize the chart'} />
          <DockPanel id={aside} defaultSize="40%" minSize={260} collapsible className="metrics-aside-panel">
            {sourcePanel.target ? (
              <div className="metrics-source">
                <div className="metrics-source-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={!selection || selection.reportId !== sourcePanel.target.reportId}
                    onClick={() => setAdding(selection)}
                  >
                    Add figure from the source…
                  </button>
                  <span className="muted">
                    {selection?.text
                      ? `Selected: “${selection.text.length > 60 ? `${selection.text.slice(0, 59)}…` : selection.text}”`
                      : 'Select the figure’s words in the source first (on a page of pictures, pick the page).'}
                  </span>
                </div>
                <SourcePanel panel={sourcePanel} onSelection={setSelection} />
              </div>
            ) : (
              <MetricsChart metrics={charted} onClear={() => setChosen(new Set())} onDefault={() => setChosen(defaultSelection(allRows))} />
            )}
          </DockPanel>
        </Dock>
        <CorrectDialog
          open={correcting !== null}
          title={correcting ? `Correct “${measureText(correcting.label)}”` : 'Correct'}
          quote={correcting?.quote}
          fields={correctFields}
          check={checkMetricField}
          onSubmit={(changes) => (correcting ? saveCorrections(correcting, changes) : Promise.resolve(null))}
          onClose={() => setCorrecting(null)}
        />
        <AddFigureDialog selection={adding} onSubmit={addFigure} onClose={() => setAdding(null)} />
      </div>
    </SourceScope>
  );
}
