import type { IDatasource, SortModelItem } from 'ag-grid-community';
import type { FindingRow, FindingSortColumn, FindingsQuery } from '../../../src-core/query/findings';
import type { DbClient } from '../../db/db-client';

/** Grid column ids that the findings query can sort by; the others are not sortable. */
const SORTABLE: Record<string, FindingSortColumn> = {
  report: 'report',
  section: 'section',
  subsection: 'subsection',
  kind: 'kind',
  status: 'status',
  rag: 'rag',
  includeInBrief: 'includeInBrief',
};

export function sortOf(model: SortModelItem[]): FindingsQuery['sort'] {
  const sort = model.flatMap((m) => {
    const column = SORTABLE[m.colId];
    return column ? [{ column, direction: m.sort === 'desc' ? ('desc' as const) : ('asc' as const) }] : [];
  });
  return sort.length > 0 ? sort.slice(0, 5) : undefined;
}

export interface DatasourceEvents {
  onCount(count: number): void;
  onError(message: string): void;
}

/**
 * The infinite row model's source: each block of rows is one `findings.page` request to the DB
 * worker (SQL with LIMIT/OFFSET, sorted by the grid's sort model), so the grid never holds more
 * than the blocks it shows, whatever the workspace's size. The total comes from one count per
 * query, so the scrollbar is right from the first block.
 */
export function findingsDatasource(client: DbClient, query: FindingsQuery, events: DatasourceEvents): IDatasource {
  let count: ReturnType<DbClient['findingsCount']> | null = null;
  return {
    getRows(params) {
      count ??= client.findingsCount(query);
      const page = client.findingsPage({ ...query, sort: sortOf(params.sortModel) }, params.startRow, params.endRow - params.startRow);
      void Promise.all([count, page]).then(([total, rows]) => {
        if (total.ok && rows.ok) {
          events.onCount(total.value);
          params.successCallback(rows.value satisfies FindingRow[], total.value);
          return;
        }
        events.onError(!total.ok ? total.error.message : !rows.ok ? rows.error.message : '');
        params.failCallback();
      });
    },
  };
}
