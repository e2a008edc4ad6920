import PDFDocument from 'pdfkit';
import { chartSize } from '../../src-core/brief/chart';
import { renderDocx } from '../../src-core/brief/docx';
import type { BriefingPack } from '../../src-core/brief/model';
import { renderPdf } from '../../src-core/brief/pdf';
import type { PdfDocConstructor } from '../../src-core/brief/pdf-types';
import { renderChartPng } from './chart-canvas';

/**
 * The Node side of the Word and PDF packs (CLI `brief`, tests, benchmark): the chart drawn with
 * @napi-rs/canvas and pdfkit from node_modules, handed to the runtime-neutral writers in core.
 */

async function chartAssets(pack: BriefingPack): Promise<{ chartPng: Uint8Array | null; chartSize?: { width: number; height: number } }> {
  if (!pack.chart || !pack.definition.sections.includes('metrics') || pack.metrics.length === 0) return { chartPng: null };
  return { chartPng: await renderChartPng(pack.chart), chartSize: chartSize(pack.chart) };
}

export async function renderDocxFile(pack: BriefingPack): Promise<Uint8Array> {
  return renderDocx(pack, await chartAssets(pack));
}

export async function renderPdfFile(pack: BriefingPack): Promise<Uint8Array> {
  // pdfkit's declared types are wider than the structural interface core declares for it.
  return renderPdf(pack, { PDFDocument: PDFDocument as unknown as PdfDocConstructor, ...(await chartAssets(pack)) });
}
