import type { ColumnState, FilterModel, GridApi } from 'ag-grid-community';
import type { FindingRow, FindingsQuery } from '../../../src-core/query/findings';
import type { MetricRow, MetricsQuery } from '../../../src-core/query/metrics';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { sortOf } from '../findings/findings-datasource';
import { withContains } from '../findings/findings-query';
import { sampleSortOf } from '../review/samples-datasource';
import { findingsFilterText, metricsFilterText, sortText, withSort, type FilterLabels } from './filter-text';
import type { CurrentFindingsFilter } from './current-findings';
import type { GridExportSpec } from './use-grid-export';

type Sorted = { colId: string; direction: 'asc' | 'desc' };

/** The grid's visible columns in the order shown, each with the header the grid shows. */
function visibleColumns(api: GridApi<never> | GridApi<FindingRow> | GridApi<MetricRow> | GridApi<SampleListRow>) {
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
function sortState(state: ColumnState[]): Sorted[] {
  return state
    .filter((s) => s.sort === 'asc' || s.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((s) => ({ colId: s.colId, direction: s.sort === 'desc' ? ('desc' as const) : ('asc' as const) }));
}

function headerOf(api: GridApi<never> | GridApi<FindingRow> | GridApi<MetricRow> | GridApi<SampleListRow>) {
  return (colId: string) => {
    const column = api.getColumn(colId);
    return (column && api.getDisplayNameForColumn(column, 'header')) || colId;
  };
}

/** The Findings grid's filter (search, facets and column filters) as a query and in words. */
export function findingsFilterOf(base: FindingsQuery, filterModel: FilterModel | null, labels: FilterLabels): CurrentFindingsFilter {
  const query = withContains(base, filterModel);
  return { query, label: findingsFilterText(query, labels) };
}

/** What the Findings grid shows now, for "Export": its query with its sort, its visible columns and the filter in words. */
export function findingsExportSpec(api: GridApi<FindingRow> | null, base: FindingsQuery, labels: FilterLabels): GridExportSpec | null {
  if (!api || api.isDestroyed()) return null;
  const state = api.getColumnState();
  const sorted = sortState(state);
  const filter = findingsFilterOf(base, api.getFilterModel(), { column: headerOf(api), ...labels });
  const sort = sortOf(sorted.map((s) => ({ colId: s.colId, sort: s.direction })));
  return {
    source: { grid: 'findings', query: sort ? { ...filter.query, sort } : filter.query },
    columns: visibleColumns(api),
    filter: withSort(filter.label, sortText(sorted, headerOf(api))),
    title: 'Findings',
  };
}

/** What the Metrics grid shows now: its query and the grid's own (client-side) sort. */
export function metricsExportSpec(api: GridApi<MetricRow> | null, query: MetricsQuery, labels: FilterLabels): GridExportSpec | null {
  if (!api || api.isDestroyed()) return null;
  const sorted = sortState(api.getColumnState());
  return {
    source: { grid: 'metrics', query, sort: sorted.slice(0, 5) },
    columns: visibleColumns(api),
    filter: withSort(metricsFilterText(query, labels), sortText(sorted, headerOf(api))),
    title: 'Metrics',
  };
}

/** What the File review grid shows now: every case file (it has no filter), in its sort. */
export function samplesExportSpec(api: GridApi<SampleListRow> | null): GridExportSpec | null {
  if (!api || api.isDestroyed()) return null;
  const sorted = sortState(api.getColumnState());
  const sort = sampleSortOf(sorted.map((s) => ({ colId: s.colId, sort: s.direction })));
  return {
    source: { grid: 'samples', sort },
    columns: visibleColumns(api),
    filter: withSort('No filter: every case file', sortText(sort ? sorted.filter((s) => s.colId === sort.column) : [], headerOf(api))),
    title: 'Case files',
  };
}
