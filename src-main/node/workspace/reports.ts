import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { isReportFileName, REPORT_FORMATS_IN_WORDS } from '../../../src-core/extract/formats';
import { err, ok, type ReportFile, type Result } from '../../../src-core/host/contract';
import { MAX_REPORT_BYTES, tooLargeLine } from '../../../src-core/limits';
import { errnoCode } from './fs-errors';

// A PEEL report PDF is a few MB; anything over MAX_REPORT_BYTES is not one, and would stall IPC.

type Fs = Pick<typeof nodeFs, 'stat' | 'readFile'>;

/**
 * Reads the report files the user picked. Dialog filters are only a suggestion (GTK lets the
 * user switch to "All files"), so the type and size are checked again here; one bad file refuses
 * the whole pick, so the analyst is never left wondering which of several were imported.
 */
export async function readReports(files: readonly string[], fs: Fs = nodeFs): Promise<Result<ReportFile[]>> {
  const out: ReportFile[] = [];
  for (const file of files) {
    const name = path.basename(file);
    if (!isReportFileName(name)) {
      return err('refused', `"${name}" is not a report file: choose ${REPORT_FORMATS_IN_WORDS}.`);
    }
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) return err('refused', `"${name}" is not a file.`);
      if (st.size > MAX_REPORT_BYTES) {
        return err('refused', `${tooLargeLine(`"${name}"`, st.size, MAX_REPORT_BYTES, 'reports')}. Nothing was imported.`);
      }
      const buf = await fs.readFile(file);
      // A copy that owns its whole buffer: IPC would otherwise send the rest of Node's shared pool.
      out.push({ name, bytes: new Uint8Array(buf) });
    } catch (e) {
      return err('read-failed', `"${name}" could not be read (${errnoCode(e) ?? 'unknown error'}). Nothing was imported.`);
    }
  }
  return ok(out);
}
