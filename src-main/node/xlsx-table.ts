import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { checkZipReallyInflates, SampleFileError, type InflateCounter, type RawTable, type XlsxReader } from '../../src-core/samples/table';

/** zlib stops at maxOutputLength, so a bomb never inflates past the budget. */
const inflateCounter: InflateCounter = async (data, limit) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) }).length;
  } catch (e) {
    if (e instanceof RangeError && (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Number.POSITIVE_INFINITY;
    throw e;
  }
};

/**
 * What this module needs from exceljs. Nothing here imports a Node module and the browser build
 * (exceljs/dist/exceljs.min.js) reads identically (tested), so this file could move to src-core
 * and replace its copy in src-renderer/db/service/sample-files.ts.
 */
export interface ExcelModule {
  Workbook: new () => Pick<ExcelJS.Workbook, 'xlsx' | 'worksheets'>;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * exceljs turns a date-formatted number into a Date at that wall-clock time in UTC, so the UTC
 * fields are the ones the sheet shows. The time of day is dropped, as a dd/mm/yyyy format shows it
 * (23:59 on 31 March is still 31/03/2017) and as the validator expects.
 */
function ukDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'invalid date';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A cell value as the text the analyst typed; a formula is never evaluated, nor its cached result used. */
function valueText(value: CellValue | { richText: { text: string }[] }): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return ukDate(value);
  if ('formula' in value && value.formula) return `=${value.formula}`;
  // A shared formula's copy names only its master cell; cellText() asks the cell for the formula.
  if ('sharedFormula' in value) return value.formula ? `=${value.formula}` : '';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // A hyperlink's text can itself be rich text.
  if ('hyperlink' in value) return valueText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

function cellText(cell: Cell): string {
  // Only the top-left cell of a merged range holds the value, as in the CSV Excel saves.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  // A shared formula's copies hold no formula of their own; the getter translates the master's.
  const formula = cell.formula as string | undefined;
  if (formula) return `=${formula}`;
  return valueText(cell.value);
}

function rowCells(ws: Worksheet, rowNumber: number, width: number): string[] {
  const row = ws.getRow(rowNumber);
  const cells: string[] = [];
  for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellText(row.getCell(c)));
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function readSheet(name: string, ws: Worksheet | undefined): Omit<RawTable, 'name'> {
  const noHeader = () =>
    new SampleFileError('empty', `${name} has no header row; expected column names in the first row of its first worksheet`);
  if (!ws) throw noHeader();
  const headers: string[] = [];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells = rowCells(ws, r, headers.length);
    // Blank rows are skipped, as the CSV reader skips blank lines; row numbers stay the sheet's.
    if (cells.every((c) => c.trim() === '')) continue;
    if (headers.length === 0) {
      while (cells.length && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
      headers.push(...cells.map((h) => h.trim()));
      continue;
    }
    rows.push(cells);
    rowNumbers.push(r);
  }
  if (headers.length === 0) throw noHeader();
  return { headers, rows, rowNumbers };
}

/**
 * Reads the first worksheet of an XLSX file, every cell as text. The ZIP directory is checked
 * before exceljs sees the bytes: exceljs inflates every part into memory, so a zip bomb would
 * exhaust the process before any error could be reported.
 */
export async function readXlsxTable(name: string, bytes: Uint8Array, excel: ExcelModule = ExcelJS): Promise<RawTable> {
  // The directory's declared sizes can lie: inflate each part for real, counting, before exceljs.
  await checkZipReallyInflates(name, bytes, inflateCounter);
  const workbook = new excel.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; both builds accept any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new SampleFileError('not-a-table', `${name} is not a readable XLSX workbook: ${reason}`);
  }
  return { name, ...readSheet(name, workbook.worksheets[0]) };
}

/** The core's reader contract for one named file (its messages name the file). */
export function xlsxReader(name: string, excel: ExcelModule = ExcelJS): XlsxReader {
  return async (bytes) => {
    const { headers, rows, rowNumbers } = await readXlsxTable(name, bytes, excel);
    return { headers, rows, rowNumbers };
  };
}
