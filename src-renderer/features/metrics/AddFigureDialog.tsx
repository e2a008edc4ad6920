import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DialogFooter } from '../../ui/DialogFooter';
import { parseFigure, parseFigurePeriod, parseText } from '../../../src-core/corrections/values';
import type { SourceSelection } from '../../shared/source/source-target';

export interface NewFigure {
  label: string;
  force: string;
  englandWales: string;
  unit: string;
  period: string | null;
  quote: string;
}

interface Props {
  /** Where the figure was read: the selection in the Source panel; null closes the dialog. */
  selection: SourceSelection | null;
  /** Saves the figure; resolves null when done or a message saying what went wrong. */
  onSubmit(figure: NewFigure, where: SourceSelection): Promise<string | null>;
  onClose(): void;
}

type Field = keyof NewFigure;
const EMPTY: NewFigure = { label: '', force: '', englandWales: '', unit: '', period: '', quote: '' };

/** Why a field is refused, by the rules the edit applies (src-core/corrections/values.ts); null when it is taken. */
function problemOf(field: Field, f: NewFigure): string | null {
  const check = (p: { ok: boolean; message?: string }) => (p.ok ? null : (p.message ?? null));
  switch (field) {
    case 'label':
      return check(parseText(f.label, 'label'));
    case 'unit':
      return check(parseText(f.unit, 'unit', 120));
    case 'force':
      return check(parseFigure(f.force));
    case 'englandWales':
      return f.englandWales.trim() ? check(parseFigure(f.englandWales)) : null;
    case 'period':
      return f.period?.trim() ? check(parseFigurePeriod(f.period)) : null;
    default:
      return null;
  }
}

const LABELS: Record<Field, string> = {
  label: 'Label',
  force: 'Force value',
  englandWales: 'England and Wales value (optional)',
  unit: 'Unit',
  period: 'Period (optional)',
  quote: 'Quote from the source',
};

/**
 * A figure read off the source by the analyst (a page of pictures, a sentence the extractor
 * missed): its quote and page come from the selection in the Source panel, its values from them.
 */
export function AddFigureDialog({ selection, onSubmit, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [figure, setFigure] = useState<NewFigure>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (selection && !dialog.open) {
      // A number in the selection is the likeliest value: offered, never assumed.
      const first = /[+\-−–]?\d[\d,]*(?:\.\d+)?%?/.exec(selection.text)?.[0] ?? '';
      setFigure({ ...EMPTY, quote: selection.text.trim(), force: first });
      setProblems({});
      setFailure(null);
      dialog.showModal();
    }
    if (!selection && dialog.open) dialog.close();
  }, [selection]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!selection) return;
    const found: Partial<Record<Field, string>> = {};
    for (const f of Object.keys(LABELS) as Field[]) {
      const why = problemOf(f, figure);
      if (why) found[f] = why;
    }
    setProblems(found);
    const first = (Object.keys(LABELS) as Field[]).find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSubmit({ ...figure, period: figure.period?.trim() ? figure.period.trim() : null }, selection);
    setBusy(false);
    if (failed) setFailure(failed);
    else onClose();
  };

  const where = selection
    ? [selection.page !== null && `page ${selection.page}`, selection.line !== null && `line ${selection.line}`].filter(Boolean).join(', ')
    : '';
  return (
    <dialog ref={ref} className="dialog correct-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>Add figure from the source</h2>
        <p className="muted">Read at {where || 'the selected page'}. The figure is recorded as added by you, with this quote and place.</p>
        {(Object.keys(LABELS) as Field[]).map((f) => {
          const fieldId = `${id}-${f}`;
          const problem = problems[f];
          const common = {
            id: fieldId,
            value: figure[f] ?? '',
            'aria-invalid': problem ? true : undefined,
            'aria-describedby': problem ? `${fieldId}-problem` : undefined,
          };
          return (
            <div key={f} className="correct-field">
              <label htmlFor={fieldId}>{LABELS[f]}</label>
              {f === 'quote' ? (
                <textarea {...common} rows={3} maxLength={2000} onChange={(e) => setFigure((v) => ({ ...v, quote: e.target.value }))} />
              ) : (
                <input {...common} type="text" autoComplete="off" onChange={(e) => setFigure((v) => ({ ...v, [f]: e.target.value }))} />
              )}
              {problem && (
                <p id={`${fieldId}-problem`} className="inline-problem" role="alert">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        <DialogFooter failure={failure} busy={busy} confirm="Add figure" onCancel={onClose} />
      </form>
    </dialog>
  );
}
