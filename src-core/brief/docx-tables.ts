import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { ParagraphChild } from 'docx';
import type { DocTable } from './doc-content';
import { citeRuns, DOCX_COLOURS, SIZE, TEXT_WIDTH_TWIPS } from './docx-styles';

/**
 * A DocTable as a Word table: fixed column widths summing to the text width (LibreOffice ignores
 * percentage widths on autofit tables), a shaded header row marked `tableHeader` so Word and
 * LibreOffice repeat it on every page the table runs onto, and rows that do not split across pages.
 */

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' } as const;
const CELL_MARGINS = { top: 50, bottom: 50, left: 90, right: 90 };

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

export function docxTable(table: DocTable, linkSources: boolean): Table {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH_TWIPS));

  const cell = (children: ParagraphChild[], i: number, header: boolean): TableCell => {
    const col = table.columns[i];
    return new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: CELL_MARGINS,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_COLOURS.tableHeader } : undefined,
      children: [
        new Paragraph({
          alignment: ALIGN[col?.align ?? 'left'],
          spacing: { before: 0, after: 0 },
          children,
        }),
      ],
    });
  };

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell([new TextRun({ text: c.title, bold: true, size: SIZE.tableHeader })], i, true)),
  });
  const rows = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((text, i) =>
          cell(table.columns[i]?.cite && text ? citeRuns(text, linkSources) : textRuns(text, r.strong === true), i, false),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [header, ...rows],
  });
}

/** Text with its line breaks kept as Word line breaks; later lines (unit, period, notes) in grey. */
function textRuns(text: string, bold: boolean): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        bold: bold && i === 0,
        break: i > 0 ? 1 : 0,
        color: i > 0 ? DOCX_COLOURS.muted : undefined,
        size: i > 0 ? 17 : undefined,
      }),
  );
}
