import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSize } from '../../../../src-core/brief/chart';
import { PACK_SECTION_TITLES } from '../../../../src-core/brief/definition';
import type { BriefingPack, PackFinding } from '../../../../src-core/brief/model';
import { renderPdf } from '../../../../src-core/brief/pdf';
import type { PdfDeps } from '../../../../src-core/brief/pdf';
import type { PdfDocConstructor } from '../../../../src-core/brief/pdf-types';
import { toWinAnsi } from '../../../../src-core/brief/pdf-winansi';
import { renderChartPng } from '../../../../src-main/node/chart-canvas';
import { nonEmptyLines, pdfInfo, pdfOutline, pdfPagesText } from '../../../helpers/doc-inspect';
import { HOSTILE, samplePack } from '../../../helpers/sample-pack';

/** Opens the PDF pack with poppler and pdf.js and checks what a reader and a printer see. */

const PDFKit = PDFDocument as unknown as PdfDocConstructor;
const MARKING = 'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION';
const squash = (s: string) => s.replace(/\s+/g, ' ');

async function render(pack: BriefingPack, extra: Partial<PdfDeps> = {}): Promise<Uint8Array> {
  const chartPng = pack.chart ? await renderChartPng(pack.chart) : null;
  return renderPdf(pack, { PDFDocument: PDFKit, chartPng, chartSize: pack.chart ? chartSize(pack.chart) : undefined, ...extra });
}

/** A pack with only a findings section holding one finding whose note carries the given text. */
function noteOnly(note: string): BriefingPack {
  const base = samplePack();
  const f = base.findings[0]?.findings[0] as PackFinding;
  return {
    ...base,
    definition: { ...base.definition, sections: ['findings'] },
    findings: [{ report: f.report, section: f.section, findings: [{ ...f, note }] }],
  };
}

let pack: BriefingPack;
let pdf: Uint8Array;
let pages: string[];

beforeAll(async () => {
  pack = samplePack();
  pdf = await render(pack);
  pages = pdfPagesText(pdf);
});

describe('renderPdf', () => {
  it('is A4 with title, author and the marking as subject', () => {
    const info = pdfInfo(pdf);
    expect(info['Title']).toBe(pack.definition.title);
    expect(info['Author']).toBe(pack.definition.author);
    expect(info['Subject']).toBe(MARKING);
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(info['Pages'])).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it('prints the marking as the first and last line of every page, with "Page X of Y" above the last', () => {
    pages.forEach((page, i) => {
      const lines = nonEmptyLines(page);
      expect(lines[0], `page ${i + 1} top`).toBe(MARKING);
      expect(lines.at(-1), `page ${i + 1} bottom`).toBe(MARKING);
      expect(lines.at(-2), `page ${i + 1} number`).toBe(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('has an outline entry per section, with the sub-headings beneath', async () => {
    const { outline, destinations } = await pdfOutline(pdf);
    expect(outline.map((o) => o.title)).toEqual(pack.definition.sections.map((k) => PACK_SECTION_TITLES[k]));
    const findings = outline.find((o) => o.title === 'Findings');
    expect(findings?.items.map((i) => i.title)).toEqual(pack.findings.map((g) => g.section));
    // Citations jump to named destinations on the Sources entries.
    for (const s of pack.sources) expect(destinations).toContain(`source_${s.id}`);
  });

  it('lists the sections on the contents page with the pages they start on', () => {
    const contents = pages[0] ?? '';
    for (const key of pack.definition.sections) {
      const title = PACK_SECTION_TITLES[key];
      const m = new RegExp(`^\\s*${title}\\s+(\\d+)\\s*$`, 'm').exec(contents);
      expect(m, title).not.toBeNull();
      const page = pages[Number(m?.[1]) - 1] ?? '';
      expect(
        nonEmptyLines(page).some((l) => l === title),
        `${title} on page ${m?.[1]}`,
      ).toBe(true);
    }
  });

  it('shows each finding with its RAG word, note, tags and citation', () => {
    const text = squash(pages.join(' '));
    expect(text).toContain('RAG: Red Initial response, paragraph 3 — Concern [S');
    expect(text).toContain('RAG: Not rated');
    expect(text).toContain('Analyst’s note: Headline for the chief officer');
    expect(text).toContain('Tags: domestic abuse, arrests');
    expect(text).toContain('Note: These figures come from a synthetic demonstration sample');
  });

  it('repeats a table’s header row on every page the table runs onto', async () => {
    const many = samplePack();
    const metrics = Array.from({ length: 90 }, (_, i) => ({
      ...(many.metrics[0] as BriefingPack['metrics'][number]),
      label: `Metric row ${i + 1}`,
    }));
    const long = await render({ ...many, metrics, definition: { ...many.definition, sections: ['metrics'] } }, { chartPng: null });
    const withRows = pdfPagesText(long).filter((p) => /Metric row \d+/.test(p));
    expect(withRows.length).toBeGreaterThan(2);
    for (const p of withRows) expect(nonEmptyLines(p).some((l) => /^Metric\s.*Difference/.test(l))).toBe(true);
  });

  it('keeps hostile text literal', async () => {
    const note = [HOSTILE.script, HOSTILE.pdfBreaker, HOSTILE.formula, HOSTILE.unicode, HOSTILE.ampersand].join(' | ');
    const text = squash(pdfPagesText(await render(noteOnly(note), { chartPng: null })).join(' '));
    for (const s of [HOSTILE.script, HOSTILE.pdfBreaker, HOSTILE.formula, HOSTILE.unicode, HOSTILE.ampersand]) expect(text).toContain(s);
  });

  it('folds characters the standard font cannot encode, and keeps them with an embedded font', async () => {
    const welsh = 'Ymchwiliad Tŷ Ŵyn – café “test”';
    const standard = squash(pdfPagesText(await render(noteOnly(welsh), { chartPng: null })).join(' '));
    expect(standard).toContain('Ymchwiliad Ty Wyn – café “test”');
    const dir = '/usr/share/fonts/truetype/dejavu';
    if (!existsSync(`${dir}/DejaVuSans.ttf`)) return;
    const fonts = {
      regular: new Uint8Array(readFileSync(`${dir}/DejaVuSans.ttf`)),
      bold: new Uint8Array(readFileSync(`${dir}/DejaVuSans-Bold.ttf`)),
      italic: new Uint8Array(readFileSync(`${dir}/DejaVuSans-Oblique.ttf`)),
    };
    const embedded = squash(pdfPagesText(await render(noteOnly(welsh), { chartPng: null, fonts })).join(' '));
    expect(embedded).toContain(welsh);
  });
});

describe('toWinAnsi', () => {
  it('keeps Windows-1252 text as it is and replaces what it cannot fold with "?"', () => {
    expect(toWinAnsi('£5 – “quoted” café… €')).toBe('£5 – “quoted” café… €');
    expect(toWinAnsi('Tŷ Ŵ')).toBe('Ty W');
    expect(toWinAnsi('a − b ≥ c → d')).toBe('a - b >= c -> d');
    expect(toWinAnsi('警察')).toBe('??');
  });
});
