import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { SourceStore } from './source-store';
import type { SourceTarget } from './source-target';

/** The open workspace's originals (SourceProvider.tsx, around the views); null outside it. */
export const SourceStoreContext = createContext<SourceStore | null>(null);

/** One view's Source panel: what it shows, and how a Show source button beside an item opens it. */
export interface SourcePanelState {
  target: SourceTarget | null;
  /** Opens (or moves) the panel to this item; focus returns to whatever had it when the panel closes. */
  show(target: SourceTarget): void;
  close(): void;
  /** New at every show, so the panel scrolls to the item again even when it is the one already shown. */
  request: number;
}

/** A view's Source panel, for its Show source buttons (SourceScope.tsx); null where a view has none. */
export const SourcePanelContext = createContext<SourcePanelState | null>(null);

export function useSourceStore(): SourceStore | null {
  return useContext(SourceStoreContext);
}

/** The Source panel of the view the caller is in, or null (no Show source button is offered then). */
export function useSourcePanelContext(): SourcePanelState | null {
  return useContext(SourcePanelContext);
}

/** The state of a view's Source panel: a view holds one and lays the panel out beside its item. */
export function useSourcePanel(): SourcePanelState {
  const [target, setTarget] = useState<SourceTarget | null>(null);
  const [request, setRequest] = useState(0);
  // Another workspace opened: its reports are others, so what the panel showed is closed.
  const store = useSourceStore();
  const [storeShown, setStoreShown] = useState(store);
  if (storeShown !== store) {
    setStoreShown(store);
    setTarget(null);
  }
  const opener = useRef<HTMLElement | null>(null);
  const show = useCallback((next: SourceTarget) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest('[data-source-panel]')) opener.current = active;
    setTarget(next);
    setRequest((n) => n + 1);
  }, []);
  const close = useCallback(() => {
    setTarget(null);
    const back = opener.current;
    opener.current = null;
    // Back where the analyst was, if that is still on the page.
    if (back?.isConnected) back.focus();
  }, []);
  return useMemo(() => ({ target, show, close, request }), [target, show, close, request]);
}
