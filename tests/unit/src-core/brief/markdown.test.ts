import fc from 'fast-check';
import { marked } from 'marked';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src-core/brief/build';
import { escapeMarkdown, escapeMarkdownCell, escapeMarkdownInline, foldLines } from '../../../../src-core/brief/escape';
import { renderMarkdown } from '../../../../src-core/brief/markdown';
import type { BriefingPack } from '../../../../src-core/brief/model';
import { annotateDozen, BRIEFED, CTX, definition, gwentWorkspace } from './gwent-workspace';

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
}
function toEl(n: P5Node): El {
  const kids = n.childNodes ?? [];
  return {
    tag: n.tagName ?? n.nodeName,
    attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])),
    children: kids.filter((k) => k.tagName).map(toEl),
    text: kids.map((k) => (k.nodeName === '#text' ? (k.value ?? '') : k.tagName ? toEl(k).text : '')).join(''),
  };
}
const walk = (el: El): El[] => [el, ...el.children.flatMap(walk)];

/** The Markdown as a GFM renderer shows it, parsed as a browser would parse that HTML. */
function rendered(md: string): El[] {
  return walk(toEl(parse(marked.parse(md, { gfm: true, async: false })) as unknown as P5Node));
}

const tags = (els: El[]) => els.map((e) => e.tag).filter((t) => !t.startsWith('#'));
const count = (els: El[], tag: string) => els.filter((e) => e.tag === tag).length;

describe('the Markdown pack', async () => {
  const db = await gwentWorkspace();
  annotateDozen(db);
  const pack = await buildPack(db, definition({ caveat: 'not for onward circulation' }), CTX);
  const md = renderMarkdown(pack);
  const els = rendered(md);

  it('has the marking as its first and last line', () => {
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    expect(lines[lines.length - 1]).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
  });

  it('renders to the title, the sections in order and their tables', () => {
    expect(els.filter((e) => e.tag === 'h1').map((e) => e.text)).toEqual(['Gwent Police: effectiveness 2017']);
    expect(els.filter((e) => e.tag === 'h2').map((e) => e.text)).toEqual([
      'Summary of judgments',
      'Key metrics',
      'Findings',
      'Areas for improvement',
      'Case-file review',
      'Sources',
      'How this pack was produced',
    ]);
    const tables = els.filter((e) => e.tag === 'table');
    // Title block, judgments, metrics, review criteria, reconciliation, sources, feeds.
    expect(tables).toHaveLength(7);
    const rowsOf = (t: El | undefined) =>
      walk(t as El)
        .filter((e) => e.tag === 'tr')
        .map((r) => r.children.map((c) => c.text));
    expect(rowsOf(tables[1]).slice(0, 3)).toEqual([
      ['Question', 'Grade', 'Last inspected', 'Previous grade', 'Change', 'Check', 'Source'],
      ['Overall effectiveness', 'Requires improvement', '2017', '—', '—', 'Not verified †', '[S1]'],
      ['Preventing crime and tackling anti-social behaviour', 'Good', '2016', '—', '—', 'Not verified †', '[S2]'],
    ]);
    expect(rowsOf(tables[2])[1]?.slice(1, 5)).toEqual(['338', '282', '+56', 'Higher']);
    expect(rowsOf(tables[5])).toHaveLength(pack.sources.length + 1);
  });

  it('gives each finding its RAG in words, its text, note and tags', () => {
    const text = els[0]?.text ?? '';
    for (const b of BRIEFED) {
      expect(text).toContain(`Analyst’s note: ${b.note}`);
      expect(text).toContain(`Tags: ${b.tags.join(', ')}`);
    }
    expect(text).toContain('RAG: Red · Initial response, paragraph 3 — Concern [S25]');
    // The findings, the notices, the Check before use box and the synthetic-sample note.
    expect(count(els, 'blockquote')).toBe(12 + 1 + 1 + 1);
  });
});

describe('text from the workspace in the Markdown', () => {
  const HOSTILE = [
    '[click here](http://evil.example/phish)',
    '![tracker](http://evil.example/x.png)',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '# Not a heading',
    '- not a list',
    '1. not a list either',
    '> not a quote',
    '| a | b |\n| --- | --- |\n| c | d |',
    '```js\nalert(1)\n```',
    '    indented code?',
    '**not bold** _not italic_ ~~not struck~~',
    '<http://evil.example/auto>',
    'see www.evil.example or http://evil.example/bare or mail bad@evil.example',
    '&lt;script&gt; &amp; &#60;',
    'line one\nline two\r\n\nline three',
    'trailing backslash \\',
    'Setext\n===',
    '[ref]: http://evil.example',
  ];

  async function hostilePack(): Promise<BriefingPack> {
    const db = await gwentWorkspace();
    annotateDozen(db);
    return buildPack(db, definition(), CTX);
  }

  it('cannot make a link, an image, HTML, a heading, a list, code or a table row', async () => {
    const pack = await hostilePack();
    const baseline = rendered(renderMarkdown(pack));
    const h = (i: number) => HOSTILE[i % HOSTILE.length] as string;
    let n = 0;
    const hostile: BriefingPack = {
      ...pack,
      notices: pack.notices.map(() => h(n++)),
      metrics: pack.metrics.map((m) => ({ ...m, label: h(n++), note: h(n++) })),
      findings: pack.findings.map((g) => ({
        ...g,
        findings: g.findings.map((f) => ({ ...f, text: h(n++), note: h(n++), tags: [h(n++), h(n++)] })),
      })),
      areas: pack.areas.map((a) => ({ ...a, text: h(n++), children: a.children.map(() => h(n++)) })),
      sources: pack.sources.map((s) => ({ ...s, section: h(n++) })),
      feeds: pack.feeds.map((f) => ({ ...f, feed: h(n++) })),
    };
    const md = renderMarkdown(hostile);
    const els = rendered(md);
    expect(tags(els).filter((t) => ['a', 'img', 'script', 'pre', 'del', 'h4', 'h5', 'h6', 'ol', 'hr', 'b', 'input'].includes(t))).toEqual(
      [],
    );
    for (const t of ['h1', 'h2', 'h3', 'table', 'tr', 'td', 'ul', 'li', 'blockquote', 'code'])
      expect([t, count(els, t)]).toEqual([t, count(baseline, t)]);
    expect(count(els, 'strong')).toBe(count(baseline, 'strong'));
    expect(count(els, 'em')).toBe(count(baseline, 'em'));
    // The text reads as written, on one line.
    const notes = els.filter((e) => e.tag === 'em' && e.text !== '' && !e.text.startsWith('Gwent Police against')).map((e) => e.text);
    expect(notes).toEqual(hostile.findings.flatMap((g) => g.findings.map((f) => foldLines(f.note).trim())));
    // Every table row has as many cells as its header: nothing split a cell.
    for (const t of els.filter((e) => e.tag === 'table')) {
      const widths = walk(t)
        .filter((e) => e.tag === 'tr')
        .map((r) => r.children.length);
      expect(new Set(widths).size).toBe(1);
    }
    expect(md.split('\n')[0]).toBe('OFFICIAL-SENSITIVE');
  });

  it('holds for any text (property): escaped text renders as exactly that text and as nothing else', () => {
    const piece = fc.constantFrom(
      ...'[]()!<>|*_`~#-+=&\\@:./ \n\t'.split(''),
      'http://x.example',
      'www.x.example',
      'a@b.example',
      '1.',
      '> ',
      '- ',
      '    ',
      '&amp;',
      '&#60;',
      '<b>',
      '</p>',
      'word',
      'Ünïcode',
      '```',
      '---',
    );
    const text = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const md = [
          `- ${escapeMarkdown(a)}`,
          '',
          `**Label:** _${escapeMarkdownInline(b.trim())}_`,
          '',
          `| H |`,
          `| --- |`,
          `| ${escapeMarkdownCell(a)} |`,
        ].join('\n');
        const els = rendered(md);
        const found = tags(els).filter(
          (t) => !['html', 'head', 'body', 'p', 'ul', 'li', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t),
        );
        expect(found).toEqual([]);
        expect(count(els, 'li')).toBe(1);
        expect(count(els, 'tr')).toBe(2);
        const li = els.find((e) => e.tag === 'li');
        expect(li?.text.trim()).toBe(foldLines(a).trim());
        const td = els.find((e) => e.tag === 'td');
        expect(td?.text.trim()).toBe(foldLines(a).trim());
        if (b.trim() && foldLines(b.trim()).trim()) {
          const em = els.find((e) => e.tag === 'em');
          if (em) expect(em.text).toBe(foldLines(b.trim()));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the Markdown escapers', () => {
  it('escape what a reader would see as markup, and fold lines', () => {
    expect(escapeMarkdownInline('[x](y) <b> a|b')).toBe('\\[x\\](y) \\<b\\> a\\|b');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. twelve')).toBe('12\\. twelve');
    expect(escapeMarkdownInline('re-offending 1.5')).toBe('re-offending 1.5');
    expect(escapeMarkdownCell('a\nb')).toBe('a b');
    expect(escapeMarkdownCell('')).toBe(' ');
  });
});
