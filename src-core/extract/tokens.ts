import { cleanInline, normalizeSpace } from './inline';
import type { SourceLine } from './source-lines';
import type { SourcePos } from './types';

/** One source line, classified. Everything after this stage works on Toks, whatever the format. */
export interface Tok {
  text: string;
  refs: number[];
  pos: SourcePos;
  blank: boolean;
  rule: boolean;
  /** Markup heading level (number of #), 0 when the line is not marked as a heading. */
  heading: number;
  /** 0 for ordinary text, 1 for a bullet, 2 for a nested bullet. */
  bullet: number;
  /** The footnote this line defines, when it starts a footnote. */
  fnDef: number | null;
  /** Length of the line as printed (footnote markers included), for judging where lines wrap. */
  width: number;
}

/** The refs of a line that cites nothing: one shared, frozen array (a report runs to a million lines). */
const NO_REFS = Object.freeze([]) as unknown as number[];

function tok(pos: SourcePos, init: Partial<Tok>): Tok {
  // One object a line, built once.
  const text = init.text ?? '';
  return {
    text,
    refs: init.refs?.length ? init.refs : NO_REFS,
    pos,
    blank: init.blank ?? false,
    rule: init.rule ?? false,
    heading: init.heading ?? 0,
    bullet: init.bullet ?? 0,
    fnDef: init.fnDef ?? null,
    width: init.width ?? text.length,
  };
}

const BLANK = /^[\s\u00a0]*$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const MD_BULLET = /^(\s*)[-*+•◦▪●]\s+(.*)$/;
const MD_FOOTNOTE = /^\s*<sup>\s*(\d{1,3})\s*<\/sup>\s*(.*)$/i;

/** Markdown (the seed's dialect) and the markup reconstructed from PDF text runs. */
export function tokensOfMarkup(lines: SourceLine[]): Tok[] {
  return lines.map(({ text, pos }) => {
    if (BLANK.test(text)) return tok(pos, { blank: true });
    if (RULE.test(text)) return tok(pos, { rule: true });
    const h = MD_HEADING.exec(text);
    if (h) {
      const c = cleanInline(h[2] ?? '');
      return tok(pos, { text: c.text, refs: c.refs, heading: (h[1] ?? '#').length });
    }
    const f = MD_FOOTNOTE.exec(text);
    if (f) return tok(pos, { text: cleanInline(f[2] ?? '').text, fnDef: Number(f[1]) });
    const b = MD_BULLET.exec(text);
    if (b && !/^\*\*/.test(text.trim())) {
      const c = cleanInline(b[2] ?? '');
      return tok(pos, { text: c.text, refs: c.refs, bullet: (b[1] ?? '').replace(/\t/g, '  ').length >= 2 ? 2 : 1 });
    }
    const c = cleanInline(text);
    return tok(pos, { text: c.text, refs: c.refs });
  });
}

const PLAIN_BULLET = /^\s*([•●▪■◦○‣∙·]|[-–](?=\s)|o(?=\s))\s*(.*)$/;
const NESTED_GLYPHS = new Set(['◦', '○', 'o', '‣', '∙', '·']);
const FN_ALONE = /^\s*(\d{1,2})\s*$/;
const FN_INLINE = /^\s*(\d{1,2})\s+([A-Z0-9‘'"“(*].*)$/;
const URLISH = /(?:https?:\/\/|www\.)\S+$/i;
const TERMINAL = /[.:;!?)'’"”]$/;

/**
 * Plain text from a PDF converter has no markup: footnote markers are glued to the words they
 * follow ("vulnerability3", "June 20176,7") and footnotes begin with a bare number. Both are only
 * recognised when the number is the one the footnote sequence expects next, so ordinary numbers
 * ("12 months", "107.9", "33 groups") are left alone.
 */
export function tokensOfPlain(lines: SourceLine[]): Tok[] {
  const toks = lines.map(({ text, pos }) => {
    if (BLANK.test(text)) return tok(pos, { blank: true });
    const b = PLAIN_BULLET.exec(text);
    const width = normalizeSpace(text).length;
    if (b) return tok(pos, { text: normalizeSpace(b[2] ?? ''), bullet: NESTED_GLYPHS.has(b[1] ?? '') ? 2 : 1, width });
    return tok(pos, { text: normalizeSpace(text), width });
  });
  const state = { lastCited: 0, lastDefined: 0, cited: new Set<number>() };
  let inFootnote = false;
  // The last non-blank line before this one (tracked, not searched for: texts run to 50 MB).
  let before: Tok | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (t.blank) {
      if (t.fnDef === null) inFootnote = false;
      continue;
    }
    const prev = before;
    before = t;
    const def = footnoteDefinition(toks, i, prev, state);
    if (def) {
      state.lastDefined = def.n;
      if (def.alone) {
        // The bare number is blanked: the line before it stays the last non-blank one.
        before = prev;
        t.blank = true;
        t.text = '';
        const next = nextNonBlank(toks, i);
        if (next) next.fnDef = def.n;
      } else {
        t.fnDef = def.n;
        t.text = def.rest;
      }
      continue;
    }
    if (t.fnDef !== null) inFootnote = true;
    // A footnote set inside the text (a page printed from a browser) ends where a sentence of it
    // ends and the text it interrupted carries on in lower case.
    if (inFootnote && t.fnDef === null && prev && TERMINAL.test(prev.text) && /^[a-z]/.test(t.text)) inFootnote = false;
    // Footnote text runs to the next blank line and cites nothing.
    if (inFootnote) continue;
    const { text, refs } = unglueRefs(t.text, state);
    t.text = text;
    t.refs = refs;
  }
  return toks;
}

/** The first non-blank token after i, found by walking (slicing the rest would copy it every line). */
function nextNonBlank(toks: Tok[], i: number): Tok | undefined {
  for (let j = i + 1; j < toks.length; j++) if (!(toks[j] as Tok).blank) return toks[j];
  return undefined;
}

interface RefState {
  lastCited: number;
  lastDefined: number;
  cited: Set<number>;
}

function footnoteDefinition(
  toks: Tok[],
  i: number,
  prev: Tok | undefined,
  st: RefState,
): { n: number; alone: boolean; rest: string } | null {
  const t = toks[i] as Tok;
  const expected = (n: number) => n > st.lastDefined && (st.cited.has(n) || (st.lastDefined > 0 && n === st.lastDefined + 1));
  const alone = FN_ALONE.exec(t.text);
  if (alone) {
    const n = Number(alone[1]);
    const next = nextNonBlank(toks, i);
    if (expected(n) && next && /^[A-Z0-9‘'"“(*]/.test(next.text)) return { n, alone: true, rest: '' };
    return null;
  }
  const inline = FN_INLINE.exec(t.text);
  // "9 Section 136 …" on a line of its own starts a footnote where a sentence, list or address
  // ended; after a line cut mid-sentence (a page break) only the very footnote expected next does.
  if (inline) {
    const n = Number(inline[1]);
    const ended = !prev || prev.fnDef !== null || TERMINAL.test(prev.text) || URLISH.test(prev.text);
    const next = n === st.lastDefined + 1 || (st.lastDefined === 0 && n === Math.min(...st.cited));
    if (expected(n) && st.cited.has(n) && (ended || (next && /^[A-Z0-9]/.test(inline[2] ?? ''))))
      return { n, alone: false, rest: inline[2] ?? '' };
  }
  return null;
}

// Two letters before the number, so road names such as "M4" are not read as footnote 4.
const WORD_END_OK = /[A-Za-z]{2}[.,;:]?$|[)\]'’"”*][.,;:]?$/;
const NUMBER_OK = /^(?:1[89]\d\d|20\d\d|\d{3}|\d{1,3}(?:,\d{3})+)$/;

/** A word that could carry a glued reference: it ends in a digit, or a digit and one mark. */
const MAY_CARRY_REF = /\d[.,;:)]?(?= |$)/;

function unglueRefs(line: string, st: RefState): { text: string; refs: number[] } {
  // Most lines have no word ending in a digit: they are kept as they are, not split and joined
  // again (a copy of every line of the file).
  if (!MAY_CARRY_REF.test(line)) return { text: line, refs: NO_REFS };
  const refs: number[] = [];
  const words = line.split(' ').map((word) => {
    const m = /^(.*?)([.,;:)]?)$/.exec(word);
    const core = m?.[1] ?? word;
    const trail = m?.[2] ?? '';
    for (let n = st.lastCited + 1; n <= st.lastCited + 3; n++) {
      for (const list of [`${n},${n + 1},${n + 2}`, `${n},${n + 1}`, `${n}`]) {
        if (!core.endsWith(list) || core.length === list.length) continue;
        const head = core.slice(0, -list.length);
        const digitFinal = /\d$/.test(head);
        if (digitFinal ? n !== st.lastCited + 1 || !NUMBER_OK.test(head.replace(/^\D+/, '')) : !WORD_END_OK.test(head)) continue;
        const nums = list.split(',').map(Number);
        refs.push(...nums);
        for (const x of nums) st.cited.add(x);
        st.lastCited = Math.max(st.lastCited, ...nums);
        return head + trail;
      }
    }
    return word;
  });
  return { text: words.join(' '), refs: refs.length ? refs : NO_REFS };
}
