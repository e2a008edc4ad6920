import { useEffect, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { ReportOverview } from '../../../src-core/query/model/overview';

export type OverviewState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; reports: ReportOverview[] };

/**
 * Reads the overview through the DB worker; again whenever `version` changes (another workspace,
 * an import, an edit, an undo). Until the answer for this version arrives, the previous one stays
 * on screen (no flash on import, and a ticked box stays ticked).
 */
export function useReportsOverview(client: DbClient, version: string): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void client.reportsOverview().then((r) => {
      // Only the answer to the latest request may land.
      if (live) setState(r.ok ? { status: 'ready', reports: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, version]);
  return state;
}
