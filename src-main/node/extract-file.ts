import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExtractError } from '../../src-core/extract/errors';
import { MAX_REPORT_BYTES, tooLargeLine } from '../../src-core/limits';
import { extractReport } from '../../src-core/extract/extract';
import type { MetaOverrides } from '../../src-core/extract/report-meta';
import type { Extraction } from '../../src-core/extract/types';
import { readPdfText } from './pdf-text';
import { bytesOf } from './bytes';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads a report file, refusing oversized files before reading them into memory. */
export async function readReportFile(file: string): Promise<ReportFile> {
  const name = path.basename(file);
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new ExtractError('empty', `${file} is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExtractError('empty', code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? String(e)})`);
  }
  // Refused from its size on disk, before a byte of it is read.
  if (size > MAX_REPORT_BYTES) throw new ExtractError('too-large', tooLargeLine(name, size, MAX_REPORT_BYTES, 'reports'));
  return { name, bytes: bytesOf(await readFile(file)) };
}

export async function extractFile(file: string, overrides: MetaOverrides = {}): Promise<{ file: ReportFile; extraction: Extraction }> {
  const f = await readReportFile(file);
  return { file: f, extraction: await extractReport(f.name, f.bytes, { readPdf: readPdfText }, overrides) };
}
