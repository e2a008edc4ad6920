import { useEffect, useRef } from 'react';
import type { HostKind } from './commands';
import { shortcutGroups } from './shortcuts';

/** Every keyboard shortcut, by where it works; Ctrl+/ (or Help › Keyboard shortcuts) opens it. */
export function ShortcutsDialog({ host, open, onClose }: { host: HostKind; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {shortcutGroups(host).map((group) => (
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
