import { useEffect, useState } from 'react';
import type { FacetCount, FacetName } from '../../../src-core/query/model/facets';
import type { FindingsQuery } from '../../../src-core/query/model/findings';
import type { DbClient } from '../../db/db-client';

export type Facets = Record<FacetName, FacetCount[]>;

/**
 * The facet panel's counts for a query: one `findings.facets` request each time the query or the
 * data changes (`version`). The last counts stay on screen while the next are on their way, so
 * the panel does not flicker as the analyst types.
 */
export function useFacets(client: DbClient, query: FindingsQuery, version: number) {
  const [counted, setCounted] = useState<{ facets: Facets; key: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    void client.facets(JSON.parse(key) as FindingsQuery).then((r) => {
      if (!live) return;
      if (r.ok) setCounted({ facets: r.value, key });
      setProblem(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, key, version]);
  /** `key`: the query the counts are for (JSON), so a caller can tell counts of an older query. */
  return { facets: counted?.facets ?? null, key: counted?.key ?? null, problem };
}
