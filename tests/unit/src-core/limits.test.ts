import ExcelJS from 'exceljs';
import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPack, PackBuildError } from '../../../src-core/brief/build';
import { all, one, type SqlDatabase } from '../../../src-core/db/sql-db';
import { decodeInput } from '../../../src-core/extract/decode';
import { ExtractError } from '../../../src-core/extract/errors';
import { extractReport } from '../../../src-core/extract/extract';
import {
  MAX_PACK_FINDINGS,
  MAX_PACK_FINDINGS_BY_FORMAT,
  MAX_PDF_PAGES,
  MAX_REPORT_BYTES,
  MAX_REPORT_PARAGRAPH,
  MAX_SAMPLE_COLUMNS,
  MAX_SAMPLE_ROWS,
  packTooLarge,
} from '../../../src-core/limits';
import { readCsvTable, SampleFileError } from '../../../src-core/samples/table';
import { writePack } from '../../../src-core/service/brief-service';
import type { ExportLibraries } from '../../../src-core/service/export-libraries';
import { extractFile } from '../../../src-main/node/extract-file';
import { readPdfText } from '../../../src-main/node/pdf-text';
import { readSampleFile } from '../../../src-main/node/sample-file';
import { readXlsxTable } from '../../../src-main/node/xlsx-table';
import { readFixture, SEED_FILES } from '../../helpers/seed';
import { definition, gwentWorkspace } from './brief/gwent-workspace';

// Each limit of src-core/limits.ts, at the limit and one past it: past it the input is refused in
// one line that says what, how big and the limit, before it is read where its size says so.

/** Every file the code under test reads whole, so a test can show a file past a limit was never read. */
const reads = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const readFile = ((file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
    reads.files.push(String(file));
    return (fs.readFile as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'peel-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal<E extends Error>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(type);
  return e as E;
}

const seed = () => new TextDecoder().decode(readFixture(SEED_FILES.markdown));
const deps = { readPdf: readPdfText };

describe('a report', () => {
  it('over 50 MB on disk is refused from its size, in one line naming the file, its size and the limit', async () => {
    const file = path.join(dir, 'big.md');
    await writeFile(file, '');
    // A sparse file: its size is past the limit while none of it is ever written (or read).
    await truncate(file, MAX_REPORT_BYTES + 1);
    const e = await refusal(extractFile(file), ExtractError);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('big.md is 50.1 MB; reports over 50 MB are refused');
    expect(reads.files).not.toContain(file);
    // One at the limit is read (and refused for what it holds: a sparse file is all NUL bytes).
    await truncate(file, MAX_REPORT_BYTES);
    await expect(extractFile(file)).rejects.toThrow(/control character/);
    expect(reads.files).toContain(file);
  });

  it('over 50 MB in memory (a dropped file, the app) is refused before anything else is looked at', () => {
    // Zero bytes would be refused as control bytes: the size is the first thing checked.
    expect(() => decodeInput('big.txt', new Uint8Array(MAX_REPORT_BYTES + 1))).toThrow(
      'big.txt is 50.1 MB; reports over 50 MB are refused',
    );
    expect(() => decodeInput('at-limit.txt', new Uint8Array(MAX_REPORT_BYTES))).toThrow(
      /control character \(U\+0000, NUL\) at line 1, column 1/,
    );
  });

  it(`with a paragraph past ${MAX_REPORT_PARAGRAPH} characters is refused, saying where; one at the limit is read`, async () => {
    // Exactly n characters of words, ending in a letter (no trailing space to be trimmed away).
    const words = (n: number) => `${'word '.repeat(Math.ceil(n / 5)).slice(0, n - 1)}x`;
    const longest = (text: string) => extractReport('long.md', new TextEncoder().encode(`${seed()}\n\n${text}\n`), deps);
    const lengths = async (text: string) => (await longest(text)).findings.map((f) => f.text.length);
    expect(words(MAX_REPORT_PARAGRAPH)).toHaveLength(MAX_REPORT_PARAGRAPH);
    // At the limit: a paragraph, and a list item whose line is longer by its marker, are read whole.
    expect(await lengths(words(MAX_REPORT_PARAGRAPH))).toContain(MAX_REPORT_PARAGRAPH);
    expect(await lengths(`- ${words(MAX_REPORT_PARAGRAPH)}`)).toContain(MAX_REPORT_PARAGRAPH);

    const lines = seed().split('\n').length;
    const past = `${seed()}\n\n${words(MAX_REPORT_PARAGRAPH + 1)}\n`;
    const e = await refusal(extractReport('longer.md', new TextEncoder().encode(past), deps), ExtractError);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('longer.md has a paragraph of more than 100,000 characters at line');
    expect(e.where?.line).toBeGreaterThan(lines - 2);
    expect(e.message).toContain(`at line ${e.where?.line};`);
    // One past it: as a list item, and as a paragraph wrapped over lines of about 80 characters.
    await expect(longest(`- ${words(MAX_REPORT_PARAGRAPH + 1)}`)).rejects.toThrow(/a paragraph of more than 100,000 characters/);
    const wrapped = words(MAX_REPORT_PARAGRAPH + 1).replace(/(.{75,85}?) /g, '$1\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(1000);
    await expect(longest(wrapped)).rejects.toThrow(/a paragraph of more than 100,000 characters/);
  });

  it(`as a PDF of more than ${MAX_PDF_PAGES} pages is refused, saying how many`, async () => {
    const pdf = (pages: number) =>
      new Promise<Uint8Array>((resolve) => {
        const doc = new PDFDocument({ autoFirstPage: false });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
        for (let p = 0; p < pages; p++) doc.addPage().text(`Page ${p + 1}`);
        doc.end();
      });
    const e = await refusal(extractReport('long.pdf', await pdf(MAX_PDF_PAGES + 1), deps), ExtractError);
    expect(e.message).toMatch(/long\.pdf has 1,?001 pages/);
  }, 60_000);
});

describe('a review sample', () => {
  const csv = (rows: number) => {
    const lines = ['Case reference,Force'];
    for (let r = 0; r < rows; r++) lines.push(`C${r},Gwent Police`);
    return new TextEncoder().encode(`${lines.join('\n')}\n`);
  };

  it(`of ${MAX_SAMPLE_ROWS.toLocaleString('en-GB')} rows is read; one more is refused, saying the limit`, () => {
    expect(readCsvTable('ok.csv', csv(MAX_SAMPLE_ROWS)).rows).toHaveLength(MAX_SAMPLE_ROWS);
    let e: unknown;
    try {
      readCsvTable('many.csv', csv(MAX_SAMPLE_ROWS + 1));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(SampleFileError);
    expect((e as SampleFileError).code).toBe('too-large');
    expect((e as SampleFileError).message).toBe(
      'many.csv has more than 100,000 rows of case files; sample files past that are refused (split it and import the parts)',
    );
  });

  it('over 50 MB on disk is refused from its size, before it is read', async () => {
    const file = path.join(dir, 'big.csv');
    await writeFile(file, '');
    await truncate(file, 50 * 1024 * 1024 + 1);
    const e = await refusal(readSampleFile(file), SampleFileError);
    expect(e.message).toBe('big.csv is 50.1 MB; sample files over 50 MB are refused');
    expect(reads.files).not.toContain(file);
    // One within the limit is read, and the spy sees it.
    await writeFile(file, 'Case reference,Force\nC1,Gwent Police\n');
    expect((await readSampleFile(file)).rows).toEqual([['C1', 'Gwent Police']]);
    expect(reads.files).toContain(file);
  });

  it(`as a workbook with a cell past column ${MAX_SAMPLE_COLUMNS} is refused, naming the cell's column and row`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sample');
    ws.getRow(1).values = ['Case reference', 'Force'];
    ws.getRow(2).values = ['C1', 'Gwent Police'];
    ws.getCell(3, MAX_SAMPLE_COLUMNS + 1).value = 'stray';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const e = await refusal(readXlsxTable('wide.xlsx', bytes), SampleFileError);
    expect(e.message).toContain('wide.xlsx has a cell in column IW (row 3)');
  });
});

describe('a briefing pack', () => {
  /** The seed's findings copied until `n` are marked include-in-brief (sql, not edits: the test is of the limit). */
  function markFindings(db: SqlDatabase, n: number): void {
    const cols = all(db, 'PRAGMA table_info(findings)')
      .map((r) => String(r.name))
      .filter((c) => c !== 'id');
    const last = Number(one(db, 'SELECT max(ordinal) AS m FROM findings')?.m);
    const seedCount = Number(one(db, 'SELECT count(*) AS n FROM findings')?.n);
    db.exec('BEGIN');
    for (let k = 1; seedCount * k < n; k++) {
      const select = cols.map((c) => (c === 'ordinal' ? `ordinal + ${k * (last + 1)}` : c)).join(', ');
      db.run(`INSERT INTO findings (${cols.join(', ')}) SELECT ${select} FROM findings WHERE ordinal <= ?`, [last]);
    }
    db.run('DELETE FROM annotations');
    db.run(
      `INSERT INTO annotations (target_type, target_id, include_in_brief, author, created_at, updated_at)
       SELECT 'finding', id, 1, 'test', '2026-01-01', '2026-01-01' FROM findings ORDER BY id LIMIT ?`,
      [n],
    );
    db.exec('COMMIT');
    expect(Number(one(db, 'SELECT count(*) AS n FROM annotations WHERE include_in_brief = 1')?.n)).toBe(n);
  }

  const ctx = { appVersion: 'test', now: '2026-11-27T10:00:00.000Z' };
  const findingsOnly = definition({ sections: ['findings'] });

  it(`of ${(MAX_PACK_FINDINGS + 1).toLocaleString('en-GB')} findings is refused once they are counted, in any format`, async () => {
    const db = await gwentWorkspace();
    markFindings(db, MAX_PACK_FINDINGS + 1);
    const e = await refusal(buildPack(db, findingsOnly, ctx), PackBuildError);
    expect(e.message).toBe(
      'This pack has 50,001 findings marked include-in-brief; HTML packs of more than 50,000 findings are refused: narrow its findings (a saved view, fewer reports)',
    );
    db.close();
  }, 60_000);

  it('too large for Word is refused for Word, saying which formats can take it, and built for HTML', async () => {
    const n = MAX_PACK_FINDINGS_BY_FORMAT.docx + 1;
    const db = await gwentWorkspace();
    markFindings(db, n);
    const e = await refusal(buildPack(db, findingsOnly, { ...ctx, format: 'docx' }), PackBuildError);
    expect(e.message).toBe(
      'This pack has 4,001 findings marked include-in-brief; Word packs of more than 4,000 findings are refused: write it as PDF or HTML or Markdown, or narrow its findings (a saved view, fewer reports)',
    );
    const pack = await buildPack(db, findingsOnly, { ...ctx, format: 'html' });
    expect(pack.findings.reduce((k, g) => k + g.findings.length, 0)).toBe(n);
    db.close();

    // The app builds one pack for its preview and writes it in the format chosen: the writer refuses
    // it before it starts (no library is even loaded).
    const libs: ExportLibraries = {
      loadPdfKit: () => Promise.reject(new Error('not to be loaded')),
      loadExcel: () => Promise.reject(new Error('not to be loaded')),
      chartPng: () => Promise.reject(new Error('not to be drawn')),
      appVersion: 'test',
    };
    await expect(writePack(pack, 'docx', libs)).rejects.toThrow(
      /^The DOCX file was not made\. This pack has 4,001 findings .* Word packs of more than 4,000/,
    );
    const html = await writePack(pack, 'html', libs);
    expect(html.parts.reduce((n, p) => n + p.length, 0)).toBeGreaterThan(1_000_000);
  }, 60_000);

  it('limits name the formats that can take a pack, and none when none can', () => {
    expect(packTooLarge(MAX_PACK_FINDINGS_BY_FORMAT.pdf, 'pdf')).toBeNull();
    expect(packTooLarge(MAX_PACK_FINDINGS_BY_FORMAT.pdf + 1, 'pdf')).toContain('write it as HTML or Markdown, or narrow');
    expect(packTooLarge(MAX_PACK_FINDINGS + 1, 'md')).toContain('Markdown packs of more than 50,000 findings are refused: narrow');
  });
});
