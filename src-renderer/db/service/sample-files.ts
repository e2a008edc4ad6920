import { countChunks, readCsvTable, SampleFileError, type InflateCounter, type RawTable } from '../../../src-core/samples/table';
import { readXlsxWorkbook, type InflateStream } from '../../../src-core/samples/xlsx';

/**
 * Chromium's DecompressionStream a chunk at a time: a part of a workbook is never inflated into one
 * buffer, and reading stops as soon as the reader stops asking (the rest is cancelled).
 */
export const streamInflate: InflateStream = async function* (data) {
  const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
};

/**
 * Counts what a deflated part inflates to, a chunk at a time, and stops past the limit: the chunks
 * are dropped as they are counted, so a bomb is refused without ever being held in memory.
 */
export const streamInflateCounter: InflateCounter = (data, limit) => countChunks(streamInflate(data), limit);

/** The first worksheet, every cell as text (src-core/samples/xlsx.ts, the reader the CLI uses too). */
export function readXlsxTable(name: string, bytes: Uint8Array): Promise<RawTable> {
  return readXlsxWorkbook(name, bytes, streamInflate);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A sample file as text cells, by its extension: CSV (papaparse) or XLSX (a streaming reader), both
 * in the core. A workbook renamed .csv is refused rather than read as text.
 */
export async function readSampleTable(name: string, bytes: Uint8Array): Promise<{ format: 'csv' | 'xlsx'; table: RawTable }> {
  const ext = name.toLowerCase().slice(name.lastIndexOf('.'));
  if (ext === '.xlsx') return { format: 'xlsx', table: await readXlsxTable(name, bytes) };
  if (ext === '.csv') {
    if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new SampleFileError('not-a-table', `${name} is a workbook, not CSV text; rename it .xlsx or save it as CSV UTF-8`);
    }
    return { format: 'csv', table: readCsvTable(name, bytes) };
  }
  if (ext === '.xls') throw new SampleFileError('not-a-table', `${name} is an old-style .xls workbook; save it as .xlsx or CSV UTF-8`);
  throw new SampleFileError('not-a-table', `${name} is not a sample file; expected a .csv or .xlsx file`);
}
