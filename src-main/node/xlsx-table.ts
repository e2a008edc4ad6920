import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { checkZipReallyInflates, countChunks, type InflateCounter, type RawTable } from '../../src-core/samples/table';
import { readXlsxSheet, type InflateStream } from '../../src-core/samples/xlsx';

/** zlib a chunk at a time: a part is never inflated into one buffer. */
export const nodeInflate: InflateStream = (data) => Readable.from([data]).pipe(createInflateRaw({ chunkSize: 1 << 16 }));

/** Counts what a part inflates to, chunk by chunk, stopping past the limit: a bomb is never held in memory. */
const inflateCounter: InflateCounter = (data, limit) => countChunks(nodeInflate(data), limit);

/**
 * Reads the first worksheet of an XLSX file, every cell as text (src-core/samples/xlsx.ts, the
 * reader the DB worker uses too). The ZIP directory's sizes are checked, and every part inflated for
 * real and counted (a directory can lie), before any part is read.
 */
export async function readXlsxTable(name: string, bytes: Uint8Array, inflate: InflateStream = nodeInflate): Promise<RawTable> {
  await checkZipReallyInflates(name, bytes, inflate === nodeInflate ? inflateCounter : (data, limit) => countChunks(inflate(data), limit));
  return readXlsxSheet(name, bytes, inflate);
}
