import { InternalHyperlink, LineRuleType, TextRun } from 'docx';
import type { IStylesOptions, ParagraphChild } from 'docx';
import { citation } from './doc-content';

/**
 * Page geometry and styles of the Word pack. Headings use Word's built-in Heading 1/2 styles
 * (restyled, not replaced) because the navigation pane and the TOC field find headings by style.
 */

/** A4 in twips (1/20 pt). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 2 cm left and right, 2.5 cm top and bottom; header and footer 1.25 cm from the edge. */
export const MARGINS = { top: 1418, bottom: 1418, left: 1134, right: 1134, header: 709, footer: 709 } as const;
export const TEXT_WIDTH_TWIPS = PAGE.width - MARGINS.left - MARGINS.right;
/** The text width in pixels at 96 dpi, the unit docx's ImageRun sizes are in. */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);
export const TEXT_HEIGHT_PX = Math.floor(((PAGE.height - MARGINS.top - MARGINS.bottom) / 1440) * 96);

export const FONT = 'Arial';

export const DOCX_COLOURS = {
  heading: '1F3864',
  muted: '595959',
  tableHeader: 'D9E2F3',
  rule: 'A6A6A6',
  quoteRule: '8EAADB',
  notice: 'FFF2CC',
  marking: '000000',
} as const;

/** Half-points, as docx counts font sizes. */
export const SIZE = { body: 20, small: 17, tableHeader: 18, marking: 20, title: 40, h1: 30, h2: 24 } as const;

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: FONT, size: SIZE.title, bold: true, color: DOCX_COLOURS.heading }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      run: { font: FONT, size: SIZE.h1, bold: true, color: DOCX_COLOURS.heading },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: SIZE.h2, bold: true, color: DOCX_COLOURS.heading },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
    },
  },
  characterStyles: [{ id: 'SourceLink', name: 'Source link', basedOn: 'DefaultParagraphFont', run: { color: '1F4E79', underline: {} } }],
};

/** The bookmark a source's entry in the Sources list carries; citations link to it. */
export const sourceAnchor = (id: string): string => `source_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** "[S3]", linked to the Sources list when the pack has one (a link to a missing bookmark is a dead link). */
export function citeRuns(id: string, link: boolean): ParagraphChild[] {
  const run = new TextRun({ text: citation(id), style: link ? 'SourceLink' : undefined });
  return link ? [new InternalHyperlink({ anchor: sourceAnchor(id), children: [run] })] : [run];
}
