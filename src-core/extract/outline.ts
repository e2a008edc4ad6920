import { normalizeSpace, titleKey } from './inline';
import type { Tok } from './tokens';
import type { ExtractWarning } from './types';

export interface OutlineEntry {
  title: string;
  page: number | null;
  level: 1 | 2;
  /** Index of the token that is this heading in the body, or null when it was not found. */
  at: number | null;
}

export interface Outline {
  contentsAt: number | null;
  /** Index of the first token after the table of contents. */
  bodyStart: number;
  entries: OutlineEntry[];
}

// Top-level parts of PEEL reports (all pillars, 2015-2019). Contents entries that are not one of
// these are sub-sections of the part before them.
const TOP_LEVEL: RegExp[] = [
  /^force in numbers/,
  /^risk-based inspection/,
  /^(effectiveness|efficiency|legitimacy|leadership) overview/,
  /^overview/,
  /^introduction/,
  /^summary/,
  /^annex [a-z]\b/,
  /^about the data/,
  /^next steps/,
  /^preventing crime and/,
  /^investigating crime and/,
  /^protecting vulnerable people/,
  /^tackling serious and organised crime/,
  /^specialist capabilities/,
  /^meeting (current|future) demands/,
  /^planning for the future/,
  /^fair and respectful treatment|^fairness and respect/,
  /^ethical and lawful/,
  /^how (well|legitimately|efficiently|effectively) /,
];

export function isTopLevelTitle(title: string): boolean {
  const key = titleKey(title);
  return TOP_LEVEL.some((re) => re.test(key));
}

const CONTENTS_ENTRY = /^(.*?[^.\s])\s*(?:\.{2,}|…+|\t| {2,})\s*\.*\s*(\d{1,3})?$/;

const FLAT_ENTRY = /\s*(.+?)\s*(?:\.{2,}|…+)\s*(\d{1,3})(?=\s|$)/g;

export function parseOutline(toks: Tok[], warnings: ExtractWarning[]): Outline {
  const contentsAt = toks.findIndex((t) => !t.blank && (titleKey(t.text) === 'contents' || /^contents\s+\S.*(?:\.{2,}|…)/i.test(t.text)));
  if (contentsAt < 0) return { contentsAt: null, bodyStart: 0, entries: [] };
  let entries: OutlineEntry[] = [];
  let i = contentsAt + 1;
  for (; i < toks.length && titleKey((toks[contentsAt] as Tok).text) === 'contents'; i++) {
    const t = toks[i] as Tok;
    if (t.blank) continue;
    const m = CONTENTS_ENTRY.exec(t.text);
    if (!m || !/\.{2,}|…|\d$/.test(t.text)) break;
    const title = normalizeSpace(m[1] ?? '');
    entries.push({ title, page: m[2] ? Number(m[2]) : null, level: isTopLevelTitle(title) ? 1 : 2, at: null });
  }
  if (entries.length < 2) ({ entries, end: i } = flatContents(toks, contentsAt));
  const bodyStart = i;
  let cursor = bodyStart;
  for (const entry of entries) {
    const key = titleKey(entry.title);
    let found = -1;
    for (let j = cursor; j < toks.length; j++) {
      const t = toks[j] as Tok;
      if (t.blank || t.bullet || t.fnDef !== null) continue;
      if (titleKey(t.text) === key) {
        found = j;
        break;
      }
      // A page number glued to the heading by the converter: "2 Force in numbers", "Summary 6".
      const bare = t.text.replace(/^\d{1,3}\s+(?=\S)|\s+\d{1,3}$/, '');
      if (bare !== t.text && titleKey(bare) === key) {
        t.text = bare;
        found = j;
        break;
      }
      // A long heading wraps onto a second line in text taken from a PDF.
      const next = toks[j + 1];
      if (next && !next.blank && key.startsWith(titleKey(t.text)) && titleKey(`${t.text} ${next.text}`) === key) {
        t.text = `${t.text} ${next.text}`;
        toks[j + 1] = { ...next, blank: true, text: '' };
        found = j;
        break;
      }
    }
    if (found < 0) {
      warnings.push({
        code: 'section-unplaced',
        message: `The contents list "${entry.title}"${entry.page ? ` (page ${entry.page})` : ''} but no heading for it was found in the text; its paragraphs are filed under the section before it`,
        where: toks[contentsAt]?.pos ?? null,
      });
      continue;
    }
    entry.at = found;
    cursor = found + 1;
  }
  return { contentsAt, bodyStart, entries };
}

/**
 * A contents list whose entries a converter or a copy ran together ("Force in numbers ..... 3
 * Risk-based inspection ..... 5 …"), on the "Contents" line itself or over the lines after it.
 */
function flatContents(toks: Tok[], contentsAt: number): { entries: OutlineEntry[]; end: number } {
  const first = toks[contentsAt] as Tok;
  const parts = [first.text.replace(/^contents\s*/i, '')];
  let end = contentsAt + 1;
  for (; end < toks.length; end++) {
    const t = toks[end] as Tok;
    if (t.blank) continue;
    let k = end + 1;
    while (k < toks.length && (toks[k] as Tok).blank) k++;
    const next = toks[k];
    // A line of the list holds a leader, or wraps an entry whose leader is on the next line.
    if (
      /\.{2,}|…/.test(t.text) ||
      (next && /^[^.]{0,80}(?:\.{2,}|…)\s*\d/.test(next.text) && !/[.!?]$/.test(t.text) && t.text.length < 130)
    ) {
      parts.push(t.text);
      continue;
    }
    break;
  }
  const entries: OutlineEntry[] = [];
  for (const m of parts.join(' ').matchAll(FLAT_ENTRY)) {
    const title = normalizeSpace(m[1] ?? '');
    if (title) entries.push({ title, page: Number(m[2]), level: isTopLevelTitle(title) ? 1 : 2, at: null });
  }
  return { entries, end };
}
