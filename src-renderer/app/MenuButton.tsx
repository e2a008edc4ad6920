import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './menus.css';

export type MenuEntry =
  | { kind: 'item'; label: string; keys?: string; disabled?: boolean; onSelect: () => void }
  | {
      kind: 'submenu';
      label: string;
      /** null while loading. */
      items: MenuEntry[] | null;
      /** Said when the submenu has no items ("No recent workspaces"). */
      empty: string;
      problem?: string | null;
    }
  | { kind: 'separator' };

interface Props {
  label: string;
  entries: MenuEntry[];
  /** Called as the menu opens, to read what it lists (the recent workspaces). */
  onOpen?: () => void;
  /** The button's content when not just the label. */
  children?: ReactNode;
}

const ITEMS = ':scope > li > [role="menuitem"]';

function itemsOf(menu: Element | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>(ITEMS)] : [];
}

/** Moves focus within one menu level: arrow keys wrap, Home and End go to the ends. */
function moveFocus(menu: Element, key: string): boolean {
  const items = itemsOf(menu);
  if (items.length === 0) return false;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = { ArrowDown: at + 1, ArrowUp: at < 0 ? items.length - 1 : at - 1, Home: 0, End: items.length - 1 }[key];
  if (next === undefined) return false;
  items[(next + items.length) % items.length]?.focus();
  return true;
}

/**
 * A menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ opens the menu on its first item,
 * ↑ on its last; arrow keys, Home and End move; → opens a submenu and ← or Escape closes it; Escape
 * closes the menu and puts focus back on the button, as does choosing an item (so a dialog the item
 * opens gives focus back to the button when it closes). A click outside or Tab away closes it.
 */
export function MenuButton({ label, entries, onOpen, children }: Props) {
  const id = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  // Which item to focus once the menu has rendered: 'first', 'last', or none (opened by the mouse).
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  const [submenu, setSubmenu] = useState<number | null>(null);

  const focusItem = (which: 'first' | 'last') => {
    const items = itemsOf(menu.current);
    (which === 'first' ? items[0] : items.at(-1))?.focus();
  };
  const show = (focus: 'first' | 'last' | null) => {
    if (open) {
      if (focus) focusItem(focus);
      return;
    }
    onOpen?.();
    focusOnOpen.current = focus;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    setSubmenu(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusItem(focusOnOpen.current);
    focusOnOpen.current = null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (e.target instanceof Node && !anchor.current?.contains(e.target)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') show('first');
    else if (e.key === 'ArrowUp') show('last');
    else return;
    e.preventDefault();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const level = (e.target as HTMLElement).closest('[role="menu"]');
    if (!level) return;
    const inSubmenu = level !== menu.current;
    if (e.key === 'Escape' || (inSubmenu && e.key === 'ArrowLeft')) {
      e.preventDefault();
      e.stopPropagation();
      if (inSubmenu) {
        const parent = level.parentElement?.querySelector<HTMLElement>(':scope > [role="menuitem"]');
        setSubmenu(null);
        parent?.focus();
      } else close(true);
      return;
    }
    if (e.key === 'Tab') {
      close(false);
      return;
    }
    if (e.key === 'ArrowRight' && !inSubmenu) {
      const at = Number((e.target as HTMLElement).dataset['submenu']);
      if (Number.isInteger(at)) {
        e.preventDefault();
        setSubmenu(at);
      }
      return;
    }
    if (moveFocus(level, e.key)) e.preventDefault();
  };

  const menuId = `${id}-menu`;
  return (
    <div className="menu-anchor" ref={anchor}>
      <button
        ref={button}
        id={`${id}-button`}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(null))}
        onKeyDown={onButtonKey}
      >
        {children ?? label}
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKey}>
          {entries.map((entry, i) => (
            <Entry key={i} entry={entry} index={i} submenuOpen={submenu === i} setSubmenu={setSubmenu} chosen={() => close(true)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Entry({
  entry,
  index,
  submenuOpen,
  setSubmenu,
  chosen,
}: {
  entry: MenuEntry;
  index: number;
  submenuOpen: boolean;
  setSubmenu: (i: number | null) => void;
  chosen: () => void;
}) {
  const sub = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // However it opened (→, a click, the pointer), its first item takes focus, so ↑ and ↓ go on from there.
    if (submenuOpen) itemsOf(sub.current)[0]?.focus();
  }, [submenuOpen]);
  if (entry.kind === 'separator') return <li role="separator" className="menu-separator" />;
  if (entry.kind === 'item')
    return (
      // The pointer on another item closes an open submenu, as desktop menus do.
      <li role="none" onMouseEnter={() => setSubmenu(null)}>
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item"
          aria-disabled={entry.disabled || undefined}
          aria-keyshortcuts={entry.keys ? ariaKeys(entry.keys) : undefined}
          onClick={() => {
            if (entry.disabled) return;
            chosen();
            entry.onSelect();
          }}
        >
          <span className="menu-label">{entry.label}</span>
          {entry.keys && (
            <kbd className="menu-keys" aria-hidden="true">
              {entry.keys}
            </kbd>
          )}
        </button>
      </li>
    );
  return (
    <li role="none" className="menu-sub" onMouseEnter={() => setSubmenu(index)}>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu-item"
        aria-haspopup="menu"
        aria-expanded={submenuOpen}
        data-submenu={index}
        onClick={() => setSubmenu(index)}
      >
        <span className="menu-label">{entry.label}</span>
        <span className="menu-keys" aria-hidden="true">
          ▸
        </span>
      </button>
      {submenuOpen && (
        <ul ref={sub} role="menu" aria-label={entry.label} className="menu menu--sub">
          {entry.problem && (
            <li role="none" className="menu-note inline-problem">
              {entry.problem}
            </li>
          )}
          {entry.items === null && (
            <li role="none" className="menu-note">
              Reading…
            </li>
          )}
          {entry.items?.length === 0 && !entry.problem && (
            <li role="none" className="menu-note">
              {entry.empty}
            </li>
          )}
          {entry.items?.map((child, i) => (
            <Entry key={i} entry={child} index={i} submenuOpen={false} setSubmenu={() => undefined} chosen={chosen} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** "Ctrl+Shift+S" as aria-keyshortcuts writes it ("Control+Shift+S"). */
function ariaKeys(keys: string): string {
  return keys.replace(/\bCtrl\b/g, 'Control');
}
