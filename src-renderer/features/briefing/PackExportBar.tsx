import { PACK_FORMATS, type PackFormat } from '../../../src-core/service/protocol';
import { exportProgressText, FORMAT_LABEL, type PackExportState } from './use-pack-export';

interface Props {
  state: PackExportState;
  /** Why exporting is not possible yet (the form is incomplete); null when it is. */
  blocked: string | null;
  onExport(format: PackFormat): void;
}

/** DOCX, PDF, HTML and Markdown: each made in the worker from the workspace as it is now, with progress and errors in words. */
export function PackExportBar({ state, blocked, onExport }: Props) {
  const running = state.phase === 'running';
  return (
    <div className="brief-export" role="group" aria-label="Export the pack">
      <span className="brief-export-label" aria-hidden="true">
        Export
      </span>
      {PACK_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={blocked !== null || running}
          title={blocked ?? undefined}
          aria-label={`Export ${FORMAT_LABEL[format]}`}
          onClick={() => onExport(format)}
        >
          {FORMAT_LABEL[format]}
        </button>
      ))}
      <p className={`brief-export-status${state.phase === 'error' ? ' brief-export-status--error' : ''}`} role="status">
        {running && <span className="spinner brief-spinner" aria-hidden="true" />}
        {running ? exportProgressText(state) : state.phase === 'done' || state.phase === 'error' ? state.message : ''}
      </p>
    </div>
  );
}
