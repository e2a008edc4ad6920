import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  /** Which anchor (app.css: .popover-anchor--NAME): CSS anchor names must be unique on the page. */
  anchor: 'views' | 'columns' | 'export' | 'packs';
  children: (close: () => void) => ReactNode;
}

/**
 * A button that opens a panel below it: the browser's popover (top layer, Escape and click-outside
 * close it, the button gets aria-expanded) placed with CSS anchor positioning, so there is no
 * positioning script and no inline style for the CSP to refuse.
 */
export function PopoverMenu({ label, anchor, children }: Props) {
  const id = useId();
  const close = () => document.getElementById(id)?.hidePopover();
  return (
    <>
      <button type="button" className={`button popover-anchor--${anchor}`} popoverTarget={id}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div id={id} popover="auto" className={`popover-panel popover-panel--${anchor}`}>
        {children(close)}
      </div>
    </>
  );
}
