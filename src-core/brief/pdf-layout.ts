import type { DocTable } from './doc-content';
import { citation } from './doc-content';
import type { PdfDoc, PdfOutlineItem, PdfTextOptions } from './pdf-types';
import { toWinAnsi } from './pdf-winansi';

/**
 * Flowing layout on top of pdfkit: headings kept with what follows, paragraphs that wrap across
 * pages (pdfkit breaks them itself), and tables drawn cell by cell whose header row is drawn again
 * at the top of every page the table continues onto.
 */

export const PT_PER_CM = 72 / 2.54;
/** Same geometry as the Word pack: 2 cm sides, 2.5 cm top and bottom. */
export const PDF_MARGINS = { top: 2.5 * PT_PER_CM, bottom: 2.5 * PT_PER_CM, left: 2 * PT_PER_CM, right: 2 * PT_PER_CM };

export const PDF_COLOURS = {
  text: '#1A1A1A',
  heading: '#1F3864',
  muted: '#595959',
  rule: '#A6A6A6',
  tableHeader: '#D9E2F3',
  quoteRule: '#8EAADB',
  notice: '#FFF2CC',
  noticeRule: '#BF9000',
  link: '#1F4E79',
} as const;

export const SIZES = { body: 10, small: 8.5, tableHeader: 9, h1: 15, h2: 12, title: 20 } as const;

export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
  /** Standard fonts encode WinAnsi only; embedded fonts take any character they have glyphs for. */
  standard: boolean;
}

export interface HeadingMark {
  title: string;
  level: 1 | 2;
  page: number;
  destination: string;
}

export class PdfWriter {
  readonly headings: HeadingMark[] = [];
  private outlineParent: PdfOutlineItem | null = null;

  constructor(
    readonly doc: PdfDoc,
    readonly fonts: PdfFonts,
  ) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Text safe for the current font: folded to WinAnsi for the standard fonts. */
  t(text: string): string {
    return this.fonts.standard ? toWinAnsi(text) : text;
  }

  /** The index of the current page within the buffered pages. */
  pageIndex(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.doc.page.margins.top;
  }

  space(pt: number): void {
    this.doc.y += pt;
  }

  style(font: 'regular' | 'bold' | 'italic', size: number, colour: string = PDF_COLOURS.text): void {
    this.doc.font(this.fonts[font]).fontSize(size).fillColor(colour);
  }

  /** A heading with an outline entry and a named destination (for the contents page) on the page it lands on. */
  heading(text: string, level: 1 | 2, keepWith = 48): void {
    const size = level === 1 ? SIZES.h1 : SIZES.h2;
    this.style('bold', size, PDF_COLOURS.heading);
    const h = this.doc.heightOfString(this.t(text), { width: this.width });
    // Keep the heading with at least a few lines of what follows it.
    this.ensureSpace(h + (level === 1 ? 18 : 12) + keepWith);
    // Set again: a new page starts a new content stream, without the colour set before it.
    this.style('bold', size, PDF_COLOURS.heading);
    if (this.doc.y > this.doc.page.margins.top + 1) this.space(level === 1 ? 14 : 8);
    const destination = `h${this.headings.length + 1}`;
    this.doc.addNamedDestination(destination);
    this.headings.push({ title: text, level, page: this.pageIndex(), destination });
    if (level === 1) this.outlineParent = this.doc.outline.addItem(this.t(text), { expanded: true });
    else (this.outlineParent ?? this.doc.outline).addItem(this.t(text));
    this.doc.text(this.t(text), this.left, this.doc.y, { width: this.width });
    this.space(level === 1 ? 6 : 4);
    this.style('regular', SIZES.body);
  }

  paragraph(
    text: string,
    opts: { font?: 'regular' | 'bold' | 'italic'; size?: number; colour?: string; indent?: number; gap?: number } = {},
  ): void {
    this.style(opts.font ?? 'regular', opts.size ?? SIZES.body, opts.colour);
    const indent = opts.indent ?? 0;
    this.doc.text(this.t(text), this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 1.5 });
    this.doc.x = this.left;
    this.space(opts.gap ?? 5);
  }

  /** "Label: value" with the label in bold. */
  labelled(label: string, value: string, gap = 2): void {
    this.style('bold', SIZES.body);
    this.doc.text(this.t(`${label}: `), this.left, this.doc.y, { width: this.width, continued: true, lineGap: 1.5 });
    this.style('regular', SIZES.body);
    this.doc.text(this.t(value), { lineGap: 1.5 });
    this.doc.x = this.left;
    this.space(gap);
  }

  /** A shaded note box; kept on one page (notes are short). */
  notice(text: string): void {
    const body = this.t(`Note: ${text}`);
    this.style('regular', SIZES.body);
    const h = this.doc.heightOfString(body, { width: this.width - 16, lineGap: 1.5 }) + 10;
    this.ensureSpace(h + 6);
    const y = this.doc.y;
    this.doc.rect(this.left, y, this.width, h).fill(PDF_COLOURS.notice);
    this.doc.rect(this.left, y, 3, h).fill(PDF_COLOURS.noticeRule);
    this.style('bold', SIZES.body);
    this.doc.text(this.t('Note: '), this.left + 10, y + 5, { width: this.width - 16, continued: true, lineGap: 1.5 });
    this.style('regular', SIZES.body);
    this.doc.text(this.t(text), { lineGap: 1.5 });
    this.doc.x = this.left;
    this.doc.y = y + h + 8;
  }

  /** "[S3]" as a link to the source's entry, or as plain text when the pack has no Sources section. */
  citationText(id: string, link: boolean, opts: PdfTextOptions = {}): void {
    this.doc.fillColor(link ? PDF_COLOURS.link : PDF_COLOURS.text);
    this.doc.text(this.t(citation(id)), { ...opts, ...(link ? { goTo: sourceDestination(id), underline: true } : {}) });
    this.doc.fillColor(PDF_COLOURS.text);
  }

  table(table: DocTable, link: boolean): void {
    const pad = 4;
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    const widths = table.columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

    const cellLines = (text: string, header: boolean, strong: boolean) =>
      text.split('\n').map((line, i) => ({
        text: this.t(line),
        font: header || (strong && i === 0) ? ('bold' as const) : ('regular' as const),
        size: header ? SIZES.tableHeader : i === 0 ? SIZES.body - 0.5 : SIZES.small,
        colour: i === 0 ? PDF_COLOURS.text : PDF_COLOURS.muted,
      }));
    const measure = (cells: ReturnType<typeof cellLines>[]) =>
      Math.max(
        ...cells.map((lines, i) =>
          lines.reduce((h, l) => {
            this.style(l.font, l.size);
            return h + this.doc.heightOfString(l.text || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: 1 });
          }, 0),
        ),
      ) +
      2 * pad;

    const drawRow = (cells: ReturnType<typeof cellLines>[], header: boolean, cites: boolean[]) => {
      const h = measure(cells);
      const y = this.doc.y;
      if (header) this.doc.rect(this.left, y, this.width, h).fill(PDF_COLOURS.tableHeader);
      cells.forEach((lines, i) => {
        const col = table.columns[i];
        let cy = y + pad;
        for (const l of lines) {
          this.style(l.font, l.size, l.colour);
          const opts: PdfTextOptions = { width: (widths[i] ?? 0) - 2 * pad, align: col?.align ?? 'left', lineGap: 1 };
          if (cites[i] && l.text) {
            this.doc.x = (xs[i] ?? 0) + pad;
            this.doc.y = cy;
            this.citationText(l.text.replace(/^\[|\]$/g, ''), link, opts);
          } else {
            this.doc.text(l.text, (xs[i] ?? 0) + pad, cy, opts);
          }
          cy += this.doc.heightOfString(l.text || ' ', opts);
        }
      });
      this.doc.lineWidth(0.5).strokeColor(PDF_COLOURS.rule);
      this.doc.rect(this.left, y, this.width, h).stroke();
      for (const x of xs.slice(1))
        this.doc
          .moveTo(x, y)
          .lineTo(x, y + h)
          .stroke();
      this.doc.x = this.left;
      this.doc.y = y + h;
    };

    const headerCells = table.columns.map((c) => cellLines(c.title, true, true));
    const noCites = table.columns.map(() => false);
    const cites = table.columns.map((c) => c.cite === true);
    const headerH = measure(headerCells);
    this.ensureSpace(headerH + 30);
    drawRow(headerCells, true, noCites);
    for (const row of table.rows) {
      const cells = row.cells.map((text, i) => cellLines(cites[i] && text ? citation(text) : text, false, row.strong === true));
      const h = measure(cells);
      if (this.doc.y + h > this.bottom) {
        // A new page repeats the header row, as Word does for rows marked tableHeader.
        this.newPage();
        drawRow(headerCells, true, noCites);
      }
      drawRow(cells, false, cites);
    }
    this.space(10);
    this.style('regular', SIZES.body);
  }
}

export const sourceDestination = (id: string): string => `source_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
