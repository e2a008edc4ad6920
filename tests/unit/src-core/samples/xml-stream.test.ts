import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, MAX_XML_TOKEN, NotXml, XmlStream, XmlTooLong } from '../../../../src-core/samples/xml-stream';

/** Reads `doc` given in the pieces `cut` makes of it, and lists what was reported. */
function events(doc: string, cut: (doc: string) => string[] = (d) => [d]): string[] {
  const seen: string[] = [];
  // Text may come in pieces: joined, so that what was read is compared, not how it was cut.
  let text = '';
  const flush = () => {
    if (text) seen.push(JSON.stringify(text));
    text = '';
  };
  const xml = new XmlStream({
    open(name, attrs, selfClosing) {
      flush();
      seen.push(`<${name} ${JSON.stringify(attrs)}${selfClosing ? '/' : ''}>`);
    },
    close(name) {
      flush();
      seen.push(`</${name}>`);
    },
    text(t) {
      text += t;
    },
  });
  for (const piece of cut(doc)) xml.write(piece);
  xml.end();
  return seen;
}

const byChar = (d: string) => Array.from(d);

describe('streaming XML with saxes', () => {
  it('reports elements without their prefix, attributes by local name, text decoded, however the text is cut', () => {
    const doc =
      '<?xml version="1.0"?><x:root xmlns:x="urn:x" xmlns:r="urn:r"><!-- note --><x:c r="A1" r:id="rId1" t="s"/>' +
      '<x:t>a &lt;&amp;&gt; &#169;&#x1F693; Llŷr<![CDATA[ <b>&amp; ]]>end</x:t></x:root>';
    const expected = [
      '<root {}>',
      '<c {"r":"A1","id":"rId1","t":"s"}/>',
      '</c>',
      '<t {}>',
      JSON.stringify('a <&> ©🚓 Llŷr <b>&amp; end'),
      '</t>',
      '</root>',
    ];
    expect(events(doc)).toEqual(expected);
    expect(events(doc, byChar)).toEqual(expected);
  });

  it('reads a character whose UTF-16 halves fall either side of the 64 KiB slice it is given to saxes in', () => {
    const text = `${'a'.repeat((1 << 16) - 4)}🚓b`;
    expect(events(`<t>${text}</t>`)).toEqual(['<t {}>', JSON.stringify(text), '</t>']);
  });

  it('refuses a text run, tag or comment once it passes MAX_XML_TOKEN with nothing reported, and not before', () => {
    const fill = 'x'.repeat(MAX_XML_TOKEN - 16);
    expect(events(`<r><a>${fill}</a><b n="${fill}"/><!--${fill}--></r>`)).toHaveLength(7);
    for (const doc of [`<r>${fill}${fill}</r>`, `<r><b n="${fill}${fill}"/></r>`, `<r><!--${fill}${fill}--></r>`]) {
      expect(() => events(doc)).toThrow(XmlTooLong);
      // Given a little at a time too: it is what saxes holds that counts, not one write.
      expect(() => events(doc, (d) => d.match(/[^]{1,1000}/g) ?? [])).toThrow(XmlTooLong);
    }
  });

  it('expands no entity but XML’s five and character references: one a DOCTYPE declares is an error', () => {
    const doc = '<!DOCTYPE r [<!ENTITY e "EXPANDED"><!ENTITY x SYSTEM "file:///etc/hostname">]><r>&e;</r>';
    expect(() => events(doc)).toThrow(NotXml);
    expect(() => events(doc.replace('&e;', '&x;'))).toThrow(/undefined entity/);
    expect(events(doc.replace('&e;', 'plain'))).toEqual(['<r {}>', '"plain"', '</r>']);
  });

  it('refuses elements nested deeper than MAX_XML_DEPTH', () => {
    const nest = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(events(nest(MAX_XML_DEPTH))).toHaveLength(2 * MAX_XML_DEPTH);
    expect(() => events(nest(MAX_XML_DEPTH + 1))).toThrow(NotXml);
  });

  it('refuses what is not well formed', () => {
    for (const doc of ['<a><b></a>', '<a>x & y</a>', '<a></a><b></b>', '<a>', 'text']) expect(() => events(doc)).toThrow(NotXml);
  });
});
