import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useGroupRef, type Layout, type PanelProps } from 'react-resizable-panels';
import { z } from 'zod';
import { useUiStateStore } from './use-persistent-state';
import './dock.css';

const LAYOUT = z.record(z.string().max(64), z.number().min(0).max(100));

interface DockProps {
  /** Names the layout in the workspace's remembered state: unique in the app ("findings", "metrics-lower"). */
  id: string;
  /** The ids of the panels rendered now, in order: each set of panels has its own remembered sizes. */
  panels: readonly string[];
  orientation?: 'horizontal' | 'vertical';
  className?: string;
  children: ReactNode;
}

/**
 * Docked panels with splitters (react-resizable-panels): drag a splitter, or focus it and use the
 * arrow keys (Home and End collapse and restore a collapsible panel). The sizes are remembered per
 * workspace and per set of panels shown, so opening the Source panel does not forget the layout
 * without it.
 */
export function Dock({ id, panels, orientation = 'horizontal', className, children }: DockProps) {
  const store = useUiStateStore();
  const group = useGroupRef();
  const set = panels.join('+');
  const key = `dock:${id}:${set}`;
  const initial = useMemo(() => store.read(key, LAYOUT), [store]); // eslint-disable-line react-hooks/exhaustive-deps -- read at mount only
  const mounted = useRef(false);
  // Another set of panels (the Source panel opened or closed): its own remembered sizes, if any.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const saved = store.read(key, LAYOUT);
    if (saved && sameKeys(saved, panels)) group.current?.setLayout(saved);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- on a change of the panel set only
  return (
    <Group
      id={id}
      groupRef={group}
      orientation={orientation}
      className={className ? `dock ${className}` : 'dock'}
      defaultLayout={initial && sameKeys(initial, panels) ? initial : undefined}
      onLayoutChanged={(layout: Layout, meta) => {
        if (meta.isUserInteraction && sameKeys(layout, panels)) store.write(key, meta.requestedLayout ?? layout);
      }}
    >
      {children}
    </Group>
  );
}

const sameKeys = (layout: Layout, panels: readonly string[]) =>
  Object.keys(layout).length === panels.length && panels.every((p) => p in layout);

/** A docked panel: it never grows the page; what is inside scrolls inside it. */
export function DockPanel({ className, children, ...props }: PanelProps & { id: string }) {
  return (
    <Panel {...props} className={className ? `dock-panel ${className}` : 'dock-panel'}>
      {children}
    </Panel>
  );
}

/** The splitter between two panels, named for what it resizes ("Resize the detail panel"). */
export function DockSplitter({ label }: { label: string }) {
  return <Separator className="dock-splitter" aria-label={label} />;
}
