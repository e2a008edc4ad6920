import type { Para } from './paragraphs';
import type { AreaForImprovement, AreaKind } from './types';

/**
 * Areas for improvement are a bulleted list whose items may have nested items ("… by:" followed by
 * sub-bullets). Plain text from a PDF loses the bullet glyphs, so nested items are recognised as
 * lower-case continuations of an item that ends with a colon, separated by semicolons.
 */
export function parseAreas(section: string, paras: Para[], kind: AreaKind): AreaForImprovement[] {
  const out: AreaForImprovement[] = [];
  for (const p of paras) {
    const last = out[out.length - 1];
    const nested = p.bullet === 2 || (p.bullet === 0 && last !== undefined && /:$/.test(last.text) && /^[a-z]/.test(p.text));
    if (nested && last) {
      last.items.push(...(p.bullet === 2 ? [p.text] : splitItems(p.text)));
      continue;
    }
    const colon = /^(.*?:)\s+([a-z].*)$/.exec(p.text);
    if (p.bullet === 0 && colon && /;/.test(colon[2] ?? '')) {
      // A whole item with its sub-items run together in one paragraph.
      out.push({ kind, section, text: colon[1] ?? p.text, items: splitItems(colon[2] ?? ''), where: p.pos });
      continue;
    }
    out.push({ kind, section, text: p.text, items: [], where: p.pos });
  }
  return out;
}

function splitItems(text: string): string[] {
  return text
    .split(/(?<=;(?: and| or)?)\s+(?=[a-z])(?!(?:and|or)\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function areaText(a: AreaForImprovement): string {
  return a.items.length ? `${a.text} ${a.items.join(' ')}` : a.text;
}
