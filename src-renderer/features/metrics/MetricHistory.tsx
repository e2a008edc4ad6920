import { useId } from 'react';
import { whenText } from '../../ui/who-when';
import { historyText } from './metric-format';
import type { HistoryLoad } from './use-metric-history';

/** Who changed what about this metric and when, newest first (the audit log, read-only). */
export function MetricHistory({ history }: { history: HistoryLoad }) {
  const headingId = useId();
  return (
    <section className="metric-history" aria-labelledby={headingId}>
      <h3 id={headingId}>History</h3>
      {history.status === 'loading' && <p className="muted">Reading the history…</p>}
      {history.status === 'error' && <p className="inline-problem">The history could not be read: {history.message}</p>}
      {history.status === 'ready' && history.entries.length === 0 && (
        <p className="muted">No changes yet. Verifying or annotating this metric is recorded here, with who did it and when.</p>
      )}
      {history.status === 'ready' && history.entries.length > 0 && (
        <ol className="history-list">
          {history.entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="history-change">{historyText(e)}</span>
              <span className="history-stamp">
                {e.author}, <time dateTime={e.at}>{whenText(e.at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
