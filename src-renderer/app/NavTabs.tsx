import { useRef, type KeyboardEvent } from 'react';
import { panelId, tabId, VIEWS, type ViewId } from './views';

/**
 * The views as ARIA tabs: one tab stop, arrow keys (and Home/End) move between them and select,
 * as in the WAI-ARIA tabs pattern with automatic activation.
 */
export function NavTabs({ current, onSelect }: { current: ViewId; onSelect: (view: ViewId) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = VIEWS.findIndex((v) => v.id === current);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const view = VIEWS[(next + VIEWS.length) % VIEWS.length];
    if (!view) return;
    onSelect(view.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(view.id)}`)?.focus();
  };
  return (
    <nav className="nav" aria-label="Views">
      <div className="nav-tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v.id}
            id={tabId(v.id)}
            type="button"
            role="tab"
            className="nav-tab"
            aria-selected={v.id === current}
            aria-controls={panelId(v.id)}
            tabIndex={v.id === current ? 0 : -1}
            onClick={() => onSelect(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
    </nav>
  );
}
