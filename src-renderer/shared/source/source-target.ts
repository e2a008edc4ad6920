/**
 * What a detail panel asks the Source panel to show: the item's report, where the extractor read it
 * (page for PDFs, line: src-core/extract/types.ts's SourcePos) and its words, which the panel finds
 * and highlights. One home for the shape every Show source button passes.
 */
export interface SourceTarget {
  reportId: number;
  /** PDF page (1-based), or a page of text converted from PDF; null for unpaginated text. */
  page: number | null;
  /** 1-based: the line of the decoded file, or of the PDF page as src-core/extract/pdf-lines.ts numbers it. */
  line: number | null;
  /** The item's words (a figure's quote, a finding's text, a footnote's text); null when it has none. */
  quote: string | null;
  /** What the item is, said when the original cannot be shown ("Finding", "Footnote 3"). */
  label: string;
}

/** Text selected in the Source panel, for "Add figure from the source": where it is, as the extractor would give it. */
export interface SourceSelection {
  reportId: number;
  /** The selected words; empty for a page of pictures picked whole. */
  text: string;
  page: number | null;
  line: number | null;
}

/** "gwent-2017.pdf · page 12", "gwent.md · line 215", "gwent.txt · page 3, line 215": the panel's header. */
export function positionLabel(name: string, format: 'pdf' | 'text', page: number | null, line: number | null): string {
  if (format === 'pdf') return page === null ? name : `${name} · page ${page}`;
  const where = [page !== null && `page ${page}`, line !== null && `line ${line}`].filter(Boolean).join(', ');
  return where ? `${name} · ${where}` : name;
}

/** Where an item was read, in words, for when its original cannot be shown. */
export function positionInWords(page: number | null, line: number | null): string {
  if (page === null && line === null) return 'Position not recorded';
  return [page !== null && `Page ${page}`, line !== null && `${page !== null ? 'line' : 'Line'} ${line}`].filter(Boolean).join(', ');
}

/** "Page 12 of 40". */
export function pageOfPages(page: number, pages: number): string {
  return `Page ${page} of ${pages}`;
}

/** A page number typed by the analyst, within 1..pages; null when it is not one. */
export function parsePageNumber(typed: string, pages: number): number | null {
  if (!/^\s*\d{1,6}\s*$/.test(typed)) return null;
  const n = Number(typed);
  return n >= 1 && n <= pages ? n : null;
}
