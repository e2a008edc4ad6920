import type {
  CellFocusedEvent,
  CellKeyDownEvent,
  FullWidthCellKeyDownEvent,
  GridApi,
  IDatasource,
  RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { FindingRow } from '../../../src-core/query/model/findings';
import { registerGridModules } from '../../shared/grid/ag-grid-setup';
import { GRID_TAB_STOPS } from '../../ui/grid-tab-stops';
import type { FindingsGridContext } from './finding-edits';
import { DEFAULT_COLUMN, FINDING_COLUMNS } from './findings-columns';
import { ROW_HEIGHT, type Density } from './findings-desk';

registerGridModules();

const BLOCK_SIZE = 100;
const ROW_SELECTION: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };

interface Props {
  datasource: IDatasource;
  /** Fixed row heights, because the infinite row model cannot measure rows it has not loaded. */
  density: Density;
  context: FindingsGridContext;
  onReady(api: GridApi<FindingRow>): void;
  /** The row with the focused cell: arrow keys move it, and it is the one the detail panel shows. */
  onFocusRow(row: FindingRow, rowIndex: number): void;
  /** Enter on a row: to the annotation editor. */
  onEnter(): void;
  /** B on a row: include it in the brief, or leave it out. */
  onToggleBrief(row: FindingRow): void;
  /** Filters, sort or columns changed (for the facets and saved views). */
  onStateChanged(api: GridApi<FindingRow>): void;
  /** Columns moved or resized (remembered with the workspace). */
  onColumnsChanged(api: GridApi<FindingRow>): void;
  /** The grid scrolled: the first row in view (remembered with the workspace). */
  onScrolled(firstRow: number): void;
  /** A block of rows arrived (to select and scroll to a remembered or revealed finding). */
  onRowsLoaded(api: GridApi<FindingRow>): void;
}

function keyOf(e: CellKeyDownEvent<FindingRow> | FullWidthCellKeyDownEvent<FindingRow>): KeyboardEvent | null {
  return e.event instanceof KeyboardEvent ? e.event : null;
}

/** The findings grid: AG Grid Community's infinite row model over the worker's paged SQL. */
export function FindingsGrid({
  datasource,
  density,
  context,
  onReady,
  onFocusRow,
  onEnter,
  onToggleBrief,
  onStateChanged,
  onColumnsChanged,
  onScrolled,
  onRowsLoaded,
}: Props) {
  const onCellFocused = (e: CellFocusedEvent<FindingRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (!node?.data) return;
    node.setSelected(true);
    onFocusRow(node.data, e.rowIndex);
  };
  const onCellKeyDown = (e: CellKeyDownEvent<FindingRow> | FullWidthCellKeyDownEvent<FindingRow>) => {
    const key = keyOf(e);
    if (!key || key.defaultPrevented || key.ctrlKey || key.metaKey || key.altKey || !e.data) return;
    if (key.key === 'Enter') {
      key.preventDefault();
      onEnter();
    } else if (key.key === 'b' || key.key === 'B') {
      key.preventDefault();
      onToggleBrief(e.data);
    }
  };
  return (
    <section className={`findings-grid findings-grid--${density} ag-theme-quartz`} aria-label="Findings">
      <AgGridReact<FindingRow>
        theme="legacy"
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        infiniteInitialRowCount={BLOCK_SIZE}
        columnDefs={FINDING_COLUMNS}
        defaultColDef={DEFAULT_COLUMN}
        rowHeight={ROW_HEIGHT[density]}
        getRowId={(p) => String(p.data.id)}
        context={context}
        rowSelection={ROW_SELECTION}
        // Ten columns at most: render them all, so every cell of a row is in the page (for
        // assistive technology and find-in-page), not just those scrolled into view.
        suppressColumnVirtualisation
        {...GRID_TAB_STOPS}
        onGridReady={(e) => onReady(e.api)}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onFilterChanged={(e) => onStateChanged(e.api)}
        onSortChanged={(e) => onStateChanged(e.api)}
        onColumnVisible={(e) => onStateChanged(e.api)}
        onColumnMoved={(e) => e.finished && onColumnsChanged(e.api)}
        onColumnResized={(e) => e.finished && onColumnsChanged(e.api)}
        onBodyScrollEnd={(e) => onScrolled(Math.max(0, e.api.getFirstDisplayedRowIndex()))}
        onModelUpdated={(e) => onRowsLoaded(e.api)}
      />
    </section>
  );
}
