import { MAX_PDF_PAGES } from '../limits';
import type { SourceLine } from './source-lines';

/** What pdf.js reports for one run of text, reduced to what layout needs (runtime-neutral). */
export interface PdfTextRun {
  str: string;
  /** Left edge and baseline in PDF units, origin bottom-left. */
  x: number;
  y: number;
  width: number;
  /** Font size in PDF units. */
  size: number;
  hasEOL: boolean;
}

export interface PdfPageText {
  runs: PdfTextRun[];
  width: number;
  height: number;
}

interface Line {
  runs: { run: PdfTextRun; sup: boolean }[];
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  page: number;
}

const SUP_RATIO = 0.85;

function dominantSize(runs: PdfTextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) {
    const k = Math.round(r.size * 4) / 4;
    weight.set(k, (weight.get(k) ?? 0) + r.str.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weight) {
    if (w > bestW) {
      best = k;
      bestW = w;
    }
  }
  return best;
}

/** Runs on one baseline form a line; a smaller run just above a line is its superscript. */
function linesOfPage(page: PdfPageText, pageNo: number): Line[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const clusters: PdfTextRun[][] = [];
  for (const r of runs) {
    const c = clusters.find((cl) => Math.abs((cl[0] as PdfTextRun).y - r.y) < Math.max(1, r.size * 0.2));
    if (c) c.push(r);
    else clusters.push([r]);
  }
  const lines: Line[] = clusters.map((cl) => ({
    runs: cl.map((run) => ({ run, sup: false })),
    y: (cl[0] as PdfTextRun).y,
    size: dominantSize(cl),
    x0: 0,
    x1: 0,
    text: '',
    page: pageNo,
  }));
  // Merge superscript-only clusters into the line whose baseline sits just below them.
  const merged: Line[] = [];
  for (const line of lines) {
    const small = line.runs.every(({ run }) => /^[\d,\s*†‡]+$/.test(run.str));
    if (small) {
      const host = lines.find(
        (h) => h !== line && h.y < line.y && line.y - h.y <= h.size * 0.6 && line.size < h.size * SUP_RATIO + 0.01 && overlapsX(line, h),
      );
      if (host) {
        host.runs.push(...line.runs.map(({ run }) => ({ run, sup: true })));
        continue;
      }
    }
    merged.push(line);
  }
  for (const line of merged) {
    line.runs.sort((a, b) => a.run.x - b.run.x);
    line.x0 = Math.min(...line.runs.map(({ run }) => run.x));
    line.x1 = Math.max(...line.runs.map(({ run }) => run.x + run.width));
    line.text = textOf(line);
  }
  return merged.sort((a, b) => b.y - a.y);
}

function overlapsX(a: Line, host: Line): boolean {
  const ax0 = Math.min(...a.runs.map(({ run }) => run.x));
  const hx0 = Math.min(...host.runs.map(({ run }) => run.x));
  const hx1 = Math.max(...host.runs.map(({ run }) => run.x + run.width));
  // A footnote number sits just left of its text, so allow a few characters before the host.
  return ax0 >= hx0 - host.size * 2.5 && ax0 <= hx1 + host.size;
}

function textOf(line: Line): string {
  let out = '';
  let prevEnd: number | null = null;
  for (const { run, sup } of line.runs) {
    const s = sup ? `<sup>${run.str.trim()}</sup>` : run.str;
    if (prevEnd !== null && !sup) {
      const gap = run.x - prevEnd;
      if (gap > line.size * 1.5) out += '\t';
      else if (gap > line.size * 0.12 && !/\s$/.test(out) && !/^\s/.test(s)) out += ' ';
    }
    out += s;
    prevEnd = run.x + run.width;
  }
  return out.replace(/[ \u00a0]+/g, ' ').trim();
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * Rebuilds the reading flow of a PDF as the Markdown-like markup the report parser reads: larger
 * fonts become headings, raised small digits become <sup> footnote markers, vertical gaps become
 * paragraph breaks, indented lines become bullets; running headers, footers and page numbers go.
 */
export function pdfToLines(pages: PdfPageText[]): SourceLine[] {
  const perPage = pages.map((p, i) => linesOfPage(p, i + 1));
  const all = perPage.flat();
  const bodySize = dominantSize(all.map((l) => ({ str: l.text, size: l.size }) as PdfTextRun));
  const margin = mode(all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => Math.round(l.x0)));
  const rightEdge = Math.max(...all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.x1));
  // Bold figures in "Force in numbers" are set large too, but a bare number is never a heading.
  const isHeading = (l: Line) => l.size >= bodySize * 1.08 && !/^[-+−–]?[\d.,]+%?$/.test(l.text);
  const headingSizes = [...new Set(all.filter(isHeading).map((l) => l.size))].sort((a, b) => b - a);
  const spacing = lineSpacingRatio(perPage);
  const running = runningTexts(perPage, pages);
  const glyphBullets = all.some((l) => /^[•●▪■]\s/.test(l.text));

  const out: SourceLine[] = [];
  let prev: Line | null = null;
  let prevHeading = false;
  for (const lines of perPage) {
    let lineNo = 0;
    for (const l of lines) {
      lineNo++;
      const pageHeight = pages[l.page - 1]?.height ?? 842;
      const atEdge = l.y > pageHeight * 0.92 || l.y < pageHeight * 0.06;
      if (atEdge && (running.has(shapeOf(l.text)) || /^\d{1,4}$/.test(l.text))) continue;
      const level = isHeading(l) ? headingSizes.indexOf(l.size) + 1 : 0;
      let breakBefore = false;
      if (prev) {
        if (prev.page !== l.page) {
          breakBefore = prev.x1 < rightEdge - bodySize * 3 || /[.!?:]$/.test(prev.text);
        } else {
          const gap = prev.y - l.y;
          breakBefore = gap > spacing * Math.max(prev.size, l.size) * 1.25 || Math.abs(prev.size - l.size) > 0.5;
        }
      }
      const indent = l.x0 - margin;
      let text = l.text;
      if (level > 0) {
        // A heading that wraps onto a second line of the same size continues the same heading.
        const heading = out[out.length - 2];
        if (prev && prevHeading && prev.size === l.size && prev.page === l.page && prev.y - l.y < spacing * l.size * 1.25 && heading) {
          heading.text += ` ${l.text}`;
          prev = l;
          continue;
        }
        out.push({ text: '', pos: { page: l.page, line: lineNo } });
        text = `${'#'.repeat(Math.min(level, 6))} ${text}`;
      } else {
        if (breakBefore) out.push({ text: '', pos: { page: l.page, line: lineNo } });
        const glyph = /^([•●▪■◦○o])\s+(.*)$/.exec(text);
        if (glyph) {
          text = `${/[◦○o]/.test(glyph[1] ?? '') || indent > l.size * 2.8 ? '  ' : ''}- ${glyph[2] ?? ''}`;
        } else if (!glyphBullets && indent > l.size * 1.2 && !/^<sup>/.test(text)) {
          // No bullet glyphs in this PDF (CSS list markers are not text): infer items from indentation.
          const startsItem =
            !prev ||
            breakBefore ||
            Math.abs(prev.x0 - l.x0) > 2 ||
            /[.;:]$/.test(prev.text) ||
            (prev.x1 < rightEdge - l.size * 6 && /^[A-Z]/.test(l.text));
          if (startsItem) text = `${indent > l.size * 2.8 ? '  ' : ''}- ${text}`;
        }
      }
      out.push({ text, pos: { page: l.page, line: lineNo } });
      if (level > 0) out.push({ text: '', pos: { page: l.page, line: lineNo } });
      prevHeading = level > 0;
      prev = l;
    }
  }
  return out;
}

function lineSpacingRatio(perPage: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of perPage) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as Line;
      const b = lines[i] as Line;
      if (Math.abs(a.size - b.size) < 0.1 && a.size > 0) ratios.push(Math.round(((a.y - b.y) / a.size) * 20) / 20);
    }
  }
  return mode(ratios) || 1.4;
}

function shapeOf(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function runningTexts(perPage: Line[][], pages: PdfPageText[]): Set<string> {
  const counts = new Map<string, number>();
  perPage.forEach((lines, i) => {
    const h = pages[i]?.height ?? 842;
    const seen = new Set<string>();
    for (const l of lines) {
      if (l.y > h * 0.92 || l.y < h * 0.06) {
        const s = shapeOf(l.text);
        if (!seen.has(s)) {
          seen.add(s);
          counts.set(s, (counts.get(s) ?? 0) + 1);
        }
      }
    }
  });
  const threshold = Math.max(2, Math.ceil(perPage.length / 2));
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([s]) => s));
}

/** The part of a loaded pdf.js document that reading text needs (structural: no pdf.js import here). */
export interface PdfJsDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: unknown[] }>;
    cleanup(): unknown;
  }>;
}

export interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/** One pdf.js text item as a run: how the extractor reads an item, and so how the Source panel places one. */
export function textRunOf(item: PdfJsTextItem): PdfTextRun {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  return { str: item.str, x: e, y: f, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b), hasEOL: item.hasEOL };
}

/**
 * The line of its page each run is on, 1-based, as pdfToLines numbers the positions it gives
 * (running headers and page numbers count, though they are dropped); a run of only white space is
 * on none. The Source panel finds an item's line, and the line of a selection, with it.
 */
export function pageLineNumbers(page: PdfPageText): Map<PdfTextRun, number> {
  const numbers = new Map<PdfTextRun, number>();
  linesOfPage(page, 1).forEach((line, i) => {
    for (const { run } of line.runs) numbers.set(run, i + 1);
  });
  return numbers;
}

/** A PDF with more pages than MAX_PDF_PAGES; extract.ts refuses it in one line with the file's name. */
export class PdfTooLong extends Error {
  constructor(
    readonly pages: number,
    readonly limit: number,
  ) {
    super(`${pages} pages; PDFs over ${limit} pages are refused`);
  }
}

/**
 * What both runtimes pass pdf.js for a file that is untrusted input: eval off (font programs
 * cannot become code), no font faces or system fonts, no console output. Each runtime adds where
 * its fonts and workers come from.
 */
export const UNTRUSTED_PDF = { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 } as const;

/** Reads every page of the document pdf.js is opening (its loading task), and frees the document whatever happens. */
export async function readPdfTask(
  task: { promise: Promise<PdfJsDocumentLike & { destroy(): Promise<void> }> },
  onPage?: (page: number, pages: number) => void,
): Promise<PdfPageText[]> {
  const doc = await task.promise;
  try {
    return await readPdfDocument(doc, onPage);
  } finally {
    await doc.destroy();
  }
}

/**
 * The text runs of every page of an open pdf.js document: the one loop both the Node reader (CLI,
 * tests) and the worker's reader use, so the two extract the same text from the same file.
 */
export async function readPdfDocument(doc: PdfJsDocumentLike, onPage?: (page: number, pages: number) => void): Promise<PdfPageText[]> {
  // Every page's runs are held until the lines are laid out: the page count is checked first.
  if (doc.numPages > MAX_PDF_PAGES) throw new PdfTooLong(doc.numPages, MAX_PDF_PAGES);
  const pages: PdfPageText[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: PdfTextRun[] = [];
    for (const item of content.items) {
      // Marked-content items carry no text.
      if (typeof item !== 'object' || item === null || !('str' in item)) continue;
      runs.push(textRunOf(item as PdfJsTextItem));
    }
    pages.push({ runs, width: viewport.width, height: viewport.height });
    page.cleanup();
    onPage?.(p, doc.numPages);
  }
  return pages;
}
