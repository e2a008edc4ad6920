import { useEffect, useState } from 'react';
import type { HistoryEntry, HistoryTarget } from '../../../src-core/query/model/history';
import type { DbClient } from '../../db/db-client';

export type HistoryLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: HistoryEntry[] };

/** Items whose history is read on its own (a finding's comes with its detail): a case file, or any audited item. */
export type HistoryOf = 'sample' | HistoryTarget;

function read(client: DbClient, of: HistoryOf, id: number) {
  if (of === 'metric') return client.metricHistory(id);
  if (of === 'sample') return client.sampleHistory(id);
  return client.history(of, id);
}

/** An item's audit trail, read again after each of its edits (`revision`). */
export function useHistory(client: DbClient, of: HistoryOf, id: number | null, revision: number): HistoryLoad {
  const [state, setState] = useState<{ key: string; load: HistoryLoad }>({ key: '', load: { status: 'loading' } });
  const item = `${of}:${id}`;
  const key = `${item}:${revision}`;
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void read(client, of, id).then((r) => {
      if (live) setState({ key, load: r.ok ? { status: 'ready', entries: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [client, of, id, key]);
  // An earlier revision of the same item stays shown while the new one loads; another item's never does.
  return state.key.startsWith(`${item}:`) ? state.load : { status: 'loading' };
}
