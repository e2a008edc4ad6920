import type { PackSectionKey } from './definition';
import type { BriefingPack, PackFinding } from './model';
import {
  feedsTable,
  findingLabel,
  judgmentsTable,
  metricsTable,
  METRICS_NOTE,
  RAG_COLOURS,
  ragWord,
  reconciliationTable,
  reproducibilityLines,
  REPRODUCIBILITY_INTRO,
  reviewTable,
  sourceEntry,
  citation,
  SYNTHETIC_REVIEW_NOTICE,
} from './doc-content';
import { PDF_COLOURS, SIZES, sourceDestination } from './pdf-layout';
import type { PdfWriter } from './pdf-layout';
import { fitImage } from './png-size';
import { CHECK_BEFORE_USE_INTRO, CHECK_BEFORE_USE_TITLE } from './check';

const CHECK_RULE = '#8A4B00';

/**
 * The "Check before use" box under the notices: framed, the title, why, then each flagged figure
 * (bold, with its citation) and its warning's words. Measured first so it is drawn on one page
 * when it fits one; a longer list breaks between entries, each page's part framed.
 */
export function writeCheckBeforeUse(w: PdfWriter, pack: BriefingPack): void {
  if (pack.checkBeforeUse.length === 0) return;
  const doc = w.doc;
  const inner = w.width - 22;
  const x = w.left + 14;
  const measure = (font: 'regular' | 'bold', size: number, text: string) => {
    w.style(font, size);
    return doc.heightOfString(w.t(text), { width: inner, lineGap: 1.5 });
  };
  const entries = pack.checkBeforeUse.map((c) => {
    const head = `${c.figure} ${citation(c.source)}`;
    return { head, text: c.warning, h: measure('bold', SIZES.body, head) + measure('regular', SIZES.body, c.warning) + 5 };
  });
  const topH = measure('bold', SIZES.h2, CHECK_BEFORE_USE_TITLE) + measure('regular', SIZES.body, CHECK_BEFORE_USE_INTRO) + 14;
  w.ensureSpace(Math.min(topH + entries.reduce((n, e) => n + e.h, 0) + 8, w.bottom - doc.page.margins.top));
  let boxTop = doc.y;
  const frame = () => {
    const h = doc.y - boxTop + 4;
    doc.lineWidth(1.2).strokeColor(CHECK_RULE).rect(w.left, boxTop, w.width, h).stroke();
    doc.rect(w.left, boxTop, 5, h).fill(CHECK_RULE);
  };
  doc.y += 6;
  w.style('bold', SIZES.h2, CHECK_RULE);
  doc.text(w.t(CHECK_BEFORE_USE_TITLE), x, doc.y, { width: inner });
  doc.y += 2;
  w.style('regular', SIZES.body);
  doc.text(w.t(CHECK_BEFORE_USE_INTRO), x, doc.y, { width: inner, lineGap: 1.5 });
  doc.y += 6;
  for (const e of entries) {
    if (doc.y + e.h > w.bottom - 6) {
      frame();
      w.newPage();
      boxTop = doc.y;
      doc.y += 6;
    }
    w.style('bold', SIZES.body);
    doc.text(w.t(e.head), x, doc.y, { width: inner, lineGap: 1.5 });
    w.style('regular', SIZES.body);
    doc.text(w.t(e.text), x, doc.y, { width: inner, lineGap: 1.5 });
    doc.y += 5;
  }
  frame();
  doc.x = w.left;
  doc.y += 12;
}

/** The body of each pack section on PDF pages, in the same order and words as the Word pack. */

export interface PdfChart {
  png: Uint8Array;
  size: { width: number; height: number };
}

export function writeSection(w: PdfWriter, key: PackSectionKey, pack: BriefingPack, chart: PdfChart | null): void {
  const link = pack.definition.sections.includes('sources');
  const none = (text: string) => w.paragraph(text, { font: 'italic' });
  switch (key) {
    case 'summary':
      for (const r of pack.reports) {
        w.heading(r.title, 2);
        w.labelled('Overall grade', r.overallGrade ?? 'Not graded', 6);
        if (r.judgments.length) w.table(judgmentsTable(r), link);
        else none('The report has no graded judgments.');
      }
      return;
    case 'metrics':
      if (pack.metrics.length === 0) return none('The selected reports have no metrics.');
      if (chart) {
        const { width, height } = chartBox(w, chart);
        w.ensureSpace(height);
        w.doc.image(chart.png, w.left + (w.width - width) / 2, w.doc.y, { width, height });
        w.doc.y += height + 8;
      }
      w.table(metricsTable(pack.metrics, pack.chart?.forceLabel ?? 'Force'), link);
      w.space(-6);
      w.paragraph(METRICS_NOTE, { colour: PDF_COLOURS.muted, size: SIZES.small });
      return;
    case 'findings':
      if (pack.findings.length === 0) return none('No finding is marked include-in-brief.');
      for (const g of pack.findings) {
        // Room for the first finding's label and its first lines, which finding() keeps together.
        w.heading(pack.reports.length > 1 ? `${g.section} (${g.report})` : g.section, 2, 110);
        for (const f of g.findings) finding(w, f, link);
      }
      return;
    case 'areas':
      return areas(w, pack, link);
    case 'review':
      if (pack.review.length === 0) return none('The workspace has no case-file review sample for these reports.');
      for (const rv of pack.review) {
        // Keep the heading, the synthetic-data note and the start of the table together.
        w.heading(`${rv.force}: ${rv.files} files reviewed`, 2, rv.synthetic ? 120 : 80);
        if (rv.synthetic) w.notice(SYNTHETIC_REVIEW_NOTICE);
        w.table(reviewTable(rv), link);
        if (rv.reconciliation.length) {
          w.heading('Figures stated in the report against the sample', 2);
          w.table(reconciliationTable(rv), link);
        }
      }
      return;
    case 'sources':
      if (pack.sources.length === 0) return none('No item in this pack cites a source.');
      for (const s of pack.sources) {
        const idW = 34;
        const text = w.t(`${s.what}. ${sourceEntry(s)}`);
        w.style('regular', SIZES.body);
        const h = w.doc.heightOfString(text, { width: w.width - idW, lineGap: 1 });
        w.ensureSpace(h);
        const y = w.doc.y;
        w.style('bold', SIZES.body);
        w.doc.text(w.t(citation(s.id)), w.left, y, { width: idW, destination: sourceDestination(s.id), lineBreak: false });
        w.style('regular', SIZES.body);
        w.doc.text(text, w.left + idW, y, { width: w.width - idW, lineGap: 1 });
        w.doc.x = w.left;
        w.doc.y = y + h + 3;
      }
      return;
    case 'reproducibility':
      w.paragraph(REPRODUCIBILITY_INTRO);
      for (const l of reproducibilityLines(pack)) w.labelled(l.label, l.value);
      w.space(6);
      if (pack.feeds.length) w.table(feedsTable(pack), link);
      return;
  }
}

/**
 * The chart's size on the page: at most the text width and 0.75 pt per CSS px, and short enough
 * to fit a page below its heading.
 */
export function chartBox(w: PdfWriter, chart: PdfChart): { width: number; height: number } {
  const pageRoom = w.bottom - w.doc.page.margins.top - 48;
  return fitImage(chart.size, Math.min(w.width, chart.size.width * 0.75), pageRoom);
}

function finding(w: PdfWriter, f: PackFinding, link: boolean): void {
  const doc = w.doc;
  const badge = w.t(`RAG: ${ragWord(f.rag)}`);
  const colours = RAG_COLOURS[f.rag ?? 'none'];
  w.style('bold', SIZES.small);
  const badgeW = doc.widthOfString(badge) + 8;
  const label = w.t(findingLabel(f));
  w.style('bold', SIZES.body);
  const labelX = w.left + badgeW + 6;
  const labelH = doc.heightOfString(`${label} ${citation(f.source)}`, { width: w.width - badgeW - 6 });
  // Keep the label with the first lines of the finding's text.
  w.ensureSpace(labelH + 48);
  w.space(6);
  const y = doc.y;
  doc.rect(w.left, y - 1, badgeW, 12).fill(`#${colours.fill}`);
  w.style('bold', SIZES.small, `#${colours.text}`);
  doc.text(badge, w.left + 4, y + 1.5, { width: badgeW, lineBreak: false });
  w.style('bold', SIZES.body);
  doc.text(`${label} `, labelX, y, { width: w.width - badgeW - 6, continued: true });
  w.citationText(f.source, link);
  doc.x = w.left;
  w.space(4);
  ruledText(w, f.text);
  if (f.note) {
    w.style('bold', SIZES.body);
    doc.text(w.t('Analyst’s note: '), w.left, doc.y, { width: w.width, continued: true, lineGap: 1.5 });
    w.style('italic', SIZES.body);
    doc.text(w.t(f.note), { lineGap: 1.5 });
    doc.x = w.left;
    w.space(2);
  }
  if (f.tags.length) w.paragraph(`Tags: ${f.tags.join(', ')}`, { colour: PDF_COLOURS.muted, size: SIZES.small, gap: 2 });
  w.space(4);
}

/**
 * The report's words, indented with a rule down their left, as in the Word pack. Long text breaks
 * across pages (pdfkit does that), so the rule is drawn afterwards on each page the text reached.
 */
function ruledText(w: PdfWriter, text: string): void {
  const doc = w.doc;
  const startPage = w.pageIndex();
  const startY = doc.y;
  w.style('regular', SIZES.body);
  doc.text(w.t(text), w.left + 12, startY, { width: w.width - 12, lineGap: 1.5 });
  const endPage = w.pageIndex();
  const endY = doc.y;
  const top = doc.page.margins.top;
  for (let p = startPage; p <= endPage; p++) {
    if (p !== endPage) doc.switchToPage(p);
    const y0 = p === startPage ? startY : top;
    const y1 = p === endPage ? endY : w.bottom;
    doc
      .lineWidth(1.5)
      .strokeColor(PDF_COLOURS.quoteRule)
      .moveTo(w.left + 3, y0)
      .lineTo(w.left + 3, y1)
      .stroke();
  }
  if (endPage !== startPage) doc.switchToPage(endPage);
  doc.x = w.left;
  doc.y = endY + 4;
}

function areas(w: PdfWriter, pack: BriefingPack, link: boolean): void {
  if (pack.areas.length === 0) return w.paragraph('The selected reports list no areas for improvement.', { font: 'italic' });
  let heading = '';
  for (const a of pack.areas) {
    const h = pack.reports.length > 1 ? `${a.section} (${a.report})` : a.section;
    if (h !== heading) w.heading(h, 2);
    heading = h;
    bullet(w, '•', 6, a.text, () => w.citationText(a.source, link, { lineGap: 1.5 }));
    for (const c of a.children) bullet(w, '–', 24, c, null);
  }
}

function bullet(w: PdfWriter, mark: string, indent: number, text: string, after: (() => void) | null): void {
  const doc = w.doc;
  w.style('regular', SIZES.body);
  const textX = w.left + indent + 12;
  const width = w.width - indent - 12;
  w.ensureSpace(doc.heightOfString(w.t(text), { width, lineGap: 1.5 }) > 60 ? 40 : doc.heightOfString(w.t(text), { width }));
  const y = doc.y;
  doc.text(mark, w.left + indent, y, { width: 10, lineBreak: false });
  doc.text(w.t(after ? `${text} ` : text), textX, y, { width, lineGap: 1.5, continued: after !== null });
  if (after) after();
  doc.x = w.left;
  w.space(3);
}
