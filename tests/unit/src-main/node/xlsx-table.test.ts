import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_BYTES, readCsvTable, SampleFileError } from '../../../../src-core/samples/table';
import { readSampleBytes } from '../../../../src-main/node/sample-file';
import { readXlsxTable, type ExcelModule } from '../../../../src-main/node/xlsx-table';
import { readFixture } from '../../../helpers/seed';

const fixture = (name: string) => readFixture(`tests/fixtures/samples/${name}`);

/** An exceljs stand-in that records whether anything asked it to open the bytes. */
function spyExcel(): { excel: ExcelModule; opened: () => number } {
  let opened = 0;
  class Workbook {
    worksheets = [];
    xlsx = {
      load: () => {
        opened++;
        return Promise.resolve();
      },
    };
  }
  return { excel: { Workbook } as unknown as ExcelModule, opened: () => opened };
}

async function refusal(p: Promise<unknown>): Promise<SampleFileError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SampleFileError);
  return e as SampleFileError;
}

async function workbookBytes(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sample'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading an XLSX sample', () => {
  it('reads good.xlsx exactly as good.csv: formula as "=…" text, date cell as dd/mm/yyyy, second sheet ignored', async () => {
    const csv = readCsvTable('good.csv', fixture('good.csv'));
    const xlsx = await readXlsxTable('good.xlsx', fixture('good.xlsx'));
    expect({ ...xlsx, name: 'good.csv' }).toEqual(csv);
    const note = xlsx.headers.indexOf('Note');
    const date = xlsx.headers.indexOf('Date recorded');
    // The workbook holds a real formula with the cached result "case file"; the text is what was typed.
    expect(xlsx.rows[6]?.[note]).toBe('=HYPERLINK("https://records.example.invalid/GW17-0107","case file")');
    expect(xlsx.rows[2]?.[date]).toBe('14/02/2017');
    expect(xlsx.rows[7]?.[note]).toBe('+44 29 2000 0108 is the OIC desk line');
    expect(xlsx.rowNumbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it("reads the same with exceljs's browser build, which the renderer's worker loads", async () => {
    const browserExcel = createRequire(import.meta.url)('exceljs/dist/exceljs.min.js') as ExcelModule;
    const node = await readXlsxTable('good.xlsx', fixture('good.xlsx'));
    expect(await readXlsxTable('good.xlsx', fixture('good.xlsx'), browserExcel)).toEqual(node);
  });

  it('gives every kind of cell as the text the sheet shows, never a computed value', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getRow(2).values = ['Ref', 'Amount', 'Flag', 'Rich', 'Link', 'Twice', 'Error'];
      ws.getRow(3).values = ['A-1', 0.1, true];
      ws.getCell('D3').value = { richText: [{ text: 'Vulnerable ' }, { text: 'victim', font: { bold: true } }] };
      ws.getCell('E3').value = { text: 'case notes', hyperlink: 'https://records.example.invalid/1' };
      // exceljs's types leave out the shared-formula fields it reads and writes.
      ws.getCell('F3').value = { formula: 'B3*2', shareType: 'shared', ref: 'F3:F4', result: 0.2 } as ExcelJS.CellFormulaValue;
      ws.getCell('G3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      // Row 5 is left blank: skipped, and the rows after it keep the sheet's numbers.
      ws.getRow(4).values = [447700900123, 12, false];
      ws.getCell('F4').value = { sharedFormula: 'F3', result: 24 };
      ws.getRow(6).values = ['A-3', new Date(Date.UTC(2017, 2, 31, 23, 59, 59))];
      ws.getCell('B6').numFmt = 'dd/mm/yyyy';
      ws.getCell('C6').value = 'merged';
      ws.mergeCells('C6:E6');
    });
    const t = await readXlsxTable('kinds.xlsx', bytes);
    expect(t.headers).toEqual(['Ref', 'Amount', 'Flag', 'Rich', 'Link', 'Twice', 'Error']);
    expect(t.rowNumbers).toEqual([3, 4, 6]);
    expect(t.rows).toEqual([
      ['A-1', '0.1', 'TRUE', 'Vulnerable victim', 'case notes', '=B3*2', '=1/0'],
      // A shared formula's copy is read as its own formula, not the master's or the cached 24.
      ['447700900123', '12', 'FALSE', '', '', '=B4*2', ''],
      // Only the top-left cell of a merged range has the value, as Excel's own CSV export gives it.
      ['A-3', '31/03/2017', 'merged', '', '', '', ''],
    ]);
  });

  it('refuses a zip bomb from its ZIP directory, before exceljs is asked to inflate it', async () => {
    const { excel, opened } = spyExcel();
    const e = await refusal(readXlsxTable('bomb.xlsx', fixture('bomb.xlsx'), excel));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toBe('bomb.xlsx would inflate to 256 MB from 255 KB; refused as unsafe to open (a "zip bomb")');
    expect(opened()).toBe(0);
  });

  it('refuses a file over 50 MB without opening it', async () => {
    const { excel, opened } = spyExcel();
    const huge = new Uint8Array(MAX_SAMPLE_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const e = await refusal(readXlsxTable('huge.xlsx', huge, excel));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('huge.xlsx is 50.0 MB; sample files over 50 MB are refused');
    expect(opened()).toBe(0);
    expect((await refusal(readSampleBytes('huge.csv', huge))).code).toBe('too-large');
  });

  it('refuses a truncated workbook', async () => {
    const good = fixture('good.xlsx');
    const e = await refusal(readXlsxTable('truncated.xlsx', good.slice(0, Math.floor(good.length * 0.6))));
    expect(e.code).toBe('not-a-table');
    expect(e.message).toBe('truncated.xlsx is not an XLSX workbook (no ZIP directory found); save it as .xlsx or .csv');
  });

  it('refuses a damaged workbook whose directory is intact, before exceljs inflates it', async () => {
    const damaged = fixture('good.xlsx').slice();
    // Overwrite the compressed bytes of the first part; the ZIP directory at the end is untouched.
    damaged.fill(0xff, 60, 400);
    const e = await refusal(readXlsxTable('damaged.xlsx', damaged));
    expect(['zip-bomb', 'not-a-table']).toContain(e.code);
    expect(e.message).toMatch(
      /^damaged\.xlsx is (damaged or unsafe: a part inflates beyond the size its directory declares|a damaged XLSX workbook)/,
    );
  });

  it('refuses a workbook whose first sheet is blank', async () => {
    const e = await refusal(readXlsxTable('blank.xlsx', await workbookBytes(() => {})));
    expect(e.code).toBe('empty');
    expect(e.message).toBe('blank.xlsx has no header row; expected column names in the first row of its first worksheet');
  });
});

describe('choosing the reader by file name', () => {
  it.each([
    ['good.xlsx renamed .csv', 'good.csv', fixture('good.xlsx'), /^good\.csv is a workbook, not CSV text/],
    ['an old .xls workbook', 'old.xls', fixture('good.csv'), /^old\.xls is an old-style \.xls workbook; save it as \.xlsx/],
    ['another kind of file', 'notes.docx', fixture('good.csv'), /^notes\.docx is not a sample file; expected a \.csv or \.xlsx file/],
    ['UTF-16 text', 'bom-utf16.csv', fixture('bom-utf16.csv'), /^bom-utf16\.csv is UTF-16 text; save it as CSV UTF-8/],
  ])('refuses %s', async (_, name, bytes, message) => {
    expect((await refusal(readSampleBytes(name, bytes))).message).toMatch(message);
  });
});

describe('a zip bomb that lies about its sizes', () => {
  it('is refused while inflating, before exceljs sees it', async () => {
    const bytes = readFixture('tests/fixtures/samples/bomb.xlsx');
    // Rewrite every central-directory entry to declare 1,000 bytes, so the directory check passes.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 <= bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true);
    await expect(readXlsxTable('liar.xlsx', bytes)).rejects.toThrow(
      'liar.xlsx is damaged or unsafe: a part inflates beyond the size its directory declares; refused',
    );
  });
});
