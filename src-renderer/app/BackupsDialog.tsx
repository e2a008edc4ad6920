import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, Host } from '../../src-core/host/contract';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/**
 * File › Backups…: the open workspace's last five snapshots, read from the host each time the
 * dialog opens. Restoring needs no confirmation: the state it replaces becomes a backup in turn.
 * A modal dialog, so Escape closes it and focus goes back to where it was (the File button).
 */
export function BackupsDialog({
  host,
  handle,
  open,
  onClose,
  onRestore,
}: {
  host: Host;
  handle: string | null;
  open: boolean;
  onClose: () => void;
  onRestore: (backupId: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [items, setItems] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open && handle !== null) {
      setItems(null);
      setProblem(null);
      dialog.showModal();
      let live = true;
      void host.workspace.backups(handle).then((r) => {
        if (!live) return;
        setItems(r.ok ? r.value : []);
        setProblem(r.ok ? null : `The backups could not be listed: ${r.error.message}`);
      });
      return () => {
        live = false;
      };
    }
    if (!open && dialog.open) dialog.close();
    return undefined;
  }, [open, host, handle]);
  return (
    <dialog ref={ref} className="dialog backups" aria-labelledby="backups-title" onClose={onClose}>
      <h2 id="backups-title">Backups</h2>
      <p className="muted">One is kept each time the workspace is saved; restoring one keeps the present state as a backup.</p>
      {problem && <p className="inline-problem">{problem}</p>}
      {items === null && !problem && <p className="muted">Reading the backups…</p>}
      {items?.length === 0 && !problem && <p className="muted">No backups yet: one is kept each time the workspace is saved.</p>}
      <ul className="backups-list" aria-label="Backups, newest first">
        {items?.map((b) => (
          <li key={b.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                ref.current?.close();
                onRestore(b.id);
              }}
            >
              Restore {when(b.savedAt)}
            </button>{' '}
            <span className="muted">({size(b.bytes)})</span>
          </li>
        ))}
      </ul>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
