import { useId } from 'react';
import type { Reconciliation } from '../../../src-core/samples/reconcile';
import type { DbClient } from '../../db/db-client';
import { plural } from './review-format';
import { ReconciliationRow } from './ReconciliationRow';
import { SyntheticLabel } from './SyntheticLabel';

interface Props {
  client: DbClient;
  rows: Reconciliation[];
  report: string | null;
  synthetic: boolean;
}

/** Each figure the report states about its file review, against the same figure computed from the sample. */
export function ReconciliationPanel({ client, rows, report, synthetic }: Props) {
  const headingId = useId();
  const mismatches = rows.filter((r) => r.computed !== null && !r.matches).length;
  const missing = rows.filter((r) => r.computed === null).length;
  const verdict =
    rows.length === 0
      ? null
      : missing === rows.length
        ? 'There is no sample for this report’s force yet: import one to check the figures.'
        : mismatches === 0
          ? `All ${plural(rows.length - missing, 'stated figure')} match the sample.`
          : `${mismatches} of ${plural(rows.length - missing, 'stated figure')} do not match the sample.`;
  return (
    <section className="review-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Reconciliation with the report</h3>
      {synthetic && <SyntheticLabel compact />}
      {rows.length === 0 ? (
        <p className="muted">
          {report ? `${report} states no figures about its file review that can be read.` : 'Import a report to check its figures.'}
        </p>
      ) : (
        <>
          <p className={mismatches > 0 ? 'reconcile-verdict reconcile-verdict--mismatch' : 'reconcile-verdict'} role="status">
            {mismatches > 0 && <span aria-hidden="true">⚠ </span>}
            {verdict}
          </p>
          <table className="data-table review-table reconcile-table">
            <caption className="muted">What {report ?? 'the report'} says about its file review, and what the sample gives</caption>
            <thead>
              <tr>
                <th scope="col">Stated figure</th>
                <th scope="col" className="num">
                  Report
                </th>
                <th scope="col" className="num">
                  Sample
                </th>
                <th scope="col">Result</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <ReconciliationRow key={`${r.findingId ?? 'fn'}-${i}`} client={client} row={r} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
