import { useCallback, useRef, useState } from 'react';
import type { ImportResult } from '../../../src-core/db/import-report';
import type { ReplaceResult } from '../../../src-core/db/reimport';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import type { DbError, ImportProgress } from '../../../src-core/service/protocol';
import { refusal } from './report-files';
import { visible } from '../../../src-core/text/visible';

export type ImportOutcome = { name: string } & (
  | {
      status: 'done';
      result: ImportResult | ReplaceResult;
      /** A duplicate's offer: replace the report with this file, keeping the analyst's checks. */
      replace?: () => void;
    }
  | {
      status: 'failed';
      message: string;
      /** The refusal's code (DbError.reason), which the page says in the analyst's words (shared/errors/analyst-words.ts). */
      reason?: string;
      /** It was to replace a report: nothing was replaced. */
      replacing?: boolean;
    }
);

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; name: string; index: number; total: number; progress: ImportProgress | null }
  | { phase: 'finished'; outcomes: ImportOutcome[]; problem: string | null };

/** A file on its way in: its bytes when asked for, or why it is refused before it is read. */
type Queued = { name: string; read: () => Promise<Uint8Array> } | { name: string; refused: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const failure = (error: DbError) => ({ message: error.message, ...(error.reason !== undefined && { reason: error.reason }) });

/**
 * Imports report files one after the other in the DB worker, from the host's file picker or from
 * a drop. Each file is its own transaction: a bad file is reported and changes nothing, and the
 * others still go in. One batch at a time: a drop during an import is refused, not interleaved.
 */
export function useReportImport(host: Host, client: DbClient, onImported: () => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef(false);
  /** The last batch's outcomes, shown again (one of them changed) after a replace. */
  const shown = useRef<ImportOutcome[]>([]);
  const finish = useCallback((outcomes: ImportOutcome[], problem: string | null = null) => {
    shown.current = outcomes;
    setState({ phase: 'finished', outcomes, problem });
  }, []);

  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    try {
      await work();
    } finally {
      running.current = false;
    }
  }, []);

  /**
   * Replaces the report a duplicate's file is a new reading of (src-core/db/reimport.ts), keeping
   * the analyst's checks; its outcome then says what was kept and what is left to review.
   */
  const replace = useCallback(
    (index: number, name: string, read: () => Promise<Uint8Array>) =>
      exclusive(async () => {
        const settle = (next: ImportOutcome) => finish(shown.current.map((o, i) => (i === index ? next : o)));
        const at = { name, index: 0, total: 1 };
        setState({ phase: 'running', ...at, progress: null });
        let bytes: Uint8Array;
        try {
          bytes = await read();
        } catch (e) {
          settle({ name, status: 'failed', replacing: true, message: `The file could not be read again: ${errorText(e)}` });
          return;
        }
        const result = await client.importReport(name, bytes, (progress) => setState({ phase: 'running', ...at, progress }), {
          replace: true,
        });
        settle(
          result.ok
            ? { name, status: 'done', result: result.value }
            : { name, status: 'failed', replacing: true, ...failure(result.error) },
        );
        if (result.ok) onImported();
      }),
    [client, exclusive, finish, onImported],
  );

  const run = useCallback(
    async (files: Queued[]) => {
      const outcomes: ImportOutcome[] = [];
      for (const [index, file] of files.entries()) {
        if ('refused' in file) {
          outcomes.push({ name: file.name, status: 'failed', message: file.refused });
          continue;
        }
        const at = { name: file.name, index, total: files.length };
        setState({ phase: 'running', ...at, progress: null });
        let bytes: Uint8Array;
        try {
          bytes = await file.read();
        } catch (e) {
          outcomes.push({ name: file.name, status: 'failed', message: `The file could not be read: ${errorText(e)}` });
          continue;
        }
        const result = await client.importReport(file.name, bytes, (progress) => setState({ phase: 'running', ...at, progress }));
        const i = outcomes.length;
        outcomes.push(
          result.ok
            ? {
                name: file.name,
                status: 'done',
                result: result.value,
                // Only a duplicate keeps its file, to be read again if the analyst replaces the report with it.
                ...(result.value.status === 'duplicate' && { replace: () => void replace(i, file.name, file.read) }),
              }
            : { name: file.name, status: 'failed', ...failure(result.error) },
        );
        if (result.ok && result.value.status === 'imported') onImported();
      }
      finish(outcomes);
    },
    [client, finish, onImported, replace],
  );

  /** Asks the host for report files (a native dialog in Electron, a file input in the browser). */
  const start = useCallback(
    () =>
      exclusive(async () => {
        const picked = await host.pickReports();
        if (!picked.ok) {
          finish([], picked.error.message);
          return;
        }
        if (picked.value.length === 0) return;
        // Each read is a copy: the bytes sent to the worker are handed over, and a duplicate's may be read again.
        await run(picked.value.map((f) => ({ name: f.name, read: () => Promise.resolve(f.bytes.slice()) })));
      }),
    [exclusive, finish, host, run],
  );

  /** Files dropped on the Reports view; wrong types and oversized files are refused unread. */
  const drop = useCallback(
    (files: File[]) =>
      exclusive(async () => {
        if (files.length === 0) return;
        await run(
          files.map((f): Queued => {
            const why = refusal(f);
            // Shown as a picked file's name is (host/screen-host.ts): invisible characters as code points.
            const name = visible(f.name);
            return why ? { name, refused: why } : { name, read: async () => new Uint8Array(await f.arrayBuffer()) };
          }),
        );
      }),
    [exclusive, run],
  );

  return { state, start, drop };
}
