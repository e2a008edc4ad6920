import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNTRUSTED_PDF } from '../../../../../src-core/extract/pdf-lines';
import type { Extraction, SourcePos } from '../../../../../src-core/extract/types';
import {
  lineOfItem,
  pageMarks,
  pageTextOf,
  rowOfLine,
  textMarks,
  type PageText,
  type TextRow,
} from '../../../../../src-renderer/shared/source/locate';
import { readOriginalText } from '../../../../../src-renderer/shared/source/original-text';
import { sha256Hex } from '../../../../../src-core/db/hash';
import { extractSeed, readFixture, SEED_FILES } from '../../../../helpers/seed';

interface Item {
  kind: string;
  quote: string | null;
  where: SourcePos;
}

/** Every item a Show source button can point at, with the words it passes and where the extractor read it. */
function itemsOf(ex: Extraction): Item[] {
  return [
    ...ex.findings.map((f) => ({ kind: 'finding', quote: f.text, where: f.where })),
    ...ex.metrics.map((m) => ({ kind: 'metric', quote: m.quote, where: m.where })),
    ...ex.footnotes.map((f) => ({ kind: 'footnote', quote: f.text, where: f.where })),
    ...ex.areasForImprovement.map((a) => ({ kind: 'area', quote: a.text, where: a.where })),
    ...ex.judgments.map((j) => ({ kind: 'judgment', quote: j.quote, where: j.where })),
  ];
}

/**
 * Findings, footnotes, areas and grades start on the line the extractor gives; a figure read from a
 * sentence is in the paragraph that line starts, so on it or a few lines after it.
 */
function expectAtItsLine(item: Item, firstLine: number | null | undefined) {
  const where = `${item.kind} at ${JSON.stringify(item.where)}: “${(item.quote ?? '').slice(0, 60)}”`;
  if (item.kind === 'metric') {
    expect(firstLine, where).toBeGreaterThanOrEqual(item.where.line);
    expect(firstLine, where).toBeLessThanOrEqual(item.where.line + 20);
  } else expect(firstLine, where).toBe(item.where.line);
}

describe('the text view finds every item of the seed where the extractor read it', () => {
  for (const format of ['markdown', 'text'] as const) {
    it(`in the seed as ${format}`, async () => {
      const [ex, rows] = await Promise.all([extractSeed(format), readOriginalText(SEED_FILES[format], readFixture(SEED_FILES[format]))]);
      expect(rows).not.toBeNull();
      const items = itemsOf(ex);
      expect(items.length).toBeGreaterThan(150);
      for (const item of items) {
        const marks = textMarks(rows!, item.quote, item.where.line);
        expect(marks.length, `${item.kind} at line ${item.where.line}`).toBeGreaterThan(0);
        expectAtItsLine(item, rows![marks[0]!.segment]?.line);
      }
    });
  }

  it('highlights the item’s line whole when its words are not in the source (a corrected text, say)', () => {
    const rows: TextRow[] = ['# Title', '', 'Gwent Police', '**1**'].map((text, i) => ({ text, line: i + 1 }));
    const lineOnly = textMarks(rows, 'words the analyst wrote instead', 3);
    expect([...lineOnly]).toEqual([{ segment: 2, start: 0, end: 12 }]);
    // Said to be the line only, so the panel draws it apart and says the words were not found.
    expect(lineOnly.lineOnly).toBe(true);
    expect([...textMarks(rows, null, 4)]).toEqual([{ segment: 3, start: 0, end: 5 }]);
    expect(textMarks(rows, 'Gwent Police', 3).lineOnly).toBeUndefined();
    expect(textMarks(rows, null, null)).toEqual([]);
  });

  it('shows the row of a line, or the next that has one (HTML rows skip lines of markup)', () => {
    const rows: TextRow[] = [
      { text: '# Heading', line: 3 },
      { text: 'Para', line: 7 },
    ];
    expect(rowOfLine(rows, 3)).toBe(0);
    expect(rowOfLine(rows, 5)).toBe(1);
    expect(rowOfLine(rows, 99)).toBe(1);
    expect(rowOfLine(rows, null)).toBeNull();
  });
});

describe('the PDF view finds every item of the seed on its page and line', () => {
  const pages: PageText[] = [];
  beforeAll(async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: readFixture(SEED_FILES.pdf), ...UNTRUSTED_PDF }).promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width, height } = page.getViewport({ scale: 1 });
      pages.push(pageTextOf((await page.getTextContent()).items, { width, height }));
    }
    await doc.destroy();
  });

  it('in the seed printed to PDF, numbering lines as the extractor does', async () => {
    const items = itemsOf(await extractSeed('pdf'));
    expect(items.length).toBeGreaterThan(150);
    for (const item of items) {
      const page = pages[(item.where.page ?? 0) - 1];
      expect(page, `page ${item.where.page}`).toBeDefined();
      const marks = pageMarks(page!, item.quote, item.where.line);
      expect(marks.length, `${item.kind} at ${JSON.stringify(item.where)}`).toBeGreaterThan(0);
      expectAtItsLine(item, page!.lines[marks[0]!.segment]);
    }
  });

  it('gives a selection the line of its item, or of the nearest item on a line', () => {
    const page: PageText = { items: ['Head', ' ', 'Body text'], lines: [1, null, 2], order: [0, 2] };
    expect(lineOfItem(page, 2)).toBe(2);
    expect(lineOfItem(page, 1)).toBe(1);
    expect(lineOfItem({ items: [' '], lines: [null], order: [] }, 0)).toBeNull();
    // No words found: every item on the item's line is marked.
    const lineOnly = pageMarks(page, 'not on this page at all', 2);
    expect([...lineOnly]).toEqual([{ segment: 2, start: 0, end: 9 }]);
    expect(lineOnly.lineOnly).toBe(true);
  });
});

describe('an original’s text as the panel shows it', () => {
  it('numbers every line of a text file from 1, drops form feeds and shows invisible characters', async () => {
    const text = 'First line\nSecond \u202Eline\f\nThird';
    const rows = await readOriginalText('notes.txt', new TextEncoder().encode(text));
    expect(rows).toEqual([
      { text: 'First line', line: 1 },
      { text: 'Second ⟨U+202E⟩line', line: 2 },
      { text: 'Third', line: 3 },
    ]);
  });

  it('shows an HTML page as the lines the extractor read, at the lines of their elements, never its script', async () => {
    const html = [
      '<!DOCTYPE html>',
      '<html><head><script>window.ran = true</script></head>',
      '<body>',
      '<h1>Gwent Police</h1>',
      '<p>The force is good at',
      'protecting vulnerable people.</p>',
      '</body></html>',
    ].join('\n');
    const rows = await readOriginalText('gwent.html', new TextEncoder().encode(html));
    expect(rows?.map((r) => r.text).join('\n')).not.toContain('window.ran');
    const heading = rows?.find((r) => r.text.includes('Gwent Police'));
    expect(heading?.line).toBe(4);
    expect(textMarks(rows!, 'The force is good at protecting vulnerable people.', 5).length).toBeGreaterThan(0);
  });

  it('gives null for a PDF, which pdf.js draws instead, sniffed from its bytes whatever its name', async () => {
    expect(await readOriginalText('report.txt', readFixture(SEED_FILES.pdf))).toBeNull();
  });

  // The panel checks an original with core's hash, the one the import recorded (src-core/db/hash.ts).
  it('hashes the bytes as the workspace records them', async () => {
    const bytes = readFixture(SEED_FILES.markdown);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
