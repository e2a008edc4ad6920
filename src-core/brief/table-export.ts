import Papa from 'papaparse';
import { visible } from '../text/visible';

/**
 * "Export exactly what I see": a grid's current rows and columns as CSV or XLSX, with the marking
 * in the first row (and the last), then the filter that produced the rows and how many there are.
 *
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or line break before one) as
 * a formula, so text from the workspace could run commands or leak data the moment the file is
 * opened (OWASP, "CSV Injection"). Every text cell is therefore neutralised by neutraliseCell
 * before it is written, in both formats; numbers stay numbers. neutraliseCell also shows bidi
 * controls and other invisible characters as their code points (text/visible.ts): a cell must not
 * read differently from what it holds.
 */

export type ExportCell = string | number | boolean | null;

export interface ExportTable {
  title: string;
  markingLine: string;
  /** The filter as the analyst would say it: "Search “custody”; Kind: concern". */
  filterDescription: string;
  /** How many rows the view had (the grid's count); the file says so if it holds fewer. */
  rowCount: number;
  columns: { key: string; header: string }[];
  rows: ExportCell[][];
}

/** The characters that make a spreadsheet read a cell as a formula (with their full-width forms, which some programs fold). */
const TRIGGER = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * A number as text ("-16", "+13%", "1,000.5"): a sign before digits is not a formula, and
 * prefixing it would turn a figure into text the analyst cannot sum.
 */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[+-]?\.\d+%?$/;

/**
 * A text cell made safe to open in a spreadsheet: one that starts with = + - @, a tab, a carriage
 * return or a line feed — or their full-width forms ＝ ＋ － ＠ — gets a leading apostrophe, which
 * spreadsheets show as text and never evaluate. Leading blanks do not help: some programs trim them
 * on import and then evaluate, so a trigger after spaces is neutralised too. Text that is only a
 * number ("-16", "+13%") is left as it is: it cannot be a formula. Invisible characters are shown
 * first, so a trigger hidden behind one (U+200B then "=") is seen as what it is: visible text.
 */
export function neutraliseCell(text: string): string {
  const value = visible(text);
  if (!TRIGGER.test(value) || NUMBER_TEXT.test(value)) return value;
  return `'${value}`;
}

/** A cell as it is written: text neutralised, numbers and true/false as themselves, empty as empty. */
export function exportValue(v: ExportCell): string | number | boolean | null {
  if (typeof v === 'string') return neutraliseCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : neutraliseCell(String(v));
  return v;
}

/** The line under the marking: title, filter and count, neutralised like any cell. */
export function filterRow(t: ExportTable): string[] {
  const shown =
    t.rows.length === t.rowCount ? `${t.rowCount} ${t.rowCount === 1 ? 'row' : 'rows'}` : `${t.rows.length} of ${t.rowCount} rows`;
  return [t.title, `Filter: ${t.filterDescription.trim() || 'none (all rows)'}`, shown].map(neutraliseCell);
}

/**
 * RFC 4180 CSV (papaparse quotes every field that needs it; CRLF line ends), UTF-8 with a byte
 * order mark so that Excel reads the marking's dash and non-ASCII text correctly: the marking,
 * the filter row, a blank row, the header row, the rows, and the marking again.
 */
export function toCsv(t: ExportTable): string {
  const marking = [neutraliseCell(t.markingLine)];
  const cell = (v: ExportCell) => {
    const x = exportValue(v);
    return x === null ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x);
  };
  const data: string[][] = [
    marking,
    filterRow(t),
    [],
    t.columns.map((c) => neutraliseCell(c.header)),
    ...t.rows.map((r) => t.columns.map((_, i) => cell(r[i] ?? null))),
    marking,
  ];
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false, skipEmptyLines: false })}\r\n`;
}

/**
 * The parts of exceljs the XLSX writer uses. Core does not import exceljs (its types pull in Node
 * and DOM): the caller passes the module in — `import ExcelJS from 'exceljs'` in Node, the
 * browser build in the renderer's worker — and both satisfy this.
 */
export interface XlsxCellLike {
  value: unknown;
  numFmt?: string;
  font?: { bold?: boolean };
  alignment?: { wrapText?: boolean; vertical?: 'top' | 'middle' | 'bottom' | 'distributed' | 'justify' };
}
export interface XlsxRowLike {
  getCell(index: number): XlsxCellLike;
}
export interface XlsxWorksheetLike {
  addRow(values: (string | number | boolean | null)[]): XlsxRowLike;
  getColumn(index: number): { width?: number };
  views: { state?: string; ySplit?: number; xSplit?: number; topLeftCell?: string }[];
  headerFooter: { oddHeader?: string; oddFooter?: string };
}
export interface XlsxWorkbookLike {
  creator: string;
  addWorksheet(name?: string): XlsxWorksheetLike;
  xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
}
export interface ExcelLike {
  Workbook: new () => XlsxWorkbookLike;
}

/** Excel's header/footer codes start with &; a literal & is written &&. */
const headerText = (s: string) => visible(s).replace(/&/g, '&&');

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const name = visible(title)
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return name.replace(/^'+|'+$/g, '') || 'Export';
}

/**
 * The table as an XLSX workbook: the marking in row 1 and in the last row (and in the printed
 * page header and footer), the filter row, a blank row, the header row in bold and frozen, then
 * the rows. Every value is written as a plain value — text as text formatted "@", so editing a
 * cell later does not evaluate it either — never as a formula.
 */
export async function writeXlsx(t: ExportTable, excel: ExcelLike): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  wb.creator = 'PEEL Workbench';
  const ws = wb.addWorksheet(sheetName(t.title));
  const put = (values: ExportCell[], bold = false) => {
    const written = values.map(exportValue);
    const row = ws.addRow(written);
    written.forEach((v, i) => {
      const c = row.getCell(i + 1);
      if (typeof v === 'string') {
        c.value = v;
        c.numFmt = '@';
      }
      if (bold) c.font = { bold: true };
    });
    return row;
  };
  put([t.markingLine], true);
  put(filterRow(t));
  ws.addRow([]);
  put(
    t.columns.map((c) => c.header),
    true,
  );
  for (const r of t.rows) put(t.columns.map((_, i) => r[i] ?? null));
  put([t.markingLine], true);
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 0, topLeftCell: 'A5' }];
  const marking = headerText(t.markingLine);
  ws.headerFooter = { oddHeader: `&C&B${marking}`, oddFooter: `&C&B${marking}&R&P of &N` };
  t.columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...t.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(80, Math.max(8, longest + 2));
  });
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}
