import type { ReactNode } from 'react';
import { z } from 'zod';
import { usePersistentState } from '../../ui/use-persistent-state';

/**
 * A collapsible part of the metric's detail below the editor (the quote, the warning, the
 * history): open at first, and closed or open as the analyst left it, per workspace.
 */
export function DetailSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const [open, setOpen] = usePersistentState(`metrics:detail:${id}`, true, z.boolean(), 0);
  return (
    <details className="metric-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      <div className="metric-section-body">{children}</div>
    </details>
  );
}
