import type { FilterModel, GridApi } from 'ag-grid-community';
import type { FindingRow, FindingsQuery } from '../../../src-core/query/model/findings';
import { findingsFilterText, sortText, withSort, type FilterLabels, type FindingsFilter } from '../../shared/grid-export/filter-text';
import { headerOf, sortState, visibleColumns } from '../../shared/grid-export/grid-state';
import type { GridExportSpec } from '../../shared/grid-export/use-grid-export';
import { sortOf } from './findings-datasource';
import { withContains } from './findings-query';

/** The Findings grid's filter (search, facets and column filters) as a query and in words. */
export function findingsFilterOf(base: FindingsQuery, filterModel: FilterModel | null, labels: FilterLabels): FindingsFilter {
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
