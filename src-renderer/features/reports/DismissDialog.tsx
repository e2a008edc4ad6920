import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../ui/DialogFooter';
import type { OverviewWarning } from '../../../src-core/query/model/overview';
import { dismissalReason, MAX_REASON } from './warning-state';

interface Props {
  /** The warning being dismissed; the dialog is open while there is one. */
  warning: OverviewWarning | null;
  /** Resolves null once the dismissal is durable, or a message saying what went wrong. */
  onSubmit(warning: OverviewWarning, reason: string): Promise<string | null>;
  onClose(): void;
}

/**
 * Dismisses an extraction warning, which takes a reason: a warning waved away without one is
 * indistinguishable, to the next reader of the brief, from one nobody looked at.
 */
export function DismissDialog({ warning, onSubmit, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (warning && !dialog.open) {
      setReason('');
      setProblem(null);
      dialog.showModal();
    }
    if (!warning && dialog.open) dialog.close();
  }, [warning]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!warning) return;
    const checked = dismissalReason(reason);
    if (!checked.ok) {
      setProblem(checked.message);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSubmit(warning, checked.value);
    setBusy(false);
    if (failed) setProblem(failed);
    else onClose();
  };

  return (
    <dialog ref={ref} className="dialog dismiss-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>Dismiss the warning</h2>
        {warning && (
          <blockquote className="correct-quote">
            {warning.where ? `${warning.where}: ` : ''}
            {warning.message}
          </blockquote>
        )}
        <label htmlFor={fieldId}>Reason</label>
        <textarea
          id={fieldId}
          rows={3}
          value={reason}
          maxLength={MAX_REASON}
          aria-required="true"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${fieldId}-hint${problem ? ` ${fieldId}-problem` : ''}`}
          onChange={(e) => setReason(e.target.value)}
        />
        <p id={`${fieldId}-hint`} className="muted dialog-hint">
          Why it needs no correction, for whoever reads the brief: “checked against page 12: the report prints 1”.
        </p>
        {problem && (
          <p id={`${fieldId}-problem`} className="inline-problem" role="alert">
            {problem}
          </p>
        )}
        <DialogFooter busy={busy} confirm="Dismiss warning" onCancel={onClose} />
      </form>
    </dialog>
  );
}
