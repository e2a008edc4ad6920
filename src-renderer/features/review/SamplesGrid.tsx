import type { CellFocusedEvent, ColumnState, GridApi, IDatasource, ModelUpdatedEvent, RowSelectionOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { registerGridModules } from '../../shared/grid/ag-grid-setup';
import { DEFAULT_SAMPLE_COLUMN, SAMPLE_COLUMNS } from './review-columns';
import type { SamplesGridContext } from './sample-edits';
import { GRID_TAB_STOPS } from '../../ui/grid-tab-stops';
import { keptColumns, type SampleColumns } from './review-desk';

registerGridModules();

/** Compact: one line a row, so a docked panel of 300 px shows nine case files. */
const ROW_HEIGHT = 30;
const BLOCK_SIZE = 100;
const ROW_SELECTION: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };

interface Props {
  datasource: IDatasource;
  /** More than one force in the workspace: a Force column says which each file is from. */
  showForce: boolean;
  context: SamplesGridContext;
  /** The columns as the analyst left them (sort, widths), applied when the grid starts. */
  columns: SampleColumns | null;
  onColumns(columns: SampleColumns): void;
  /** The case file selected when the view was last open: selected again once its block is read. */
  restoreId: number | null;
  onReady(api: GridApi<SampleListRow>): void;
  /** The row with the focused cell: arrow keys move it, and it is the one the detail panel shows. */
  onFocusRow(row: SampleListRow): void;
}

/** The case files: AG Grid Community's infinite row model over the worker's paged SQL. */
export function SamplesGrid({ datasource, showForce, context, columns: remembered, onColumns, restoreId, onReady, onFocusRow }: Props) {
  const columns = useMemo(() => SAMPLE_COLUMNS.map((c) => (c.colId === 'force' ? { ...c, hide: !showForce } : c)), [showForce]);
  const pending = useRef(restoreId);
  const onCellFocused = (e: CellFocusedEvent<SampleListRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    // The analyst's own choice: the remembered case file no longer waits to be selected.
    pending.current = null;
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (!node?.data) return;
    node.setSelected(true);
    onFocusRow(node.data);
  };
  // The remembered case file, once the block holding it has been read (the first block, in practice).
  const onModelUpdated = (e: ModelUpdatedEvent<SampleListRow>) => {
    const id = pending.current;
    if (id === null) return;
    const node = e.api.getRowNode(String(id));
    // Looked for once, in the first rows read: a case file further down is not chased later.
    if (e.api.getDisplayedRowCount() > 1) pending.current = null;
    if (!node?.data || node.rowIndex === null) return;
    node.setSelected(true);
    e.api.ensureIndexVisible(node.rowIndex, 'middle');
    onFocusRow(node.data);
  };
  const saveColumns = (api: GridApi<SampleListRow>) => {
    // The Force column's visibility follows the workspace, not the analyst: it is not kept.
    onColumns(keptColumns(api.getColumnState()).map((c) => (c.colId === 'force' ? { ...c, hide: null } : c)));
  };
  return (
    <section className="review-grid ag-theme-quartz" aria-label="Case files">
      <AgGridReact<SampleListRow>
        theme="legacy"
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        infiniteInitialRowCount={1}
        columnDefs={columns}
        defaultColDef={DEFAULT_SAMPLE_COLUMN}
        rowHeight={ROW_HEIGHT}
        getRowId={(p) => String(p.data.id)}
        context={context}
        rowSelection={ROW_SELECTION}
        // Twenty columns at most: all rendered, so every cell of a row is in the page for assistive technology.
        suppressColumnVirtualisation
        tooltipShowDelay={400}
        {...GRID_TAB_STOPS}
        onGridReady={(e) => {
          if (remembered && remembered.length > 0) {
            const state: ColumnState[] = remembered.map(({ hide, ...c }) => ({
              ...c,
              ...(hide !== null && hide !== undefined && { hide }),
            }));
            e.api.applyColumnState({ state, applyOrder: true });
          }
          onReady(e.api);
        }}
        onModelUpdated={onModelUpdated}
        onSortChanged={(e) => saveColumns(e.api)}
        onColumnResized={(e) => {
          if (e.finished && e.source === 'uiColumnResized') saveColumns(e.api);
        }}
        onCellFocused={onCellFocused}
      />
    </section>
  );
}
