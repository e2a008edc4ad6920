import { MAX_REPORT_PARAGRAPH } from '../limits';
import { titleKey } from './inline';
import type { Tok } from './tokens';
import type { SourcePos } from './types';

/**
 * A paragraph (or line) past MAX_REPORT_PARAGRAPH characters: the file is refused (extract.ts says
 * so with its name) before any rule reads the paragraph, each of which costs time and memory that
 * grow with its length.
 */
export class ParagraphTooLong extends Error {
  constructor(
    readonly pos: SourcePos,
    readonly length: number,
  ) {
    super(`a paragraph of more than ${MAX_REPORT_PARAGRAPH} characters`);
  }
}

/** Refuses a paragraph of `length` characters starting at `pos` if it is past the limit. */
export function checkParagraph(length: number, pos: SourcePos): void {
  if (length > MAX_REPORT_PARAGRAPH) throw new ParagraphTooLong(pos, length);
}

/** What a line may hold besides its paragraph's text: a list marker, heading hashes, indentation, trailing spaces. */
const LINE_MARKUP_ROOM = 1_000;

/**
 * Refuses a line so long that no paragraph read from it could be within the limit, before it is
 * tokenised. The paragraph itself is checked exactly (checkParagraph) as it is put together, so a
 * list item or heading of exactly MAX_REPORT_PARAGRAPH characters is read.
 */
export function checkLine(length: number, pos: SourcePos): void {
  if (length > MAX_REPORT_PARAGRAPH + LINE_MARKUP_ROOM) throw new ParagraphTooLong(pos, length);
}

export interface Para {
  text: string;
  refs: number[];
  pos: SourcePos;
  bullet: number;
  fnDef: number | null;
  caption: boolean;
  /** The last line reached the right margin, so the paragraph probably goes on after a break. */
  lastLineFull: boolean;
  rejoined: boolean;
}

export type Piece = { type: 'heading'; text: string; refs: number[]; pos: SourcePos; marked: boolean } | ({ type: 'para' } & Para);

export interface Layout {
  markup: boolean;
  /** Typical length of a full body line, in characters (plain text only). */
  width: number;
  /**
   * Each line is a whole paragraph, as in a web page saved as text: lines are not wrapped at a
   * measure, so a short line is no sign of a paragraph's end and a long one no sign of its going on.
   */
  unwrapped: boolean;
}

/** Text whose paragraphs are single long lines (a saved web page), not lines wrapped at a page's measure. */
export function isUnwrapped(toks: Tok[]): boolean {
  const long = toks.filter((t) => !t.blank && t.text.length >= 40);
  const veryLong = long.filter((t) => t.width > 180).length;
  return veryLong >= 2 && veryLong >= long.length * 0.15;
}

const TERMINAL_END = /[.!?:]["'’”)\]]*$/;
const SENTENCE_END = /[.!?;:]["'’”)\]]*$/;
const CAPTION = /^(figure \d+|table \d+|source)\s*:|^for further information\b/i;
const STOPWORD_END = /\b(and|or|of|the|to|in|for|with|a|an|by|as|at|on|per|from|that|which|its|their|is|are|be|than|but|not|into|this)$/i;
const URL = /^(?:\[?)(?:https?:\/\/|www\.)\S+$/i;
const QUESTION = /^(?:How|To what extent)\b.*\?$/;
export const SPECIAL_HEADINGS = new Set([
  'judgments',
  'summary',
  'areas for improvement',
  'area for improvement',
  'cause of concern',
  'causes of concern',
  'recommendations',
]);

/** The length of a full line of body text: the commonest length among long lines, by 10s. */
export function typicalWidth(toks: Tok[]): number {
  const buckets = new Map<number, number>();
  for (const t of toks) {
    if (t.blank || t.text.length < 50) continue;
    const b = Math.floor(t.text.length / 10);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  const best = [...buckets].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] * 10 + 5 : 80;
}

function startsLower(s: string): boolean {
  return /^[a-z0-9(‘'"“]/.test(s) && !/^\d{1,2}\s+[A-Z]/.test(s);
}

/**
 * Groups a run of tokens into headings and paragraphs. Markup has explicit blank lines and
 * headings; plain text from a PDF converter has neither, so a paragraph ends at a short line that
 * ends a sentence, and a heading is a short unpunctuated line between paragraphs.
 */
export function piecesOf(toks: Tok[], layout: Layout): Piece[] {
  const pieces: Piece[] = [];
  let cur: ({ type: 'para' } & Para) | null = null;
  // The paragraph's lines, joined once it ends (see GrowingText).
  let curText: GrowingText | null = null;
  let curEnded = true;
  const flush = () => {
    if (cur && curText) cur.text = curText.toString();
    if (cur) pieces.push(cur);
    cur = null;
    curText = null;
    curEnded = true;
  };
  const nextText = (i: number) => {
    for (let j = i + 1; j < toks.length; j++) {
      const t = toks[j] as Tok;
      if (!t.blank && !t.rule) return t;
    }
    return undefined;
  };
  const wrapped = layout.markup || layout.unwrapped ? [] : wrappedLines(toks);
  toks.forEach((t, i) => {
    if (t.blank) {
      if (layout.markup) flush();
      else if (cur) curEnded = true;
      return;
    }
    if (t.rule) return flush();
    if (t.heading > 0 || isSpecialHeading(t) || (!layout.markup && curEnded && looksLikeHeading(t, nextText(i), layout))) {
      flush();
      pieces.push({ type: 'heading', text: t.text.replace(/\*+$/, '').trim(), refs: t.refs, pos: t.pos, marked: t.heading > 0 });
      return;
    }
    // A question heading of a web page ("How effective is the force at …?") stands alone.
    if (!layout.markup && t.bullet === 0 && QUESTION.test(t.text) && t.text.length < 200) {
      flush();
      pieces.push({
        type: 'para',
        text: t.text,
        refs: [...t.refs],
        pos: t.pos,
        bullet: 0,
        fnDef: null,
        caption: false,
        lastLineFull: false,
        rejoined: false,
      });
      return;
    }
    const caption = CAPTION.test(t.text);
    const full = wrapped[i] ?? false;
    const startNew =
      !cur ||
      !curText ||
      t.bullet > 0 ||
      t.fnDef !== null ||
      caption ||
      layout.unwrapped ||
      (layout.markup ? false : curEnded && !continues(cur, curText.end, t));
    if (startNew) {
      flush();
      cur = {
        type: 'para',
        text: t.text,
        refs: [...t.refs],
        pos: t.pos,
        bullet: t.bullet,
        fnDef: t.fnDef,
        caption,
        lastLineFull: full,
        rejoined: false,
      };
      curText = new GrowingText(t.text, t.pos);
    } else if (cur && curText) {
      const c: Para = cur;
      curText.add(t.text);
      c.refs.push(...t.refs);
      c.lastLineFull = full;
      if (c.pos.page !== undefined && t.pos.page !== undefined && t.pos.page !== c.pos.page && !c.fnDef) c.rejoined = true;
    }
    curEnded = layout.markup ? false : endsParagraph(t.text, full, cur?.caption ?? false);
  });
  flush();
  return pieces;
}

/**
 * Whether each line of plain text was wrapped by the layout rather than ended by the author: it
 * was, when the next line's first word would not have fitted on it. Widths are judged against the
 * longest nearby lines, since footnotes and tables set narrower or wider text than the body.
 */
function wrappedLines(toks: Tok[]): boolean[] {
  const idx = toks.map((t, i) => (t.blank || t.rule ? -1 : i)).filter((i) => i >= 0);
  const out: boolean[] = [];
  idx.forEach((i, k) => {
    const t = toks[i] as Tok;
    const next = toks[idx[k + 1] ?? -1];
    if (!next) return;
    const near = idx.slice(Math.max(0, k - 3), k + 4).map((j) => (toks[j] as Tok).width);
    const firstWord = next.text.split(' ')[0] ?? '';
    // The median of nearby long lines: outliers (footnotes set smaller, lines that pdftotext joined
    // at a hyphen) must not set the measure.
    const long = near.filter((w) => w >= 40).sort((a, b) => a - b);
    const measure = long[Math.floor(long.length / 2)] ?? t.width;
    // pdftotext joins a word hyphenated across lines, so one printed line can hold two: judge the last.
    const width = t.width > measure * 1.25 ? t.width - measure : t.width;
    out[i] = width + 1 + firstWord.length > measure * 0.95;
  });
  return out;
}

function isSpecialHeading(t: Tok): boolean {
  return t.bullet === 0 && t.fnDef === null && SPECIAL_HEADINGS.has(titleKey(t.text));
}

function endsParagraph(line: string, full: boolean, caption: boolean): boolean {
  if (caption) return !full;
  return !full && TERMINAL_END.test(line);
}

/** After a blank line in plain text: does this line carry on the paragraph before it (which ends with `end`)? */
function continues(cur: Para, end: string, t: Tok): boolean {
  // A blank line ends a footnote; what follows is body text again.
  if (cur.fnDef !== null || TERMINAL_END.test(end)) return false;
  return startsLower(t.text) || cur.lastLineFull || STOPWORD_END.test(end);
}

function looksLikeHeading(t: Tok, next: Tok | undefined, layout: Layout): boolean {
  const s = t.text;
  if (t.bullet || t.fnDef !== null || s.length > layout.width * 0.6 || s.length < 3) return false;
  if (SENTENCE_END.test(s) || /[,]$/.test(s) || CAPTION.test(s) || STOPWORD_END.test(s)) return false;
  if (!/^[A-Z‘'"“]/.test(s) || s.split(' ').length > 12) return false;
  return !next || next.bullet > 0 || next.fnDef !== null || /^[A-Z‘'"“]/.test(next.text);
}

/** What joins two lines of a paragraph, given the end of the first. */
function joiner(end: string, next: string): string {
  // A line-end hyphen inside a word ("risk-" / "assessment") is a real hyphen in these reports.
  return /[A-Za-z]-$/.test(end) && /^[a-z]/.test(next) ? '' : ' ';
}

/** How much of a paragraph's end the rules that read it need (a word, its punctuation and quotes). */
const END_LENGTH = 256;
const endOf = (s: string) => (s.length > END_LENGTH ? s.slice(-END_LENGTH) : s);

/**
 * A paragraph's text while lines are added to it. Joining as they come (`text = a + ' ' + b`) and
 * testing the end with a regex (which flattens and scans the whole string) made a paragraph of n
 * lines cost n²: a 45 MB report of words ran for minutes. The lines are joined once, at the end,
 * and the rules read only `end`, its last 256 characters (they look at the last word and its
 * punctuation; only an end of 256 closing quotes in a row would be read differently).
 */
class GrowingText {
  private readonly parts: string[];
  private length: number;
  end: string;
  constructor(
    first: string,
    private readonly pos: SourcePos,
  ) {
    this.parts = [first];
    this.length = first.length;
    this.end = endOf(first);
  }
  add(line: string, sep = joiner(this.end, line)): void {
    this.length += sep.length + line.length;
    checkParagraph(this.length, this.pos);
    this.parts.push(sep, line);
    this.end = endOf(this.end + sep + line);
  }
  toString(): string {
    return this.parts.join('');
  }
}

/**
 * Footnotes are taken out of the text flow (with a following URL line, which belongs to them), and
 * a paragraph that a page break or a footnote block cut in two is joined back together.
 */
export function separateFootnotes(pieces: Piece[]): { body: Piece[]; footnotes: Para[] } {
  const body: Piece[] = [];
  const footnotes: Para[] = [];
  // Paragraphs that others are joined to, joined once at the end (see GrowingText).
  const grown = new Map<Para, GrowingText>();
  const grow = (p: Para) => {
    let g = grown.get(p);
    if (!g) grown.set(p, (g = new GrowingText(p.text, p.pos)));
    return g;
  };
  const endText = (p: Para) => grown.get(p)?.end ?? endOf(p.text);
  let lastFn: Para | null = null;
  for (const p of pieces) {
    if (p.type === 'para' && p.fnDef !== null) {
      footnotes.push(p);
      lastFn = p;
      continue;
    }
    if (
      p.type === 'para' &&
      lastFn &&
      (URL.test(p.text) || (/[:,]$/.test(endText(lastFn)) && !startsLower(p.text) && p.text.length < 200 && /^\[?(www|http)/i.test(p.text)))
    ) {
      grow(lastFn).add(p.text, ' ');
      continue;
    }
    lastFn = null;
    if (p.type === 'para') {
      const prev = body[body.length - 1];
      if (prev && prev.type === 'para' && !prev.caption && !p.caption && p.bullet === 0 && shouldJoin(prev, endText(prev), p)) {
        grow(prev).add(p.text);
        prev.refs.push(...p.refs);
        prev.lastLineFull = p.lastLineFull;
        prev.rejoined = true;
        continue;
      }
    }
    body.push(p);
  }
  for (const [p, g] of grown) p.text = g.toString();
  return { body, footnotes };
}

function shouldJoin(prev: Para, end: string, next: Para): boolean {
  // "… available from:" followed by the address on a line of its own.
  if (/:$/.test(end) && URL.test(next.text)) return true;
  if (TERMINAL_END.test(end)) return false;
  if (/;$/.test(end)) return startsLower(next.text) && prev.bullet === 0;
  return startsLower(next.text) || STOPWORD_END.test(end) || /[,-]$/.test(end);
}
