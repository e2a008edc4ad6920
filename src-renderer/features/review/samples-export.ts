import type { GridApi } from 'ag-grid-community';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { sortText, withSort } from '../../shared/grid-export/filter-text';
import { headerOf, sortState, visibleColumns } from '../../shared/grid-export/grid-state';
import type { GridExportSpec } from '../../shared/grid-export/use-grid-export';
import { sampleSortOf } from './samples-datasource';

/** What the File review grid shows now, for "Export": every case file (it has no filter), in its sort. */
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
