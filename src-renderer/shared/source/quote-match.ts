/**
 * Where an extracted item's quote sits in the source as the panel shows it: the lines of a text, or
 * the text items of a PDF page (one span each in pdf.js's text layer). Pure, so it is tested without
 * a page. The quote was made from the same text by the extractor, but not character for character:
 * Markdown markup and footnote markers are gone, lines are joined, a figure's quote is put together
 * from a label, a period and two values on separate lines ("…: Gwent Police 1; England and Wales
 * 15"). So the match is by words (letters and digits, case and width folded), in order, allowing a
 * few words in between.
 */

/** A stretch of one segment (a line, or a PDF text item) to highlight: [start, end) in its characters. */
export interface Mark {
  segment: number;
  start: number;
  end: number;
}

export interface Word {
  /** Folded: NFKC, lower case (so "ﬁ" and "fi", "Gwent" and "GWENT" are one word). */
  text: string;
  segment: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

// eslint-disable-next-line no-control-regex -- plain ASCII needs no normalising
const ASCII = /^[\u0000-\u007f]*$/;
const fold = (w: string) => (ASCII.test(w) ? w.toLowerCase() : w.normalize('NFKC').toLowerCase());

/** Markup tags a line may hold (Markdown's <sup>, a converter's <br>): blanked, so their names are not words. */
const TAG = /<\/?[a-z][a-z0-9]*\s*\/?>/gi;

const known = new WeakMap<readonly string[], Word[]>();

/** Every word of the segments, with where it is; worked out once for the same array of segments. */
export function wordsOf(segments: readonly string[]): Word[] {
  const kept = known.get(segments);
  if (kept) return kept;
  const words: Word[] = [];
  known.set(segments, words);
  segments.forEach((text, segment) => {
    // Blanked to as many spaces, so every word keeps its place in the segment.
    const plain = text.includes('<') ? text.replace(TAG, (t) => ' '.repeat(t.length)) : text;
    for (const m of plain.matchAll(WORD)) words.push({ text: fold(m[0]), segment, start: m.index, end: m.index + m[0].length });
  });
  return words;
}

export function quoteWords(quote: string): string[] {
  // Markup the quote may still hold is not words of the report ("<sup>14</sup>" is the marker 14).
  return [...quote.replace(/<\/?sup>/gi, ' ').matchAll(WORD)].map((m) => fold(m[0]));
}

/** Words of the source the quote may skip (a footnote marker, a bold figure's markup) or the source may lack. */
const SKIP_SOURCE = 2;
const SKIP_QUOTE = 1;
/** Quote words tried as the first one found: a paragraph carried over from the page before starts part-way in. */
const ANCHORS = 12;

/** How far on (in words) the rest of a quote is looked for once its words stop: past a footnote between two halves of a paragraph. */
const CONTINUE_WITHIN = 400;

export interface QuoteMatch {
  /** Index in the words of the first and last word matched. */
  first: number;
  last: number;
  /**
   * Where the quote goes on after something else (a footnote printed between the two halves of
   * a paragraph that a page break split, which the extractor joined again): the same, for each part.
   */
  rest: { first: number; last: number }[];
  /** Quote words found, in order. */
  matched: number;
  /** Words in the quote. */
  of: number;
}

function align(words: readonly Word[], q: readonly string[], i: number, k: number): { last: number; matched: number; next: number } {
  let [a, b, matched, last] = [i, k, 0, i];
  while (a < words.length && b < q.length) {
    if (words[a]?.text === q[b]) {
      matched++;
      last = a;
      a++;
      b++;
      continue;
    }
    let skipped = false;
    for (let s = 1; s <= SKIP_SOURCE && !skipped; s++) {
      if (words[a + s]?.text === q[b]) {
        a += s;
        skipped = true;
      }
    }
    for (let s = 1; s <= SKIP_QUOTE && !skipped; s++) {
      if (words[a]?.text === q[b + s]) {
        b += s;
        skipped = true;
      }
    }
    if (!skipped) break;
  }
  return { last, matched, next: b };
}

/**
 * The best place for the quote among the words: most quote words in order, then nearest the
 * segment the item's position names (`near`; or as `distanceOf` measures it), when the same words
 * occur twice. Null when fewer
 * than half the quote's words (or four, for a long quote split over pages) are found together.
 */
export function matchQuote(
  words: readonly Word[],
  quote: string,
  near: number | null = null,
  distanceOf?: (w: Word) => number,
): QuoteMatch | null {
  const q = quoteWords(quote);
  if (q.length === 0 || words.length === 0) return null;
  const needed = Math.min(q.length, Math.max(4, Math.ceil(q.length / 2)));
  let best: QuoteMatch | null = null;
  let bestDistance = Infinity;
  const anchors = Math.min(q.length, ANCHORS);
  for (let k = 0; k < anchors; k++) {
    for (let i = 0; i < words.length; i++) {
      if (words[i]?.text !== q[k]) continue;
      const { last, matched, next } = align(words, q, i, k);
      if (matched < Math.min(3, q.length)) continue;
      const found: QuoteMatch = { first: i, last, matched, of: q.length, rest: [] };
      goOn(words, q, found, next);
      if (found.matched < needed) continue;
      const w = words[i] as Word;
      const distance = distanceOf ? distanceOf(w) : near === null ? 0 : Math.abs(w.segment - near);
      if (!best || found.matched > best.matched || (found.matched === best.matched && distance < bestDistance)) {
        best = found;
        bestDistance = distance;
      }
    }
    // The quote's first words found in full: a later anchor can only find a part of it.
    if (best && best.matched === q.length) break;
  }
  return best;
}

/** The rest of the quote after its words stopped, if it goes on a little further down. */
function goOn(words: readonly Word[], q: readonly string[], match: QuoteMatch, stopped: number): void {
  let [stop, from] = [stopped, match.last + 1];
  while (stop < q.length && match.rest.length < 4) {
    let found: { first: number; last: number; matched: number; next: number } | null = null;
    const end = Math.min(words.length, from + CONTINUE_WITHIN);
    // The quote word it stopped at may be one the source lacks: the next two are tried too.
    for (let k = stop; k < Math.min(q.length, stop + 3) && !found; k++) {
      for (let i = from; i < end && !found; i++) {
        if (words[i]?.text !== q[k]) continue;
        const r = align(words, q, i, k);
        if (r.matched >= Math.min(3, q.length - k)) found = { first: i, ...r };
      }
    }
    if (!found) return;
    match.rest.push({ first: found.first, last: found.last });
    match.matched += found.matched;
    [stop, from] = [found.next, found.last + 1];
  }
}

/** The marks of a match, its continuations included. */
export function marksOfMatch(words: readonly Word[], match: QuoteMatch): Mark[] {
  return [match, ...match.rest].flatMap((part) => marksBetween(words, part.first, part.last));
}

/** The marks covering words first..last: on each segment, from its first of those words to its last (markup around them left out). */
export function marksBetween(words: readonly Word[], first: number, last: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = first; i <= last; i++) {
    const w = words[i];
    if (!w) continue;
    const open = marks[marks.length - 1];
    if (open && open.segment === w.segment) open.end = w.end;
    else marks.push({ segment: w.segment, start: w.start, end: w.end });
  }
  return marks;
}

/** The quote's marks in the segments, or none when it is not there. */
export function quoteMarks(segments: readonly string[], quote: string, near: number | null = null): Mark[] {
  const words = wordsOf(segments);
  const match = matchQuote(words, quote, near);
  return match ? marksOfMatch(words, match) : [];
}
