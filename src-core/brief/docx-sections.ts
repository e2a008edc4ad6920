import { AlignmentType, BorderStyle, Bookmark, HeadingLevel, ImageRun, Paragraph, ShadingType, TextRun } from 'docx';
import type { ParagraphChild, Table } from 'docx';
import type { PackSectionKey } from './definition';
import type { BriefingPack, PackFinding } from './model';
import {
  chartAltText,
  feedsTable,
  findingLabel,
  judgmentsTable,
  METRICS_NOTE,
  metricsTable,
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
import { citeRuns, DOCX_COLOURS, SIZE, sourceAnchor, TEXT_HEIGHT_PX, TEXT_WIDTH_PX } from './docx-styles';
import { fitImage } from './png-size';
import { docxTable } from './docx-tables';
import { CHECK_BEFORE_USE_INTRO, CHECK_BEFORE_USE_TITLE } from './check';

/** The body of each pack section as Word paragraphs and tables, in the order doc-content gives. */

export interface DocxChart {
  png: Uint8Array;
  size: { width: number; height: number };
}

type Block = Paragraph | Table;

export const h1 = (text: string): Paragraph => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const h2 = (text: string): Paragraph => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const para = (text: string, opts: { italic?: boolean; colour?: string } = {}): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, italics: opts.italic, color: opts.colour })] });
const labelled = (label: string, value: string): Paragraph =>
  new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
/** Space after a table, which Word otherwise butts against the next heading. */
const gap = (): Paragraph => new Paragraph({ spacing: { after: 0 }, children: [] });

export function notice(text: string): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_COLOURS.notice },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'BF9000', space: 6 } },
    spacing: { after: 120 },
    children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(text)],
  });
}

const CHECK_RULE = { style: BorderStyle.SINGLE, size: 12, color: '8A4B00', space: 4 } as const;

/**
 * The "Check before use" box: one framed block of paragraphs (a shared border joins them in Word
 * and LibreOffice), the title, why, then each flagged figure with its warning's words.
 */
export function checkBeforeUseBlocks(pack: BriefingPack): Paragraph[] {
  if (pack.checkBeforeUse.length === 0) return [];
  const link = pack.definition.sections.includes('sources');
  const border = { top: CHECK_RULE, bottom: CHECK_RULE, left: { ...CHECK_RULE, size: 36 }, right: CHECK_RULE };
  // Same indent and border on every paragraph: Word and LibreOffice then draw one frame round them all.
  const boxed = (children: ParagraphChild[], last = false): Paragraph =>
    new Paragraph({ border, keepNext: !last, indent: { left: 120, right: 120 }, spacing: { after: last ? 240 : 80 }, children });
  return [
    boxed([new TextRun({ text: CHECK_BEFORE_USE_TITLE, bold: true, color: '8A4B00', size: SIZE.h2 })]),
    boxed([new TextRun(CHECK_BEFORE_USE_INTRO)]),
    ...pack.checkBeforeUse.map((w, i) =>
      boxed(
        [new TextRun({ text: `${w.figure} `, bold: true }), ...citeRuns(w.source, link), new TextRun({ text: w.warning, break: 1 })],
        i === pack.checkBeforeUse.length - 1,
      ),
    ),
  ];
}

export function sectionBlocks(key: PackSectionKey, pack: BriefingPack, chart: DocxChart | null): Block[] {
  const link = pack.definition.sections.includes('sources');
  switch (key) {
    case 'summary':
      return pack.reports.flatMap((r) => [
        h2(r.title),
        labelled('Overall grade', r.overallGrade ?? 'Not graded'),
        ...(r.judgments.length
          ? [docxTable(judgmentsTable(r), link), gap()]
          : [para('The report has no graded judgments.', { italic: true })]),
      ]);
    case 'metrics':
      return metricsBlocks(pack, chart, link);
    case 'findings':
      return pack.findings.length === 0
        ? [para('No finding is marked include-in-brief.', { italic: true })]
        : pack.findings.flatMap((g) => [
            h2(pack.reports.length > 1 ? `${g.section} (${g.report})` : g.section),
            ...g.findings.flatMap((f) => findingBlocks(f, link)),
          ]);
    case 'areas':
      return areaBlocks(pack, link);
    case 'review':
      return pack.review.length === 0
        ? [para('The workspace has no case-file review sample for these reports.', { italic: true })]
        : pack.review.flatMap((rv) => [
            h2(`${rv.force}: ${rv.files} files reviewed`),
            ...(rv.synthetic ? [notice(SYNTHETIC_REVIEW_NOTICE)] : []),
            docxTable(reviewTable(rv), link),
            gap(),
            ...(rv.reconciliation.length
              ? [h2('Figures stated in the report against the sample'), docxTable(reconciliationTable(rv), link), gap()]
              : []),
          ]);
    case 'sources':
      return pack.sources.length === 0
        ? [para('No item in this pack cites a source.', { italic: true })]
        : pack.sources.map(
            (s) =>
              new Paragraph({
                spacing: { after: 60 },
                indent: { left: 567, hanging: 567 },
                children: [
                  new Bookmark({ id: sourceAnchor(s.id), children: [new TextRun({ text: citation(s.id), bold: true })] }),
                  new TextRun(`\t${s.what}. ${sourceEntry(s)}`),
                ],
                tabStops: [{ type: 'left', position: 567 }],
              }),
          );
    case 'reproducibility':
      return [
        para(REPRODUCIBILITY_INTRO),
        ...reproducibilityLines(pack).map((l) => labelled(l.label, l.value)),
        ...(pack.feeds.length ? [docxTable(feedsTable(pack), link), gap()] : []),
      ];
  }
}

function metricsBlocks(pack: BriefingPack, chart: DocxChart | null, link: boolean): Block[] {
  if (pack.metrics.length === 0) return [para('The selected reports have no metrics.', { italic: true })];
  const blocks: Block[] = [];
  if (chart) {
    // Room for the section heading above it, so heading and chart share a page.
    const { width, height } = fitImage(chart.size, Math.min(TEXT_WIDTH_PX, chart.size.width), TEXT_HEIGHT_PX - 90);
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: chart.png,
            transformation: { width, height },
            altText: { name: 'Key metrics chart', title: pack.chart?.title ?? 'Key metrics', description: chartAltText(pack) },
          }),
        ],
      }),
    );
  }
  blocks.push(
    docxTable(metricsTable(pack.metrics, pack.chart?.forceLabel ?? 'Force'), link),
    new Paragraph({
      spacing: { before: 60 },
      children: [new TextRun({ text: METRICS_NOTE, color: DOCX_COLOURS.muted, size: SIZE.small })],
    }),
  );
  return blocks;
}

function findingBlocks(f: PackFinding, link: boolean): Paragraph[] {
  const colours = RAG_COLOURS[f.rag ?? 'none'];
  const blocks = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200, after: 80 },
      children: [
        new TextRun({
          text: ` RAG: ${ragWord(f.rag)} `,
          bold: true,
          size: SIZE.small,
          color: colours.text,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: colours.fill },
        }),
        new TextRun({ text: `  ${findingLabel(f)} `, bold: true }),
        ...citeRuns(f.source, link),
      ],
    }),
    new Paragraph({
      // No keepNext here: LibreOffice moves a whole keep-with-next chain rather than split a long
      // paragraph in it, leaving half-empty pages. The label above is kept with this text.
      indent: { left: 284 },
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: DOCX_COLOURS.quoteRule, space: 8 } },
      children: [new TextRun(f.text)],
    }),
  ];
  if (f.note) {
    blocks.push(
      new Paragraph({
        keepNext: f.tags.length > 0,
        spacing: { after: 60 },
        children: [new TextRun({ text: 'Analyst’s note: ', bold: true }), new TextRun({ text: f.note, italics: true })],
      }),
    );
  }
  if (f.tags.length) {
    blocks.push(
      new Paragraph({
        spacing: { after: 60 },
        children: [
          new TextRun({ text: 'Tags: ', bold: true, color: DOCX_COLOURS.muted }),
          new TextRun({ text: f.tags.join(', '), color: DOCX_COLOURS.muted }),
        ],
      }),
    );
  }
  return blocks;
}

function areaBlocks(pack: BriefingPack, link: boolean): Block[] {
  if (pack.areas.length === 0) return [para('The selected reports list no areas for improvement.', { italic: true })];
  const blocks: Block[] = [];
  let heading = '';
  for (const a of pack.areas) {
    const h = pack.reports.length > 1 ? `${a.section} (${a.report})` : a.section;
    if (h !== heading) blocks.push(h2(h));
    heading = h;
    blocks.push(
      new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(`${a.text} `), ...citeRuns(a.source, link)] }),
    );
    for (const c of a.children) blocks.push(new Paragraph({ bullet: { level: 1 }, spacing: { after: 40 }, children: [new TextRun(c)] }));
  }
  return blocks;
}
