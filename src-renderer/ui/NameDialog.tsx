import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from './DialogFooter';

interface Props {
  open: boolean;
  title: string;
  /** What the field starts with when the dialog opens. */
  initial: string;
  confirm: string;
  /** Resolves null when done, or a message saying what went wrong and what to do. */
  onSubmit(name: string): Promise<string | null>;
  onClose(): void;
  hint?: string;
}

/** A modal dialog asking for a name (saving or renaming something), with the error in place. */
export function NameDialog({ open, title, initial, confirm, onSubmit, onClose, hint }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setName(initial);
      setProblem(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem('Type a name first.');
      return;
    }
    setBusy(true);
    const failed = await onSubmit(trimmed);
    setBusy(false);
    if (failed) setProblem(failed);
    else onClose();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>{title}</h2>
        <label htmlFor={fieldId}>Name</label>
        <input id={fieldId} type="text" value={name} maxLength={200} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        {hint && <p className="muted dialog-hint">{hint}</p>}
        <DialogFooter failure={problem} busy={busy} confirm={confirm} onCancel={onClose} />
      </form>
    </dialog>
  );
}
