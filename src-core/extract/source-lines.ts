import type { SourcePos } from './types';

export interface SourceLine {
  text: string;
  pos: SourcePos;
}

/** Markdown and other unpaginated text: one SourceLine per line, numbered from 1. */
export function linesOfText(text: string): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, pos: { line: i + 1 } }));
}

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;

function shape(line: string): string {
  return line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * Text produced by PDF converters: pages separated by form feeds, each with running headers and
 * footers. Lines keep their line number in the file and gain a page number; repeated
 * headers/footers and bare page numbers are dropped so they cannot be mistaken for report text.
 */
export function linesOfPagedText(text: string): SourceLine[] {
  const numbered: SourceLine[][] = [[]];
  text.split('\n').forEach((raw, i) => {
    raw.split('\f').forEach((part, k) => {
      if (k > 0) numbered.push([]);
      const page = numbered.length;
      if (part !== '' || k === 0) numbered[page - 1]?.push({ text: part, pos: { line: i + 1, page } });
    });
  });
  const running = runningLines(numbered);
  const out: SourceLine[] = [];
  for (const page of numbered) {
    const edges = edgeIndexes(page);
    const nonBlank = page.map((l, i) => (l.text.trim() ? i : -1)).filter((i) => i >= 0);
    // Only the outermost line can be the page number: a bare number just inside it may be a footnote's.
    const outermost = new Set([nonBlank[0], nonBlank[nonBlank.length - 1]]);
    page.forEach((l, i) => {
      if (edges.has(i) && running.has(shape(l.text))) return;
      if (outermost.has(i) && PAGE_NUMBER.test(l.text)) return;
      out.push(l);
    });
    // A page boundary is not a paragraph boundary: paragraphs split by it are rejoined later.
  }
  return out;
}

/** The first and last three non-blank lines of a page: where running headers and footers sit. */
function edgeIndexes(page: SourceLine[]): Set<number> {
  const nonBlank = page.map((l, i) => (l.text.trim() ? i : -1)).filter((i) => i >= 0);
  return new Set([...nonBlank.slice(0, 3), ...nonBlank.slice(-3)]);
}

function runningLines(pages: SourceLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const i of edgeIndexes(page)) {
      const s = shape(page[i]?.text ?? '');
      if (s && !seen.has(s)) {
        seen.add(s);
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.5));
  // Bare numbers are page numbers only where they are outermost; see linesOfPagedText.
  return new Set([...counts].filter(([s, n]) => n >= threshold && s !== '#').map(([s]) => s));
}
