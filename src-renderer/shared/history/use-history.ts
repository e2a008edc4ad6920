import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../src-core/query/model/history';
import type { DbClient } from '../../db/db-client';

export type HistoryLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: HistoryEntry[] };

/** Items whose history is read on its own (a finding's comes with its detail). */
export type HistoryOf = 'metric' | 'sample';

/** An item's audit trail, read again after each of its edits (`revision`). */
export function useHistory(client: DbClient, of: HistoryOf, id: number | null, revision: number): HistoryLoad {
  const [state, setState] = useState<{ key: string; load: HistoryLoad }>({ key: '', load: { status: 'loading' } });
  const key = `${id}:${revision}`;
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void (of === 'metric' ? client.metricHistory(id) : client.sampleHistory(id)).then((r) => {
      if (live) setState({ key, load: r.ok ? { status: 'ready', entries: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [client, of, id, key]);
  // An earlier revision of the same item stays shown while the new one loads; another item's never does.
  return state.key.split(':')[0] === String(id) ? state.load : { status: 'loading' };
}
