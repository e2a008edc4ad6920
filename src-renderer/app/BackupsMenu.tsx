import { useState } from 'react';
import type { BackupInfo, Host } from '../../src-core/host/contract';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/**
 * The open workspace's last five snapshots, read from the host when the list is opened. Restoring
 * needs no confirmation: the state it replaces becomes a backup in turn.
 */
export function BackupsMenu({ host, handle, onRestore }: { host: Host; handle: string; onRestore: (backupId: string) => void }) {
  const [items, setItems] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (open: boolean) => {
    if (!open) return;
    const r = await host.workspace.backups(handle);
    setItems(r.ok ? r.value : []);
    setProblem(r.ok ? null : r.error.message);
  };
  return (
    <details className="recent" onToggle={(e) => void load(e.currentTarget.open)}>
      <summary className="button">Backups</summary>
      <div className="recent-list">
        {problem && <p className="inline-problem">{problem}</p>}
        {items?.length === 0 && !problem && <p className="muted">No backups yet: one is kept each time the workspace is saved.</p>}
        <ul aria-label="Backups, newest first">
          {items?.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className="link-button"
                onClick={(e) => {
                  e.currentTarget.closest('details')?.removeAttribute('open');
                  onRestore(b.id);
                }}
              >
                Restore {when(b.savedAt)}
              </button>{' '}
              <span className="muted">({size(b.bytes)})</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
