import type { Host } from '../../src-core/host/contract';
import { BackupsMenu } from './BackupsMenu';
import { RecentWorkspaces } from './RecentWorkspaces';
import type { WorkspaceController } from './workspace-controller';

/** File commands as buttons: the browser has no application menu, and in Electron they mirror it. */
export function WorkspaceActions({
  host,
  controller,
  current,
  onAbout,
  onShortcuts,
  onPreferences,
}: {
  host: Host;
  controller: WorkspaceController;
  current: string | null;
  onAbout: () => void;
  onShortcuts: () => void;
  onPreferences: () => void;
}) {
  return (
    <div className="workspace-actions" role="group" aria-label="Workspace">
      <button type="button" className="button" onClick={() => void controller.create()}>
        New workspace
      </button>
      <button type="button" className="button" onClick={() => void controller.open()}>
        Open workspace…
      </button>
      <RecentWorkspaces host={host} current={current} onOpen={(h) => void controller.openRecent(h)} />
      {current !== null && <BackupsMenu key={current} host={host} handle={current} onRestore={(id) => void controller.restoreBackup(id)} />}
      <button type="button" className="button" disabled={current === null} onClick={() => void controller.saveCopy()}>
        Save a copy
      </button>
      <button type="button" className="button" onClick={onPreferences}>
        Preferences
      </button>
      <button type="button" className="button" onClick={onShortcuts}>
        Keyboard shortcuts
      </button>
      <button type="button" className="button" onClick={onAbout}>
        About
      </button>
    </div>
  );
}
