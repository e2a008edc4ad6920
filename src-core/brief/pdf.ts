import type { BriefingPack } from './model';
import { visibleDeep } from '../text/visible';
import { chartImageSize } from './png-size';
import { sectionsInOrder, titleBlock } from './doc-content';
import { PDF_COLOURS, PDF_MARGINS, PdfWriter, SIZES } from './pdf-layout';
import type { PdfFonts } from './pdf-layout';
import { chartBox, writeCheckBeforeUse, writeSection } from './pdf-sections';
import type { PdfDoc, PdfDocConstructor } from './pdf-types';

/**
 * The briefing pack as a PDF, drawn with pdfkit: the same content and order as the Word pack, on
 * A4, with the marking centred at the top and bottom of every page, "Page X of Y", a contents
 * page with page numbers, and an outline (bookmarks) entry per section and sub-heading.
 *
 * pdfkit is passed in (`deps.PDFDocument`): Node gives the package, the DB worker its browser
 * build, and core imports neither. Text is set in Helvetica (the standard font, metrically Arial,
 * nothing to load in the worker) folded to WinAnsi, unless the caller passes TrueType fonts to embed.
 */

export interface PdfDeps {
  PDFDocument: PdfDocConstructor;
  /** The key-metrics chart as PNG, or null to leave it out. */
  chartPng: Uint8Array | null;
  /** The chart's size in CSS pixels (chartSize(spec)); the image keeps this aspect ratio. */
  chartSize?: { width: number; height: number };
  /** TrueType fonts to embed instead of Helvetica, for text outside WinAnsi (e.g. Welsh ŵ, ŷ). */
  fonts?: { regular: Uint8Array; bold: Uint8Array; italic: Uint8Array };
}

/** pdfkit's PDFDocument constructor as the worker and Node hand it over. */
export type PdfKitLike = PdfDocConstructor;

const STANDARD: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', standard: true };
const TOC_LINE = 15;

export async function renderPdf(packAsBuilt: BriefingPack, deps: PdfDeps): Promise<Uint8Array> {
  // Bidi controls and other invisible characters print as their code points (text/visible.ts).
  const pack = visibleDeep(packAsBuilt);
  const d = pack.definition;
  const doc = new deps.PDFDocument({
    size: 'A4',
    margins: PDF_MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    displayTitle: true,
    lang: 'en-GB',
    info: {
      Title: d.title,
      Author: d.author,
      Subject: pack.markingLine,
      Creator: `PEEL Workbench ${pack.appVersion}`,
      Keywords: pack.markingLine,
    },
  });
  const output = collect(doc);
  let fonts = STANDARD;
  if (deps.fonts) {
    doc.registerFont('Body', deps.fonts.regular).registerFont('Body-Bold', deps.fonts.bold).registerFont('Body-Italic', deps.fonts.italic);
    fonts = { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Italic', standard: false };
  }
  const w = new PdfWriter(doc, fonts);
  const chart = deps.chartPng && pack.chart ? { png: deps.chartPng, size: chartImageSize(deps.chartPng, deps.chartSize) } : null;

  writeTitleBlock(w, pack);
  const sections = sectionsInOrder(pack);
  // The notices and the Check before use box can fill the first page: the contents then start the next.
  w.ensureSpace(40 + sections.length * TOC_LINE);
  const contentsTop = writeContentsHeading(w);
  w.newPage();
  for (const { key, title } of sections) {
    // The metrics heading stays with the chart, not stranded at the foot of a page.
    w.heading(title, 1, key === 'metrics' && chart && pack.metrics.length ? chartBox(w, chart).height : undefined);
    writeSection(w, key, pack, chart);
  }
  writeContents(w, contentsTop);
  writeMarkings(w, pack.markingLine);
  doc.end();
  return output;
}

function collect(doc: PdfDoc): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      resolve(out);
    });
  });
}

function writeTitleBlock(w: PdfWriter, pack: BriefingPack): void {
  w.style('bold', SIZES.title, PDF_COLOURS.heading);
  w.doc.text(w.t(pack.definition.title), w.left, w.doc.y, { width: w.width, lineGap: 2 });
  w.space(10);
  for (const row of titleBlock(pack)) w.labelled(row.label, row.value);
  w.space(6);
  w.doc
    .lineWidth(0.75)
    .strokeColor(PDF_COLOURS.rule)
    .moveTo(w.left, w.doc.y)
    .lineTo(w.left + w.width, w.doc.y)
    .stroke();
  w.space(12);
  for (const n of pack.notices) w.notice(n);
  writeCheckBeforeUse(w, pack);
}

/** The "Contents" heading; its entries are written at the end, when the pages are known. */
function writeContentsHeading(w: PdfWriter): { page: number; y: number } {
  w.space(6);
  w.style('bold', SIZES.h1, PDF_COLOURS.heading);
  w.doc.text('Contents', w.left, w.doc.y, { width: w.width });
  w.space(6);
  return { page: w.pageIndex(), y: w.doc.y };
}

/**
 * Level-1 entries with page numbers and links, below the title block on the page the heading
 * landed on (the first, unless notices filled it); the outline carries the sub-headings too.
 */
function writeContents(w: PdfWriter, top: { page: number; y: number }): void {
  const doc = w.doc;
  doc.switchToPage(top.page);
  let y = top.y;
  for (const h of w.headings.filter((x) => x.level === 1)) {
    const page = String(h.page + 1);
    w.style('regular', SIZES.body + 1);
    const pageW = doc.widthOfString(page);
    const titleW = doc.widthOfString(w.t(h.title));
    doc.text(w.t(h.title), w.left, y, { width: w.width - 40, lineBreak: false, goTo: h.destination });
    doc.text(page, w.left + w.width - pageW, y, { lineBreak: false, goTo: h.destination });
    // Dotted leader between the title and its page number.
    doc.lineWidth(0.6).strokeColor(PDF_COLOURS.rule);
    for (let x = w.left + titleW + 6; x < w.left + w.width - pageW - 6; x += 4)
      doc
        .moveTo(x, y + 9)
        .lineTo(x + 0.8, y + 9)
        .stroke();
    y += TOC_LINE;
  }
}

/**
 * The marking at the top and bottom of every page and "Page X of Y" above the bottom one. Writing
 * into the margins makes pdfkit think the text overflows and add a page, so the margins are
 * opened to zero while writing and restored after.
 */
function writeMarkings(w: PdfWriter, marking: string): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const width = doc.page.width - margins.left - margins.right;
    w.style('bold', 10, '#000000');
    doc.text(w.t(marking), margins.left, 30, { width, align: 'center', lineBreak: false });
    w.style('regular', SIZES.small, PDF_COLOURS.muted);
    doc.text(`Page ${i + 1} of ${range.count}`, margins.left, doc.page.height - 52, { width, align: 'center', lineBreak: false });
    w.style('bold', 10, '#000000');
    doc.text(w.t(marking), margins.left, doc.page.height - 38, { width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
}
