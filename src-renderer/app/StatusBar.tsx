import { useSyncExternalStore } from 'react';
import type { Host } from '../../src-core/host/contract';
import type { DbClient, SaveState } from '../db/db-client';
import type { WorkspaceState } from './workspace-controller';

function saveText(save: SaveState): string {
  switch (save.status) {
    case 'saved':
      return 'All changes saved';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Changes not saved: ${save.message}`;
  }
}

/** Which workspace is open and whether everything in it is on disk: what an analyst checks before closing the lid. */
export function StatusBar({ host, client, workspace }: { host: Host; client: DbClient; workspace: WorkspaceState }) {
  const save = useSyncExternalStore(client.subscribe, client.getSaveState);
  const meta = `PEEL Workbench ${host.version} · ${host.kind === 'electron' ? 'desktop' : 'browser preview'} · Report text © Crown copyright (HMICFRS), Open Government Licence v3.0`;
  return (
    <footer className="status-bar">
      <p className="status-workspace">
        {workspace.phase === 'ready' ? (
          <>
            Workspace: <strong>{workspace.info.name}</strong>
          </>
        ) : (
          'No workspace open'
        )}
      </p>
      <p role="status" className={`save-state save-state--${save.status}`}>
        {workspace.phase === 'ready' || save.status !== 'saved' ? saveText(save) : ''}
      </p>
      <p className="status-meta" title={meta}>
        {meta}
      </p>
    </footer>
  );
}
