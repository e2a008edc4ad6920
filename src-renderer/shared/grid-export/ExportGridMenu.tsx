import { useId } from 'react';
import { MARKINGS } from '../../../src-core/brief/definition';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import { PopoverMenu } from '../../ui/PopoverMenu';
import { setExportMarking, useExportMarking } from './export-marking';
import { useGridExport, type GridExportSpec } from './use-grid-export';
import './export-menu.css';

interface Props {
  host: Host;
  client: DbClient;
  /**
   * What the grid shows now, asked at the moment of export (its filter, sort and columns may have
   * changed). The view supplies it: only the view knows its rows' source and filter.
   */
  spec: () => GridExportSpec | null;
  /** "2 findings", for the hint: the export holds all of them, not just the loaded rows. */
  rowsText: string | null;
}

/**
 * "Export exactly what I see": every row the grid's filter selects, in its sort, with its visible
 * columns, as CSV or XLSX, the marking in the first row and the filter and row count stated. The
 * marking must be chosen first: the file leaves the app, so it carries a marking on its own.
 */
export function ExportGridMenu({ host, client, spec, rowsText }: Props) {
  const id = useId();
  const marking = useExportMarking();
  const { state, run } = useGridExport(host, client, spec);
  const running = state.phase === 'running';
  return (
    <PopoverMenu label="Export" anchor="export">
      {() => (
        <div className="export-menu">
          <fieldset className="export-marking">
            <legend>Protective marking</legend>
            {MARKINGS.map((m) => (
              <label key={m} className="export-marking-choice">
                <input type="radio" name={`${id}-marking`} value={m} checked={marking === m} onChange={() => setExportMarking(m)} />
                {m}
              </label>
            ))}
          </fieldset>
          <p className="export-hint" id={`${id}-hint`}>
            {rowsText ? `All ${rowsText}` : 'Every row'} matching the current filter, in the grid’s sort and visible columns. The marking
            stands in the first row.
          </p>
          <div className="export-buttons">
            {(['csv', 'xlsx'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button"
                aria-describedby={`${id}-hint`}
                disabled={!marking || running}
                onClick={() => marking && void run(format, marking)}
              >
                Export {format.toUpperCase()}
              </button>
            ))}
          </div>
          {!marking && <p className="export-hint">Choose the marking to export.</p>}
          <p className={`export-status${state.phase === 'error' ? ' export-status--error' : ''}`} role="status">
            {state.phase === 'running' && `Exporting ${state.format.toUpperCase()}…`}
            {(state.phase === 'done' || state.phase === 'error') && state.message}
          </p>
        </div>
      )}
    </PopoverMenu>
  );
}
