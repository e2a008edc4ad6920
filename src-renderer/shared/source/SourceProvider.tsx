import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import { SourceStoreContext } from './source-context';
import { SourceStore } from './source-store';

/** Which workspace is open, as the app's controller says it (src-renderer/app/workspace-controller.ts). */
export interface OpenWorkspace {
  subscribe(listener: () => void): () => void;
  getState(): { phase: 'opening' } | { phase: 'failed' } | { phase: 'ready'; info: { handle: string } };
}

interface Props {
  host: Host;
  client: DbClient;
  workspace: OpenWorkspace;
  children: ReactNode;
}

/**
 * The open workspace's originals for every view's Source panel: each read once and kept (a PDF
 * parsed once) until another workspace opens, whichever view asks and however often views change.
 */
export function SourceProvider({ host, client, workspace, children }: Props) {
  const state = useSyncExternalStore(workspace.subscribe, workspace.getState);
  const handle = state.phase === 'ready' ? state.info.handle : null;
  const store = useMemo(() => (handle === null ? null : new SourceStore(host, client, handle)), [host, client, handle]);
  // Another workspace opened (or none is): what was read for this one is let go.
  useEffect(() => () => store?.dispose(), [store]);
  return <SourceStoreContext.Provider value={store}>{children}</SourceStoreContext.Provider>;
}
