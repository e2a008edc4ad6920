/** A figure as printed in a report: "338", "-16%", "+13%", "0.05", "1,678", or a dash for "no data". */
export interface PrintedValue {
  value: number | null;
  text: string;
  percent: boolean;
}

const VALUE = /^([+\-−–]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%|per ?cent)?$/i;
const NO_DATA = /^[-–—]$/;

export function parsePrintedValue(raw: string): PrintedValue | null {
  const text = raw.trim();
  if (NO_DATA.test(text)) return { value: null, text, percent: false };
  const m = VALUE.exec(text);
  if (!m) return null;
  const sign = m[1] === '' || m[1] === '+' ? 1 : -1;
  const value = sign * Number(`${(m[2] ?? '').replace(/,/g, '')}${m[3] ?? ''}`);
  return { value, text, percent: Boolean(m[4]) };
}

/** "107.9" → 107.9, "1,678" → 1678, "one million" → 1000000: numbers inside sentences. */
export function parseNumberWord(raw: string): number | null {
  const words: Record<string, number> = { one: 1, two: 2, three: 3, ten: 10, hundred: 100, thousand: 1000, million: 1e6 };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$/.exec(raw.trim());
  if (m) return Number((m[1] ?? '').replace(/,/g, ''));
  const parts = raw.trim().toLowerCase().split(/\s+/);
  let total = 1;
  for (const p of parts) {
    const n = /^\d+$/.test(p) ? Number(p) : words[p];
    if (n === undefined) return null;
    total *= n;
  }
  return total;
}

export function plausibleAgainst(force: number | null, comparator: number | null): boolean {
  if (force === null || comparator === null || force === 0 || comparator === 0) return true;
  if (Math.sign(force) !== Math.sign(comparator)) return true;
  const ratio = Math.abs(force / comparator);
  // An order of magnitude apart is more likely a misprint or misread than a real difference.
  return ratio < 10 && ratio > 0.1;
}
