import { useEffect, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { ReportCoverage } from '../../../src-core/query/model/coverage';

/**
 * Each report's coverage, by report id, read again whenever `version` changes. Until the new
 * answer arrives the last one stays shown; a failed read shows nothing rather than a stale line
 * presented as current.
 */
export function useCoverage(client: DbClient, version: string): ReadonlyMap<number, ReportCoverage> | null {
  const [coverage, setCoverage] = useState<ReadonlyMap<number, ReportCoverage> | null>(null);
  useEffect(() => {
    let live = true;
    void client
      .coverage()
      .then((r) => {
        if (live) setCoverage(r.ok ? new Map(r.value.map((c) => [c.reportId, c])) : null);
      })
      .catch(() => live && setCoverage(null));
    return () => {
      live = false;
    };
  }, [client, version]);
  return coverage;
}
