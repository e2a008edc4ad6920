import { chartSize } from '../../src-core/brief/chart';
import type { PdfDocConstructor } from '../../src-core/brief/pdf-types';
import type { ExcelLike } from '../../src-core/brief/table-export';
import type { ExportLibraries } from '../../src-core/service/export-libraries';
import { renderChartPng } from './chart-canvas';

/**
 * The export libraries as Node loads them, for the workspace service run in process (the CLI, the
 * bench, tests): pdfkit's and exceljs's Node builds from node_modules, each imported when a file of
 * its kind is first written, and the chart drawn with @napi-rs/canvas (./chart-canvas.ts), the same
 * drawing the DB worker makes on an OffscreenCanvas.
 */
export function nodeExportLibraries(appVersion: string): ExportLibraries {
  return {
    // pdfkit's declared types are wider than the structural interface core declares for it.
    loadPdfKit: async () => (await import('pdfkit')).default as unknown as PdfDocConstructor,
    loadExcel: async () => (await import('exceljs')).default as unknown as ExcelLike,
    chartPng: async (spec) => ({ png: await renderChartPng(spec), ...chartSize(spec) }),
    appVersion,
  };
}
