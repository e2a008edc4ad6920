import { defaultTreeAdapter, Parser } from 'parse5';
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import { ExtractError } from './errors';
import type { SourceLine } from './source-lines';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

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

/**
 * An HTML page (a saved HMICFRS web page) as lines of the Markdown dialect the extractor reads:
 * headings as "#", list items as "-" (nested ones indented), table rows with tab-separated cells,
 * superscript numbers kept as footnote markers, each line at the source line of its element. The
 * page is parsed by a real HTML parser; scripts, styles and the site's navigation are dropped as
 * data, never run.
 */
export function linesOfHtml(name: string, html: string | Uint8Array): SourceLine[] {
  const doc = parseHtml(name, html);
  const out: SourceLine[] = [];
  walk(doc, out, 0, 0, name);
  return out;
}

/** Text handed to the parser at a time, when the page comes as bytes. */
const CHUNK = 1 << 20;

/**
 * The page's tree. From bytes (as extract.ts passes it) the page is decoded a chunk at a time as
 * the parser reads it: the whole page as one string (two bytes a character, twice the file's
 * size) never has to be held beside the tree. The bytes were checked as UTF-8 text already, and
 * the parser reads line breaks (CR LF, CR, LF) as the text reader does.
 */
function parseHtml(name: string, source: string | Uint8Array): DefaultTreeAdapterMap['document'] {
  const parser = new Parser({ sourceCodeLocationInfo: true, treeAdapter: leanTree(name) });
  if (typeof source === 'string') {
    parser.tokenizer.write(source, true);
    return parser.document;
  }
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < source.length; at += CHUNK) {
    parser.tokenizer.write(decoder.decode(source.subarray(at, at + CHUNK), { stream: true }), false);
  }
  parser.tokenizer.write(decoder.decode(), true);
  return parser.document;
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

/** A text node's words, gathered in chunks as the parser hands them over (see leanTree). */
interface TextPieces {
  done: string[];
  tail: string[];
}
const pieces = new WeakMap<TextNode, TextPieces>();

/** A text node's text, its pieces joined. */
function textOf(node: TextNode): string {
  const p = pieces.get(node);
  if (!p) return node.value;
  node.value = p.done.join('') + p.tail.join('');
  pieces.delete(node);
  return node.value;
}

/**
 * Adds text to a text node: its pieces are joined 64 at a time, so that a long text is a short list
 * of large strings rather than one string of a piece a character, joined once when it is read.
 */
function addText(node: TextNode, text: string): void {
  let p = pieces.get(node);
  if (!p) pieces.set(node, (p = { done: [node.value], tail: [] }));
  p.tail.push(flat(text));
  if (p.tail.length === 64) {
    p.done.push(p.tail.join(''));
    p.tail = [];
  }
}

/** Tags whose attributes the HTML parser reads while building the tree; every other element's are dropped. */
const ATTRIBUTES_READ = new Set(['html', 'body', 'input', 'font', 'annotation-xml']);

/**
 * parse5's own tree, made lean for pages up to the 50 MB limit. The default tree joins a text's
 * words as the tokenizer hands them over (a string of one piece a character, never flattened) and
 * keeps a location object of a dozen fields and a copy of it per update for every node and tag: a
 * 50 MB page took 900 MB to hold. Here text is gathered in chunks, a node keeps only the line it
 * starts on (all that walk() reads), comments keep no text, and attributes are dropped where the
 * parser does not read them (the tree-construction rules read the attributes of those elements
 * only, but for the Noah's Ark rule, which compares formatting elements' attributes: with theirs
 * dropped, a run of identical formatting elements may be reconstructed differently; the text read
 * from the page is the same).
 *
 * It also refuses a page nested too deep, as the parser opens the element past MAX_DEPTH: the
 * parser's cost grows with the depth of the open elements at every tag, so a page nested thousands
 * deep would take minutes to parse.
 */
function leanTree(name: string): TreeAdapter<DefaultTreeAdapterMap> {
  let depth = 0;
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      return defaultTreeAdapter.createElement(tagName, namespaceURI, ATTRIBUTES_READ.has(tagName) ? attrs : []);
    },
    createCommentNode() {
      return defaultTreeAdapter.createCommentNode('');
    },
    insertText(parent, text) {
      const last = parent.childNodes[parent.childNodes.length - 1];
      if (last && defaultTreeAdapter.isTextNode(last)) addText(last, text);
      else defaultTreeAdapter.appendChild(parent, defaultTreeAdapter.createTextNode(flat(text)));
    },
    insertTextBefore(parent: ParentNode, text, reference) {
      const before = parent.childNodes[parent.childNodes.indexOf(reference) - 1];
      if (before && defaultTreeAdapter.isTextNode(before)) addText(before, text);
      else defaultTreeAdapter.insertBefore(parent, defaultTreeAdapter.createTextNode(flat(text)), reference);
    },
    // Read by parse5's serializer, never while parsing: kept so that the tree reads back as parse5's own.
    getTextNodeContent: textOf,
    onItemPush(element) {
      if (++depth > MAX_DEPTH) throw tooDeep(name, element.sourceCodeLocation?.startLine ?? 1);
    },
    onItemPop(element) {
      depth--;
      // No text is added to an element once it is closed: its text is joined now, not held in pieces.
      for (const c of element.childNodes) if (defaultTreeAdapter.isTextNode(c)) textOf(c);
    },
    setNodeSourceCodeLocation(node, location) {
      node.sourceCodeLocation = location ? ({ startLine: location.startLine } as typeof location) : location;
    },
    updateNodeSourceCodeLocation() {
      // Only where a node starts is read.
    },
  };
}

/** The same text as one flat string: the tokenizer builds a token a character at a time. */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function walk(node: Node, out: SourceLine[], listDepth: number, depth: number, name: string): void {
  if (!('childNodes' in node)) return;
  if (depth > MAX_DEPTH) throw tooDeep(name, isElement(node) ? (node.sourceCodeLocation?.startLine ?? 1) : 1);
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Node;
    // Each part of the tree is let go once read: the lines grow as the tree shrinks.
    (children as unknown[])[i] = null;
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
      if (text) {
        const line = child.sourceCodeLocation?.startLine ?? 1;
        out.push({ text: prefix(tag, listDepth) + text, pos: { line } }, { text: '', pos: { line } });
      }
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
  if (node.nodeName === '#text') return 'value' in node ? textOf(node).replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')) : '';
  if (!isElement(node)) return '';
  if (SKIP.has(node.tagName)) return '';
  if (node.tagName === 'br') return ' ';
  const inner = node.childNodes.map((c) => inlineText(c, depth + 1, name)).join('');
  if (node.tagName === 'sup' && /^\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*$/.test(inner)) return `<sup>${inner.trim()}</sup>`;
  if (node.tagName === 'td' || node.tagName === 'th') return `${inner.trim()}\t`;
  return inner;
}
