import type { Mark } from './quote-match';

/** What a stretch of a segment is highlighted as: the item's quote, a find match, the current find match. */
export type MarkKind = 'quote' | 'find' | 'current';

export interface KindedMark extends Mark {
  kind: MarkKind;
}

/** A piece of a segment's text and what it is highlighted as (none: plain text). */
export interface Piece {
  text: string;
  start: number;
  kinds: MarkKind[];
}

/**
 * A segment's text cut where any of its marks begins or ends, each piece with the kinds of mark
 * covering it: the quote and a find match may overlap, and each piece is drawn once.
 */
export function piecesOf(text: string, marks: readonly KindedMark[]): Piece[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const at = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const [start, end] = [at[i] ?? 0, at[i + 1] ?? 0];
    if (end <= start) continue;
    const kinds = [...new Set(marks.filter((m) => m.start <= start && m.end >= end).map((m) => m.kind))];
    pieces.push({ text: text.slice(start, end), start, kinds });
  }
  return pieces;
}

/** The marks of each segment, by segment. */
export function marksBySegment(marks: readonly KindedMark[]): Map<number, KindedMark[]> {
  const by = new Map<number, KindedMark[]>();
  for (const m of marks) {
    const list = by.get(m.segment);
    if (list) list.push(m);
    else by.set(m.segment, [m]);
  }
  return by;
}

/** The quote's marks and the find matches as one list of kinded marks, the current match told apart. */
export function allMarks(quote: readonly Mark[], matches: readonly Mark[][], current: number | null): KindedMark[] {
  const out: KindedMark[] = quote.map((m) => ({ ...m, kind: 'quote' }));
  matches.forEach((match, i) => {
    for (const m of match) out.push({ ...m, kind: i === current ? 'current' : 'find' });
  });
  return out;
}
