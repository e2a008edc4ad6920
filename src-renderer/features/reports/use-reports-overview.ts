import { useCallback, useEffect, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { ReportOverview, OverviewWarning } from '../../../src-core/query/model/overview';

export type OverviewState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; reports: ReportOverview[] };

export type WarningPatch = Pick<OverviewWarning, 'checked' | 'checkedBy' | 'checkedAt'>;

/** Reads the overview through the DB worker; again whenever `version` changes (another workspace, an import). */
export function useReportsOverview(client: DbClient, version: string) {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void client.reportsOverview().then((r) => {
      // Only the answer to the latest request may land.
      if (live) setState(r.ok ? { status: 'ready', reports: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, version]);

  /** Shows a durable tick without reading every report again. */
  const patchWarning = useCallback((id: number, patch: WarningPatch) => {
    setState((s) =>
      s.status === 'ready'
        ? { ...s, reports: s.reports.map((r) => ({ ...r, warnings: r.warnings.map((w) => (w.id === id ? { ...w, ...patch } : w)) })) }
        : s,
    );
  }, []);

  // Until the answer for this version arrives, the previous one stays on screen (no flash on import).
  return { overview: state, patchWarning };
}
