import { piecesOf, type KindedMark } from './mark-pieces';

/** Spans that hold marks now, per text layer: the next painting puts only those back to plain text. */
const painted = new WeakMap<HTMLElement[], Set<number>>();

/**
 * Highlights stretches of a PDF page's text layer: a span's text is cut into plain text and <mark>
 * pieces (its own text, never markup from the file: pieces are text nodes). The spans are pdf.js's,
 * outside React; each keeps its place and scale, and its text reads the same.
 */
export function paintMarks(spans: HTMLElement[], items: readonly string[], marks: ReadonlyMap<number, KindedMark[]>): void {
  const before = painted.get(spans) ?? new Set<number>();
  for (const i of before) {
    const span = spans[i];
    if (span && !marks.has(i)) span.textContent = items[i] ?? '';
  }
  for (const [i, list] of marks) {
    const span = spans[i];
    if (!span) continue;
    const text = items[i] ?? '';
    span.replaceChildren(
      ...piecesOf(text, list).map((p) => {
        if (p.kinds.length === 0) return document.createTextNode(p.text);
        const mark = document.createElement('mark');
        mark.className = p.kinds.map((k) => `source-mark--${k}`).join(' ');
        mark.textContent = p.text;
        return mark;
      }),
    );
  }
  painted.set(spans, new Set(marks.keys()));
}
