/**
 * The largest input each importer and writer accepts, each defined here once and used by every
 * check of it: the CLI, the Electron main process, the browser host and the DB worker. Past a
 * limit an input is refused before it is read (or, for what only reading can tell, as soon as the
 * reader gets there), in one line saying what, how big, and the limit; nothing is changed.
 * Within them, memory stays at most 10× the input and under 1 GB (docs/PERFORMANCE.md, bench item 9).
 * This module imports nothing, so the UI can check a dropped file's size without loading a parser.
 */

export const MB = 1024 * 1024;

/** A report file (Markdown, text, HTML or PDF). The largest real PEEL report is under 10 MB as a PDF. */
export const MAX_REPORT_BYTES = 50 * MB;

/**
 * A report's paragraph (or line), in characters. The longest paragraph of the 36-text corpus is
 * under 3,000 characters; one of 100,000 is no report's text (a file of words with no paragraph
 * breaks, or a page saved without its line structure), and every rule the extractor applies to a
 * paragraph would take time and memory that grow with it.
 */
export const MAX_REPORT_PARAGRAPH = 100_000;

/**
 * A report PDF's pages. PEEL force reports run to about 100 pages and the inspectorate's longest
 * (State of Policing) to about 250; 1,000 leaves room, and bounds the text runs held (all of a
 * PDF's pages are read before its lines are laid out) at about 50 MB.
 */
export const MAX_PDF_PAGES = 1000;

/**
 * The heap (V8's old generation, in MB) each of the CLI's extraction threads may grow to. What a
 * report at the limits above keeps while it is read is under 250 MB, but V8 lets a heap run far
 * past what it keeps when the process allows it (about 4 GB on a machine of 16 GB or more): a
 * 49 MB report of 1.2 million short lines peaked at 715 MB, of which about 200 MB was live. With
 * the cap V8 collects sooner, and the same report peaks under 500 MB at the same speed
 * (bench/bounds.ts); a file that really needed more would end its thread and be refused, in one
 * line, rather than take the machine's memory.
 */
export const EXTRACT_HEAP_MB = 320;

/** A case-file review sample file on disk (CSV or XLSX). */
export const MAX_SAMPLE_BYTES = 50 * MB;

/**
 * What an XLSX sample may inflate to, all its parts together: a 50 MB workbook of text inflates to
 * about 200 MB of XML; more than that is refused as a "zip bomb". The XML is read as a stream, so
 * this bounds time, not memory.
 */
export const MAX_SAMPLE_INFLATED_BYTES = 200 * MB;

/**
 * Rows of a review sample. The 2017 national file review scored about 7,000 case files in all;
 * 100,000 rows is room for any real sample, and bounds the cells held while it is checked.
 */
export const MAX_SAMPLE_ROWS = 100_000;

/** Columns of a review sample: it has 15 fields; a sheet with cells past column IV is not one. */
export const MAX_SAMPLE_COLUMNS = 256;

/**
 * Findings in one briefing pack. A pack is read by people: 50,000 findings is already some 25,000
 * pages; past it the analyst narrows the feed (a saved view, fewer reports) rather than waits.
 */
export const MAX_PACK_FINDINGS = 50_000;

/**
 * Findings in a pack written as a Word or PDF file. Their writers (docx, pdfkit) hold the whole
 * document as objects before the file is made, about 170 KB a finding in Word and 90 KB in PDF
 * (measured: bench/bounds.ts), so these limits keep a pack under 1 GB where HTML and Markdown,
 * written as they are encoded, take the full MAX_PACK_FINDINGS. A pack past them is refused before
 * it is written, saying which formats can take it.
 */
export const MAX_PACK_FINDINGS_BY_FORMAT = { docx: 4_000, pdf: 8_000, html: MAX_PACK_FINDINGS, md: MAX_PACK_FINDINGS } as const;

export type PackFileFormat = keyof typeof MAX_PACK_FINDINGS_BY_FORMAT;

const FORMAT_NAME: Record<PackFileFormat, string> = { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown' };

/** Why a pack of `findings` findings cannot be written as `format`, in one line, or null when it can. */
export function packTooLarge(findings: number, format: PackFileFormat): string | null {
  const limit = MAX_PACK_FINDINGS_BY_FORMAT[format];
  if (findings <= limit) return null;
  const fits = (Object.keys(MAX_PACK_FINDINGS_BY_FORMAT) as PackFileFormat[]).filter((f) => findings <= MAX_PACK_FINDINGS_BY_FORMAT[f]);
  const instead = fits.length ? `write it as ${fits.map((f) => FORMAT_NAME[f]).join(' or ')}, or narrow` : 'narrow';
  return `This pack has ${count(findings)} findings marked include-in-brief; ${FORMAT_NAME[format]} packs of more than ${count(limit)} findings are refused: ${instead} its findings (a saved view, fewer reports)`;
}

/**
 * "51.2 MB": a size as the refusals print it, one decimal rounded up, so that a file one byte past
 * a limit never reads as the limit itself ("50.1 MB; … over 50 MB are refused").
 */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB`;
}

/** "70,000": a count as the refusals print it. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The one line a file over a size limit is refused with: "big.md is 51.2 MB; reports over 50 MB are refused". */
export function tooLargeLine(name: string, bytes: number, limit: number, what: string): string {
  return `${name} is ${megabytes(bytes)}; ${what} over ${Math.round(limit / MB)} MB are refused`;
}
