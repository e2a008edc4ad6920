import { useEffect, useState } from 'react';
import type { DbClient } from '../../db/db-client';

/**
 * A number that changes after every change to the workspace's data: an edit made here or in
 * another view (a figure verified in Metrics settles a warning here), an undo or a redo. Unlike
 * useUndoTick, edits count: the coverage line is the view's own summary and is read again after
 * each one, as is the overview, which is small enough to read whole.
 */
export function useChangeTick(client: DbClient): number {
  const [tick, setTick] = useState(0);
  useEffect(() => client.onDataChange(() => setTick((t) => t + 1)), [client]);
  return tick;
}
