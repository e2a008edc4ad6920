import { useCallback, useEffect, useState } from 'react';
import type { SavedView } from '../../../src-core/query/model/saved-views';
import type { DbClient } from '../../db/db-client';

/** The workspace's saved findings views, read again after any change to them (including an undo). */
export function useSavedViews(client: DbClient) {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await client.savedViews('findings');
    if (r.ok) setViews(r.value);
    setProblem(r.ok ? null : `The saved views could not be listed: ${r.error.message}`);
  }, [client]);
  useEffect(() => {
    let live = true;
    void client.savedViews('findings').then((r) => {
      if (!live) return;
      if (r.ok) setViews(r.value);
      setProblem(r.ok ? null : `The saved views could not be listed: ${r.error.message}`);
    });
    const stop = client.onDataChange((change) => {
      if (change.op.startsWith('view.')) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [client, load]);
  return { views, problem };
}
