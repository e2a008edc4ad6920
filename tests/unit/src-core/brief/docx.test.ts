import { beforeAll, describe, expect, it } from 'vitest';
import { chartSize } from '../../../../src-core/brief/chart';
import { renderDocx } from '../../../../src-core/brief/docx';
import { PACK_SECTION_TITLES } from '../../../../src-core/brief/definition';
import type { BriefingPack } from '../../../../src-core/brief/model';
import { renderChartPng } from '../../../../src-main/node/chart-canvas';
import { docxParts, wordText } from '../../../helpers/doc-inspect';
import { HOSTILE, samplePack } from '../../../helpers/sample-pack';

/** Opens the Word pack's XML and checks what Word's navigation pane, TOC and printing rely on. */

let pack: BriefingPack;
let parts: Map<string, string>;
let body: string;

const part = (name: string): string => parts.get(name) ?? '';
/** The paragraphs of a style, as text. */
const styled = (xml: string, style: string): string[] =>
  [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map(wordText);

beforeAll(async () => {
  pack = samplePack();
  const chart = pack.chart;
  if (!chart) throw new Error('the sample pack has a chart');
  const bytes = await renderDocx(pack, { chartPng: await renderChartPng(chart), chartSize: chartSize(chart) });
  parts = await docxParts(bytes);
  body = part('word/document.xml');
});

describe('renderDocx', () => {
  it('uses Word heading styles for every section and sub-heading, in the pack order', () => {
    const h1 = styled(body, 'Heading1');
    expect(h1).toEqual(pack.definition.sections.map((k) => PACK_SECTION_TITLES[k]));
    const h2 = styled(body, 'Heading2');
    expect(h2).toContain('PEEL: Police effectiveness 2017 – Gwent Police');
    expect(h2).toContain('Protecting vulnerable people and supporting victims');
    expect(h2).toContain('Gwent Police: 60 files reviewed');
    expect(styled(body, 'Title')).toEqual([pack.definition.title]);
  });

  it('has a table-of-contents field over heading levels 1–2, before the first section', () => {
    const toc = body.search(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    expect(toc).toBeGreaterThan(-1);
    expect(toc).toBeLessThan(body.indexOf('<w:pStyle w:val="Heading1"/>'));
  });

  it('repeats the header row of every table on each page', () => {
    const tables = body.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    // judgments, metrics, review criteria, reconciliation, feeds
    expect(tables).toHaveLength(5);
    for (const t of tables) {
      const firstRow = /<w:tr>.*?<\/w:tr>/s.exec(t)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
    }
    expect(wordText(tables[0] ?? '')).toContain('QuestionGradeLast inspectedPrevious gradeChangeCheckSource');
  });

  it('prints the marking centred in the header and the footer, with "Page X of Y" in the footer', () => {
    const headers = [...parts.keys()].filter((k) => /^word\/header\d*\.xml$/.test(k));
    const footers = [...parts.keys()].filter((k) => /^word\/footer\d*\.xml$/.test(k));
    expect(headers.length).toBeGreaterThan(0);
    expect(footers.length).toBeGreaterThan(0);
    for (const h of headers) {
      expect(wordText(part(h))).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
      expect(part(h)).toContain('<w:jc w:val="center"/>');
    }
    for (const f of footers) {
      expect(wordText(part(f))).toMatch(/OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION$/);
      expect(part(f)).toContain('PAGE');
      expect(part(f)).toContain('NUMPAGES');
    }
    // The section uses the default header and footer on every page (no different first page).
    expect(body).toContain('<w:headerReference w:type="default"');
    expect(body).toContain('<w:footerReference w:type="default"');
    expect(body).not.toContain('<w:titlePg');
  });

  it('is A4 with the document properties set', () => {
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>Gwent Police: effectiveness briefing for the chief officer group</dc:title>');
    expect(core).toContain('<dc:creator>J. Rees (inspection analyst)</dc:creator>');
    expect(core).toContain('OFFICIAL-SENSITIVE');
  });

  it('embeds the chart as a PNG image with alt text', () => {
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.some((m) => m.endsWith('.png'))).toBe(true);
    expect(body).toContain('<w:drawing>');
    expect(body).toMatch(/descr="Gwent Police against England and Wales: bar chart/);
  });

  it('links each citation to a bookmark on its entry in the Sources list', () => {
    const anchors = [...body.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = new Set([...body.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    const sourceAnchors = anchors.filter((a) => a?.startsWith('source_'));
    expect(sourceAnchors.length).toBeGreaterThanOrEqual(pack.sources.length);
    for (const a of sourceAnchors) expect(bookmarks.has(a)).toBe(true);
  });

  it('shows RAG as a word, the analyst’s note and tags with each finding', () => {
    const text = wordText(body);
    expect(text).toContain('RAG: Red');
    expect(text).toContain('RAG: Amber');
    expect(text).toContain('RAG: Green');
    expect(text).toContain('RAG: Not rated');
    expect(text).toContain('Analyst’s note: Headline for the chief officer');
    expect(text).toContain('Tags: domestic abuse, arrests');
  });

  it('nests the sub-items of an area for improvement one level down', () => {
    const level1 = body.match(/<w:ilvl w:val="1"\/>/g) ?? [];
    expect(level1).toHaveLength(3);
  });

  it('keeps hostile text as literal text: no injected XML, markup or field', () => {
    const text = wordText(body);
    for (const s of [HOSTILE.script, HOSTILE.xmlBreaker, HOSTILE.formula, HOSTILE.unicode, HOSTILE.ampersand]) expect(text).toContain(s);
    expect(body).not.toContain('<w:t>INJECTED');
    expect(body).toContain('&lt;/w:t&gt;&lt;w:t&gt;INJECTED');
    expect(body).not.toContain('<script>');
  });

  it('says so when no finding is included, and leaves the chart out when none is given', async () => {
    const empty = { ...samplePack(), findings: [] };
    const p = await docxParts(await renderDocx(empty, { chartPng: null }));
    const xml = p.get('word/document.xml') ?? '';
    expect(wordText(xml)).toContain('No finding is marked include-in-brief.');
    expect(xml).not.toContain('<w:drawing>');
  });
});
