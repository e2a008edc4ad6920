import { useCallback, useState } from 'react';
import type { Marking } from '../../../src-core/brief/definition';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import type { DbRequest } from '../../../src-core/service/protocol';
import { sentence } from '../text/words';
import { plural } from '../../../src-core/text/plural';

/** What a grid hands over to be exported: its rows' source, visible columns, filter in words and a title. */
export type GridExportSpec = Omit<Extract<DbRequest, { type: 'grid.export' }>, 'type' | 'format' | 'marking'>;

export type GridExportState =
  | { phase: 'idle' }
  | { phase: 'running'; format: 'csv' | 'xlsx' }
  | { phase: 'done'; message: string }
  | { phase: 'error'; message: string };

/**
 * Exports a grid's rows: the worker reads every row the filter selects and writes the file, the
 * host saves it (a save dialog in Electron, a download in the browser). Errors come back as words.
 */
export function useGridExport(host: Host, client: DbClient, spec: () => GridExportSpec | null) {
  const [state, setState] = useState<GridExportState>({ phase: 'idle' });
  const run = useCallback(
    async (format: 'csv' | 'xlsx', marking: Marking) => {
      const request = spec();
      if (!request) {
        setState({ phase: 'error', message: 'The grid is not ready yet; try again in a moment.' });
        return;
      }
      setState({ phase: 'running', format });
      const made = await client.exportGrid({ ...request, format, marking });
      if (!made.ok) {
        setState({ phase: 'error', message: `The ${format.toUpperCase()} export failed. ${sentence(made.error.message)}` });
        return;
      }
      const { suggestedName, mime, bytes, rows = 0 } = made.value;
      const saved = await host.saveExport({ suggestedName, mime, bytes });
      if (!saved.ok) setState({ phase: 'error', message: `The export was not saved. ${sentence(saved.error.message)}` });
      else if (!saved.value.saved) setState({ phase: 'idle' });
      else setState({ phase: 'done', message: `Exported ${plural(rows, 'row')} to ${saved.value.name}.` });
    },
    [host, client, spec],
  );
  return { state, run };
}
