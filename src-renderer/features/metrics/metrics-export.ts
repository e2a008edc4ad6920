import type { GridApi } from 'ag-grid-community';
import type { MetricRow, MetricsQuery } from '../../../src-core/query/model/metrics';
import { metricsFilterText, sortText, withSort, type FilterLabels } from '../../shared/grid-export/filter-text';
import { headerOf, sortState, visibleColumns } from '../../shared/grid-export/grid-state';
import type { GridExportSpec } from '../../shared/grid-export/use-grid-export';
import { CHART_COLUMN_ID } from './metrics-columns';

/** What the Metrics grid shows now, for "Export": its query and the grid's own (client-side) sort. */
export function metricsExportSpec(api: GridApi<MetricRow> | null, query: MetricsQuery, labels: FilterLabels): GridExportSpec | null {
  if (!api || api.isDestroyed()) return null;
  const sorted = sortState(api.getColumnState());
  return {
    source: { grid: 'metrics', query, sort: sorted.slice(0, 5) },
    // The chart's ticks are a choice on screen, not a value of the metric.
    columns: visibleColumns(api).filter((c) => c.colId !== CHART_COLUMN_ID),
    filter: withSort(metricsFilterText(query, labels), sortText(sorted, headerOf(api))),
    title: 'Metrics',
  };
}
