import { describe, expect, it } from 'vitest';
import type { Canvas2DLike } from '../../../../src-core/brief/chart';
import { chartSize, chartSvg, drawChart, fitText, formatValue, hatchSegments, niceScale, wrapText } from '../../../../src-core/brief/chart';
import { approxTextWidth, SvgContext } from '../../../../src-core/brief/chart-svg';
import type { ChartSpec } from '../../../../src-core/brief/model';
import { HOSTILE, samplePack } from '../../../helpers/sample-pack';

const spec = (): ChartSpec => samplePack().chart as ChartSpec;

/** A context that records every text drawn, with where. */
class TextRecorder extends SvgContext {
  readonly texts: { text: string; x: number; y: number; font: string; align: string }[] = [];
  override fillText(text: string, x: number, y: number): void {
    this.texts.push({ text, x, y, font: this.font, align: this.textAlign });
    super.fillText(text, x, y);
  }
}

describe('chartSize', () => {
  it('grows with the number of metrics and panels, and ignores empty panels', () => {
    const s = spec();
    const base = chartSize(s);
    const more = chartSize({
      ...s,
      panels: [...s.panels, { unit: 'per 1 million', categories: ['A', 'B'], force: [1, 2], englandWales: [3, 4] }],
    });
    expect(more.width).toBe(base.width);
    expect(more.height).toBeGreaterThan(base.height);
    expect(chartSize({ ...s, panels: [...s.panels, { unit: 'x', categories: [], force: [], englandWales: [] }] })).toEqual(base);
  });
});

describe('drawChart', () => {
  it('draws the title, a legend naming both series, a panel title per unit and a value label per bar', () => {
    const ctx = new TextRecorder();
    const s = spec();
    drawChart(ctx, s);
    const texts = ctx.texts.map((t) => t.text);
    expect(texts).toContain(s.title);
    expect(texts).toContain('Gwent Police');
    expect(texts).toContain('England and Wales');
    expect(texts).toContain('Per 1,000 population');
    expect(texts).toContain('% change');
    for (const v of ['338', '282', '-16%', '-0.05%', '107.9', '17.5']) expect(texts).toContain(v);
  });

  it('keeps every label inside the chart, and wraps or shortens long category labels to at most two lines', () => {
    const ctx = new TextRecorder();
    const long =
      'Anti-social behaviour incidents recorded per 1,000 population in the twelve months to 31 March 2017 across every district';
    const s: ChartSpec = { title: 'T', forceLabel: 'F', panels: [{ unit: 'u', categories: [long], force: [5], englandWales: [7] }] };
    drawChart(ctx, s);
    const { width, height } = chartSize(s);
    for (const t of ctx.texts) {
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThan(height);
      expect(t.x).toBeLessThanOrEqual(width);
    }
    // Category labels are the right-aligned texts left of the plot.
    const labelLines = ctx.texts.filter((t) => t.align === 'right' && t.x < width / 3).map((t) => t.text);
    expect(labelLines).toHaveLength(2);
    expect(labelLines[0]).toBe('Anti-social behaviour incidents');
    expect(labelLines[1]?.endsWith('…')).toBe(true);
    expect(long.replace(/\s+/g, ' ')).toContain(labelLines[1]?.replace('…', '').trim());
  });

  it('says "no figure" where a value is missing instead of drawing a zero-length bar', () => {
    const ctx = new TextRecorder();
    drawChart(ctx, { title: 'T', forceLabel: 'F', panels: [{ unit: 'u', categories: ['A'], force: [null], englandWales: [4] }] });
    expect(ctx.texts.map((t) => t.text)).toContain('no figure');
  });

  it('explains an empty chart rather than drawing empty axes', () => {
    const ctx = new TextRecorder();
    drawChart(ctx, { title: 'T', forceLabel: 'F', panels: [] });
    expect(ctx.texts.some((t) => t.text.startsWith('No metric has a value'))).toBe(true);
  });
});

describe('chartSvg', () => {
  it('escapes every label, so report text cannot inject markup', () => {
    const s: ChartSpec = {
      title: `Title ${HOSTILE.script}`,
      forceLabel: `Force & <b>`,
      panels: [{ unit: `"unit" <i>`, categories: [HOSTILE.script, HOSTILE.unicode], force: [1, 2], englandWales: [2, 1] }],
    };
    const svg = chartSvg(s);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('Force &amp; &lt;b&gt;');
    expect(svg).toContain('’');
    // Every element is closed: the document is well formed enough for an <img> or inline use.
    const opened = (svg.match(/<(svg|text|title)\b/g) ?? []).length;
    const closed = (svg.match(/<\/(svg|text|title)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });

  it('has the size chartSize reports and a title for screen readers', () => {
    const s = spec();
    const { width, height } = chartSize(s);
    const svg = chartSvg(s);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toContain(`<title>${s.title}</title>`);
  });

  it('marks England and Wales with hatching as well as colour, so it reads in greyscale', () => {
    const svg = chartSvg(spec());
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(50);
  });
});

describe('layout helpers', () => {
  const ctx: Canvas2DLike = new SvgContext();
  ctx.font = '12px Arial';

  it('wrapText keeps short text on one line and cuts long text with an ellipsis', () => {
    expect(wrapText(ctx, 'Short label', 200, 2)).toEqual(['Short label']);
    const lines = wrapText(ctx, 'one two three four five six seven eight nine ten eleven twelve', 80, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(80);
  });

  it('fitText shortens a single long word to fit', () => {
    const out = fitText(ctx, 'Supercalifragilisticexpialidocious', 60);
    expect(out.endsWith('…')).toBe(true);
    expect(ctx.measureText(out).width).toBeLessThanOrEqual(60);
  });

  it('niceScale covers the data with round steps, including negative values', () => {
    expect(niceScale(0, 338)).toEqual({ min: 0, max: 400, step: 100 });
    const s = niceScale(-16, 14);
    expect(s.min).toBeLessThanOrEqual(-16);
    expect(s.max).toBeGreaterThanOrEqual(14);
    expect([1, 2, 2.5, 5, 10]).toContain(s.step / 10 ** Math.floor(Math.log10(s.step)));
  });

  it('formatValue groups thousands, limits decimals and marks percentages', () => {
    expect(formatValue(1234567, 'per 1,000')).toBe('1,234,567');
    expect(formatValue(107.94, 'per 100,000')).toBe('107.9');
    expect(formatValue(1234.56, 'x')).toBe('1,234.6');
    expect(formatValue(17.46, 'x')).toBe('17.5');
    expect(formatValue(-0.05, '% change')).toBe('-0.05%');
    expect(formatValue(-0.001, '%')).toBe('0%');
  });

  it('hatchSegments stay inside their rectangle', () => {
    const segs = hatchSegments(10, 20, 50, 13, 5);
    expect(segs.length).toBeGreaterThan(5);
    const xs = segs.flatMap(([x1, , x2]) => [x1, x2]);
    const ys = segs.flatMap(([, y1, , y2]) => [y1, y2]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(60);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...ys)).toBeLessThanOrEqual(33);
  });

  it('approxTextWidth follows Helvetica widths (W is wider than i)', () => {
    expect(approxTextWidth('W', 10, false)).toBeGreaterThan(approxTextWidth('i', 10, false) * 4);
    expect(approxTextWidth('abc', 10, true)).toBeGreaterThan(approxTextWidth('abc', 10, false));
  });
});
