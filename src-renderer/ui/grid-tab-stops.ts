import type { CellPosition, GridOptions, HeaderPosition } from 'ag-grid-community';

/**
 * Tab moves between a grid's header row and its body and then out of the grid, instead of
 * walking it cell by cell; the arrow keys move inside each (the WAI-ARIA grid pattern). AG Grid's
 * default, Tab to the next cell row after row, would make a keyboard user press Tab once per cell
 * to get past the findings grid, hundreds of thousands of times in a large workspace: in
 * practice a trap in front of the detail panel and everything after it (WCAG 2.1.1, 2.1.2).
 *
 * Forward: header → body (its first row, in the same column) → out. Backward: body → header → out.
 * A header position with row index -1 is AG Grid's way of saying "the body"; a cell position with
 * row index -1 means "the last header row". Coming back with Shift+Tab (from the detail panel,
 * say) lands on the cell that had focus, so the analyst's place in the grid is kept.
 */
export const GRID_TAB_STOPS = {
  tabToNextHeader: ({ backwards, previousHeaderPosition }): HeaderPosition | boolean =>
    backwards || !previousHeaderPosition ? false : { headerRowIndex: -1, column: previousHeaderPosition.column },
  tabToNextCell: ({ backwards, previousCellPosition }): CellPosition | boolean =>
    backwards ? { rowIndex: -1, rowPinned: null, column: previousCellPosition.column } : false,
  focusGridInnerElement: ({ api, fromBottom }) => {
    const cell = fromBottom ? api.getFocusedCell() : null;
    if (!cell || cell.rowIndex >= api.getDisplayedRowCount()) return false;
    api.ensureIndexVisible(cell.rowIndex);
    api.setFocusedCell(cell.rowIndex, cell.column, cell.rowPinned);
    return true;
  },
} satisfies Pick<GridOptions, 'tabToNextCell' | 'tabToNextHeader' | 'focusGridInnerElement'>;
