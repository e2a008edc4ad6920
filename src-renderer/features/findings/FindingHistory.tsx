import { useId } from 'react';
import type { HistoryEntry } from '../../../src-core/query/finding-detail';
import { historyLine, historyTime } from './history-format';

/** The finding's audit trail, newest first: who changed what, when, from what to what. */
export function FindingHistory({ history }: { history: HistoryEntry[] }) {
  const id = useId();
  return (
    <section className="history" aria-labelledby={id}>
      <h3 id={id}>History</h3>
      {history.length === 0 ? (
        <p className="field-hint">No changes yet. Every change to this finding’s annotation is listed here, with who made it and when.</p>
      ) : (
        <ol className="history-list">
          {history.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="history-what">{historyLine(e)}</span>
              <span className="history-who">
                {e.author} · <time dateTime={e.at}>{historyTime(e.at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
