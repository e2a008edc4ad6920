import { useEffect, useState } from 'react';
import type { DbClient } from '../db/db-client';

/**
 * A number that changes whenever an undo or redo changes the workspace (from any view, or the
 * Edit menu), so a view that shows local copies of rows reads them again. A view's own edits are
 * not counted: it already shows them, and re-reading every row after each tick would be waste.
 */
export function useUndoTick(client: DbClient): number {
  const [tick, setTick] = useState(0);
  useEffect(
    () =>
      client.onDataChange((change) => {
        if (change.cause !== 'edit') setTick((t) => t + 1);
      }),
    [client],
  );
  return tick;
}
