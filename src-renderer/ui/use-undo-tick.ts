import { useEffect, useRef, useState } from 'react';
import type { DataChange, DbClient } from '../db/db-client';

/**
 * A number that changes whenever a change to the workspace's data that `counts` picks is made (from
 * any view, or the Edit menu), so a view that shows local copies of rows reads them again.
 */
export function useDataTick(client: DbClient, counts: (change: DataChange) => boolean): number {
  const [tick, setTick] = useState(0);
  // The latest filter, without subscribing again each render.
  const filter = useRef(counts);
  useEffect(() => {
    filter.current = counts;
  });
  useEffect(
    () =>
      client.onDataChange((change) => {
        if (filter.current(change)) setTick((t) => t + 1);
      }),
    [client],
  );
  return tick;
}

/**
 * Undo and redo only (they can change any row): a view's own edits are not counted, as it already
 * shows them, and re-reading every row after each tick would be waste.
 */
export function useUndoTick(client: DbClient): number {
  return useDataTick(client, (change) => change.cause !== 'edit');
}
