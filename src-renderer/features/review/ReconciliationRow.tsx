import { useId, useState } from 'react';
import type { Reconciliation } from '../../../src-core/samples/reconcile';
import type { DbClient } from '../../db/db-client';
import { SourceParagraph } from './SourceParagraph';
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';
import type { SourceTarget } from '../../shared/source/source-target';

function resultText(r: Reconciliation): string {
  if (r.computed === null) return 'No sample for this force';
  if (r.matches) return 'Matches';
  return `Mismatch: the sample gives ${r.computed}, the report says ${r.stated}`;
}

/** The sentence stating a figure, where its paragraph was read (asked of the workspace when Show source is pressed). */
async function statementTarget(client: DbClient, findingId: number | null, statement: string): Promise<SourceTarget | null> {
  const read = findingId === null ? null : await client.findingDetail(findingId);
  const f = read?.ok ? read.value?.finding : null;
  return f ? { reportId: f.reportId, page: f.page, line: f.line, quote: statement, label: 'Stated figure' } : null;
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
            <div className="reconcile-links">
              <ShowSourceButton target={() => statementTarget(client, row.findingId, row.statement)} of={`of “${row.label}”`} />
              <button
                type="button"
                className="link-button"
                aria-expanded={open}
                aria-controls={open ? sourceId : undefined}
                onClick={() => setOpen((o) => !o)}
              >
                {open ? 'Hide paragraph' : 'Show paragraph'}
              </button>
            </div>
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
