import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useGroupRef, type Layout, type PanelProps } from 'react-resizable-panels';
import { z } from 'zod';
import { useUiStateStore } from './use-persistent-state';
import './dock.css';

/** The dock's id: a panel's DOM id is `<dock>-<panel>`, so that two views' "grid" panels never share one. */
const DockId = createContext('');
const domId = (dock: string, panel: string) => `${dock}-${panel}`;

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
  const ids = useMemo(() => panels.map((p) => domId(id, p)), [id, panels]);
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
    if (saved && sameKeys(saved, ids)) group.current?.setLayout(saved);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- on a change of the panel set only
  return (
    <Group
      id={id}
      groupRef={group}
      orientation={orientation}
      className={className ? `dock ${className}` : 'dock'}
      defaultLayout={initial && sameKeys(initial, ids) ? initial : undefined}
      onLayoutChanged={(layout: Layout, meta) => {
        if (meta.isUserInteraction && sameKeys(layout, ids)) store.write(key, meta.requestedLayout ?? layout);
      }}
    >
      <DockId.Provider value={id}>{children}</DockId.Provider>
    </Group>
  );
}

const sameKeys = (layout: Layout, panels: readonly string[]) =>
  Object.keys(layout).length === panels.length && panels.every((p) => p in layout);

/** A docked panel: it never grows the page; what is inside scrolls inside it. */
export function DockPanel({ className, children, id, ...props }: PanelProps & { id: string }) {
  const dock = useContext(DockId);
  return (
    <Panel {...props} id={domId(dock, id)} className={className ? `dock-panel ${className}` : 'dock-panel'}>
      {children}
    </Panel>
  );
}

/** The splitter between two panels, named for what it resizes ("Resize the detail panel"). */
export function DockSplitter({ label }: { label: string }) {
  return <Separator className="dock-splitter" aria-label={label} />;
}
