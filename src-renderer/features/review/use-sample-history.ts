import { useEffect, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { HistoryLoad } from '../metrics/use-metric-history';

/** A case file's audit trail, read again after each of its edits (`revision`). */
export function useSampleHistory(client: DbClient, sampleId: number | null, revision: number): HistoryLoad {
  const [state, setState] = useState<{ key: string; load: HistoryLoad }>({ key: '', load: { status: 'loading' } });
  const key = `${sampleId}:${revision}`;
  useEffect(() => {
    if (sampleId === null) return;
    let live = true;
    void client.sampleHistory(sampleId).then((r) => {
      if (live) setState({ key, load: r.ok ? { status: 'ready', entries: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [client, sampleId, key]);
  // An earlier revision of the same file stays shown while the new one loads; another file's never does.
  return state.key.split(':')[0] === String(sampleId) ? state.load : { status: 'loading' };
}
