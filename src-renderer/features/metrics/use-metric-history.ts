import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../src-core/query/history';
import type { DbClient } from '../../db/db-client';

export type HistoryLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: HistoryEntry[] };

/** A metric's audit trail, read again after each of its edits (`revision`). */
export function useMetricHistory(client: DbClient, metricId: number | null, revision: number): HistoryLoad {
  const [state, setState] = useState<{ key: string; load: HistoryLoad }>({ key: '', load: { status: 'loading' } });
  const key = `${metricId}:${revision}`;
  useEffect(() => {
    if (metricId === null) return;
    let live = true;
    void client.metricHistory(metricId).then((r) => {
      if (live) setState({ key, load: r.ok ? { status: 'ready', entries: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [client, metricId, key]);
  // An earlier revision of the same metric stays shown while the new one loads; another metric's never does.
  return state.key.split(':')[0] === String(metricId) ? state.load : { status: 'loading' };
}
