import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FIELD_LABELS, REQUIRED_FIELDS } from '../../../src-core/samples/fields';
import { ImportErrorList } from './ImportErrorList';
import { MappingTable } from './MappingTable';
import { plural } from './review-format';
import type { SampleImportState } from './use-sample-import';

export interface ReportChoice {
  id: number;
  force: string;
  label: string;
}

interface Props {
  state: Extract<SampleImportState, { phase: 'mapping' }> | null;
  reports: ReportChoice[];
  onField: Parameters<typeof MappingTable>[0]['onChange'];
  onSubmit: (force: string, reportId: number | null) => void;
  onClose: () => void;
}

/**
 * The mapping step of a sample import: which report (and so which force) the sample is for, each
 * column's field, then the import. Refused imports list their problems here and change nothing.
 */
export function ImportSampleDialog({ state, reports, onField, onSubmit, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reportId = useId();
  const forceId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [typedForce, setTypedForce] = useState('');
  const open = state !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A refused import's problems are at the top: scrolled to, wherever the Import button was.
  const errors = state?.errors ?? null;
  const problem = state?.problem ?? null;
  useEffect(() => {
    if (errors || problem) ref.current?.scrollTo({ top: 0 });
  }, [errors, problem]);

  const report = reports.find((r) => r.id === chosen) ?? reports[0] ?? null;
  const mapped = new Set(Object.values(state?.mapping ?? {}));
  const missing = REQUIRED_FIELDS.filter((f) => !mapped.has(f));
  const force = report?.force ?? typedForce.trim();
  const forceKnown = force !== '' || mapped.has('force');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!forceKnown) return;
    // With a Force column, rows that leave it blank fall back to this force.
    onSubmit(force || 'Unknown force', report?.id ?? null);
  };

  return (
    <dialog ref={ref} className="dialog import-sample-dialog" aria-labelledby={titleId} onClose={onClose}>
      {state && (
        <form className="dialog-form" onSubmit={submit}>
          <h2 id={titleId}>Import a sample</h2>
          <p>
            <strong>{state.name}</strong>: {plural(state.preview.rowCount, 'row')} of case files,{' '}
            {plural(state.preview.headers.length, 'column')} ({state.preview.format === 'xlsx' ? 'Excel workbook' : 'CSV'}).
          </p>
          {/* First, so that the analyst sees why before the mapping that may be the cause. */}
          {state.problem && (
            <p className="inline-problem" role="alert">
              Nothing was imported. {state.problem}
            </p>
          )}
          {state.errors && <ImportErrorList name={state.name} errors={state.errors} />}
          {reports.length > 0 ? (
            <div className="review-field">
              <label htmlFor={reportId}>Report the sample is for</label>
              <select id={reportId} value={report?.id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
                {reports.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="review-field">
              <label htmlFor={forceId}>Force</label>
              <input id={forceId} type="text" value={typedForce} maxLength={200} onChange={(e) => setTypedForce(e.target.value)} />
            </div>
          )}
          <MappingTable headers={state.preview.headers} rows={state.preview.rows} mapping={state.mapping} onChange={onField} />
          {missing.length > 0 && (
            <p className="mapping-missing" role="note">
              <strong>Not mapped yet:</strong> {missing.map((f) => FIELD_LABELS[f]).join(', ')}. Choose the column that holds each, or the
              import will be refused.
            </p>
          )}
          {!forceKnown && <p className="mapping-missing">Type the force the sample is of, or map a column to Force.</p>}
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={state.busy || !forceKnown}>
              {state.busy ? 'Importing…' : `Import ${plural(state.preview.rowCount, 'row')}`}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
