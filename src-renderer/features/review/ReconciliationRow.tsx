import { useId, useState } from 'react';
import type { Reconciliation } from '../../../src-core/samples/reconcile';
import type { DbClient } from '../../db/db-client';
import { SourceParagraph } from './SourceParagraph';

function resultText(r: Reconciliation): string {
  if (r.computed === null) return 'No sample for this force';
  if (r.matches) return 'Matches';
  return `Mismatch: the sample gives ${r.computed}, the report says ${r.stated}`;
}

/** One stated figure against the sample, with its source paragraph shown in place on request. */
export function ReconciliationRow({ client, row }: { client: DbClient; row: Reconciliation }) {
  const sourceId = useId();
  const [open, setOpen] = useState(false);
  const state = row.computed === null ? 'missing' : row.matches ? 'match' : 'mismatch';
  return (
    <>
      <tr className={`reconcile-row reconcile-row--${state}`}>
        <th scope="row">
          {row.label}
          <span className="reconcile-statement">“{row.statement}”</span>
        </th>
        <td className="num value">{row.stated}</td>
        <td className="num value">{row.computed ?? '—'}</td>
        <td className="reconcile-result">
          <span aria-hidden="true" className="reconcile-icon">
            {state === 'match' ? '✓' : state === 'mismatch' ? '✗' : '–'}
          </span>{' '}
          {state === 'mismatch' ? <strong>{resultText(row)}</strong> : <span>{resultText(row)}</span>}
        </td>
        <td>
          {row.findingId !== null ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={open ? sourceId : undefined}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? 'Hide paragraph' : 'Show paragraph'}
            </button>
          ) : (
            <span className="muted">{row.footnote !== null ? `Footnote ${row.footnote}` : 'Not linked'}</span>
          )}
        </td>
      </tr>
      {open && row.findingId !== null && (
        <tr className="reconcile-source">
          <td colSpan={5}>
            <SourceParagraph client={client} findingId={row.findingId} id={sourceId} />
          </td>
        </tr>
      )}
    </>
  );
}
