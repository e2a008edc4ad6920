import { useEffect, useId, useRef, useState } from 'react';
import type { Host } from '../../src-core/host/contract';

/**
 * The name every edit is recorded under in the audit trail. Electron defaults to the operating
 * system's user name; a browser cannot read that, so there the analyst should set it here.
 */
export function PreferencesDialog({ host, open, onClose }: { host: Host; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const nameId = useId();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setMessage(null);
      dialog.showModal();
      void host.author().then((r) => setName(r.ok ? r.value : ''));
    }
    if (!open && dialog.open) dialog.close();
  }, [open, host]);

  const save = async () => {
    const r = await host.setAuthor(name);
    if (r.ok) {
      setName(r.value);
      setMessage({ tone: 'ok', text: `Your edits are now recorded as “${r.value}”.` });
    } else {
      setMessage({ tone: 'problem', text: `${r.error.message} Your edits are still recorded under the previous name.` });
    }
  };

  return (
    <dialog ref={ref} className="about" aria-labelledby={`${nameId}-title`} onClose={onClose}>
      <h2 id={`${nameId}-title`}>Preferences</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={nameId}>Your name, recorded with every edit in the audit trail</label>
        <input
          id={nameId}
          className="text-input"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
        />
        <p className="muted">
          Leave it empty to use the default ({host.kind === 'electron' ? 'your user name on this computer' : '“Analyst”'}).
        </p>
        {message && (
          <p role={message.tone === 'ok' ? 'status' : 'alert'} className={message.tone === 'ok' ? 'inline-ok' : 'inline-problem'}>
            {message.text}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="button button--primary">
            Save
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
