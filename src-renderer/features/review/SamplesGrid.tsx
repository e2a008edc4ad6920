import type { CellFocusedEvent, GridApi, IDatasource, RowSelectionOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { registerGridModules } from '../../shared/grid/ag-grid-setup';
import { DEFAULT_SAMPLE_COLUMN, SAMPLE_COLUMNS } from './review-columns';
import type { SamplesGridContext } from './sample-edits';
import { GRID_TAB_STOPS } from '../../ui/grid-tab-stops';

registerGridModules();

const ROW_HEIGHT = 40;
const BLOCK_SIZE = 100;
const ROW_SELECTION: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };

interface Props {
  datasource: IDatasource;
  /** More than one force in the workspace: a Force column says which each file is from. */
  showForce: boolean;
  context: SamplesGridContext;
  onReady(api: GridApi<SampleListRow>): void;
  /** The row with the focused cell: arrow keys move it, and it is the one the detail panel shows. */
  onFocusRow(row: SampleListRow): void;
}

/** The case files: AG Grid Community's infinite row model over the worker's paged SQL. */
export function SamplesGrid({ datasource, showForce, context, onReady, onFocusRow }: Props) {
  const columns = useMemo(() => SAMPLE_COLUMNS.map((c) => (c.colId === 'force' ? { ...c, hide: !showForce } : c)), [showForce]);
  const onCellFocused = (e: CellFocusedEvent<SampleListRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (!node?.data) return;
    node.setSelected(true);
    onFocusRow(node.data);
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
        // Nineteen columns at most: all rendered, so every cell of a row is in the page for assistive technology.
        suppressColumnVirtualisation
        tooltipShowDelay={400}
        {...GRID_TAB_STOPS}
        onGridReady={(e) => onReady(e.api)}
        onCellFocused={onCellFocused}
      />
    </section>
  );
}
