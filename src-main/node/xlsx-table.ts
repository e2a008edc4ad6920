import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { RawTable } from '../../src-core/samples/table';
import { readXlsxWorkbook, type InflateStream } from '../../src-core/samples/xlsx';

/** zlib a chunk at a time: a part is never inflated into one buffer. */
export const nodeInflate: InflateStream = (data) => Readable.from([data]).pipe(createInflateRaw({ chunkSize: 1 << 16 }));

/** Reads the first worksheet of an XLSX file, every cell as text (src-core/samples/xlsx.ts, the reader the DB worker uses too). */
export function readXlsxTable(name: string, bytes: Uint8Array, inflate: InflateStream = nodeInflate): Promise<RawTable> {
  return readXlsxWorkbook(name, bytes, inflate);
}
