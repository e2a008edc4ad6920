import type { IDatasource, SortModelItem } from 'ag-grid-community';
import type { DbClient } from '../../db/db-client';
import type { SampleSortColumn } from '../../../src-core/service/protocol';
import { SORTABLE } from './review-columns';

export function sampleSortOf(model: SortModelItem[]): { column: SampleSortColumn; direction: 'asc' | 'desc' } | undefined {
  for (const m of model) {
    const column = SORTABLE[m.colId];
    if (column) return { column, direction: m.sort === 'desc' ? 'desc' : 'asc' };
  }
  return undefined;
}

/**
 * The infinite row model's source: each block is one `samples.list` request (SQL with LIMIT and
 * OFFSET), so the grid holds only the blocks it shows at the design's 50,000 case files. The
 * total is learnt when a block comes back short.
 */
export function samplesDatasource(client: DbClient, onError: (message: string) => void): IDatasource {
  return {
    getRows(params) {
      const limit = params.endRow - params.startRow;
      void client.samplesPage(params.startRow, limit, sampleSortOf(params.sortModel)).then((r) => {
        if (!r.ok) {
          onError(r.error.message);
          params.failCallback();
          return;
        }
        params.successCallback(r.value, r.value.length < limit ? params.startRow + r.value.length : undefined);
      });
    },
  };
}
