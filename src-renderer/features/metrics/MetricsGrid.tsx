import type { CellFocusedEvent, GridApi, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { DEFAULT_METRIC_COLUMN, METRIC_COLUMNS, METRIC_ROW_CLASSES } from './metrics-columns';
import type { MetricsGridContext } from './metrics-grid-context';
import { GRID_TAB_STOPS } from '../../ui/grid-tab-stops';
import { registerMetricsGridModules } from './metrics-grid-setup';
import { columnMemory, restorableColumns, type ColumnMemory } from './metrics-grid-state';

registerMetricsGridModules();

/** Compact: one line a row, fixed so the grid never jumps; the whole text is in the tooltip and the detail. */
const ROW_HEIGHT = 30;
/**
 * The chart's selection is AG Grid's row selection (Space on a row toggles it), shown by the Chart
 * column's own boxes, named by their metric, instead of AG Grid's, which are all named alike.
 */
const ROW_SELECTION = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: false } as const;
/** Selection the view itself put on the grid; only what the analyst does is reported back. */
const OWN_SOURCES = new Set(['api', 'rowDataChanged', 'gridInitializing']);
const KNOWN_COLUMNS: ReadonlySet<string> = new Set(METRIC_COLUMNS.map((c) => c.colId ?? ''));

interface Props {
  rows: MetricRow[];
  /** More than one report in the workspace: a Report column says which each metric is from. */
  showReport: boolean;
  /** Ids selected for the chart, possibly including metrics the filters hide. */
  selected: ReadonlySet<number>;
  /** The analyst changed the selection: the ids the grid shows, and which of them are now ticked. */
  onSelectionChange: (shown: number[], ticked: number[]) => void;
  onFocusRow: (id: number) => void;
  context: MetricsGridContext;
  /** The grid's API once it exists (for exporting its rows in its sort and columns). */
  onReady?: (api: GridApi<MetricRow>) => void;
  /** The columns' widths and sort as the workspace remembers them, applied once the grid exists. */
  columns: ColumnMemory | null;
  onColumnsChange: (columns: ColumnMemory) => void;
  /** The row at the top of the grid's scroll, remembered. */
  topRow: number;
  onTopRowChange: (row: number) => void;
}

export function MetricsGrid(props: Props) {
  const { rows, showReport, selected, onSelectionChange, onFocusRow, context, onReady } = props;
  const api = useRef<GridApi<MetricRow> | null>(null);
  const columns = useMemo(() => METRIC_COLUMNS.map((c) => (c.colId === 'report' ? { ...c, hide: !showReport } : c)), [showReport]);
  // Read once: the grid is the truth after it starts, the remembered state only its starting point.
  const restore = useRef({ columns: props.columns, topRow: props.topRow, scrolled: false });

  // The chart's selection lives in the view (it outlasts a filter); the grid's checkboxes follow it.
  const syncSelection = useCallback(() => {
    const grid = api.current;
    if (!grid) return;
    const on: Parameters<GridApi<MetricRow>['setNodesSelected']>[0]['nodes'] = [];
    const off: typeof on = [];
    grid.forEachNode((n) => {
      const want = !!n.data && selected.has(n.data.id);
      if (want !== !!n.isSelected()) (want ? on : off).push(n);
    });
    if (on.length) grid.setNodesSelected({ nodes: on, newValue: true, source: 'api' });
    if (off.length) grid.setNodesSelected({ nodes: off, newValue: false, source: 'api' });
  }, [selected]);

  useEffect(syncSelection, [syncSelection]);

  const onSelectionChanged = (e: SelectionChangedEvent<MetricRow>) => {
    if (OWN_SOURCES.has(e.source)) return;
    const shown: number[] = [];
    e.api.forEachNode((n) => n.data && shown.push(n.data.id));
    onSelectionChange(
      shown,
      e.api.getSelectedRows().map((r) => r.id),
    );
  };

  const onCellFocused = (e: CellFocusedEvent<MetricRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    const id = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.id;
    if (id !== undefined) onFocusRow(id);
  };

  const rememberColumns = (e: { api: GridApi<MetricRow>; source?: string; finished?: boolean }) => {
    // A drag reports every pixel: the width is remembered when it ends.
    if (e.finished === false) return;
    props.onColumnsChange(columnMemory(e.api.getColumnState()));
  };

  return (
    <section className="metrics-grid ag-theme-quartz" aria-label="Metrics">
      <AgGridReact<MetricRow>
        theme="legacy"
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_METRIC_COLUMN}
        rowSelection={ROW_SELECTION}
        rowClassRules={METRIC_ROW_CLASSES}
        rowHeight={ROW_HEIGHT}
        // Sixteen columns: all rendered, so every checkbox is in the page for keyboard and screen reader users.
        suppressColumnVirtualisation
        getRowId={(p) => String(p.data.id)}
        context={context}
        tooltipShowDelay={400}
        {...GRID_TAB_STOPS}
        onGridReady={(e) => {
          api.current = e.api;
          const saved = restore.current.columns;
          if (saved) e.api.applyColumnState({ state: restorableColumns(saved, KNOWN_COLUMNS), applyOrder: false });
          onReady?.(e.api);
          syncSelection();
        }}
        onFirstDataRendered={(e) => {
          // Back where the analyst left the table (once: later data keeps the grid's own scroll).
          if (restore.current.scrolled) return;
          restore.current.scrolled = true;
          const top = Math.min(restore.current.topRow, e.api.getDisplayedRowCount() - 1);
          if (top > 0) e.api.ensureIndexVisible(top, 'top');
        }}
        onBodyScrollEnd={(e) => {
          if (e.direction === 'vertical') props.onTopRowChange(Math.max(0, Math.round(e.top / ROW_HEIGHT)));
        }}
        onSortChanged={rememberColumns}
        onColumnResized={rememberColumns}
        onRowDataUpdated={syncSelection}
        onSelectionChanged={onSelectionChanged}
        onCellFocused={onCellFocused}
      />
    </section>
  );
}
