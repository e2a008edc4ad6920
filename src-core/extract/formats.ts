/**
 * The report files the extractor reads, by extension: one home for the file picker, the drop
 * target, the Electron dialog and the CLI's folder scan.
 */
export const REPORT_EXTENSIONS = ['md', 'markdown', 'txt', 'text', 'html', 'htm', 'pdf'] as const;

export const REPORT_FORMATS_IN_WORDS = 'Markdown (.md), plain text (.txt), web pages (.html) or PDF (.pdf)';

export function isReportFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (REPORT_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}
