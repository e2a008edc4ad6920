import type { BriefingPack } from '../brief/model';
import type { PdfDocConstructor } from '../brief/pdf-types';
import type { ExcelLike } from '../brief/table-export';

/** The key-metrics chart as a PNG, drawn by the runtime (src-core/brief/chart.ts draws it on any 2D canvas). */
export interface ChartPng {
  png: Uint8Array;
  /** The chart's size in CSS pixels (the PNG is larger, for print), for placing it in a document. */
  width: number;
  height: number;
}

/**
 * The libraries an export needs, which each runtime loads its own way and on first use (pdfkit and
 * exceljs are large): the DB worker their browser builds and an OffscreenCanvas
 * (src-renderer/db/adapters/export-libraries.ts), Node their Node builds and @napi-rs/canvas
 * (src-main/node/export-libraries.ts). Replaceable in tests.
 */
export interface ExportLibraries {
  /** pdfkit, with its standard fonts. */
  loadPdfKit(): Promise<PdfDocConstructor>;
  /** exceljs. */
  loadExcel(): Promise<ExcelLike>;
  /** The key-metrics chart as a PNG. */
  chartPng(spec: NonNullable<BriefingPack['chart']>): Promise<ChartPng>;
  /** Stated in the pack's reproducibility section. */
  appVersion: string;
}
