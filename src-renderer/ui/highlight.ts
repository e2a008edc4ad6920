/**
 * Which words of a text the search matched, for <mark>ing them. The FTS4 table tokenises with
 * unicode61 (runs of letters and digits, case and diacritics folded), and the query makes its last
 * word a prefix so that results follow typing; the highlighting folds and splits words the same
 * way, so what is marked is what FTS matched, not a looser substring match.
 */

export interface Segment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without diacritics, as unicode61's remove_diacritics does. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export interface Matcher {
  exact: ReadonlySet<string>;
  prefix: string | null;
}

/** The search terms as FTS sees them: every word exact, except the very last, which is a prefix. */
export function matcherFor(terms: readonly string[]): Matcher | null {
  const words = terms.flatMap((t) => t.match(WORD) ?? []).map(fold);
  const prefix = words.pop();
  if (prefix === undefined) return null;
  return { exact: new Set(words), prefix };
}

function matches(m: Matcher, word: string): boolean {
  const w = fold(word);
  return m.exact.has(w) || (m.prefix !== null && w.startsWith(m.prefix));
}

/** The text cut into plain and matched runs; one matched run per matched word. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const m = matcherFor(terms);
  if (!m || !text) return text ? [{ text, match: false }] : [];
  const out: Segment[] = [];
  let at = 0;
  for (const word of text.matchAll(WORD)) {
    if (!matches(m, word[0])) continue;
    if (word.index > at) out.push({ text: text.slice(at, word.index), match: false });
    out.push({ text: word[0], match: true });
    at = word.index + word[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/** Index of the first matched word, or -1. */
export function firstMatch(text: string, terms: readonly string[]): number {
  const m = matcherFor(terms);
  if (!m) return -1;
  for (const word of text.matchAll(WORD)) if (matches(m, word[0])) return word.index;
  return -1;
}

/**
 * The text from a little before its first match, with an ellipsis, when that match would be past
 * what a clamped grid cell shows: otherwise a row matching in its fourth line shows no mark at all.
 */
export function excerptAround(text: string, terms: readonly string[], visible = 70, lead = 35): string {
  const at = firstMatch(text, terms);
  if (at < visible) return text;
  const from = text.lastIndexOf(' ', at - lead);
  return `…${text.slice(from > 0 ? from + 1 : at - lead)}`;
}
