import { CRIME_TYPES, type CrimeType, type Score } from './fields';

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();

export function parseScore(raw: string): Score | null {
  const k = key(raw);
  if (['y', 'yes', 'true', '1'].includes(k)) return 'yes';
  if (['n', 'no', 'false', '0'].includes(k)) return 'no';
  if (['n/a', 'na', 'n a', 'not applicable'].includes(k)) return 'n/a';
  return null;
}

const CRIME_ALIASES: Record<string, CrimeType> = {
  'theft from the person': 'theft from person',
  'rape including attempts': 'rape',
  'attempted rape': 'rape',
  'grievous bodily harm wounding': 'grievous bodily harm',
  wounding: 'grievous bodily harm',
  gbh: 'grievous bodily harm',
  abh: 'actual bodily harm',
  'assault occasioning actual bodily harm': 'actual bodily harm',
};

export function parseCrimeType(raw: string): CrimeType | null {
  const k = key(raw);
  return (CRIME_TYPES as readonly string[]).includes(k) ? (k as CrimeType) : (CRIME_ALIASES[k] ?? null);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** UK dates (day first): 03/02/2017, 3/2/17, 03-02-2017, 3 Feb 2017, 3 February 2017, or ISO 2017-02-03. */
export function parseUkDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[3]);
    return iso(y < 100 ? 2000 + y : y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase());
    if (month >= 0 && (m[2] ?? '').length >= 3) return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}
