import { readCsvTable, SampleFileError, type RawTable } from './table';
import { readXlsxWorkbook, type InflateStream } from './xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A sample file as text cells, by its extension: CSV (papaparse) or XLSX (the streaming reader in
 * ./xlsx.ts, inflating with what the runtime offers: Chromium's DecompressionStream in the DB
 * worker, zlib in Node). A workbook renamed .csv is refused rather than read as text.
 */
export async function readSampleTable(
  name: string,
  bytes: Uint8Array,
  inflate: InflateStream,
): Promise<{ format: 'csv' | 'xlsx'; table: RawTable }> {
  const ext = name.toLowerCase().slice(name.lastIndexOf('.'));
  if (ext === '.xlsx') return { format: 'xlsx', table: await readXlsxWorkbook(name, bytes, inflate) };
  if (ext === '.csv') {
    if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new SampleFileError('not-a-table', `${name} is a workbook, not CSV text; rename it .xlsx or save it as CSV UTF-8`);
    }
    return { format: 'csv', table: readCsvTable(name, bytes) };
  }
  if (ext === '.xls') throw new SampleFileError('not-a-table', `${name} is an old-style .xls workbook; save it as .xlsx or CSV UTF-8`);
  throw new SampleFileError('not-a-table', `${name} is not a sample file; expected a .csv or .xlsx file`);
}
