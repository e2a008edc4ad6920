import { createCanvas } from '@napi-rs/canvas';
import { chartSize, drawChart } from '../../src-core/brief/chart';
import type { ChartSpec } from '../../src-core/brief/model';

/** Bitmap pixels per CSS pixel: 760 CSS px wide becomes 1520 px, about 200 dpi across an A4 text column. */
export const CHART_SCALE = 2;

/** The key-metrics chart as a PNG at print resolution, drawn by the same routine as the HTML's SVG. */
export async function renderChartPng(spec: ChartSpec): Promise<Uint8Array> {
  const { width, height } = chartSize(spec);
  const canvas = createCanvas(width * CHART_SCALE, height * CHART_SCALE);
  const ctx = canvas.getContext('2d');
  ctx.scale(CHART_SCALE, CHART_SCALE);
  drawChart(ctx, spec);
  const png = await canvas.encode('png');
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
