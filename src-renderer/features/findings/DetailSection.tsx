import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  open: boolean;
  onToggle(open: boolean): void;
  children: ReactNode;
}

/**
 * A part of a finding's context (the paragraphs around it, its footnotes, its history) that the
 * analyst can fold away: a heading whose button says whether the part is shown (aria-expanded).
 * Folded parts stay out of the page's tab order and out of assistive technology.
 */
export function DetailSection({ title, open, onToggle, children }: Props) {
  const id = useId();
  return (
    <div className="detail-section">
      <h3>
        <button type="button" className="detail-section-toggle" aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
          {title}
        </button>
      </h3>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
