import type { ChartMark, ChartPanel, ChartSpec } from './model';
import { SvgContext } from './chart-svg';
import { chartKey, CORRECTED_MARK, UNVERIFIED_MARK } from './check';
import { visible, visibleDeep } from '../text/visible';

/**
 * The key-metrics chart of a briefing pack: the force against England and Wales as grouped
 * horizontal bars, one panel per unit (a rate per 1,000 and a percentage must never share an
 * axis). One drawing routine serves every format: it draws onto anything shaped like a 2D canvas
 * context — @napi-rs/canvas in Node (PNG for DOCX/PDF), OffscreenCanvas in the DB worker, or the
 * SVG recorder of chart-svg.ts (HTML) — so the layout is computed in one place only.
 *
 * Print is often greyscale, so the two series differ by more than hue: the force's bars are solid
 * and dark, England and Wales's are light and hatched, and every bar carries its value.
 */

/** The part of CanvasRenderingContext2D the chart uses. Core has no DOM types, so it is declared here. */
export interface Canvas2DLike {
  font: string;
  /** `unknown` so that contexts whose styles also accept gradients and patterns satisfy it. */
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  save(): void;
  restore(): void;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const CHART_COLOURS = {
  force: '#0072B2',
  englandWales: '#F0B94A',
  hatch: '#8A5A00',
  text: '#1A1A1A',
  muted: '#5A5A5A',
  grid: '#D9D9D9',
  axis: '#7F7F7F',
  background: '#FFFFFF',
} as const;

export const CHART_FONT_FAMILY = 'Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif';

const WIDTH = 760;
const PAD = 16;
const LABEL_W = 220;
const VALUE_W = 64;
const TITLE_H = 24;
const LEGEND_H = 24;
const PANEL_TITLE_H = 22;
const BAR_H = 12;
const BAR_GAP = 2;
const ROW_GAP = 9;
const ROW_H = 2 * BAR_H + BAR_GAP + ROW_GAP;
const AXIS_H = 18;
const PANEL_GAP = 10;
const EMPTY_H = 40;
const LABEL_LINES = 2;
const LABEL_LINE_H = 13;
const KEY_H = 18;

export const font = (size: number, bold = false): string => `${bold ? 'bold ' : ''}${size}px ${CHART_FONT_FAMILY}`;

const panelHeight = (p: ChartPanel): number => PANEL_TITLE_H + p.categories.length * ROW_H + AXIS_H;

/** The chart's size in CSS pixels; it depends only on the spec, never on font metrics. */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  const panels = spec.panels.filter((p) => p.categories.length > 0);
  const body = panels.length === 0 ? EMPTY_H : panels.reduce((h, p) => h + panelHeight(p), 0) + PANEL_GAP * (panels.length - 1);
  return { width: WIDTH, height: PAD + TITLE_H + LEGEND_H + (chartKey(spec) ? KEY_H : 0) + body + PAD };
}

/** Draws the chart at (0,0) in CSS pixels; scale the context first for a sharper bitmap. */
export function drawChart(ctx: Canvas2DLike, specAsGiven: ChartSpec): void {
  // Labels are report text: bidi and other invisible characters are drawn as code points (text/visible.ts).
  const spec = visibleDeep(specAsGiven);
  const { width, height } = chartSize(spec);
  ctx.save();
  ctx.fillStyle = CHART_COLOURS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = CHART_COLOURS.text;
  ctx.font = font(15, true);
  ctx.fillText(fitText(ctx, spec.title, width - 2 * PAD), PAD, PAD + TITLE_H / 2 - 2);
  drawLegend(ctx, spec.forceLabel, PAD + TITLE_H);

  let y = PAD + TITLE_H + LEGEND_H;
  // A chart any of whose bars is marked (not yet verified, or corrected) carries the key under its legend.
  const key = chartKey(spec);
  if (key) {
    ctx.font = font(12);
    ctx.fillStyle = CHART_COLOURS.text;
    ctx.textAlign = 'left';
    ctx.fillText(fitText(ctx, key, width - 2 * PAD), PAD, y + KEY_H / 2 - 4);
    y += KEY_H;
  }
  const panels = spec.panels.filter((p) => p.categories.length > 0);
  if (panels.length === 0) {
    ctx.font = font(12);
    ctx.fillStyle = CHART_COLOURS.muted;
    ctx.fillText('No metric has a value for both the force and England and Wales.', PAD, y + EMPTY_H / 2);
  }
  for (const panel of panels) {
    drawPanel(ctx, panel, y);
    y += panelHeight(panel) + PANEL_GAP;
  }
  ctx.restore();
}

/** The chart as a standalone SVG document (for HTML and Markdown): same drawing, recorded. */
export function chartSvg(spec: ChartSpec): string {
  const { width, height } = chartSize(spec);
  const svg = new SvgContext();
  drawChart(svg, spec);
  return svg.toSvg(width, height, visible(spec.title));
}

function drawLegend(ctx: Canvas2DLike, forceLabel: string, top: number): void {
  const y = top + LEGEND_H / 2;
  ctx.font = font(12);
  ctx.textAlign = 'left';
  let x = PAD;
  for (const series of ['force', 'englandWales'] as const) {
    drawBar(ctx, series, x, y - 6, 22, 12);
    x += 28;
    const label = series === 'force' ? fitText(ctx, forceLabel, 300) : 'England and Wales';
    ctx.fillStyle = CHART_COLOURS.text;
    ctx.fillText(label, x, y);
    x += ctx.measureText(label).width + 24;
  }
}

function drawPanel(ctx: Canvas2DLike, panel: ChartPanel, top: number): void {
  const plotLeft = PAD + LABEL_W;
  const plotRight = WIDTH - PAD - VALUE_W;
  const values = [...panel.force, ...panel.englandWales].filter((v): v is number => v !== null && Number.isFinite(v));
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const xOf = (v: number) => plotLeft + ((v - scale.min) / (scale.max - scale.min)) * (plotRight - plotLeft);
  const plotTop = top + PANEL_TITLE_H;
  const plotBottom = plotTop + panel.categories.length * ROW_H;

  ctx.font = font(13, true);
  ctx.fillStyle = CHART_COLOURS.text;
  ctx.textAlign = 'left';
  ctx.fillText(fitText(ctx, capitalise(panel.unit), WIDTH - 2 * PAD), PAD, top + PANEL_TITLE_H / 2);

  // Grid lines and tick labels first, so bars sit on top of them.
  ctx.lineWidth = 1;
  ctx.font = font(11);
  ctx.textAlign = 'center';
  for (let v = scale.min; v <= scale.max + scale.step / 1e6; v += scale.step) {
    const x = Math.round(xOf(v)) + 0.5;
    ctx.strokeStyle = v === 0 ? CHART_COLOURS.axis : CHART_COLOURS.grid;
    line(ctx, x, plotTop, x, plotBottom);
    ctx.fillStyle = CHART_COLOURS.muted;
    ctx.fillText(formatValue(roundTick(v, scale.step), panel.unit), x, plotBottom + AXIS_H / 2 + 2);
  }

  panel.categories.forEach((category, i) => {
    const rowTop = plotTop + i * ROW_H + ROW_GAP / 2;
    drawCategoryLabel(ctx, category, panel.marks?.[i] ?? null, rowTop + (2 * BAR_H + BAR_GAP) / 2);
    drawValueBar(ctx, 'force', panel.force[i] ?? null, rowTop, xOf, panel.unit);
    drawValueBar(ctx, 'englandWales', panel.englandWales[i] ?? null, rowTop + BAR_H + BAR_GAP, xOf, panel.unit);
  });
}

function drawCategoryLabel(ctx: Canvas2DLike, text: string, mark: ChartMark, centreY: number): void {
  ctx.font = font(12);
  ctx.fillStyle = CHART_COLOURS.text;
  ctx.textAlign = 'right';
  const lines = markedLines(ctx, text, mark === 'unverified' ? UNVERIFIED_MARK : mark === 'corrected' ? CORRECTED_MARK : '', LABEL_W - 12);
  const first = centreY - ((lines.length - 1) * LABEL_LINE_H) / 2;
  lines.forEach((l, i) => ctx.fillText(l, PAD + LABEL_W - 12, first + i * LABEL_LINE_H));
}

function drawValueBar(
  ctx: Canvas2DLike,
  series: 'force' | 'englandWales',
  value: number | null,
  y: number,
  xOf: (v: number) => number,
  unit: string,
): void {
  ctx.font = font(11);
  ctx.textAlign = 'left';
  const zero = xOf(0);
  if (value === null || !Number.isFinite(value)) {
    ctx.fillStyle = CHART_COLOURS.muted;
    ctx.fillText('no figure', zero + 4, y + BAR_H / 2);
    return;
  }
  const end = xOf(value);
  const left = Math.min(zero, end);
  const w = Math.max(Math.abs(end - zero), 1);
  drawBar(ctx, series, left, y, w, BAR_H);
  ctx.fillStyle = CHART_COLOURS.text;
  const label = formatValue(value, unit);
  if (value < 0) {
    // Negative bars grow left from zero: the label goes to their left, inside the plot.
    ctx.textAlign = 'right';
    ctx.fillText(label, left - 4, y + BAR_H / 2);
  } else {
    ctx.fillText(label, left + w + 4, y + BAR_H / 2);
  }
}

/** A bar of one series: solid for the force, light with dark diagonal hatching for England and Wales. */
function drawBar(ctx: Canvas2DLike, series: 'force' | 'englandWales', x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = series === 'force' ? CHART_COLOURS.force : CHART_COLOURS.englandWales;
  ctx.fillRect(x, y, w, h);
  if (series === 'force') return;
  ctx.strokeStyle = CHART_COLOURS.hatch;
  ctx.lineWidth = 1;
  for (const [x1, y1, x2, y2] of hatchSegments(x, y, w, h, 5)) line(ctx, x1, y1, x2, y2);
}

/**
 * Diagonal lines (rising to the right) clipped to a rectangle by hand, because clipping is not
 * part of Canvas2DLike and the SVG recorder would otherwise need clip paths.
 */
export function hatchSegments(x: number, y: number, w: number, h: number, spacing: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  // Lines x' + y' = c in rectangle-local coordinates, bottom-left to top-right.
  for (let c = spacing; c < w + h; c += spacing) {
    const start: [number, number] = c <= h ? [0, c] : [c - h, h];
    const end: [number, number] = c <= w ? [c, 0] : [w, c - w];
    out.push([x + start[0], y + start[1], x + end[0], y + end[1]]);
  }
  return out;
}

function line(ctx: Canvas2DLike, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

/** Axis bounds and step that land on 1, 2 or 5 × a power of ten, with about five steps. */
export function niceScale(min: number, max: number): { min: number; max: number; step: number } {
  if (min === max) return { min: min, max: min + 1, step: 1 };
  const raw = (max - min) / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow) as number;
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

const roundTick = (v: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(decimals));
};

/** "1,234", "12.5", "-0.05%": at most two decimals, thousands separated, % for percentage units. */
export function formatValue(v: number, unit: string): string {
  const abs = Math.abs(v);
  const decimals = Number.isInteger(v) ? 0 : abs >= 10 ? 1 : 2;
  const fixed = Number(abs.toFixed(decimals)).toString();
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = v < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}${unit.trim().startsWith('%') ? '%' : ''}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A label's lines with its mark at the end of the last one. The mark is never cut: the label's own
 * words give way to it (shortened with "…"), so a long label cannot hide that its figure is unchecked.
 */
export function markedLines(ctx: Canvas2DLike, text: string, mark: string, maxWidth: number): string[] {
  const lines = wrapText(ctx, text, maxWidth, LABEL_LINES);
  if (!mark) return lines;
  const last = lines.pop() ?? '';
  const withMark = `${last} ${mark}`;
  if (ctx.measureText(withMark).width <= maxWidth) return [...lines, withMark];
  if (lines.length + 1 < LABEL_LINES) return [...lines, last, mark];
  return [...lines, `${fitText(ctx, last, maxWidth - ctx.measureText(` ${mark}`).width)} ${mark}`];
}

/** Greedy word wrap into at most `maxLines` lines; the last line ends with "…" if text was cut. */
export function wrapText(ctx: Canvas2DLike, text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current);
      if (lines.length === maxLines) break;
      current = word;
    } else {
      current = candidate;
    }
    used++;
  }
  if (lines.length < maxLines && current) lines.push(current);
  const cut = used < words.length;
  return lines.map((l, n) => fitText(ctx, n === lines.length - 1 && cut ? `${l}…` : l, maxWidth));
}

/** The text, shortened with "…" until it fits `maxWidth`. */
export function fitText(ctx: Canvas2DLike, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text.replace(/…$/, '');
  while (s.length > 0 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}
