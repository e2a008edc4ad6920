import { memo } from 'react';
import type { TextRow } from './locate';
import { piecesOf, type KindedMark } from './mark-pieces';

/** One line of a text original, its number and its text, with any highlighted stretches as <mark>s. */
/**
 * Memoised: a text original is thousands of lines, and finding in it changes the marks of a few, so
 * only those lines render again as the analyst types.
 */
export const SourceLine = memo(function SourceLine({ row, marks }: { row: TextRow; marks: KindedMark[] | undefined }) {
  return (
    <li className="source-line" data-line={row.line}>
      <span className="source-line-number">{row.line}</span>
      <span className="source-line-text">
        {marks
          ? piecesOf(row.text, marks).map((p) =>
              p.kinds.length === 0 ? (
                p.text
              ) : (
                <mark key={p.start} className={p.kinds.map((k) => `source-mark--${k}`).join(' ')}>
                  {p.text}
                </mark>
              ),
            )
          : row.text}
      </span>
    </li>
  );
});
