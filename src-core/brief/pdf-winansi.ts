/**
 * pdfkit's standard fonts (Helvetica) encode text in WinAnsi (Windows-1252): a character outside it
 * would print as a wrong glyph or nothing. Text bound for a standard font is folded first: accented
 * letters outside WinAnsi lose the accent (Welsh ŵ → w), a few punctuation marks get their nearest
 * equivalent, and anything else becomes "?", so the reader sees that something was replaced.
 */

// Windows-1252's printable characters above U+007F that are not Latin-1 (U+00A0..U+00FF are all in it).
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const NEAREST: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u200B': '',
  '\uFEFF': '',
  // The brackets of a code point shown by text/visible.ts ("⟨U+202E⟩"), in WinAnsi's nearest pair.
  '\u27E8': '‹',
  '\u27E9': '›',
};

export function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch) || ch === '\n' || ch === '\t';
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const near = NEAREST[ch];
    if (near !== undefined) {
      out += near;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}
