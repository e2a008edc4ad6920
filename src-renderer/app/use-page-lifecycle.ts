import { useEffect } from 'react';
import type { DbClient } from '../db/db-client';

/**
 * Checkpoints when the page is hidden or closed. Edits are already durable in the journal, so a
 * checkpoint cut short by the page going away loses nothing; it only makes the next start faster.
 */
export function usePageLifecycle(client: DbClient): void {
  useEffect(() => {
    const flush = () => void client.flushCheckpoint();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [client]);
}
