import type { Canvas2DLike } from './chart';

/**
 * A Canvas2DLike that records what is drawn as SVG elements, so the HTML pack gets a vector chart
 * from the same drawing routine as the PNG. Text is measured with Helvetica's advance widths
 * (Arial and Liberation Sans share them), close enough for wrapping and truncating labels.
 * Every string that reaches the output is escaped: chart labels come from report text.
 */

interface State {
  font: string;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  textAlign: string;
  textBaseline: string;
}

// Helvetica widths in 1/1000 em for U+0020..U+007E.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Approximate advance width of `text` in a Helvetica-like sans at `size` px; bold is ~6% wider. */
export function approxTextWidth(text: string, size: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (HELVETICA[code - 32] as number) : code === 0x2026 ? 1000 : 556;
  }
  return (units / 1000) * size * (bold ? 1.06 : 1);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const FONT_RE = /^(bold )?(\d+(?:\.\d+)?)px (.+)$/;

function parseFont(f: string): { bold: boolean; size: number; family: string } {
  const m = FONT_RE.exec(f);
  return m ? { bold: Boolean(m[1]), size: Number(m[2]), family: m[3] as string } : { bold: false, size: 10, family: 'sans-serif' };
}

const num = (n: number): string => String(Math.round(n * 100) / 100);
const colour = (c: unknown): string => escapeXml(typeof c === 'string' ? c : '#000');

export class SvgContext implements Canvas2DLike {
  font = '10px sans-serif';
  fillStyle: unknown = '#000';
  strokeStyle: unknown = '#000';
  lineWidth = 1;
  textAlign = 'start';
  textBaseline = 'alphabetic';
  private readonly stack: State[] = [];
  private readonly parts: string[] = [];
  private path: string[] = [];

  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${colour(this.fillStyle)}"/>`);
  }

  fillText(text: string, x: number, y: number): void {
    const f = parseFont(this.font);
    const anchor = this.textAlign === 'center' ? 'middle' : this.textAlign === 'right' || this.textAlign === 'end' ? 'end' : 'start';
    const baseline = this.textBaseline === 'middle' ? 'central' : this.textBaseline === 'top' ? 'hanging' : 'alphabetic';
    this.parts.push(
      `<text x="${num(x)}" y="${num(y)}" font-family="${escapeXml(f.family)}" font-size="${num(f.size)}"` +
        `${f.bold ? ' font-weight="bold"' : ''} text-anchor="${anchor}" dominant-baseline="${baseline}" fill="${colour(this.fillStyle)}">` +
        `${escapeXml(text)}</text>`,
    );
  }

  measureText(text: string): { width: number } {
    const f = parseFont(this.font);
    return { width: approxTextWidth(text, f.size, f.bold) };
  }

  beginPath(): void {
    this.path = [];
  }

  moveTo(x: number, y: number): void {
    this.path.push(`M${num(x)} ${num(y)}`);
  }

  lineTo(x: number, y: number): void {
    this.path.push(`L${num(x)} ${num(y)}`);
  }

  stroke(): void {
    if (this.path.length === 0) return;
    this.parts.push(
      `<path d="${this.path.join('')}" stroke="${colour(this.strokeStyle)}" stroke-width="${num(this.lineWidth)}" fill="none"/>`,
    );
  }

  save(): void {
    const { font, fillStyle, strokeStyle, lineWidth, textAlign, textBaseline } = this;
    this.stack.push({ font, fillStyle, strokeStyle, lineWidth, textAlign, textBaseline });
  }

  restore(): void {
    const s = this.stack.pop();
    if (s) Object.assign(this, s);
  }

  /** The recorded drawing as an SVG element with a title for screen readers. */
  toSvg(width: number, height: number, title: string): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
      `<title>${escapeXml(title)}</title>${this.parts.join('')}</svg>`
    );
  }
}
