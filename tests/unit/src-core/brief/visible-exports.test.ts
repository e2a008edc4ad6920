import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src-core/brief/build';
import { chartSvg, drawChart, type Canvas2DLike } from '../../../../src-core/brief/chart';
import { renderHtml } from '../../../../src-core/brief/html';
import { renderMarkdown } from '../../../../src-core/brief/markdown';
import type { BriefingPack } from '../../../../src-core/brief/model';
import { toCsv, writeXlsx, type ExcelLike } from '../../../../src-core/brief/table-export';
import type { SqlDatabase } from '../../../../src-core/db/sql-db';
import { renderDocxFile, renderPdfFile } from '../../../../src-main/node/brief-render';
import { gridTable } from '../../../../src-core/service/brief-service';
import { docxParts, pdfInfo, pdfPagesText, wordText } from '../../../helpers/doc-inspect';
import { annotate, CTX, definition, gwentWorkspace } from './gwent-workspace';

/**
 * A workspace from elsewhere whose note, tag, report title and pack title hold a right-to-left
 * override (U+202E), an isolate (U+2066) and control characters: every export shows each of them
 * as its code point and holds none of them raw, so the pack reads as the workspace says.
 */

const NOTE = 'Grade: \u202eetauqedanI\u202c; see \u2066isolated\u2069 text, a bell\u0007 and an escape \u001b[31m here';
const TAG = 'mental\u202ehealth';
const TITLE = 'Gwent \u202eeht\u202c pack';
/** Raw bidi controls and control characters other than tab, LF and CR (the writers' own line ends). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const SHOWN = ['⟨U+202E⟩etauqedanI⟨U+202C⟩', '⟨U+2066⟩isolated⟨U+2069⟩', 'bell⟨U+0007⟩', 'escape ⟨U+001B⟩[31m'];

let db: SqlDatabase;
let pack: BriefingPack;

beforeAll(async () => {
  db = await gwentWorkspace();
  annotate(db, 5, { note: NOTE, tags: [TAG], rag: 'red' });
  // As a hostile workspace would carry it: the report's own title altered in the file.
  db.run('UPDATE reports SET title = ?', ['PEEL: Police \u2066effectiveness\u2069 2017']);
  pack = await buildPack(db, definition({ title: TITLE }), CTX);
}, 120_000);

/** The fact that the pack itself still holds the raw characters: the writers, not the build, must show them. */
it('the pack as built holds the raw characters (so each writer below is what shows them)', () => {
  const f = pack.findings.flatMap((g) => g.findings).find((x) => x.id === 5);
  expect(f?.note).toBe(NOTE);
});

describe('every export shows bidi and control characters as code points', () => {
  it('HTML', () => {
    const html = renderHtml(pack);
    expect(html).not.toMatch(RAW);
    for (const s of SHOWN) expect(html).toContain(s);
    expect(html).toContain('mental⟨U+202E⟩health');
    expect(html).toContain('<title>Gwent ⟨U+202E⟩eht⟨U+202C⟩ pack');
    expect(html).toContain('Police ⟨U+2066⟩effectiveness⟨U+2069⟩ 2017');
  });

  it('Markdown', () => {
    const md = renderMarkdown(pack);
    expect(md).not.toMatch(RAW);
    // Markdown escapes the "[" of "[31m" as it escapes any bracket.
    for (const s of SHOWN) expect(md).toContain(s.replace('[', '\\['));
    expect(md).toContain('# Gwent ⟨U+202E⟩eht⟨U+202C⟩ pack');
  });

  it('DOCX: the document XML, headers and the document properties', async () => {
    const parts = await docxParts(await renderDocxFile(pack));
    for (const [name, xml] of parts) if (!xml.startsWith('<binary')) expect(xml, name).not.toMatch(RAW);
    const text = wordText(parts.get('word/document.xml') ?? '');
    for (const s of SHOWN) expect(text).toContain(s);
    expect(text).toContain('mental⟨U+202E⟩health');
    expect(parts.get('docProps/core.xml')).toContain('Gwent ⟨U+202E⟩eht⟨U+202C⟩ pack');
  }, 60_000);

  it('PDF: the text as poppler reads it (⟨ ⟩ print as ‹ › in Helvetica’s WinAnsi), and the document information', async () => {
    const pdf = await renderPdfFile(pack);
    const text = pdfPagesText(pdf).join('\n');
    expect(text).not.toMatch(RAW);
    // Lines wrap in the PDF: compare with the white space folded.
    const flat = text.replace(/\s+/g, ' ');
    for (const s of SHOWN) expect(flat).toContain(s.replace(/⟨/g, '‹').replace(/⟩/g, '›'));
    expect(pdfInfo(pdf).Title).toBe('Gwent ⟨U+202E⟩eht⟨U+202C⟩ pack');
  }, 60_000);

  const gridRequest = {
    source: { grid: 'findings' as const, query: { includeInBrief: true } },
    columns: [
      { colId: 'report', header: 'Report' },
      { colId: 'text', header: 'Finding' },
      { colId: 'tags', header: 'Tags' },
      { colId: 'note', header: 'Note' },
    ],
    format: 'csv' as const,
    marking: 'OFFICIAL' as const,
    filter: 'Tag: mental\u202ehealth',
    title: 'Findings \u2066x\u2069',
  };

  it('the key-metrics chart (one drawing for the SVG in HTML and the PNG in DOCX and PDF): labels, title and legend', () => {
    const spec = {
      title: 'Key metrics \u202e2017',
      forceLabel: 'Gwent \u2066Police\u2069',
      panels: [{ unit: '%', categories: ['Arrest rate\u0007 \u202edoog'], force: [36], englandWales: [46] }],
    };
    const svg = chartSvg(spec);
    expect(svg).not.toMatch(RAW);
    expect(svg).toContain('Key metrics ⟨U+202E⟩2017');
    expect(svg).toContain('Gwent ⟨U+2066⟩Police⟨U+2069⟩');
    // The canvas the PNG is drawn on is given the same text.
    const drawn: string[] = [];
    const canvas = new Proxy({} as Record<string, unknown>, {
      get: (target, key) =>
        key === 'fillText'
          ? (text: string) => drawn.push(text)
          : key === 'measureText'
            ? (t: string) => ({ width: t.length * 6 })
            : (target[key as string] ?? (() => undefined)),
      set: (target, key, value) => ((target[key as string] = value), true),
    }) as unknown as Canvas2DLike;
    drawChart(canvas, spec);
    expect(drawn.join('\n')).not.toMatch(RAW);
    expect(drawn.join('\n')).toContain('⟨U+202E⟩');
  });

  it('CSV grid export: every cell', () => {
    const table = gridTable(db, gridRequest);
    const csv = toCsv(table);
    expect(csv).not.toMatch(RAW);
    const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data.flat();
    expect(cells).toContain(
      `Grade: ⟨U+202E⟩etauqedanI⟨U+202C⟩; see ⟨U+2066⟩isolated⟨U+2069⟩ text, a bell⟨U+0007⟩ and an escape ⟨U+001B⟩[31m here`,
    );
    expect(cells).toContain('mental⟨U+202E⟩health');
    expect(cells).toContain('Filter: Tag: mental⟨U+202E⟩health');
  });

  it('XLSX grid export: every cell, the sheet name and the page header', async () => {
    const bytes = await writeXlsx(gridTable(db, gridRequest), ExcelJS as unknown as ExcelLike);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    expect(ws.name).toBe('Findings ⟨U+2066⟩x⟨U+2069⟩');
    const values: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    for (const v of values) expect(v).not.toMatch(RAW);
    expect(values).toContain(
      `Grade: ⟨U+202E⟩etauqedanI⟨U+202C⟩; see ⟨U+2066⟩isolated⟨U+2069⟩ text, a bell⟨U+0007⟩ and an escape ⟨U+001B⟩[31m here`,
    );
    expect(values).toContain('mental⟨U+202E⟩health');
  });
});
