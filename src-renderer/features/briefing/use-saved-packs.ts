import { useCallback, useEffect, useState } from 'react';
import type { SavedPack } from '../../../src-core/query/model/packs';
import type { DbClient } from '../../db/db-client';

/** The workspace's saved packs, read again whenever a pack is saved, deleted, or an undo brings one back. */
export function useSavedPacks(client: DbClient, version: string) {
  const [packs, setPacks] = useState<SavedPack[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(
    () =>
      client.onDataChange((change) => {
        if (change.op.startsWith('pack.') || change.cause !== 'edit') setTick((t) => t + 1);
      }),
    [client],
  );
  const apply = useCallback((r: Awaited<ReturnType<DbClient['packs']>>) => {
    if (r.ok) setPacks(r.value);
    setProblem(r.ok ? null : `The saved packs could not be read: ${r.error.message}`);
    return r.ok ? r.value : null;
  }, []);
  /** Reads the list now (after a save, to learn the new pack's id). */
  const reload = useCallback(async () => apply(await client.packs()), [client, apply]);
  useEffect(() => {
    let live = true;
    void client.packs().then((r) => live && apply(r));
    return () => {
      live = false;
    };
  }, [client, apply, version, tick]);
  return { packs, problem, reload };
}
