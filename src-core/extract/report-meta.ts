import { normalizeSpace } from './inline';
import type { Tok } from './tokens';
import type { ReportMeta } from './types';

const TITLE = /^PEEL:?\s+(Police\s+[A-Za-z]+(?:,?\s+(?:and\s+)?[A-Za-z]+)*?)\s+((?:19|20)\d\d)\b/;
const FORCE = /\b(?:An?\s+)?inspection of (.+?(?:Police|Constabulary|Police Service))\b/i;
const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)$/;
const ISBN = /\bISBN:?\s*(97[89][\d\s-]{10,16}\d)/;

export interface MetaProblems {
  meta: ReportMeta | null;
  missing: string[];
}

/** Title page facts, read from the lines before the contents. */
export function parseReportMeta(head: Tok[]): MetaProblems {
  const lines = head.filter((t) => !t.blank && t.text);
  const missing: string[] = [];
  let title: { programme: string; year: number; text: string; tok: Tok } | null = null;
  let force: string | null = null;
  let published: string | null = null;
  let isbn: string | null = null;
  for (const t of lines) {
    const m = TITLE.exec(t.text);
    if (m && !title)
      title = { programme: normalizeSpace(m[1] ?? ''), year: Number(m[2]), text: `PEEL: ${normalizeSpace(m[1] ?? '')} ${m[2]}`, tok: t };
    const f = FORCE.exec(t.text);
    if (f && !force) force = normalizeSpace(f[1] ?? '');
    const mo = MONTH.exec(t.text);
    if (mo && !published) published = `${mo[1]} ${mo[2]}`;
    const i = ISBN.exec(t.text);
    if (i && !isbn) isbn = (i[1] ?? '').replace(/\s+/g, '');
  }
  if (!title) missing.push('a title naming the programme and year (e.g. "PEEL: Police effectiveness 2017")');
  if (!force) missing.push('the force inspected (e.g. "An inspection of Gwent Police")');
  if (!title || !force) return { meta: null, missing };
  return {
    meta: { title: title.text, force, programme: title.programme, year: title.year, published, isbn, where: title.tok.pos },
    missing,
  };
}
