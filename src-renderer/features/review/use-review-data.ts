import { useEffect, useState } from 'react';
import type { Reconciliation } from '../../../src-core/samples/reconcile';
import type { Agreement, SampleSummary } from '../../../src-core/samples/stats';
import type { DbClient } from '../../db/db-client';
import type { ReportOverview } from '../../../src-core/query/model/overview';

export interface ReviewData {
  reports: ReportOverview[];
  /** The report the reconciliation is for, and whose force the summary is of. */
  report: ReportOverview | null;
  summary: SampleSummary;
  reconciliation: Reconciliation[];
  agreement: Agreement[];
}

export type ReviewLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: ReviewData };

/**
 * Everything above and below the grid, read again when `key` changes (another workspace, an
 * import). The worker answers one request at a time, so these go one after another.
 */
export function useReviewData(client: DbClient, key: string, reportId: number | null): ReviewLoad {
  const [state, setState] = useState<{ key: string; load: ReviewLoad }>({ key: '', load: { status: 'loading' } });
  const id = `${key}:${reportId}`;
  useEffect(() => {
    let live = true;
    const fail = (message: string) => live && setState({ key: id, load: { status: 'error', message } });
    void (async () => {
      const reports = await client.reportsOverview();
      if (!reports.ok) return fail(reports.error.message);
      const report = reports.value.find((r) => r.id === reportId) ?? reports.value[0] ?? null;
      const [summary, reconciliation, agreement] = await Promise.all([
        client.samplesSummary(report?.force),
        client.samplesReconcile(report?.id),
        client.samplesAgreement(),
      ]);
      if (!summary.ok) return fail(summary.error.message);
      if (!reconciliation.ok) return fail(reconciliation.error.message);
      if (!agreement.ok) return fail(agreement.error.message);
      if (live) {
        const data = {
          reports: reports.value,
          report,
          summary: summary.value,
          reconciliation: reconciliation.value,
          agreement: agreement.value,
        };
        setState({ key: id, load: { status: 'ready', data } });
      }
    })();
    return () => {
      live = false;
    };
  }, [client, id, reportId]);
  // The previous figures stay while new ones load (no flash); nothing from another workspace does.
  return state.key.split(':')[0] === key.split(':')[0] ? state.load : { status: 'loading' };
}
