import type { IDatasource, SortModelItem } from 'ag-grid-community';
import type { FindingRow, FindingSortColumn, FindingsQuery } from '../../../src-core/query/model/findings';
import type { DbClient } from '../../db/db-client';
import type { DbResult } from '../../../src-core/service/protocol';
import { withContains } from './findings-query';

/** Grid column ids that the findings query can sort by; the others are not sortable. */
const SORTABLE: Record<string, FindingSortColumn> = {
  report: 'report',
  section: 'section',
  subsection: 'subsection',
  kind: 'kind',
  status: 'status',
  rag: 'rag',
  includeInBrief: 'includeInBrief',
  // Page and line follow the paragraph's place in its report.
  source: 'position',
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

export interface FindingsDatasource extends IDatasource {
  /** Drops the remembered totals: after an edit, a finding may have left or joined the filter. */
  forget(): void;
}

/**
 * The infinite row model's source: each block of rows is one `findings.page` request to the DB
 * worker (SQL with LIMIT/OFFSET, sorted by the grid's sort model and filtered by its filter model
 * as well as the search and facets), so the grid never holds more than the blocks it shows,
 * whatever the workspace's size. The total comes from one count per query, so the scrollbar is
 * right from the first block.
 */
export function findingsDatasource(client: DbClient, base: FindingsQuery, events: DatasourceEvents): FindingsDatasource {
  const counts = new Map<string, Promise<DbResult<number>>>();
  // Only the newest query may report its total: an older block can arrive after a newer one.
  let latest = '';
  return {
    forget: () => counts.clear(),
    getRows(params) {
      const query = withContains(base, params.filterModel);
      const key = JSON.stringify(query);
      latest = key;
      let count = counts.get(key);
      if (!count) {
        count = client.findingsCount(query);
        counts.set(key, count);
      }
      const page = client.findingsPage({ ...query, sort: sortOf(params.sortModel) }, params.startRow, params.endRow - params.startRow);
      void Promise.all([count, page]).then(([total, rows]) => {
        if (total.ok && rows.ok) {
          if (key === latest) events.onCount(total.value);
          params.successCallback(rows.value satisfies FindingRow[], total.value);
          return;
        }
        counts.delete(key);
        events.onError(!total.ok ? total.error.message : !rows.ok ? rows.error.message : '');
        params.failCallback();
      });
    },
  };
}
