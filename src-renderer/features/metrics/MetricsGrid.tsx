import type { CellFocusedEvent, GridApi, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { DEFAULT_METRIC_COLUMN, METRIC_COLUMNS, METRIC_ROW_CLASSES } from './metrics-columns';
import type { MetricsGridContext } from './metrics-grid-context';
import { GRID_TAB_STOPS } from '../../ui/grid-tab-stops';
import { registerMetricsGridModules } from './metrics-grid-setup';

registerMetricsGridModules();

/** Three lines (category over a two-line measure), fixed so the grid never jumps. */
const ROW_HEIGHT = 62;
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false } as const;
const SELECTION_COLUMN = { width: 44, headerTooltip: 'Select metrics to chart' } as const;
/** Selection the view itself put on the grid; only what the analyst does is reported back. */
const OWN_SOURCES = new Set(['api', 'rowDataChanged', 'gridInitializing']);

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
}

export function MetricsGrid({ rows, showReport, selected, onSelectionChange, onFocusRow, context, onReady }: Props) {
  const api = useRef<GridApi<MetricRow> | null>(null);
  const columns = useMemo(() => METRIC_COLUMNS.map((c) => (c.colId === 'report' ? { ...c, hide: !showReport } : c)), [showReport]);

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

  return (
    <section className="metrics-grid ag-theme-quartz" aria-label="Metrics">
      <AgGridReact<MetricRow>
        theme="legacy"
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_METRIC_COLUMN}
        rowSelection={ROW_SELECTION}
        selectionColumnDef={SELECTION_COLUMN}
        rowClassRules={METRIC_ROW_CLASSES}
        rowHeight={ROW_HEIGHT}
        // Fifteen columns: all rendered, so every checkbox is in the page for keyboard and screen reader users.
        suppressColumnVirtualisation
        getRowId={(p) => String(p.data.id)}
        context={context}
        tooltipShowDelay={400}
        {...GRID_TAB_STOPS}
        onGridReady={(e) => {
          api.current = e.api;
          onReady?.(e.api);
          syncSelection();
        }}
        onRowDataUpdated={syncSelection}
        onSelectionChanged={onSelectionChanged}
        onCellFocused={onCellFocused}
      />
    </section>
  );
}
