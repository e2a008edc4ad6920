import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { ExtractError } from './errors';
import type { SourceLine } from './source-lines';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// Never text of the report: code, styling, navigation and the page's chrome.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'form',
  'button',
  'select',
  'iframe',
  'object',
  'head',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'blockquote',
  'li',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'address',
]);

/** Does this look like an HTML page rather than Markdown or plain text? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text) || (/<body[\s>]/i.test(text) && /<\/(?:p|div|h[1-6])>/i.test(text));
}

interface Block {
  text: string;
  line: number;
}

/**
 * An HTML page (a saved HMICFRS web page) as lines of the Markdown dialect the extractor reads:
 * headings as "#", list items as "-" (nested ones indented), table rows with tab-separated cells,
 * superscript numbers kept as footnote markers, each line at the source line of its element. The
 * page is parsed by a real HTML parser; scripts, styles and the site's navigation are dropped as
 * data, never run.
 */
export function linesOfHtml(name: string, html: string): SourceLine[] {
  checkNesting(name, html);
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const blocks: Block[] = [];
  walk(doc, blocks, 0, 0, name);
  const out: SourceLine[] = [];
  for (const b of blocks) {
    out.push({ text: b.text, pos: { line: b.line } });
    out.push({ text: '', pos: { line: b.line } });
  }
  return out;
}

// Real pages nest a few dozen elements deep; a page nested hundreds deep is built to exhaust the
// parser's time and the reader's stack, and is refused rather than read.
const MAX_DEPTH = 256;

function tooDeep(name: string, line: number): ExtractError {
  return new ExtractError(
    'bad-html',
    `${name} nests its elements more than ${MAX_DEPTH} deep at line ${line}; save the page as text and import that`,
    {
      line,
    },
  );
}

// Elements a page may leave open (the parser closes them): they do not deepen the nesting.
const SELF_CLOSING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * A linear first pass over the tags: the parser's cost grows with the depth of the open elements at
 * every tag, so a page nested thousands deep would take minutes to parse. Refused before it is.
 */
function checkNesting(name: string, html: string): void {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const tag = (m[2] ?? '').toLowerCase();
    if (VOID.has(tag) || SELF_CLOSING.has(tag) || m[3] === '/') continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_DEPTH) throw tooDeep(name, html.slice(0, m.index).split('\n').length);
  }
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function walk(node: Node, out: Block[], listDepth: number, depth: number, name: string): void {
  if (!('childNodes' in node)) return;
  if (depth > MAX_DEPTH) throw tooDeep(name, isElement(node) ? (node.sourceCodeLocation?.startLine ?? 1) : 1);
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (SKIP.has(tag)) continue;
    if (BLOCK.has(tag)) {
      // An item's own words come before the list nested in it ("… by:" then its sub-items).
      const own = child.childNodes.filter((c) => !isBlock(c));
      const text = own
        .map((c) => inlineText(c, depth + 1, name))
        .join('')
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim();
      if (text) out.push({ text: prefix(tag, listDepth) + text, line: child.sourceCodeLocation?.startLine ?? 1 });
      if (own.length === child.childNodes.length) continue;
    }
    walk(child, out, tag === 'ul' || tag === 'ol' ? listDepth + 1 : listDepth, depth + 1, name);
  }
}

function prefix(tag: string, listDepth: number): string {
  const h = /^h([1-6])$/.exec(tag);
  if (h) return `${'#'.repeat(Number(h[1]))} `;
  if (tag === 'li') return `${'  '.repeat(Math.max(0, listDepth - 1))}- `;
  return '';
}

function isBlock(n: Node): boolean {
  return (
    isElement(n) &&
    (BLOCK.has(n.tagName) ||
      n.tagName === 'ul' ||
      n.tagName === 'ol' ||
      n.tagName === 'table' ||
      n.tagName === 'tbody' ||
      n.tagName === 'thead')
  );
}

function inlineText(node: Node, depth: number, name: string): string {
  if (depth > MAX_DEPTH) throw tooDeep(name, isElement(node) ? (node.sourceCodeLocation?.startLine ?? 1) : 1);
  // Markdown's own characters in the page's text are text, not markup.
  if (node.nodeName === '#text') return 'value' in node ? String(node.value).replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')) : '';
  if (!isElement(node)) return '';
  if (SKIP.has(node.tagName)) return '';
  if (node.tagName === 'br') return ' ';
  const inner = node.childNodes.map((c) => inlineText(c, depth + 1, name)).join('');
  if (node.tagName === 'sup' && /^\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*$/.test(inner)) return `<sup>${inner.trim()}</sup>`;
  if (node.tagName === 'td' || node.tagName === 'th') return `${inner.trim()}\t`;
  return inner;
}
