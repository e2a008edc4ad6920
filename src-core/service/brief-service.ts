import { buildPack } from '../brief/build';
import { renderHtml, renderHtmlUtf8 } from '../brief/html';
import { renderMarkdownUtf8 } from '../brief/markdown';
import type { PackDefinition } from '../brief/definition';
import type { BriefingPack } from '../brief/model';
import { markingLine, type Marking } from '../brief/definition';
import { findingCount } from '../brief/model';
import { renderPdf } from '../brief/pdf';
import { toCsv, writeXlsx, type ExportTable } from '../brief/table-export';
import type { SqlDatabase } from '../db/sql-db';
import { packTooLarge } from '../limits';
import type { ExportMime } from '../host/contract';
import type { ExportLibraries } from './export-libraries';
import type { ExportedFile, ExportedPack, ExportProgress, GridExportSource, PackFormat, PackPreview, PackSummary } from './protocol';
import { gridRows } from './grid-rows';

const MIME: Record<PackFormat | 'csv' | 'xlsx', ExportMime> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
  md: 'text/markdown',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name from a title the analyst typed: no folder separators or characters Windows refuses, never a leading dot. */
export function fileNameOf(title: string, date: string, extension: string): string {
  const base = `${title} ${date}`
    .replace(/[/\\:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, 150)
    .trim();
  return `${base || 'Export'}.${extension}`;
}

/** An export refused or failed, in words an analyst can act on: which export and why. */
export class ExportFailure extends Error {
  override readonly name = 'ExportFailure';
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The pack the definition describes, built from the workspace now. Given the format it is for, a
 * pack past that format's limit is refused before any finding is read (src-core/limits.ts).
 */
export function packFrom(
  db: SqlDatabase,
  definition: PackDefinition,
  libs: Pick<ExportLibraries, 'appVersion'>,
  format?: PackFormat,
  now = new Date(),
) {
  return buildPack(db, definition, { appVersion: libs.appVersion, now: now.toISOString(), format });
}

/** Findings the preview shows: a screenful of pages to check the layout, not a 25,000-page document as one string. */
export const PREVIEW_FINDINGS = 500;

/** The pack with its findings cut to the first `limit`, saying so at its top; the file written has them all. */
export function previewPack(pack: BriefingPack, limit = PREVIEW_FINDINGS): BriefingPack {
  const total = findingCount(pack);
  if (total <= limit) return pack;
  let left = limit;
  const findings = pack.findings
    .map((g) => {
      const kept = g.findings.slice(0, Math.max(0, left));
      left -= kept.length;
      return { ...g, findings: kept };
    })
    .filter((g) => g.findings.length > 0);
  const notice = `This preview shows the first ${limit.toLocaleString('en-GB')} of the pack's ${total.toLocaleString('en-GB')} findings; the file you save has them all.`;
  return { ...pack, findings, notices: [notice, ...pack.notices] };
}

export function previewOf(pack: BriefingPack): PackPreview {
  return {
    html: renderHtml(previewPack(pack)),
    markingLine: pack.markingLine,
    findings: findingCount(pack),
    notices: pack.notices,
  };
}

const encoder = new TextEncoder();

/** What the pack holds, said by whoever saves it. */
export function summaryOf(pack: BriefingPack): PackSummary {
  return {
    markingLine: pack.markingLine,
    findings: findingCount(pack),
    metrics: pack.metrics.length,
    sources: pack.sources.length,
    notices: pack.notices,
  };
}

/**
 * Writes a pack built beforehand (the database is not touched here, so the service's queue is free
 * while a long PDF is written). The chart is drawn only for the formats that embed a bitmap.
 */
export async function writePack(
  pack: BriefingPack,
  format: PackFormat,
  libs: ExportLibraries,
  progress: (p: ExportProgress) => void = () => undefined,
): Promise<ExportedPack> {
  const d = pack.definition;
  const file = (parts: Uint8Array[]): ExportedPack => ({
    suggestedName: fileNameOf(d.title, d.date, format),
    mime: MIME[format],
    parts,
    summary: summaryOf(pack),
  });
  // Before the writer starts: Word and PDF hold the whole document in memory (src-core/limits.ts).
  const tooLarge = packTooLarge(findingCount(pack), format);
  if (tooLarge) throw new ExportFailure(`The ${format.toUpperCase()} file was not made. ${tooLarge}.`);
  try {
    // Encoded as they are written (src-core/brief/sink.ts): a large pack's text is never one string,
    // and its bytes are handed on as the pieces they were encoded in, never joined.
    if (format === 'html') return file([...renderHtmlUtf8(pack).chunks()]);
    if (format === 'md') return file([...renderMarkdownUtf8(pack).chunks()]);
    progress({ stage: 'chart' });
    const chart = pack.chart ? await libs.chartPng(pack.chart) : null;
    progress({ stage: 'writing' });
    const assets = { chartPng: chart?.png ?? null, chartSize: chart ? { width: chart.width, height: chart.height } : undefined };
    if (format === 'docx') {
      // The docx library loads only when a Word pack is written: an HTML brief does not wait for it.
      const { renderDocx } = await import('../brief/docx');
      return file([await renderDocx(pack, assets)]);
    }
    const PDFDocument = await libs.loadPdfKit();
    return file([await renderPdf(pack, { PDFDocument, ...assets })]);
  } catch (e) {
    throw new ExportFailure(`The ${format.toUpperCase()} file could not be made: ${why(e)}`);
  }
}

export interface GridExportRequest {
  source: GridExportSource;
  columns: { colId: string; header: string }[];
  format: 'csv' | 'xlsx';
  marking: Marking;
  filter: string;
  title: string;
}

/** The rows of the grid export, read from the database (inside the service's queue). */
export function gridTable(db: SqlDatabase, r: GridExportRequest): ExportTable {
  const { columns, rows } = gridRows(db, r.source, r.columns);
  return { title: r.title, markingLine: markingLine(r.marking, ''), filterDescription: r.filter, rowCount: rows.length, columns, rows };
}

/** CSV or XLSX of a grid's rows: the marking in the first row, the filter and the row count stated. */
export async function writeGridTable(
  table: ExportTable,
  format: 'csv' | 'xlsx',
  libs: Pick<ExportLibraries, 'loadExcel'>,
  now = new Date(),
): Promise<ExportedFile> {
  try {
    const bytes = format === 'csv' ? encoder.encode(toCsv(table)) : await writeXlsx(table, await libs.loadExcel());
    return { suggestedName: fileNameOf(table.title, localDate(now), format), mime: MIME[format], parts: [bytes], rows: table.rows.length };
  } catch (e) {
    throw new ExportFailure(`The ${format.toUpperCase()} file could not be made: ${why(e)}`);
  }
}

/** The date as the analyst's calendar shows it, for a file name. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
