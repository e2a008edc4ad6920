import { useEffect, useState } from 'react';
import { WorkspaceError } from '../../src-core/db/errors';
import type { Host } from '../../src-core/host/contract';
import { openWorkspaceBytes } from '../db/open-workspace';
import { readOverview, type ReportOverview } from '../db/overview';

export type OverviewState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; reports: ReportOverview[] };

async function loadOverview(host: Host): Promise<OverviewState> {
  try {
    const bytes = await host.openDefaultWorkspace();
    if (!bytes.ok) return { status: 'error', message: bytes.error.message };
    const db = await openWorkspaceBytes(bytes.value, 'The default workspace');
    try {
      return { status: 'ready', reports: readOverview(db) };
    } finally {
      db.close();
    }
  } catch (e) {
    if (e instanceof WorkspaceError) return { status: 'error', message: e.message };
    return { status: 'error', message: `The default workspace could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Opens the default workspace once and reads the overview; the view never sees an exception. */
export function useWorkspaceOverview(host: Host): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void loadOverview(host).then((next) => {
      // StrictMode mounts twice in dev; only the surviving effect may set state.
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [host]);
  return state;
}
