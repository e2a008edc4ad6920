import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Streaming XML for the parts of an XLSX workbook, read with saxes (a non-validating streaming
 * parser): text is fed a chunk at a time and elements and text are reported as they are read, so a
 * 200 MB sheet is never held whole (nor as a tree). This adapter adds what a hostile part needs
 * and saxes leaves to its caller:
 * - a bound on what saxes buffers: it holds a tag, a text run, a comment or a CDATA section until
 *   it ends, so more than MAX_XML_TOKEN characters with nothing reported is refused (XmlTooLong);
 * - a bound on nesting, as saxes keeps every open element on a stack;
 * - element and attribute names without their namespace prefix (as OOXML writers differ in them).
 * saxes never reads a DOCTYPE's declarations: no entity but XML's five and character references
 * exists, so a reference to one a DOCTYPE declares is an undefined entity, and that (like any
 * well-formedness error) is refused as NotXml: no XXE, no entity bomb.
 */

export interface XmlEvents {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text with its entities decoded (CDATA as written), possibly in several pieces. */
  text(text: string): void;
}

/** A tag, text run, comment or CDATA section longer than this is no workbook's: refused rather than buffered. */
export const MAX_XML_TOKEN = 1 << 20;

/** OOXML nests a dozen deep at most; far deeper is a stack built to fill memory. */
export const MAX_XML_DEPTH = 1000;

/** What saxes is given at once: the token bound is checked this often. */
const SLICE = 1 << 16;

/** The part is not well-formed XML, or not XML a workbook would hold. */
export class NotXml extends Error {}

export class XmlTooLong extends NotXml {
  constructor() {
    super(`an XML tag, text, comment or CDATA section longer than ${MAX_XML_TOKEN} characters`);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML's five entities and character references decoded; anything else is left as written. For
 * text that is XML-escaped a second time inside the XML (a formula's string result, as exceljs read it).
 */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The attributes by local name; namespace declarations are not attributes a reader wants. */
function attrsOf(tag: SaxesTagPlain): Record<string, string> {
  // saxes's own object (prototype-free) when no name has a prefix, as in most of a sheet's tags.
  let plain = true;
  for (const name in tag.attributes) {
    if (name.includes(':') || name === 'xmlns') {
      plain = false;
      break;
    }
  }
  if (plain) return tag.attributes;
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    attrs[localName(name)] = value;
  }
  return attrs;
}

export class XmlStream {
  /**
   * Namespaces are not processed (xmlns: false): names are taken as written and their prefix
   * dropped, so a writer's unbound prefix is no error. No positions are tracked: errors say which
   * part, not where in it.
   */
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  /** Characters given to saxes since it last reported something, i.e. what it may be holding. */
  private pending = 0;
  private depth = 0;

  constructor(on: XmlEvents) {
    const p = this.parser;
    const reported = () => {
      this.pending = 0;
    };
    p.on('opentag', (tag) => {
      reported();
      if (!tag.isSelfClosing && ++this.depth > MAX_XML_DEPTH) throw new NotXml(`elements nested more than ${MAX_XML_DEPTH} deep`);
      on.open(localName(tag.name), attrsOf(tag), tag.isSelfClosing);
    });
    p.on('closetag', (tag) => {
      reported();
      if (!tag.isSelfClosing) this.depth--;
      on.close(localName(tag.name));
    });
    p.on('text', (text) => {
      reported();
      on.text(text);
    });
    p.on('cdata', (text) => {
      reported();
      on.text(text);
    });
    // Read only to know that what saxes held is gone.
    p.on('comment', reported);
    p.on('processinginstruction', reported);
    p.on('doctype', reported);
    p.on('xmldecl', reported);
    p.on('error', (e) => {
      throw new NotXml(e.message);
    });
  }

  write(chunk: string): void {
    for (let at = 0; at < chunk.length; at += SLICE) {
      const slice = chunk.length <= SLICE ? chunk : chunk.slice(at, at + SLICE);
      // Counted before: whatever saxes reports while reading the slice sets the count back to 0.
      this.pending += slice.length;
      this.parser.write(slice);
      if (this.pending > MAX_XML_TOKEN) throw new XmlTooLong();
    }
  }

  /** Ends the part: an element left open, or no root element, is an error. */
  end(): void {
    this.parser.close();
  }
}
