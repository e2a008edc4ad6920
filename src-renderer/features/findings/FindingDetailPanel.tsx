import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DbClient } from '../../db/db-client';
import { Highlighted } from '../../ui/Highlighted';
import { History } from '../../shared/history/History';
import { historyLine } from '../../shared/history/history-format';
import { capitalised } from '../../../src-core/text/display';
import { FindingAnnotation } from './FindingAnnotation';
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';
import { CorrectSection } from './CorrectSection';
import { DetailSection } from './DetailSection';
import type { DetailState } from './use-finding-detail';

interface Props {
  client: DbClient;
  state: DetailState;
  terms: readonly string[];
  /** Incremented when the analyst presses Enter in the grid: focus the editor once the finding is shown. */
  focusRequest: number;
  /** Escape: back to the grid. */
  onLeave(): void;
  /** Which context sections are open (remembered with the workspace); open unless folded. */
  sections: Record<string, boolean>;
  onSection(name: string, open: boolean): void;
}

/**
 * The selected finding: its annotation editor first, so status, RAG, tags, note and the brief are
 * in view without scrolling; then where the finding sits and its paragraph whole; then its
 * context (neighbours, footnotes, correcting its section, history) in sections that fold. The panel
 * scrolls inside itself.
 */
export function FindingDetailPanel({ client, state, terms, focusRequest, onLeave, sections, onSection }: Props) {
  const isOpen = (name: string) => sections[name] ?? true;
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
          <FindingAnnotation key={state.detail.finding.id} client={client} finding={state.detail.finding} firstControl={first} />
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
              />
            </p>
          </header>
          <p className="detail-text">
            <Highlighted text={state.detail.finding.text} terms={terms} />
          </p>
          {state.detail.before && (
            <DetailSection title="Paragraph before" open={isOpen('before')} onToggle={(o) => onSection('before', o)}>
              <p className="detail-neighbour">
                <Highlighted text={state.detail.before.text} terms={terms} />
              </p>
            </DetailSection>
          )}
          {state.detail.after && (
            <DetailSection title="Paragraph after" open={isOpen('after')} onToggle={(o) => onSection('after', o)}>
              <p className="detail-neighbour">
                <Highlighted text={state.detail.after.text} terms={terms} />
              </p>
            </DetailSection>
          )}
          {state.detail.footnotes.length > 0 && (
            <DetailSection title="Footnotes" open={isOpen('footnotes')} onToggle={(o) => onSection('footnotes', o)}>
              <ol className="detail-footnotes">
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
            </DetailSection>
          )}
          <DetailSection title="Correct the section" open={isOpen('correct')} onToggle={(o) => onSection('correct', o)}>
            <p className="field-hint">
              Filed under the wrong heading? Correct it: the extracted section is kept in the history.{' '}
              <CorrectSection client={client} findingId={state.detail.finding.id} section={state.detail.finding.section} />
            </p>
          </DetailSection>
          <DetailSection title="History" open={isOpen('history')} onToggle={(o) => onSection('history', o)}>
            <History
              history={{ status: 'ready', entries: state.detail.history }}
              line={historyLine}
              empty="No changes yet. Every change to this finding’s annotation is listed here, with who made it and when."
            />
          </DetailSection>
        </>
      )}
    </section>
  );
}
