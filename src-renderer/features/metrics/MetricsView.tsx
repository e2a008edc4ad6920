import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Host } from '../../../src-core/host/contract';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import type { DbClient } from '../../db/db-client';
import { StatusNotice } from '../../ui/StatusNotice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useUndoTick } from '../../ui/use-undo-tick';
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

/**
 * Every figure in the workspace against England and Wales: checked against its quote, verified,
 * annotated like a finding, and charted for the metrics the analyst selects.
 */
export function MetricsView({ host, client, version }: { host: Host; client: DbClient; version: string }) {
  const [filters, setFilters] = useState<MetricsFilters>(NO_FILTERS);
  const search = useDebouncedValue(filters.search, 250);
  const query = useMemo(() => toQuery({ ...filters, search }), [filters, search]);
  // Undo and redo can change any metric; the view reads them all again then.
  const undoTick = useUndoTick(client);
  const { all, shown, searching, patch } = useMetrics(client, `${version}:${undoTick}`, query);
  const allRows = useMemo(() => (all.status === 'ready' ? all.rows : []), [all]);

  // null until the analyst chooses: then the default (Force in numbers of the first report) applies.
  const [chosen, setChosen] = useState<ReadonlySet<number> | null>(null);
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
    [allRows],
  );

  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const history = useHistory(client, 'metric', focusedId, revision + undoTick);
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
      patch(row.id, metricPatch(change, result.value));
      setRevision((r) => r + 1);
      return true;
    },
    [client, patch],
  );
  const verify = useCallback((row: MetricRow, value: boolean) => annotate(row, { field: 'verified', value }), [annotate]);
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
  const verified = rows.filter((r) => r.verified).length;
  const flagged = rows.filter((r) => r.warning).length;
  const summary = searching
    ? 'Searching…'
    : `${plural(rows.length, 'metric')} · ${verified} verified${flagged ? ` · ${plural(flagged, 'warning')} to check` : ''}`;
  const detail = allRows.find((m) => m.id === focusedId) ?? null;
  const reports = reportsOf(allRows);

  return (
    <div className="view metrics-view">
      <MetricsToolbar filters={filters} onChange={setFilters} reports={reports} summary={summary}>
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
      {shown.status === 'error' && (
        <p className="inline-problem" role="alert">
          The filtered metrics could not be read. {sentence(shown.message)} Clear the filters to see every metric.
        </p>
      )}
      {shown.status === 'ready' && rows.length === 0 ? (
        <p className="empty metrics-none">
          No metrics match these filters. Try other words, or choose “All reports” and “All sources”; Clear filters shows every metric.
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
        />
      )}
      <div className="metrics-lower">
        <MetricsChart metrics={charted} onClear={() => setChosen(new Set())} onDefault={() => setChosen(defaultSelection(allRows))} />
        <MetricDetail row={detail} history={history} client={client} onVerify={verify} onAnnotate={annotate} />
      </div>
    </div>
  );
}
