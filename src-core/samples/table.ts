import Papa from 'papaparse';
import { count, MAX_SAMPLE_BYTES, MAX_SAMPLE_INFLATED_BYTES, MAX_SAMPLE_ROWS, tooLargeLine } from '../limits';

export { MAX_SAMPLE_BYTES } from '../limits';

/** A sample file read as text cells: what validation works on, whatever the file format. */
export interface RawTable {
  name: string;
  headers: string[];
  rows: string[][];
  /** The spreadsheet row number of each data row (the header is row 1). */
  rowNumbers: number[];
}

export type SampleFileErrorCode = 'too-large' | 'zip-bomb' | 'not-a-table' | 'empty' | 'bad-encoding';

/** Where in the file a refusal points: the spreadsheet row (line of a CSV, the header is row 1) and column. */
export interface SampleFilePos {
  row: number;
  column: number;
}

/** A sample file refused before validation: the message says what and what to do. Nothing is imported. */
export class SampleFileError extends Error {
  override readonly name = 'SampleFileError';
  constructor(
    readonly code: SampleFileErrorCode,
    message: string,
    readonly where: SampleFilePos | null = null,
  ) {
    super(message);
  }
}

/** The one line a sample file over MAX_SAMPLE_BYTES is refused with, before it is read. */
export function sampleTooLarge(name: string, bytes: number): SampleFileError {
  return new SampleFileError('too-large', tooLargeLine(name, bytes, MAX_SAMPLE_BYTES, 'sample files'));
}

/** Refused as soon as the rows of case files pass MAX_SAMPLE_ROWS (the header is not one of them). */
export function tooManyRows(name: string): SampleFileError {
  return new SampleFileError(
    'too-large',
    `${name} has more than ${count(MAX_SAMPLE_ROWS)} rows of case files; sample files past that are refused (split it and import the parts)`,
  );
}

export function checkSize(name: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_SAMPLE_BYTES) throw sampleTooLarge(name, bytes.length);
  if (bytes.length === 0) throw new SampleFileError('empty', `${name} is empty; expected a CSV or XLSX file with a header row`);
}

export function readCsvTable(name: string, bytes: Uint8Array): RawTable {
  checkSize(name, bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SampleFileError('bad-encoding', `${name} is UTF-16 text; save it as CSV UTF-8 and import it again`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const where = invalidUtf8At(bytes);
    throw new SampleFileError(
      'bad-encoding',
      `${name} is not UTF-8 text: invalid byte at row ${where.row}, column ${where.column}; save it as CSV UTF-8 and import it again`,
      where,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Every value stays a string: no dynamic typing, so "=SUM(…)" or "+44…" is kept as typed. Rows
  // are taken one at a time as they are parsed (no array of every record, then copies of it), blank
  // ones dropped with their row number kept, and the file refused once it passes MAX_SAMPLE_ROWS.
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let row = 0;
  let refusal: SampleFileError | null = null;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (result, parser) => {
      row++;
      const cells = Array.isArray(result.data) ? result.data : [];
      if (!cells.some((c) => c.trim() !== '')) return;
      if (headers === null) {
        if (row !== 1) {
          refusal = new SampleFileError('empty', `${name} has no header row; expected column names on the first line`);
          parser.abort();
          return;
        }
        headers = cells.map((h) => h.trim());
        return;
      }
      if (rows.length === MAX_SAMPLE_ROWS) {
        refusal = tooManyRows(name);
        parser.abort();
        return;
      }
      rows.push(cells);
      rowNumbers.push(row);
    },
  });
  if (refusal) throw refusal;
  if (headers === null) throw new SampleFileError('empty', `${name} has no header row; expected column names on the first line`);
  return { name, headers, rows, rowNumbers };
}

/**
 * Row (line) and column (character) of the first byte that is not UTF-8, as an editor counts them;
 * a file saved as Windows-1252 usually fails at its first accented letter or pound sign.
 */
function invalidUtf8At(bytes: Uint8Array): SampleFilePos {
  let row = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) break;
    let k = 1;
    while (k <= need && ((bytes[i + k] ?? 0) & 0xc0) === 0x80) k++;
    if (k <= need) break;
    // Overlong and surrogate forms are refused by the decoder too; close enough to point at them.
    if ((b === 0xe0 && (bytes[i + 1] as number) < 0xa0) || (b === 0xed && (bytes[i + 1] as number) >= 0xa0)) break;
    if ((b === 0xf0 && (bytes[i + 1] as number) < 0x90) || (b === 0xf4 && (bytes[i + 1] as number) >= 0x90)) break;
    if (b === 0x0a) {
      row++;
      column = 1;
    } else column++;
    i += need + 1;
  }
  return { row, column };
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/**
 * XLSX files are ZIP archives, and a small one can inflate to gigabytes. The central directory
 * says how large every entry will be, so the archive is refused before anything inflates it.
 */
export function checkZipInflation(name: string, bytes: Uint8Array, limits: { maxTotal?: number; maxRatio?: number } = {}): ZipEntry[] {
  const maxTotal = limits.maxTotal ?? MAX_SAMPLE_INFLATED_BYTES;
  const maxRatio = limits.maxRatio ?? 100;
  checkSize(name, bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new SampleFileError('not-a-table', `${name} is not an XLSX workbook (no ZIP directory found); save it as .xlsx or .csv`);
  const entries = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  let total = 0;
  const list: ZipEntry[] = [];
  for (let n = 0; n < entries; n++) {
    if (u32(bytes, at) !== 0x02014b50)
      throw new SampleFileError('not-a-table', `${name} is a damaged XLSX workbook (its ZIP directory is broken)`);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) {
      throw new SampleFileError('zip-bomb', `${name} declares a part over 4 GB; refused as unsafe to open`);
    }
    total += size;
    const nameLength = u16(bytes, at + 28);
    const partName = new TextDecoder().decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength)));
    list.push({ name: partName, method: u16(bytes, at + 10), compressed, size, localHeader: u32(bytes, at + 42) });
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  if (total > maxTotal || total > Math.max(bytes.length, 1) * maxRatio) {
    throw new SampleFileError(
      'zip-bomb',
      `${name} would inflate to ${(total / 1024 / 1024).toFixed(0)} MB from ${(bytes.length / 1024).toFixed(0)} KB; refused as unsafe to open (a "zip bomb")`,
    );
  }
  return list;
}

export interface ZipEntry {
  /** The part's path in the archive, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  /** As the directory declares it, which a hostile file can lie about. */
  size: number;
  localHeader: number;
}

/** Where a part's compressed data starts (after its local header), checked to lie inside the file. */
export function zipPartStart(name: string, bytes: Uint8Array, e: ZipEntry): number {
  const start = e.localHeader + 30 + u16(bytes, e.localHeader + 26) + u16(bytes, e.localHeader + 28);
  if (u32(bytes, e.localHeader) !== 0x04034b50 || start + e.compressed > bytes.length) {
    throw new SampleFileError('not-a-table', `${name} is a damaged XLSX workbook (a part is missing)`);
  }
  return start;
}

/** Counts what a stream of inflated chunks adds up to, stopping (Infinity) past `limit`: nothing is kept. */
export async function countChunks(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<number> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > limit) return Number.POSITIVE_INFINITY;
  }
  return size;
}

/** Inflates raw deflate data and returns its size, or Infinity once past `limit` (it stops there); throws on damaged data. */
export type InflateCounter = (data: Uint8Array, limit: number) => Promise<number>;

/**
 * The directory's sizes can lie, so inflate every part for real, counting, and stop at the limit:
 * only then is the workbook handed to a library that would inflate it all into memory.
 */
export async function checkZipReallyInflates(
  name: string,
  bytes: Uint8Array,
  inflate: InflateCounter,
  limit = MAX_SAMPLE_INFLATED_BYTES,
): Promise<void> {
  const entries = checkZipInflation(name, bytes, { maxTotal: limit });
  let budget = limit;
  for (const e of entries) {
    const start = zipPartStart(name, bytes, e);
    let size: number;
    if (e.method === 0) size = e.compressed;
    else if (e.method === 8) {
      // Never more than the part declares (+1 to notice a lie) nor than what is left of the budget.
      const cap = Math.min(budget, e.size + 1);
      try {
        size = await inflate(bytes.subarray(start, start + e.compressed), cap);
      } catch {
        throw new SampleFileError('not-a-table', `${name} is a damaged XLSX workbook (a part does not decompress)`);
      }
      if (size > e.size && cap < budget) {
        throw new SampleFileError(
          'zip-bomb',
          `${name} is damaged or unsafe: a part inflates beyond the size its directory declares; refused`,
        );
      }
    } else throw new SampleFileError('not-a-table', `${name} uses a compression XLSX files do not use (method ${e.method})`);
    budget -= size;
    if (budget < 0)
      throw new SampleFileError(
        'zip-bomb',
        `${name} inflates past ${Math.round(limit / 1024 / 1024)} MB; refused as unsafe to open (a "zip bomb")`,
      );
  }
}
