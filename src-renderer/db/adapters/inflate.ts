import { countChunks, type InflateCounter, type RawTable } from '../../../src-core/samples/table';
import { readXlsxWorkbook, type InflateStream } from '../../../src-core/samples/xlsx';

/**
 * Chromium's DecompressionStream a chunk at a time: a part of a workbook is never inflated into one
 * buffer, and reading stops as soon as the reader stops asking (the rest is cancelled). The DB
 * worker hands it to the workspace service, which reads sample files with it
 * (src-core/samples/sample-file.ts).
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

/** The first worksheet, every cell as text (src-core/samples/xlsx.ts, the reader the CLI uses too), as the worker reads it. */
export function readXlsxTable(name: string, bytes: Uint8Array): Promise<RawTable> {
  return readXlsxWorkbook(name, bytes, streamInflate);
}
