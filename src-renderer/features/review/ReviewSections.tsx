import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { REVIEW_SECTIONS, type ReviewSection } from './review-desk';

const LABEL: Record<ReviewSection, string> = { summary: 'Summary', reconciliation: 'Reconciliation', agreement: 'Agreement' };

interface Props {
  open: ReviewSection;
  onOpen(section: ReviewSection): void;
  /** A word after a tab's name ("1 mismatch"), so a problem shows without opening its section. */
  badges: Partial<Record<ReviewSection, string>>;
  /** The open section's content: the others are not rendered. */
  children: ReactNode;
}

/**
 * The sample's summary, its reconciliation with the report and the reviewers' agreement, as tabs
 * in one docked panel under the case files rather than a long page: the open one scrolls inside
 * the panel. Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern).
 */
export function ReviewSections({ open, onOpen, badges, children }: Props) {
  const id = useId();
  const tabs = useRef<Partial<Record<ReviewSection, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const at = REVIEW_SECTIONS.indexOf(open);
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % REVIEW_SECTIONS.length
        : e.key === 'ArrowLeft'
          ? (at + REVIEW_SECTIONS.length - 1) % REVIEW_SECTIONS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? REVIEW_SECTIONS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const section = REVIEW_SECTIONS[next] as ReviewSection;
    onOpen(section);
    tabs.current[section]?.focus();
  };
  return (
    <div className="review-sections">
      <div className="review-section-tabs" role="tablist" aria-label="File review sections" onKeyDown={onKeyDown}>
        {REVIEW_SECTIONS.map((s) => (
          <button
            key={s}
            ref={(el) => {
              tabs.current[s] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${s}`}
            aria-selected={s === open}
            aria-controls={`${id}-panel`}
            tabIndex={s === open ? 0 : -1}
            className="review-section-tab"
            onClick={() => onOpen(s)}
          >
            {LABEL[s]}
            {badges[s] && <span className="review-section-badge">{badges[s]}</span>}
          </button>
        ))}
      </div>
      {/* Focusable: it scrolls, and a keyboard must be able to scroll it. */}
      <div className="review-section-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${open}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
