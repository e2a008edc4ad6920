import { useCallback, useState } from 'react';
import type { ImportResult } from '../../../src-core/db/import-report';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import type { ImportProgress } from '../../db/protocol';

export type ImportOutcome = { name: string } & ({ status: 'done'; result: ImportResult } | { status: 'failed'; message: string });

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; name: string; index: number; total: number; progress: ImportProgress | null }
  | { phase: 'finished'; outcomes: ImportOutcome[]; problem: string | null };

/**
 * Asks the host for report files and imports them one by one in the DB worker. Each file is its
 * own transaction: a bad file is reported and changes nothing, and the others still go in.
 */
export function useReportImport(host: Host, client: DbClient, onImported: () => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const start = useCallback(async () => {
    const picked = await host.pickReports();
    if (!picked.ok) {
      setState({ phase: 'finished', outcomes: [], problem: picked.error.message });
      return;
    }
    if (picked.value.length === 0) return;
    const outcomes: ImportOutcome[] = [];
    for (const [index, file] of picked.value.entries()) {
      setState({ phase: 'running', name: file.name, index, total: picked.value.length, progress: null });
      const result = await client.importReport(file.name, file.bytes, (progress) =>
        setState({ phase: 'running', name: file.name, index, total: picked.value.length, progress }),
      );
      outcomes.push(
        result.ok
          ? { name: file.name, status: 'done', result: result.value }
          : { name: file.name, status: 'failed', message: result.error.message },
      );
      if (result.ok && result.value.status === 'imported') onImported();
    }
    setState({ phase: 'finished', outcomes, problem: null });
  }, [host, client, onImported]);

  return { state, start };
}
