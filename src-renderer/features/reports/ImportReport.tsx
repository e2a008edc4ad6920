import { useId } from 'react';
import { REPORT_FORMATS_IN_WORDS } from '../../../src-core/extract/formats';
import { ImportOutcomeItem } from './ImportOutcomeItem';
import { batchText, progressText } from './import-text';
import type { ImportState } from './use-report-import';

interface Props {
  state: ImportState;
  onImport: () => void;
  /** Files are being dragged over the Reports view (which takes the drop anywhere). */
  dragging: boolean;
}

/** The drop zone and the Import report button, what the import is doing, and what came of it. */
export function ImportReport({ state, onImport, dragging }: Props) {
  const hintId = useId();
  const running = state.phase === 'running';
  const zone = ['import', 'drop-zone', dragging && 'drop-zone--over', dragging && running && 'drop-zone--busy'].filter(Boolean).join(' ');
  return (
    <section className={zone} aria-label="Import reports" aria-describedby={hintId}>
      {/* aria-disabled, not disabled, while importing: a disabled button would drop the keyboard focus to the page's start. */}
      <button
        type="button"
        className="button button--primary"
        onClick={running ? undefined : onImport}
        aria-disabled={running || undefined}
      >
        Import report
      </button>
      <p className="import-hint" id={hintId}>
        {dragging
          ? running
            ? 'Wait for this import to finish, then drop the files again.'
            : 'Drop the files to import them, one after the other.'
          : `or drag ${REPORT_FORMATS_IN_WORDS} reports here, up to 50 MB each. Several at once are imported one after the other.`}
      </p>
      <div role="status" className="import-status">
        {running && (
          <p className="import-progress">
            <span className="spinner" aria-hidden="true" />
            {state.total > 1 && `File ${state.index + 1} of ${state.total}: `}
            {progressText(state.name, state.progress)}
          </p>
        )}
        {state.phase === 'finished' && state.problem && <p className="import-problem">{state.problem}</p>}
        {state.phase === 'finished' && state.outcomes.length > 1 && <p className="import-summary">{batchText(state.outcomes)}</p>}
        {state.phase === 'finished' && state.outcomes.length > 0 && (
          <ul className="import-outcomes">
            {state.outcomes.map((o, i) => (
              <ImportOutcomeItem key={`${i}-${o.name}`} outcome={o} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
