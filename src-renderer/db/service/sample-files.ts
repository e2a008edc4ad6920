import { checkZipReallyInflates, readCsvTable, SampleFileError, type InflateCounter, type RawTable } from '../../../src-core/samples/table';

/** The part of exceljs read here, described by shape: the package's own types are the Node build's. */
interface XlsxCell {
  value: unknown;
  formula?: string;
  isMerged: boolean;
  address: string;
  master: { address: string };
}
interface XlsxSheet {
  rowCount: number;
  getRow(row: number): { cellCount: number; getCell(column: number): XlsxCell };
}
export interface ExcelModule {
  Workbook: new () => { xlsx: { load(data: ArrayBuffer): Promise<unknown> }; worksheets: XlsxSheet[] };
}

/**
 * exceljs's browser build, loaded on first use (it is about 1 MB). Checked in Chromium under the
 * app's CSP (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-eval'): it reads and writes
 * workbooks without eval; its few Function() calls are fallbacks for hosts without globalThis.
 */
export async function loadBrowserExcel(): Promise<ExcelModule> {
  const mod: unknown = await import('exceljs/dist/exceljs.min.js');
  const candidates = [mod, (mod as { default?: unknown }).default];
  const excel = candidates.find((m): m is ExcelModule => typeof (m as { Workbook?: unknown } | undefined)?.Workbook === 'function');
  if (!excel) throw new Error('the XLSX reader (exceljs) did not load');
  return excel;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** exceljs gives a date cell as a Date at the shown wall-clock time in UTC: the UK date the sheet shows. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'invalid date';
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return `${pad2(t.getUTCDate())}/${pad2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** A cell as the text typed into it. A formula stays "=…": it is never evaluated, nor its cached result used. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  const v = value as {
    formula?: unknown;
    sharedFormula?: unknown;
    richText?: unknown;
    text?: unknown;
    hyperlink?: unknown;
    error?: unknown;
  };
  if (typeof v.formula === 'string' && v.formula) return `=${v.formula}`;
  if (typeof v.sharedFormula === 'string') return `=${v.sharedFormula}`;
  if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
  if (v.hyperlink !== undefined) return cellText(v.text);
  if (typeof v.error === 'string') return v.error;
  return '';
}

function sheetCell(cell: XlsxCell): string {
  // Only the top-left cell of a merged range holds the value, as in the CSV Excel would save.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return typeof cell.formula === 'string' && cell.formula ? `=${cell.formula}` : cellText(cell.value);
}

/**
 * Counts what a deflated part inflates to, a chunk at a time, and stops past the limit: the chunks
 * are dropped as they are counted, so a bomb is refused without ever being held in memory.
 */
export const streamInflateCounter: InflateCounter = async (data, limit) => {
  const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return size;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return Number.POSITIVE_INFINITY;
    }
  }
};

/** The first worksheet, every cell as text: the first non-blank row is the header; blank rows are skipped. */
export async function readXlsxTable(name: string, bytes: Uint8Array, excel: ExcelModule): Promise<RawTable> {
  // exceljs inflates every part into memory: the ZIP directory is checked, and every part inflated
  // for real and counted (a directory can lie about sizes), before it sees the bytes.
  await checkZipReallyInflates(name, bytes, streamInflateCounter);
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (e) {
    throw new SampleFileError('not-a-table', `${name} is not a readable XLSX workbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sheet = workbook.worksheets[0];
  const headers: string[] = [];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; sheet && r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(headers.length, row.cellCount); c++) cells.push(sheetCell(row.getCell(c)));
    if (cells.every((c) => c.trim() === '')) continue;
    if (headers.length === 0) {
      while (cells.length && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
      headers.push(...cells.map((h) => h.trim()));
      continue;
    }
    rows.push(cells.slice(0, Math.max(headers.length, cells.findLastIndex((c) => c !== '') + 1)));
    rowNumbers.push(r);
  }
  if (headers.length === 0) {
    throw new SampleFileError('empty', `${name} has no header row; expected column names in the first row of its first worksheet`);
  }
  return { name, headers, rows, rowNumbers };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A sample file as text cells, by its extension: CSV (papaparse, in the core) or XLSX (exceljs).
 * A workbook renamed .csv is refused rather than read as text.
 */
export async function readSampleTable(
  name: string,
  bytes: Uint8Array,
  loadExcel: () => Promise<ExcelModule> = loadBrowserExcel,
): Promise<{ format: 'csv' | 'xlsx'; table: RawTable }> {
  const ext = name.toLowerCase().slice(name.lastIndexOf('.'));
  if (ext === '.xlsx') return { format: 'xlsx', table: await readXlsxTable(name, bytes, await loadExcel()) };
  if (ext === '.csv') {
    if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new SampleFileError('not-a-table', `${name} is a workbook, not CSV text; rename it .xlsx or save it as CSV UTF-8`);
    }
    return { format: 'csv', table: readCsvTable(name, bytes) };
  }
  if (ext === '.xls') throw new SampleFileError('not-a-table', `${name} is an old-style .xls workbook; save it as .xlsx or CSV UTF-8`);
  throw new SampleFileError('not-a-table', `${name} is not a sample file; expected a .csv or .xlsx file`);
}
