import { one, type SqlDatabase } from '../../db/sql-db';
import type { ReportSource } from '../model/report-source';

const FORMATS = new Set<ReportSource['sourceFormat']>(['markdown', 'text', 'pdf']);

/** A report's original file as the workspace records it; null when there is no such report. */
export function readReportSource(db: SqlDatabase, reportId: number): ReportSource | null {
  const row = one(db, 'SELECT id, content_hash, source_name, source_format, source_bytes FROM reports WHERE id = ?', [reportId]);
  if (!row) return null;
  const format = String(row.source_format) as ReportSource['sourceFormat'];
  return {
    reportId: Number(row.id),
    contentHash: String(row.content_hash),
    sourceName: String(row.source_name),
    // The schema's CHECK allows only these; anything else is read as text, never as a PDF.
    sourceFormat: FORMATS.has(format) ? format : 'text',
    sourceBytes: Number(row.source_bytes),
  };
}
