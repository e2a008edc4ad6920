/** Inline Markdown/HTML clean-up for one line of markup text: refs out, emphasis and links gone. */
export interface InlineText {
  text: string;
  refs: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function parseRefList(list: string): number[] {
  return list
    .split(/[,\s]+/)
    .filter((s) => /^\d{1,3}$/.test(s))
    .map(Number);
}

export function cleanInline(raw: string): InlineText {
  const refs: number[] = [];
  let s = raw.replace(/<sup>\s*([\d,\s]+?)\s*<\/sup>/gi, (_m, list: string) => {
    refs.push(...parseRefList(list));
    return '';
  });
  s = s
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/!?\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|[^\\*\w])\*(?=\S)((?:\\\*|[^*])+?)\*(?!\w)/g, '$1$2')
    .replace(/(^|\W)_(?=\S)([^_]+?)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    // Converters sometimes escape twice ("attachment\\_data").
    .replace(/\\_/g, '_')
    .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? m);
  return { text: normalizeSpace(s), refs };
}

export function normalizeSpace(s: string): string {
  // Most text reaching here is normal already (tokens are normalised line by line, paragraphs
  // joined with single spaces): a scan that allocates nothing spares a copy, and the replace's
  // list of matches (several times the text's size on a long paragraph).
  if (!/[^\S ]| {2}|^ | $/.test(s)) return s;
  return s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/** Comparison key for headings and titles: case, emphasis, dashes, dots and trailing asterisks ignored. */
export function titleKey(s: string): string {
  return normalizeSpace(s)
    .toLowerCase()
    .replace(/[–—‒−]/g, '-')
    .replace(/[*:.]+$/g, '')
    .replace(/[^a-z0-9()&,'-]+/g, ' ')
    .trim();
}
