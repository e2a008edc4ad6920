import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkSize, MAX_SAMPLE_BYTES, readCsvTable, SampleFileError, sampleTooLarge, type RawTable } from '../../src-core/samples/table';
import { readXlsxTable } from './xlsx-table';
import { bytesOf } from './bytes';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a case-file review sample (.csv or .xlsx) as text cells. The size is checked before the
 * file is read into memory; the format follows the extension, so a workbook renamed .csv is
 * refused rather than parsed as text. Same rules as the renderer's readSampleTable.
 */
export async function readSampleFile(file: string): Promise<RawTable> {
  const name = path.basename(file);
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new SampleFileError('not-a-table', `${file} is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof SampleFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SampleFileError(
      'not-a-table',
      code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? String(e)})`,
    );
  }
  // Refused from its size on disk, before a byte of it is read.
  if (size > MAX_SAMPLE_BYTES) throw sampleTooLarge(name, size);
  const bytes = bytesOf(await readFile(file));
  return readSampleBytes(name, bytes);
}

export async function readSampleBytes(name: string, bytes: Uint8Array): Promise<RawTable> {
  checkSize(name, bytes);
  const ext = path.extname(name).toLowerCase();
  const isZip = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  if (ext === '.xlsx') return readXlsxTable(name, bytes);
  if (ext === '.csv') {
    if (isZip) throw new SampleFileError('not-a-table', `${name} is a workbook, not CSV text; rename it .xlsx or save it as CSV UTF-8`);
    return readCsvTable(name, bytes);
  }
  if (ext === '.xls') throw new SampleFileError('not-a-table', `${name} is an old-style .xls workbook; save it as .xlsx or CSV UTF-8`);
  throw new SampleFileError('not-a-table', `${name} is not a sample file; expected a .csv or .xlsx file`);
}
