import type { FindingsQuery } from '../../../src-core/query/model/findings';
import type { DbClient } from '../../db/db-client';

/** Pages read at most: a finding further down than this many rows is selected without scrolling to it. */
const MAX_PAGES = 20;
const PAGE = 1000;

/**
 * Where a finding sits in the grid's rows for a query and sort (its row index), or null when the
 * query does not hold it. Read page by page through the same paged query the grid uses, so the
 * index is the grid's; bounded, so a huge workspace costs at most MAX_PAGES reads.
 */
export async function locateFinding(client: DbClient, query: FindingsQuery, id: number): Promise<number | null> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await client.findingsPage(query, page * PAGE, PAGE);
    if (!rows.ok) return null;
    const at = rows.value.findIndex((r) => r.id === id);
    if (at >= 0) return page * PAGE + at;
    if (rows.value.length < PAGE) return null;
  }
  return null;
}
