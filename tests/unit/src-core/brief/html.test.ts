import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src-core/brief/build';
import { chartParts, inlineSvg, renderHtml } from '../../../../src-core/brief/html';
import { BRIEF_CSS, BRIEF_CSS_CSP_SOURCE } from '../../../../src-core/brief/html-style';
import type { BriefingPack } from '../../../../src-core/brief/model';
import { annotateDozen, BRIEFED, CTX, definition, gwentWorkspace } from './gwent-workspace';

/** A parsed element, as a browser's parser builds it (parse5 implements the HTML standard's parsing). */
interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

function toEl(n: P5Node): El {
  const kids = [...(n.childNodes ?? []), ...(n.content?.childNodes ?? [])];
  const children = kids.filter((k) => k.tagName).map(toEl);
  const text = kids.map((k) => (k.nodeName === '#text' ? (k.value ?? '') : k.tagName ? toEl(k).text : '')).join('');
  return { tag: n.tagName ?? n.nodeName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])), children, text };
}

function dom(html: string): El {
  return toEl(parse(html) as unknown as P5Node);
}

function walk(el: El): El[] {
  return [el, ...el.children.flatMap(walk)];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function gwentPack(over = {}): Promise<BriefingPack> {
  const db = await gwentWorkspace();
  annotateDozen(db);
  return buildPack(db, definition({ caveat: 'not for onward circulation', ...over }), CTX);
}

/** Elements the writer may emit (the chart's SVG included); anything else would be injected. */
const ALLOWED = new Set(
  'html head meta title style body div footer table thead tfoot tbody tr td th main header p h1 h2 h3 dl dt dd aside ul ol li nav a section span strong em blockquote article figure figcaption caption code svg rect text path'.split(
    ' ',
  ),
);

describe('the HTML pack', async () => {
  const pack = await gwentPack();
  const html = renderHtml(pack);
  const doc = dom(html);
  const all = walk(doc);

  it('is a complete document that loads nothing and runs nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.map((e) => e.tag).filter((t) => !ALLOWED.has(t) && !t.startsWith('#'))).toEqual([]);
    expect(
      all.flatMap((e) => Object.keys(e.attrs)).filter((a) => /^on/i.test(a) || a === 'src' || a === 'style' || a === 'srcset'),
    ).toEqual([]);
    // Every link stays in the document and lands on something.
    const ids = new Set(all.map((e) => e.attrs.id).filter(Boolean));
    const hrefs = all.map((e) => e.attrs.href).filter((h): h is string => h !== undefined);
    expect(hrefs.length).toBeGreaterThan(40);
    for (const h of hrefs) {
      expect(h).toMatch(/^#/);
      expect(ids.has(h.slice(1))).toBe(true);
    }
    expect(html).not.toMatch(/https?:|url\(|@import|<script/i);
    const csp = all.find((e) => e.attrs['http-equiv'] === 'Content-Security-Policy')?.attrs.content;
    expect(csp).toContain("default-src 'none'");
    // One stylesheet, exactly the constant one: nothing from the workspace reaches the CSS.
    const styles = all.filter((e) => e.tag === 'style');
    expect(styles.map((s) => s.text)).toEqual([BRIEF_CSS]);
  });

  it('prints the marking first and last, and in the tab title', () => {
    const body = all.find((e) => e.tag === 'body');
    const marks = walk(body as El).filter((e) => e.attrs.class?.split(' ').includes('marking'));
    expect(marks.map((m) => m.text)).toEqual([
      'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION',
      'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION',
    ]);
    const sheet = body?.children[0];
    expect(sheet?.children[0]?.attrs.class).toBe('marking marking-top');
    expect(sheet?.children[sheet.children.length - 1]?.attrs.class).toBe('marking marking-bottom');
    expect(all.find((e) => e.tag === 'title')?.text).toBe(
      'Gwent Police: effectiveness 2017 (OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION)',
    );
    // Print CSS pins both to every page, with room kept for them.
    expect(BRIEF_CSS).toMatch(
      /@media print \{[^]*\.marking \{ position: fixed;[^]*\.marking-top \{ top: 0; \}[^]*\.marking-bottom \{ bottom: 0; \}/,
    );
  });

  it('has the title block and one section per chosen section, headed in order', () => {
    expect(all.find((e) => e.tag === 'h1')?.text).toBe('Gwent Police: effectiveness 2017');
    const dl = all.find((e) => e.attrs.class === 'title-block')?.children.find((e) => e.tag === 'dl');
    expect(dl?.children.map((c) => c.text)).toEqual([
      'Prepared for',
      'Chief officer group',
      'Author',
      'Ann Analyst',
      'Date',
      '27 November 2026',
      'Reports',
      'PEEL: Police effectiveness 2017',
      'Protective marking',
      'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION',
    ]);
    const sections = all.filter((e) => e.tag === 'section');
    expect(sections.map((s) => s.children[0]?.text)).toEqual([
      'Summary of judgments',
      'Key metrics',
      'Findings',
      'Areas for improvement',
      'Case-file review',
      'Sources',
      'How this pack was produced',
    ]);
  });

  it('puts every table header row in <thead>, so print repeats it on each page', () => {
    const tables = all.filter((e) => e.tag === 'table' && e.attrs.class?.includes('data'));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) {
      expect(t.children.find((c) => c.tag === 'thead')?.children[0]?.children.every((c) => c.tag === 'th')).toBe(true);
    }
    const judgments = tables[0];
    const rows = judgments?.children.find((c) => c.tag === 'tbody')?.children ?? [];
    expect(rows.map((r) => r.children.slice(0, 3).map((c) => c.text))).toEqual([
      ['Overall effectiveness', 'Requires improvement', '2017'],
      ['Preventing crime and tackling anti-social behaviour', 'Good', '2016'],
      ['Investigating crime and reducing re-offending', 'Good', '2016'],
      ['Protecting vulnerable people', 'Requires improvement', '2017'],
      ['Tackling serious and organised crime', 'Requires improvement', '2017'],
      ['Specialist capabilities', 'Ungraded', '2017'],
    ]);
  });

  it('shows each finding with its RAG in words, note, tags and a citation that links to its source', () => {
    const findings = all.filter((e) => e.tag === 'article');
    expect(findings).toHaveLength(12);
    for (const [i, f] of findings.entries()) {
      const b = BRIEFED[i];
      const rag = walk(f).find((e) => e.attrs.class?.startsWith('rag '));
      expect(rag?.text).toBe(`RAG: ${b?.rag.replace(/^./, (c) => c.toUpperCase())}`);
      expect(squash(f.text)).toContain(`Analyst’s note: ${b?.note}`);
      expect(squash(f.text)).toContain(`Tags: ${b?.tags.join(', ')}`);
      const cite = walk(f).find((e) => e.attrs.class === 'cite');
      const target = all.find((e) => e.attrs.id === cite?.attrs.href?.slice(1));
      expect(target?.tag).toBe('tr');
      expect(squash(target?.text ?? '')).toMatch(/^\[S\d+\]Finding/);
    }
    // Finding 16 is paragraph 3 of "Initial response", line 262 of the report.
    const f16 = findings[3];
    const s = all.find(
      (e) =>
        e.attrs.id ===
        walk(f16 as El)
          .find((x) => x.attrs.class === 'cite')
          ?.attrs.href?.slice(1),
    );
    expect(s?.children[2]?.text).toBe(
      'PEEL: Police effectiveness 2017 – Gwent Police: Protecting vulnerable people and supporting victims › Initial response, paragraph 3, line 262',
    );
  });

  it('draws the chart inline, cut into parts that fit a page, with a text alternative', () => {
    const figures = all.filter((e) => e.tag === 'figure');
    expect(figures.length).toBe(chartParts(pack.chart as NonNullable<BriefingPack['chart']>).length);
    expect(figures.length).toBeGreaterThan(1);
    expect(figures.every((f) => f.children[0]?.tag === 'svg')).toBe(true);
    const labels = figures.flatMap((f) =>
      walk(f)
        .filter((e) => e.tag === 'text')
        .map((e) => e.text),
    );
    for (const m of pack.metrics) expect(labels.join(' ')).toContain(m.label.slice(0, 12));
    expect(figures[figures.length - 1]?.children.find((c) => c.tag === 'figcaption')?.text).toMatch(
      /^Gwent Police against England and Wales: bar chart/,
    );
  });

  it('states the synthetic sample, the notices and the reproducibility facts', () => {
    const text = squash(doc.text);
    expect(text).toContain('SYNTHETIC SAMPLE');
    expect(text).toContain('These figures come from a synthetic demonstration sample, not from real case-file review data.');
    for (const n of pack.notices) expect(text).toContain(n);
    expect(text).toContain(pack.workspaceHash);
    expect(text).toContain('all findings (121 findings), keeping those marked include-in-brief');
  });

  it('is the same document for the same pack', () => {
    expect(renderHtml(pack)).toBe(html);
  });
});

describe('text from the workspace in the HTML', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</style><script>alert(2)</script>',
    '" onmouseover="alert(3)',
    "' autofocus onfocus='alert(4)",
    '</textarea></title><svg onload=alert(5)>',
    'a & b &amp; <b>bold</b>',
  ];

  it('is escaped everywhere: notes, tags, titles, labels, chart text and sources come back as the same text and make no element', async () => {
    const pack = await gwentPack();
    const h = (i: number) => HOSTILE[i % HOSTILE.length] as string;
    const hostile: BriefingPack = {
      ...pack,
      definition: { ...pack.definition, title: h(0), audience: h(1), author: h(3) },
      markingLine: `OFFICIAL – ${h(2)}`,
      notices: [h(4)],
      reports: pack.reports.map((r) => ({ ...r, title: h(5), force: h(6), judgments: r.judgments.map((j) => ({ ...j, question: h(1) })) })),
      metrics: pack.metrics.map((m, i) => ({ ...m, label: h(i), note: h(i + 1) })),
      chart: pack.chart && {
        ...pack.chart,
        title: h(3),
        forceLabel: h(4),
        panels: pack.chart.panels.map((p) => ({ ...p, unit: h(2), categories: p.categories.map((_, i) => h(i)) })),
      },
      findings: pack.findings.map((g) => ({
        ...g,
        section: h(2),
        findings: g.findings.map((f, i) => ({ ...f, text: h(i), note: h(i + 3), tags: [h(i + 1), h(i + 2)] })),
      })),
      areas: pack.areas.map((a, i) => ({ ...a, text: h(i), children: a.children.map((_, j) => h(j)) })),
      sources: pack.sources.map((s, i) => ({ ...s, section: h(i), what: h(i + 1) })),
      feeds: pack.feeds.map((f, i) => ({ ...f, feed: h(i) })),
      checkBeforeUse: [{ figure: h(0), warning: h(1), source: 'S1' }],
    };
    const html = renderHtml(hostile);
    const all = walk(dom(html));
    expect(all.map((e) => e.tag).filter((t) => !ALLOWED.has(t) && !t.startsWith('#'))).toEqual([]);
    expect(all.filter((e) => ['script', 'img', 'b', 'textarea'].includes(e.tag))).toEqual([]);
    expect(all.flatMap((e) => Object.keys(e.attrs)).filter((a) => /^on|autofocus/i.test(a))).toEqual([]);
    expect(all.filter((e) => e.tag === 'style').map((s) => s.text)).toEqual([BRIEF_CSS]);
    // The text survives intact: escaping loses nothing.
    const notes = all.filter((e) => e.tag === 'em').map((e) => e.text);
    expect(notes).toEqual(hostile.findings.flatMap((g) => g.findings.map((f) => f.note)));
    expect(notes.every((n) => HOSTILE.includes(n))).toBe(true);
    const tags = all.filter((e) => e.attrs.class === 'tags').map((e) => e.text.replace(/^Tags: /, ''));
    expect(tags).toEqual(hostile.findings.flatMap((g) => g.findings.map((f) => f.tags.join(', '))));
    expect(all.find((e) => e.tag === 'h1')?.text).toBe(HOSTILE[0]);
    expect(all.find((e) => e.tag === 'title')?.text).toBe(`${HOSTILE[0]} (OFFICIAL – ${HOSTILE[2]})`);
    // An attribute value with quotes in it stays one attribute value.
    const figure = all.find((e) => e.tag === 'figure');
    expect(figure?.attrs['aria-label']).toMatch(/^" onmouseover="alert\(3\): bar chart/);
    const chartText = all.filter((e) => e.tag === 'text').map((e) => e.text);
    // Each bar's label ends with its check mark (none of these figures is verified).
    expect(chartText).toContain('<script>alert(1)</script> †');
    const check = all.find((e) => e.tag === 'aside' && e.attrs.class === 'notices check-before-use');
    expect(check?.children.at(-1)?.children[0]?.children.map((p) => p.text)).toEqual([`${HOSTILE[0]} [S1]`, HOSTILE[1]]);
  });

  it('refuses a chart SVG that carries script, handlers or links rather than passing it on', () => {
    expect(inlineSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toBe('<svg><rect/></svg>');
    for (const bad of [
      '<svg><script>x</script></svg>',
      '<svg onload="x"></svg>',
      '<svg><a href="http://x"><text>t</text></a></svg>',
      '<svg><rect fill="url(http://x)"/></svg>',
    ]) {
      expect(inlineSvg(bad)).toBe('');
    }
  });
});

describe('choices in the definition', () => {
  it('prints citations as plain text, not dangling links, when the Sources section is left out', async () => {
    const pack = await gwentPack({ sections: ['summary', 'findings'] });
    const all = walk(dom(renderHtml(pack)));
    expect(all.filter((e) => e.tag === 'a' && e.attrs.class === 'cite')).toEqual([]);
    expect(
      all
        .filter((e) => e.attrs.class === 'cite')
        .map((e) => e.text)
        .slice(0, 2),
    ).toEqual(['[S1]', '[S2]']);
    expect(all.filter((e) => e.tag === 'section').map((s) => s.attrs.id)).toEqual(['summary', 'findings']);
  });

  it('says so in the findings section when no finding is marked include-in-brief', async () => {
    const db = await gwentWorkspace();
    const pack = await buildPack(db, definition(), CTX);
    const all = walk(dom(renderHtml(pack)));
    const findings = all.find((e) => e.tag === 'section' && e.attrs.id === 'findings');
    expect(squash(findings?.text ?? '')).toBe('Findings No finding is marked include-in-brief.');
    expect(squash(all.find((e) => e.tag === 'aside')?.text ?? '')).toContain(
      'No finding is marked include-in-brief, so this pack has no findings',
    );
  });
});

describe('the stylesheet', () => {
  it('is a constant whose hash a host can allow under a strict Content-Security-Policy', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(BRIEF_CSS)));
    expect(BRIEF_CSS_CSP_SOURCE).toBe(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
    expect(BRIEF_CSS).not.toMatch(/url\(|@import|expression\(/);
  });
});
