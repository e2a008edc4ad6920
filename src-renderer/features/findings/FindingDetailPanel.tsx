import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DbClient } from '../../db/db-client';
import { Highlighted } from '../../ui/Highlighted';
import { History } from '../../shared/history/History';
import { historyLine } from '../../shared/history/history-format';
import { capitalised } from '../../../src-core/text/display';
import { FindingAnnotation } from './FindingAnnotation';
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';
import { CorrectSection } from './CorrectSection';
import type { DetailState } from './use-finding-detail';

interface Props {
  client: DbClient;
  state: DetailState;
  terms: readonly string[];
  /** Incremented when the analyst presses Enter in the grid: focus the editor once the finding is shown. */
  focusRequest: number;
  /** Escape: back to the grid. */
  onLeave(): void;
}

/** The selected finding whole, where it sits, its neighbours and footnotes, its annotation and its history. */
export function FindingDetailPanel({ client, state, terms, focusRequest, onLeave }: Props) {
  const first = useRef<HTMLSelectElement>(null);
  const handled = useRef(0);
  const readyId = state.status === 'ready' ? state.detail.finding.id : null;
  useEffect(() => {
    if (focusRequest <= handled.current || readyId === null) return;
    handled.current = focusRequest;
    first.current?.focus();
  }, [focusRequest, readyId]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    onLeave();
  };

  return (
    <section className="detail" aria-label="Finding detail" onKeyDown={onKeyDown}>
      {state.status === 'none' && (
        <p className="detail-empty">
          Select a finding to read it whole, with its footnotes and the paragraphs around it, and to annotate it. Arrow keys move between
          rows; Enter moves here, Escape goes back.
        </p>
      )}
      {state.status === 'loading' && (
        <p className="detail-empty" role="status">
          Loading the finding…
        </p>
      )}
      {state.status === 'missing' && (
        <p className="detail-empty" role="status">
          This finding is no longer in the workspace (its report may have been removed). Select another one.
        </p>
      )}
      {state.status === 'error' && (
        <p className="inline-problem" role="alert">
          The finding could not be read: {state.message}. Select it again; if that fails too, reload the page (every saved change is kept).
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <header className="detail-header">
            <p className="detail-report">
              {state.detail.finding.report} · <span className="detail-kind">{capitalised(state.detail.finding.kind)}</span>
            </p>
            <h2 className="detail-where">
              {[state.detail.finding.section, state.detail.finding.subsection, `paragraph ${state.detail.finding.paragraph}`]
                .filter(Boolean)
                .join(' › ')}
            </h2>
            <p className="detail-position">
              {state.detail.finding.page !== null && `Page ${state.detail.finding.page}, `}line {state.detail.finding.line} of the source{' '}
              <ShowSourceButton
                target={{
                  reportId: state.detail.finding.reportId,
                  page: state.detail.finding.page,
                  line: state.detail.finding.line,
                  quote: state.detail.finding.text,
                  label: `Finding: ${state.detail.finding.section}, paragraph ${state.detail.finding.paragraph}`,
                }}
              />{' '}
              <CorrectSection client={client} findingId={state.detail.finding.id} section={state.detail.finding.section} />
            </p>
          </header>
          {state.detail.before && (
            <div className="detail-neighbour">
              <h3>Paragraph before</h3>
              <p>
                <Highlighted text={state.detail.before.text} terms={terms} />
              </p>
            </div>
          )}
          <p className="detail-text">
            <Highlighted text={state.detail.finding.text} terms={terms} />
          </p>
          {state.detail.footnotes.length > 0 && (
            <div className="detail-footnotes">
              <h3>Footnotes</h3>
              <ol>
                {state.detail.footnotes.map((f) => (
                  <li key={f.number} value={f.number}>
                    {f.text ?? `Footnote ${f.number} is cited here but the report does not define it.`}
                    {f.text !== null && (
                      <>
                        {' '}
                        <ShowSourceButton
                          target={{
                            reportId: state.detail.finding.reportId,
                            page: f.page,
                            line: f.line,
                            quote: f.text,
                            label: `Footnote ${f.number}`,
                          }}
                        />
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {state.detail.after && (
            <div className="detail-neighbour">
              <h3>Paragraph after</h3>
              <p>
                <Highlighted text={state.detail.after.text} terms={terms} />
              </p>
            </div>
          )}
          <FindingAnnotation key={state.detail.finding.id} client={client} finding={state.detail.finding} firstControl={first} />
          <History
            history={{ status: 'ready', entries: state.detail.history }}
            line={historyLine}
            empty="No changes yet. Every change to this finding’s annotation is listed here, with who made it and when."
          />
        </>
      )}
    </section>
  );
}
