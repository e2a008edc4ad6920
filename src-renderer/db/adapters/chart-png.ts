import { chartSize, drawChart, type Canvas2DLike } from '../../../src-core/brief/chart';
import type { ChartSpec } from '../../../src-core/brief/model';
import type { ChartPng } from '../../../src-core/service/export-libraries';

/** Pixels per CSS pixel: sharp in print at the width Word and the PDF give the chart (about 16 cm). */
const SCALE = 2;

/**
 * The key-metrics chart as a PNG, drawn in the DB worker on an OffscreenCanvas by the same routine
 * that draws it for the CLI (src-core/brief/chart.ts), so DOCX and PDF show the same chart in
 * every host. Fonts: the worker has the system's sans-serif, which the chart's font list ends in.
 */
export async function chartPng(spec: ChartSpec): Promise<ChartPng> {
  const { width, height } = chartSize(spec);
  if (typeof OffscreenCanvas !== 'function')
    throw new Error('this browser cannot draw off screen (no OffscreenCanvas), so the chart cannot be drawn');
  const canvas = new OffscreenCanvas(width * SCALE, height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the chart could not be drawn: no 2D canvas in this worker');
  ctx.scale(SCALE, SCALE);
  drawChart(ctx as unknown as Canvas2DLike, spec);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}
