import { useId, type RefObject } from 'react';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** "3 of 7", "No matches"; null before anything is typed. */
  count: string | null;
  onStep(backwards: boolean): void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** Find in source: Enter goes to the next match, Shift+Enter to the one before. */
export function FindBar({ query, onQuery, count, onStep, inputRef }: Props) {
  const id = useId();
  const countId = `${id}-count`;
  return (
    <div className="source-find" role="search">
      <input
        id={id}
        aria-label="Find in source"
        ref={inputRef}
        type="search"
        placeholder="Find in source (Ctrl+F)"
        value={query}
        aria-describedby={countId}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onStep(e.shiftKey);
        }}
      />
      <span id={countId} className="source-find-count" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        className="button source-small-button"
        aria-label="Previous match"
        disabled={!count || count === 'No matches'}
        onClick={() => onStep(true)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button source-small-button"
        aria-label="Next match"
        disabled={!count || count === 'No matches'}
        onClick={() => onStep(false)}
      >
        ↓
      </button>
    </div>
  );
}
