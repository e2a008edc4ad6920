import { pageLineNumbers, textRunOf, type PdfJsTextItem, type PdfPageText } from '../../../src-core/extract/pdf-lines';
import { marksOfMatch, matchQuote, quoteMarks, wordsOf, type Mark, type Word } from './quote-match';

/**
 * Where an item is in what the panel shows, and where a selection is as the extractor would say it.
 * Pure: the text view's rows and a PDF page's text items in, marks and line numbers out.
 */

/** A row of the text view: the line of the decoded file it shows (HTML: the line of its element, as the extractor read it). */
export interface TextRow {
  text: string;
  line: number;
}

const texts = new WeakMap<readonly TextRow[], string[]>();

/** The rows' texts, one array for the same rows: their words are worked out once (quote-match.ts). */
export function segmentsOf(rows: readonly TextRow[]): string[] {
  let kept = texts.get(rows);
  if (!kept) texts.set(rows, (kept = rows.map((r) => r.text)));
  return kept;
}

/** The row showing this line of the file: that line's, else the nearest after it, else the last. */
export function rowOfLine(rows: readonly TextRow[], line: number | null): number | null {
  if (line === null || rows.length === 0) return null;
  const at = rows.findIndex((r) => r.line >= line);
  return at >= 0 ? at : rows.length - 1;
}

/**
 * The quote's marks in the text view: found by its words, nearest the item's line when they occur
 * twice; failing that, the item's line whole, so the analyst is at least shown where it was read.
 */
export function textMarks(rows: readonly TextRow[], quote: string | null, line: number | null): Marks {
  const near = rowOfLine(rows, line);
  const found = quote ? quoteMarks(segmentsOf(rows), quote, near) : [];
  if (found.length > 0 || near === null) return found;
  const length = rows[near]?.text.length ?? 0;
  return length > 0 ? lineFallback([{ segment: near, start: 0, end: length }]) : [];
}

/**
 * Marks of the item's whole line, shown when its words were not found: the panel says so (and
 * draws them apart), so that no one verifies a figure against a line that is not its quote.
 */
export type Marks = Mark[] & { lineOnly?: true };
const lineFallback = (marks: Mark[]): Marks => Object.assign(marks, { lineOnly: true as const });

/** A PDF page's text as the panel uses it: each text item's string and the extractor's line it is on. */
export interface PageText {
  items: string[];
  /** The page's line (src-core/extract/pdf-lines.ts's numbering) of each item; null for white space. */
  lines: (number | null)[];
  /**
   * The items in the order the extractor reads them (line by line, left to right), which is not
   * always the order of the file: a list beside a column may come after the column in the file.
   */
  order: number[];
}

/** The text items of a page (pdf.js getTextContent()'s, in order: the text layer's spans are made from the same). */
export function pageTextOf(items: readonly unknown[], size: { width: number; height: number }): PageText {
  const text = items.filter((i): i is PdfJsTextItem => typeof i === 'object' && i !== null && 'str' in i);
  const page: PdfPageText = { runs: text.map(textRunOf), width: size.width, height: size.height };
  const numbers = pageLineNumbers(page);
  const lines = page.runs.map((r) => numbers.get(r) ?? null);
  const order = lines
    .map((line, i) => ({ line, i, x: page.runs[i]?.x ?? 0 }))
    .filter((o): o is { line: number; i: number; x: number } => o.line !== null)
    .sort((a, b) => a.line - b.line || a.x - b.x || a.i - b.i)
    .map((o) => o.i);
  return { items: text.map((i) => i.str), lines, order };
}

const readingWords = new WeakMap<PageText, Word[]>();

/** The page's words in the extractor's reading order, each with the item (segment) it is in. */
function wordsInReadingOrder(page: PageText): Word[] {
  let kept = readingWords.get(page);
  if (!kept) {
    const byItem = wordsOf(page.items);
    const at = new Map<number, Word[]>();
    for (const w of byItem) {
      const list = at.get(w.segment);
      if (list) list.push(w);
      else at.set(w.segment, [w]);
    }
    kept = page.order.flatMap((i) => at.get(i) ?? []);
    readingWords.set(page, kept);
  }
  return kept;
}

/** The quote's marks on a PDF page; failing its words, every item on the item's line. */
export function pageMarks(page: PageText, quote: string | null, line: number | null): Marks {
  let found: Mark[] = [];
  if (quote) {
    const words = wordsInReadingOrder(page);
    const match = matchQuote(words, quote, null, (w) => (line === null ? 0 : Math.abs((page.lines[w.segment] ?? 0) - line)));
    found = match ? marksOfMatch(words, match) : [];
  }
  if (found.length > 0 || line === null) return found;
  const whole = page.items.flatMap((text, segment) =>
    page.lines[segment] === line && text.length > 0 ? [{ segment, start: 0, end: text.length }] : [],
  );
  return whole.length > 0 ? lineFallback(whole) : whole;
}

/** The extractor's line of a selection starting at item `item`: that item's line, or the nearest item's that has one. */
export function lineOfItem(page: PageText, item: number): number | null {
  for (let d = 0; d < page.lines.length; d++) {
    for (const at of [item - d, item + d]) {
      const line = page.lines[at];
      if (typeof line === 'number') return line;
    }
  }
  return null;
}
