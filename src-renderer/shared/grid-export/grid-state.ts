import type { ColumnState, GridApi } from 'ag-grid-community';

/**
 * What a grid shows now, read from its API for "Export": its visible columns with their headers
 * and its sort. Each view builds its own export spec from these (findings-export.ts,
 * metrics-export.ts, samples-export.ts), since only the view knows its rows' source and filter.
 */

export type SortedColumn = { colId: string; direction: 'asc' | 'desc' };

/** The grid's visible columns in the order shown, each with the header the grid shows. */
export function visibleColumns<T>(api: GridApi<T>): { colId: string; header: string }[] {
  const state: ColumnState[] = api.getColumnState();
  return (
    state
      // AG Grid's own columns (the metrics grid's selection checkboxes) hold no data.
      .filter((s) => !s.hide && !s.colId.startsWith('ag-Grid-'))
      .map((s) => {
        const column = api.getColumn(s.colId);
        return { colId: s.colId, header: (column && api.getDisplayNameForColumn(column, 'header')) || s.colId };
      })
  );
}

/** The grid's sort, in the order its columns were sorted (sortIndex). */
export function sortState(state: ColumnState[]): SortedColumn[] {
  return state
    .filter((s) => s.sort === 'asc' || s.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((s) => ({ colId: s.colId, direction: s.sort === 'desc' ? ('desc' as const) : ('asc' as const) }));
}

/** A column id → the header the grid shows for it. */
export function headerOf<T>(api: GridApi<T>): (colId: string) => string {
  return (colId: string) => {
    const column = api.getColumn(colId);
    return (column && api.getDisplayNameForColumn(column, 'header')) || colId;
  };
}
