import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PackDefinition } from '../../../../src-core/brief/definition';
import type { FindingRow } from '../../../../src-core/query/model/findings';
import type { SavedPack } from '../../../../src-core/query/model/packs';
import { nodeExportLibraries } from '../../../../src-main/node/export-libraries';
import type { ExportedFile, PackPreview, SamplePreview } from '../../../../src-core/service/protocol';
import { fileNameOf } from '../../../../src-core/service/brief-service';
import { docxParts, pdfPagesText, wordText } from '../../../helpers/doc-inspect';
import { fileBytes, openSeeded, workerHarness } from '../../../helpers/db-worker';
import { readFixture } from '../../../helpers/seed';

const at = '2026-11-27T09:30:00.000Z';
const stamp = { author: 'J. Analyst', at };
const NOTE = '<script>alert(1)</script> & "quoted" =HYPERLINK("http://x.example","click")';

const DEFINITION: PackDefinition = {
  title: 'Gwent: county lines',
  audience: 'Chief Constable',
  author: 'J. Analyst',
  date: '2026-11-27',
  marking: 'OFFICIAL-SENSITIVE',
  caveat: 'not for onward circulation',
  sections: ['summary', 'metrics', 'findings', 'areas', 'review', 'sources', 'reproducibility'],
  reportIds: [],
  findings: { kind: 'all' },
};

/**
 * The worker's service with the real sql.js, the seed report, and the Node builds of the export
 * libraries standing in for the worker's (pdfkit's Node build, exceljs, @napi-rs/canvas for the
 * chart), so what the Briefing view and the grids' Export buttons ask for is made for real.
 */
async function seededService() {
  const progress: string[] = [];
  const worker = workerHarness({
    deps: { exports: nodeExportLibraries('9.9.9-test') },
    onMessage: (message) => {
      if (message.kind === 'progress') progress.push(message.progress.stage);
    },
  });
  await openSeeded(worker);
  const { call, value } = worker;
  const countyLines = await value<FindingRow[]>({ type: 'findings.page', query: { search: 'county lines' }, offset: 0, limit: 10 });
  const annotate = (targetId: number, field: string, v: unknown) =>
    value({ type: 'edit', op: 'annotation.set', params: { targetType: 'finding', targetId, field, value: v, ...stamp } });
  return { call, value, countyLines, annotate, progress };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the DB worker’s briefing requests', () => {
  it('previews the pack as HTML with the marked findings, their notes escaped, and the marking; says when none is marked', async () => {
    const w = await seededService();
    const empty = await w.value<PackPreview>({ type: 'brief.preview', definition: DEFINITION });
    expect(empty.findings).toBe(0);
    expect(empty.notices.join(' ')).toMatch(/include-in-brief/i);
    expect(empty.markingLine).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');

    const [first, second] = w.countyLines;
    await w.annotate(first!.id, 'includeInBrief', true);
    await w.annotate(first!.id, 'note', NOTE);
    await w.annotate(second!.id, 'includeInBrief', true);
    const preview = await w.value<PackPreview>({ type: 'brief.preview', definition: DEFINITION });
    expect(preview.findings).toBe(2);
    expect(preview.html).toContain('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    expect(preview.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.html).not.toContain('<script>alert(1)');
    expect(preview.html).toContain('county lines');
  });

  it('exports DOCX, PDF, HTML and Markdown carrying the marking, named after the title and date, with progress', async () => {
    const w = await seededService();
    await w.annotate(w.countyLines[0]!.id, 'includeInBrief', true);
    await w.annotate(w.countyLines[0]!.id, 'note', NOTE);
    const line = 'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION';

    const docx = await w.value<ExportedFile>({ type: 'brief.export', definition: DEFINITION, format: 'docx' });
    expect(docx.suggestedName).toBe('Gwent county lines 2026-11-27.docx');
    expect(docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const parts = await docxParts(fileBytes(docx));
    const headers = [...parts].filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of headers) expect(wordText(xml)).toContain(line);
    expect([...parts.keys()].some((k) => k.startsWith('word/media/'))).toBe(true);
    expect(w.progress).toEqual(expect.arrayContaining(['building', 'chart', 'writing']));

    const pdf = await w.value<ExportedFile>({ type: 'brief.export', definition: DEFINITION, format: 'pdf' });
    expect(pdf.mime).toBe('application/pdf');
    const pages = pdfPagesText(fileBytes(pdf));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.split(line).length - 1, page.slice(0, 200)).toBeGreaterThanOrEqual(2);

    const html = await w.value<ExportedFile>({ type: 'brief.export', definition: DEFINITION, format: 'html' });
    expect(html.suggestedName.endsWith('.html')).toBe(true);
    expect(text(fileBytes(html))).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = await w.value<ExportedFile>({ type: 'brief.export', definition: DEFINITION, format: 'md' });
    expect(md.mime).toBe('text/markdown');
    expect(text(fileBytes(md))).toContain(line);
    expect(text(fileBytes(md))).not.toContain('<script>');
  });

  it('saves, lists, deletes and (by undo) restores packs as journaled edits', async () => {
    const w = await seededService();
    expect(await w.value<SavedPack[]>({ type: 'packs.list' })).toEqual([]);
    await w.value({ type: 'edit', op: 'pack.save', params: { definition: DEFINITION, ...stamp } });
    const [saved] = await w.value<SavedPack[]>({ type: 'packs.list' });
    expect(saved).toMatchObject({ title: DEFINITION.title, definition: DEFINITION });
    await w.value({ type: 'edit', op: 'pack.delete', params: { id: saved!.id, ...stamp } });
    expect(await w.value<SavedPack[]>({ type: 'packs.list' })).toEqual([]);
    await w.value({ type: 'undo', ...stamp });
    expect(await w.value<SavedPack[]>({ type: 'packs.list' })).toMatchObject([{ id: saved!.id, title: DEFINITION.title }]);
  });

  it('refuses a pack without a marking, and an export with a marking that is not one, before touching the workspace', async () => {
    const w = await seededService();
    const unmarked: Partial<PackDefinition> = { ...DEFINITION };
    delete unmarked.marking;
    expect(await w.call({ type: 'brief.preview', definition: unmarked })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await w.call({ type: 'brief.export', definition: { ...DEFINITION, marking: 'SECRET' }, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('the DB worker’s grid exports', () => {
  const columns = [
    { colId: 'report', header: 'Report' },
    { colId: 'kind', header: 'Kind' },
    { colId: 'text', header: 'Text' },
    { colId: 'note', header: 'Note' },
  ];

  it('exports every finding the filter selects (past the first page), in the grid’s sort, as CSV with the marking first and formulas neutralised', async () => {
    const w = await seededService();
    await w.annotate(w.countyLines[0]!.id, 'note', '=HYPERLINK("http://evil.example","x")');
    const file = await w.value<ExportedFile>({
      type: 'grid.export',
      source: { grid: 'findings', query: { search: 'county lines', sort: [{ column: 'kind', direction: 'desc' }] } },
      columns,
      format: 'csv',
      marking: 'OFFICIAL',
      filter: 'Search: county lines',
      title: 'Findings',
    });
    expect(file.rows).toBe(2);
    expect(file.mime).toBe('text/csv');
    expect(file.suggestedName).toMatch(/^Findings \d{4}-\d{2}-\d{2}\.csv$/);
    const csv = text(fileBytes(file)).replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toContain('OFFICIAL');
    expect(csv).toContain('Search: county lines');
    expect(csv).toMatch(/\b2 rows\b/);
    expect(csv).toContain('Report,Kind,Text,Note');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain("'=HYPERLINK");
    // Sorted by kind, descending: the concern before the area for improvement.
    expect(csv.indexOf('Concern')).toBeLessThan(csv.indexOf('Area for improvement'));

    const all = await w.value<ExportedFile>({
      type: 'grid.export',
      source: { grid: 'findings', query: {} },
      columns,
      format: 'csv',
      marking: 'OFFICIAL',
      filter: '',
      title: 'Findings',
    });
    const total = await w.value<number>({ type: 'findings.count', query: {} });
    expect(all.rows).toBe(total);
    expect(total).toBeGreaterThan(100);
  });

  it('exports XLSX with the marking in row 1 and the same columns as the grid', async () => {
    const w = await seededService();
    const file = await w.value<ExportedFile>({
      type: 'grid.export',
      source: { grid: 'findings', query: { search: 'county lines' } },
      columns,
      format: 'xlsx',
      marking: 'OFFICIAL-SENSITIVE',
      filter: 'Search: county lines',
      title: 'Findings',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fileBytes(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('OFFICIAL-SENSITIVE');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r.join('|') === 'Report|Kind|Text|Note');
    expect(header).toBeGreaterThan(0);
    // Two findings, then the marking again as the last row.
    expect(rows.length - header - 2).toBe(2);
    expect(rows.at(-1)?.[0]).toBe('OFFICIAL-SENSITIVE');
  });

  it('exports metrics in the grid’s own sort and case files, and refuses a column the grid does not have', async () => {
    const w = await seededService();
    const metrics = await w.value<ExportedFile>({
      type: 'grid.export',
      source: { grid: 'metrics', query: {}, sort: [{ colId: 'force', direction: 'desc' }] },
      columns: [
        { colId: 'measure', header: 'Measure' },
        { colId: 'force', header: 'Force' },
      ],
      format: 'csv',
      marking: 'OFFICIAL',
      filter: 'No filter: every metric',
      title: 'Metrics',
    });
    expect(metrics.rows).toBeGreaterThan(5);
    // Case files with their Source: the sample file and its row (the header is row 1).
    const bytes = readFixture('tests/fixtures/samples/good.csv');
    const preview = await w.value<SamplePreview>({ type: 'samples.preview', name: 'good.csv', bytes });
    await w.value({ type: 'samples.import', name: 'good.csv', bytes, mapping: preview.mapping, force: 'Gwent Police', reportId: 1 });
    const samples = await w.value<ExportedFile>({
      type: 'grid.export',
      source: { grid: 'samples' },
      columns: [
        { colId: 'caseRef', header: 'Case ref' },
        { colId: 'source', header: 'Source' },
      ],
      format: 'csv',
      marking: 'OFFICIAL',
      filter: 'No filter: every case file',
      title: 'Case files',
    });
    expect(samples.rows).toBe(20);
    expect(Buffer.from(fileBytes(samples)).toString('utf8')).toContain('GW17-0107,"good.csv, row 8"');
    const bad = await w.call({
      type: 'grid.export',
      source: { grid: 'findings', query: {} },
      columns: [{ colId: 'password', header: 'x' }],
      format: 'csv',
      marking: 'OFFICIAL',
      filter: '',
      title: 'Findings',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'export-failed' } });
  });

  it('names files safely from what the analyst typed', () => {
    expect(fileNameOf('../../etc/passwd', '2026-11-27', 'pdf')).toBe('etc passwd 2026-11-27.pdf');
    expect(fileNameOf('A: b/c*?', '2026-11-27', 'docx')).toBe('A b c 2026-11-27.docx');
    expect(fileNameOf('', '2026-11-27', 'md')).toBe('2026-11-27.md');
  });
});
