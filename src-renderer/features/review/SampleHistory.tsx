import { useId } from 'react';
import { whenText } from '../../ui/who-when';
import { historyText } from '../metrics/metric-format';
import type { HistoryLoad } from '../metrics/use-metric-history';

/** Who changed what about this case file and when, newest first (the audit log, read-only). */
export function SampleHistory({ history }: { history: HistoryLoad }) {
  const headingId = useId();
  return (
    <section className="sample-history" aria-labelledby={headingId}>
      <h3 id={headingId}>History</h3>
      {history.status === 'loading' && <p className="muted">Reading the history…</p>}
      {history.status === 'error' && <p className="inline-problem">The history could not be read: {history.message}</p>}
      {history.status === 'ready' && history.entries.length === 0 && (
        <p className="muted">No changes yet. Annotating this case file is recorded here, with who did it and when.</p>
      )}
      {history.status === 'ready' && history.entries.length > 0 && (
        <ol className="sample-history-list">
          {history.entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span>{historyText(e)}</span>
              <span className="muted">
                {e.author}, <time dateTime={e.at}>{whenText(e.at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
