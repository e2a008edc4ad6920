import { ImportOutcomeItem } from './ImportOutcomeItem';
import { progressText } from './import-text';
import type { ImportState } from './use-report-import';

/** The Import report button, what it is doing, and what came of it. */
export function ImportReport({ state, onImport }: { state: ImportState; onImport: () => void }) {
  const running = state.phase === 'running';
  return (
    <section className="import" aria-label="Import reports">
      <button type="button" className="button button--primary" onClick={onImport} disabled={running}>
        Import report
      </button>
      <p className="import-hint">Markdown, plain text or PDF, up to 50 MB each.</p>
      <div role="status" className="import-status">
        {running && (
          <p className="import-progress">
            <span className="spinner" aria-hidden="true" />
            {state.total > 1 && `File ${state.index + 1} of ${state.total}: `}
            {progressText(state.name, state.progress)}
          </p>
        )}
        {state.phase === 'finished' && state.problem && <p className="import-problem">{state.problem}</p>}
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
