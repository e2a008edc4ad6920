import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../ui/DialogFooter';
import type { CorrectChange, CorrectField } from './correct-field';
import './corrections.css';

export type { CorrectChange, CorrectField };

interface Props {
  open: boolean;
  /** "Correct “Domestic abuse incidents per 1,000 population”". */
  title: string;
  /** The sentence the values were read from, so the analyst corrects with the source in view. */
  quote?: string;
  fields: readonly CorrectField[];
  /** Why a typed value is refused, in words, or null: the same rules the edit applies (src-core/corrections). */
  check(field: string, input: string): string | null;
  /** Saves the changed fields; resolves null when done or a message saying what went wrong. */
  onSubmit(changes: CorrectChange[]): Promise<string | null>;
  onClose(): void;
}

/**
 * Corrects an item's extracted values. Only the fields changed are sent, each as one journaled edit;
 * a value that would be refused is refused here first, beside its field, before anything is sent.
 */
export function CorrectDialog({ open, title, quote, fields, check, onSubmit, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValues(Object.fromEntries(fields.map((f) => [f.name, f.value])));
      setProblems({});
      setFailure(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, fields]);

  const send = async (changes: CorrectChange[]) => {
    if (changes.length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    const failed = await onSubmit(changes);
    setBusy(false);
    if (failed) setFailure(failed);
    else onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = fields.filter((f) => (values[f.name] ?? f.value).trim() !== f.value.trim());
    const found: Record<string, string> = {};
    for (const f of changed) {
      const why = check(f.name, values[f.name] ?? '');
      if (why) found[f.name] = why;
    }
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      // The first refused field takes focus, so its message is read out with it.
      const first = changed.find((f) => found[f.name]);
      if (first) document.getElementById(`${id}-${first.name}`)?.focus();
      return;
    }
    await send(changed.map((f) => ({ field: f.name, value: (values[f.name] ?? '').trim() })));
  };

  return (
    <dialog ref={ref} className="dialog correct-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>{title}</h2>
        {quote && <blockquote className="correct-quote">{quote}</blockquote>}
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}`;
          const problem = problems[f.name];
          const describedBy = [
            problem ? `${fieldId}-problem` : '',
            f.hint ? `${fieldId}-hint` : '',
            f.extracted !== undefined ? `${fieldId}-was` : '',
          ]
            .filter(Boolean)
            .join(' ');
          const common = {
            id: fieldId,
            value: values[f.name] ?? f.value,
            'aria-invalid': problem ? true : undefined,
            'aria-describedby': describedBy || undefined,
          };
          return (
            <div key={f.name} className="correct-field">
              <label htmlFor={fieldId}>{f.label}</label>
              {f.options ? (
                <select {...common} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}>
                  {f.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : f.multiline ? (
                <textarea {...common} rows={5} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} />
              ) : (
                <input
                  {...common}
                  type="text"
                  autoComplete="off"
                  list={f.suggestions ? `${fieldId}-list` : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                />
              )}
              {f.suggestions && (
                <datalist id={`${fieldId}-list`}>
                  {f.suggestions.map((o) => (
                    <option key={o} value={o} />
                  ))}
                </datalist>
              )}
              {f.hint && (
                <p id={`${fieldId}-hint`} className="muted correct-hint">
                  {f.hint}
                </p>
              )}
              {f.extracted !== undefined && (
                <p id={`${fieldId}-was`} className="correct-was">
                  Corrected; extracted as “{f.extracted}”.{' '}
                  <button type="button" className="link-button" disabled={busy} onClick={() => void send([{ field: f.name, value: null }])}>
                    Revert {f.label.toLowerCase()} to extracted
                  </button>
                </p>
              )}
              {problem && (
                <p id={`${fieldId}-problem`} className="inline-problem" role="alert">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        <DialogFooter failure={failure} busy={busy} confirm="Save correction" onCancel={onClose} />
      </form>
    </dialog>
  );
}
