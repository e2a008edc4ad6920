import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkSize, MAX_SAMPLE_BYTES, SampleFileError, sampleTooLarge, type RawTable } from '../../src-core/samples/table';
import { readSampleTable } from '../../src-core/samples/sample-file';
import { nodeInflate } from './xlsx-table';
import { bytesOf } from './bytes';

/**
 * Reads a case-file review sample (.csv or .xlsx) as text cells. The size is checked before the
 * file is read into memory; the format follows the extension, so a workbook renamed .csv is
 * refused rather than parsed as text.
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

/** A sample's bytes as text cells, by the same rules the app's workspace service reads them with (src-core/samples/sample-file.ts). */
export async function readSampleBytes(name: string, bytes: Uint8Array): Promise<RawTable> {
  checkSize(name, bytes);
  return (await readSampleTable(name, bytes, nodeInflate)).table;
}
