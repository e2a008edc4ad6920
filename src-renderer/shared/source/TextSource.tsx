import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findAll } from './find';
import { rowOfLine, segmentsOf, textMarks, type TextRow } from './locate';
import { allMarks, marksBySegment } from './mark-pieces';
import { scrollToCentre } from './scroll';
import { SourceLine } from './SourceLine';
import type { SourceSelection, SourceTarget } from './source-target';

/** Rows drawn at first around the item; the rest follow a frame later, so the item is on screen at once. */
const FIRST_WINDOW = 80;

interface Props {
  rows: TextRow[];
  target: SourceTarget;
  /** New at every Show source: scroll to the item again. */
  request: number;
  find: { query: string; index: number };
  onMatches(count: number, capped: boolean): void;
  onSelection?: (selection: SourceSelection) => void;
}

/** A Markdown, text or HTML original: its lines with their numbers, the item's words highlighted and scrolled to. */
export function TextSource({ rows, target, request, find, onMatches, onSelection }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segmentsOf(rows), [rows]);
  const quote = useMemo(() => textMarks(rows, target.quote, target.line), [rows, target.quote, target.line]);
  const found = useMemo(() => findAll(segments, find.query), [segments, find.query]);
  useEffect(() => onMatches(found.matches.length, found.capped), [found, onMatches]);
  const current = found.matches.length > 0 ? find.index % found.matches.length : null;
  const marks = useMemo(() => marksBySegment(allMarks(quote, found.matches, current)), [quote, found, current]);

  const focusRow =
    (current !== null ? found.matches[current]?.[0]?.segment : undefined) ?? quote[0]?.segment ?? rowOfLine(rows, target.line) ?? 0;
  const [whole, setWhole] = useState(rows.length <= FIRST_WINDOW * 2);
  useEffect(() => {
    if (whole) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setWhole(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [whole]);
  const from = whole ? 0 : Math.max(0, focusRow - FIRST_WINDOW);
  const to = whole ? rows.length : Math.min(rows.length, focusRow + FIRST_WINDOW);

  // To the item when it is shown (and shown again), to the current match when the analyst finds.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const at =
      box.querySelector<HTMLElement>(current !== null ? '.source-mark--current' : '.source-mark--quote') ??
      box.querySelector<HTMLElement>(`[data-line="${rows[focusRow]?.line ?? 0}"]`);
    if (at) scrollToCentre(box, at);
    // Only when what is asked for changes: not when the rest of the rows arrive (the browser keeps the view anchored).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, current, found]);

  const selected = () => {
    if (!onSelection) return;
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || !text || !scroller.current?.contains(selection.anchorNode)) return;
    const lineOf = (node: Node | null) =>
      Number((node instanceof Element ? node : node?.parentElement)?.closest('[data-line]')?.getAttribute('data-line') ?? NaN);
    const lines = [lineOf(selection.anchorNode), lineOf(selection.focusNode)].filter((n) => Number.isFinite(n));
    onSelection({ reportId: target.reportId, text, page: null, line: lines.length ? Math.min(...lines) : null });
  };

  return (
    <>
      {quote.lineOnly && target.quote && <LineOnlyNote line={target.line} />}
      <div
        className={`source-scroll${quote.lineOnly ? ' source-scroll--line-only' : ''}`}
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-label="Lines of the source"
        onMouseUp={selected}
        onKeyUp={selected}
      >
        <ol className="source-lines">
          {rows.slice(from, to).map((row, i) => (
            <SourceLine key={from + i} row={row} marks={marks.get(from + i)} />
          ))}
        </ol>
      </div>
    </>
  );
}

/** The item's words were not found: its whole line is shown, and said to be only that. */
export function LineOnlyNote({ line }: { line: number | null }) {
  return (
    <p className="source-note" role="note">
      The item’s words were not found here{line !== null ? `: line ${line}, where it was read, is outlined instead` : ''}. Check the figure
      against the text itself.
    </p>
  );
}
