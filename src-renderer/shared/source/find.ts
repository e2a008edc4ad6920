import type { Mark } from './quote-match';

/**
 * Find in source: every place the analyst's words occur in the segments shown (the lines of a text,
 * the text items of a PDF page), case folded, any run of white space in the query matching any run
 * in the source, including the break between two segments (a phrase that wraps onto the next line).
 */

/** Enough for any sensible search of one report or page; past it the count says "1,000+". */
export const MAX_FIND_MATCHES = 1000;

export interface FindResult {
  /** Each match as the marks that cover it (more than one when it runs over a segment's end). */
  matches: Mark[][];
  /** More matches than MAX_FIND_MATCHES were there. */
  capped: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query as a pattern: literal text, white space flexible. Null for a query of only spaces. */
export function findPattern(query: string): RegExp | null {
  const parts = query.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  return new RegExp(parts.map(escape).join('\\s+'), 'giu');
}

export function findAll(segments: readonly string[], query: string): FindResult {
  const pattern = findPattern(query);
  if (!pattern) return { matches: [], capped: false };
  // One text with the segments joined by line feeds, and where each segment starts in it.
  const starts: number[] = [];
  let at = 0;
  for (const s of segments) {
    starts.push(at);
    at += s.length + 1;
  }
  const joined = segments.join('\n');
  const matches: Mark[][] = [];
  for (const m of joined.matchAll(pattern)) {
    if (matches.length === MAX_FIND_MATCHES) return { matches, capped: true };
    matches.push(marksOf(starts, segments, m.index, m.index + m[0].length));
  }
  return { matches, capped: false };
}

/** The segment holding character `offset` of the joined text (the last that starts at or before it). */
function segmentAt(starts: readonly number[], offset: number): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function marksOf(starts: readonly number[], segments: readonly string[], from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let s = segmentAt(starts, from); s < segments.length && (starts[s] ?? 0) < to; s++) {
    const base = starts[s] ?? 0;
    const length = segments[s]?.length ?? 0;
    const start = Math.max(0, from - base);
    const end = Math.min(length, to - base);
    if (end > start) marks.push({ segment: s, start, end });
  }
  return marks;
}

/** "3 of 7", "No matches", "1 of 1,000+": what the find box says (current counts from 0). */
export function findCountText(current: number, total: number, capped: boolean): string {
  if (total === 0) return 'No matches';
  return `${(current + 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}${capped ? '+' : ''}`;
}

/** The next match after `current` (or before it, backwards), wrapping round. */
export function stepMatch(current: number, count: number, backwards: boolean): number {
  if (count === 0) return 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}
