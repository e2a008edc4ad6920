import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/** Every keyboard shortcut, by where it works; Ctrl+/ opens it (as Help › Keyboard Shortcuts does in the desktop app). */
export function ShortcutsDialog({ open, onOpen, onClose }: { open: boolean; onOpen: () => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== '/' || !(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      e.preventDefault();
      onOpen();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onOpen]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {SHORTCUTS.map((group) => (
        <section key={group.where} aria-label={group.where}>
          <h3>{group.where}</h3>
          <dl className="shortcut-list">
            {group.keys.map((k) => (
              <div key={k.does} className="shortcut">
                <dt>
                  {k.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{k.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
