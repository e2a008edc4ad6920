import { useState } from 'react';
import type { Host, WorkspaceInfo } from '../../src-core/host/contract';

/** Recently opened workspaces, read from the host each time the list is opened. */
export function RecentWorkspaces({ host, current, onOpen }: { host: Host; current: string | null; onOpen: (handle: string) => void }) {
  const [items, setItems] = useState<WorkspaceInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (open: boolean) => {
    if (!open) return;
    const r = await host.workspace.recent();
    setItems(r.ok ? r.value : []);
    setProblem(r.ok ? null : r.error.message);
  };
  return (
    <details className="recent" onToggle={(e) => void load(e.currentTarget.open)}>
      <summary className="button">Recent</summary>
      <div className="recent-list">
        {problem && <p className="inline-problem">{problem}</p>}
        {items?.length === 0 && !problem && <p className="muted">No recent workspaces.</p>}
        <ul>
          {items?.map((w) => (
            <li key={w.handle}>
              <button
                type="button"
                className="link-button"
                disabled={w.handle === current}
                onClick={(e) => {
                  e.currentTarget.closest('details')?.removeAttribute('open');
                  onOpen(w.handle);
                }}
              >
                {w.name}
                {w.handle === current && ' (open)'}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
