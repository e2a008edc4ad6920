import { stringCopier } from '../text/copy';
import type { SourcePos } from './types';

export interface SourceLine {
  text: string;
  pos: SourcePos;
}

/** Any character past U+00FF. */
const WIDE = /[\u0100-\uffff]/;

/**
 * The lines of a text. A string with one character past U+00FF (a curly
 * quote, a dash) is held two bytes a character, and so is every slice of it and every paragraph
 * joined from the slices: a report of 50 MB took 100 MB as text, and as much again as paragraphs.
 * Copied line by line (through UTF-8, which gives back one-byte strings where it can), a line
 * without such a character takes one byte a character, and the whole text need not be kept. A text
 * without one is split as it is: its lines are V8's slices of it, one byte a character already.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  return WIDE.test(text) ? lines.map(stringCopier()) : lines;
}

/** Markdown and other unpaginated text: one SourceLine per line, numbered from 1. */
export function linesOfText(text: string): SourceLine[] {
  return splitLines(text).map((t, i) => ({ text: t, pos: { line: i + 1 } }));
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
  splitLines(text).forEach((raw, i) => {
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
