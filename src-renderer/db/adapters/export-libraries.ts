import type { PdfDocConstructor } from '../../../src-core/brief/pdf-types';
import type { ExcelLike } from '../../../src-core/brief/table-export';
import { chartPng } from './chart-png';
import type { ExportLibraries } from '../../../src-core/service/export-libraries';

/**
 * pdfkit's browser build (package.json "exports" → js/pdfkit.browser.mjs under Vite's browser
 * conditions), loaded on first PDF export. Unlike the Node build it reads no .afm files: the
 * standard fonts come as modules and are registered here. It runs without eval or new Function,
 * so the app's CSP (script-src 'self' 'wasm-unsafe-eval') holds in the worker.
 */
async function loadPdfKit(): Promise<PdfDocConstructor> {
  const [pdfkit, helvetica, bold, oblique, boldOblique] = await Promise.all([
    import('pdfkit'),
    import('pdfkit/standard-fonts/Helvetica'),
    import('pdfkit/standard-fonts/HelveticaBold'),
    import('pdfkit/standard-fonts/HelveticaOblique'),
    import('pdfkit/standard-fonts/HelveticaBoldOblique'),
  ]);
  // @types/pdfkit describes 0.17's default export; 0.20's browser build exports these by name.
  const mod = pdfkit as unknown as { PDFDocument?: unknown; registerStdFonts?: (...fonts: unknown[]) => void };
  if (typeof mod.PDFDocument !== 'function' || typeof mod.registerStdFonts !== 'function') {
    throw new Error('the PDF writer (pdfkit) did not load');
  }
  mod.registerStdFonts(helvetica.default, bold.default, oblique.default, boldOblique.default);
  return mod.PDFDocument as PdfDocConstructor;
}

/** exceljs's browser build (about 1 MB), the one the sample importer reads XLSX with. */
async function loadExcel(): Promise<ExcelLike> {
  const mod: unknown = await import('exceljs/dist/exceljs.min.js');
  const excel = [mod, (mod as { default?: unknown }).default].find(
    (m) => typeof (m as { Workbook?: unknown } | undefined)?.Workbook === 'function',
  );
  if (!excel) throw new Error('the XLSX writer (exceljs) did not load');
  return excel as ExcelLike;
}

/** The export libraries as the DB worker loads them. */
export function workerExportLibraries(appVersion: string): ExportLibraries {
  return { loadPdfKit, loadExcel, chartPng, appVersion };
}
