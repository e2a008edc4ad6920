import { useId } from 'react';
import type { HistoryEntry } from '../../../src-core/query/model/history';
import { whenText } from '../../ui/who-when';
import type { HistoryLoad } from './use-history';
import './history.css';

interface Props {
  history: HistoryLoad;
  /** One change in words (history-format.ts: a finding's wording, or a metric's and case file's). */
  line(entry: HistoryEntry): string;
  /** What an item nobody has changed yet says in place of the list. */
  empty: string;
}

/** An item's audit trail, newest first: who changed what, when, from what to what (read-only). */
export function History({ history, line, empty }: Props) {
  const id = useId();
  return (
    <section className="history" aria-labelledby={id}>
      <h3 id={id}>History</h3>
      {history.status === 'loading' && <p className="muted">Reading the history…</p>}
      {history.status === 'error' && <p className="inline-problem">The history could not be read: {history.message}</p>}
      {history.status === 'ready' && history.entries.length === 0 && <p className="muted">{empty}</p>}
      {history.status === 'ready' && history.entries.length > 0 && (
        <ol className="history-list">
          {history.entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="history-change">{line(e)}</span>
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
