/**
 * What the Source panel needs to find and show a report's original file (src-renderer/shared/source/):
 * the hash the host keeps it under, the name it was imported as (shown, and said in every message
 * about it) and the format the extractor read it as. HTML is stored as 'markdown' (the dialect it
 * was read into): the panel sniffs the bytes as the extractor did (src-core/extract/decode.ts).
 */
export interface ReportSource {
  reportId: number;
  /** SHA-256 of the original file, 64 lowercase hex digits (reports.content_hash). */
  contentHash: string;
  sourceName: string;
  sourceFormat: 'markdown' | 'text' | 'pdf';
  sourceBytes: number;
}
